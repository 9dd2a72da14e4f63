"""A ``<script>`` in the data is shown as text on every kind of page, never run.

The hostile store holds the examples with markup appended to every text (titles, names, posts,
issues, recommendations, the report's own text, place and organisation names).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import make_app
from tests.server.pages_data import HOSTILE, path_of


@pytest.fixture(scope="module")
def hostile_client(hostile_store: Any) -> Any:
    return make_app(store=hostile_store).test_client()


PAGES = {
    "event": lambda iris: path_of(iris["event"]),
    "person": lambda iris: path_of(iris["person"]),
    "organization": lambda iris: path_of(iris["organization"]),
    "region": lambda iris: path_of(iris["region"]),
    "recommendation": lambda iris: path_of(iris["recommendation"]),
    "report": lambda iris: path_of(iris["report"]),
    "venue": lambda iris: path_of(iris["venue"]),
    "graph": lambda iris: path_of(iris["graph"]),
    "home": lambda iris: "/",
    "regions": lambda iris: "/regions",
    "search": lambda iris: "/search?q=alert",
    "search-markup": lambda iris: "/search?q=" + HOSTILE.replace("&", "%26"),
    "not-found": lambda iris: "/kg/id/event/%3Cscript%3Ealert(1)%3Cb%3E",
}


@pytest.mark.parametrize("lang", ["ky", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_markup_in_the_data_is_escaped(
    hostile_client: Any, iris: dict[str, str], kind: str, lang: str
) -> None:
    path = PAGES[kind](iris)
    joiner = "&" if "?" in path else "?"
    reply = hostile_client.get(f"{path}{joiner}lang={lang}", headers={"Accept": "text/html"})
    assert reply.status_code == (404 if kind == "not-found" else 200)
    html = reply.get_data(as_text=True)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "onerror=alert" not in html or "&lt;img src=x onerror=alert" in html
    soup = BeautifulSoup(html, "html.parser")
    # the only scripts are JSON-LD data, and no text in them can end the element
    for script in soup.find_all("script"):
        assert script.get("type") == "application/ld+json"
        assert "<" not in script.string
        json.loads(script.string)
    assert soup.find("img") is None
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    # the hostile text is there, as text: the test would see it if it were not escaped
    if kind != "regions":
        assert '<script>alert("kg")</script>' in soup.get_text() or "alert(1)" in soup.get_text()
