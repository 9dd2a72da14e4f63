"""Pages and exports under hostile input: parameters reach queries only as bound terms, export
paths stay among the export files, and nothing answers 5xx or changes the data.

test_pages_escaping.py covers markup in the data on every page type, and test_pages_negotiation.py
odd resource paths; this adds the page *parameters* (search words, home filters, sort, page,
language) and the export paths.
"""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.page_queries import bind, iri, text
from tests.conftest import examples
from tests.server.test_safety import raw_get

pytestmark = pytest.mark.live

INJECTIONS = [
    '"} } ; DROP ALL ; SELECT * { ?s ?p ?o } #',
    "') } UNION { ?s ?p ?o } #",
    '""" } INSERT DATA { <urn:x> <urn:y> <urn:z> } #',
    "<http://example.org/x> } #",
    "\\u0022 } #",
    "?s ?p ?o",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "(" * 200,
    "Талас" * 400,
]
SELECT = "SELECT ?value\nWHERE {\n}"
SERVER = Path(__file__).resolve().parents[2] / "server"


def _round_trip(term: Any) -> list[Any]:
    """The values a query with ``term`` bound as ``?value`` gives back."""
    store = ox.Store()
    return [row["value"] for row in store.query(bind(SELECT, {"value": term}))]


@settings(max_examples=examples(100), deadline=timedelta(seconds=2))
@given(st.text(st.characters(exclude_categories=["Cs"])), st.sampled_from([None, "ky", "en"]))
def test_any_text_is_bound_as_one_literal_and_comes_back_unchanged(value: str, lang) -> None:
    assert _round_trip(text(value, lang)) == [text(value, lang)]


@settings(max_examples=examples(100), deadline=timedelta(seconds=2))
@given(st.one_of(st.text(), st.sampled_from(INJECTIONS).map(lambda s: "https://e.org/" + s)))
def test_any_iri_parameter_is_refused_or_bound_as_one_iri(value: str) -> None:
    try:
        term = iri(value)
    except ValueError:
        return
    assert _round_trip(term) == [term]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injections_in_any_page_parameter_are_answered_and_change_nothing(
    pages_client: Any, pages_store: Any, payload: str
) -> None:
    client, store = pages_client, pages_store
    before = store.quad_count()
    for path, params in [
        ("/search", {"q": payload}),
        ("/", {"region": payload, "year": payload, "theme": payload, "sdg": payload}),
        ("/", {"sort": payload, "page": payload}),
        ("/", {"lang": payload}),
        ("/regions", {"lang": payload}),
    ]:
        reply = client.get(path, query_string=params, headers={"Accept": "text/html"})
        assert reply.status_code < 500, (path, params, reply.status_code)
        assert "<script>alert(1)</script>" not in reply.get_data(as_text=True)
    assert store.quad_count() == before


@pytest.mark.parametrize(
    "path",
    [
        "/exports/../server/__init__.py",
        "/exports/../../pyproject.toml",
        "/exports/%2e%2e/pyproject.toml",
        "/exports/..%2f..%2fpyproject.toml",
        "/exports/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/exports//etc/passwd",
        "/exports/events.csv/../../pyproject.toml",
        "/exports/events.csv%00.py",
        "/exports/...",
        "/exports/.%2e/.%2e/pyproject.toml",
    ],
)
def test_paths_outside_the_export_files_are_404(live_server: str, path: str) -> None:
    assert raw_get(live_server, "/exports/") == 200
    assert raw_get(live_server, path) == 404


def test_only_the_endpoint_and_the_page_queries_send_sparql() -> None:
    # The pages' one way to a store is server.page_queries (named texts, VALUES-bound terms);
    # the endpoint (its Flask view, and server.fast_path for plain GETs) runs the client's own
    # text. A new .query( call elsewhere in server/ would be a second way, unchecked by the tests
    # above.
    callers = set()
    for path in sorted(SERVER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "query"
            ):
                callers.add(path.name)
    assert callers == {"page_queries.py", "sparql.py", "fast_path.py"}
