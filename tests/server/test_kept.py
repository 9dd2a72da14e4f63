"""What the server keeps per store generation (the list of events, the search index) follows the
data: a write through the server, or into the store, is seen by the next request."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from rdflib import Dataset

from tests.conftest import make_app, memory_store
from tests.server.pages_data import crowded_trig


@pytest.fixture(params=[64, 0], ids=["page-cache", "no-page-cache"])
def growing(request: pytest.FixtureRequest) -> tuple[Any, Any]:
    store = memory_store(crowded_trig(3))
    return store, make_app({"PAGE_CACHE_MB": request.param}, store=store).test_client()


def _events_listed(client: Any) -> int:
    soup = BeautifulSoup(client.get("/", query_string={"lang": "en"}).data, "html.parser")
    return int(soup.select_one("ul.stats strong").get_text(strip=True))


def _found(client: Any, words: str) -> str:
    reply = client.get("/search", query_string={"q": words, "lang": "en"})
    assert reply.status_code == 200
    return BeautifulSoup(reply.data, "html.parser").select_one("main").get_text(" ", strip=True)


def test_the_home_page_and_search_see_a_report_added_after_them(growing: tuple[Any, Any]) -> None:
    store, client = growing
    assert _events_listed(client) == 3
    assert "Crowded meeting 2" in _found(client, "crowded")
    assert "Crowded meeting 3" not in _found(client, "crowded")
    added = Dataset().parse(data=crowded_trig(4).decode("utf-8"), format="trig")
    graph = next(g for g in added.graphs() if str(g.identifier).endswith("crowded-3"))
    store.replace_graph(str(graph.identifier), graph)
    assert _events_listed(client) == 4
    assert "Crowded meeting 3" in _found(client, "crowded")


def test_a_report_removed_is_no_longer_found(growing: tuple[Any, Any]) -> None:
    store, client = growing
    assert "Crowded meeting 1" in _found(client, "meeting 1")
    store.delete_graph("https://example.org/kg/graph/crowded-1")
    assert "Crowded meeting 1" not in _found(client, "meeting 1")
    assert _events_listed(client) == 2
