"""The page queries (kg/queries/page_*.rq): their shape rules, safe binding, and the same answers
(and the same pages) from the embedded store and a live Oxigraph server."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
import pytest
from bs4 import BeautifulSoup
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.loading import load_vocabularies
from kg.sparql import query_names
from kg.store.remote import RemoteStore
from server import page_queries
from tests.conftest import make_app
from tests.server.pages_data import BASE, HIGHLIGHTED, report_graphs

PAGE_QUERIES = [n for n in query_names() if n.startswith("page_")]
EVENT = f"{BASE}id/event/{HIGHLIGHTED}"
PARAMS: dict[str, dict[str, Any]] = {
    # what each query is about in the examples; every query must find something there
    "page_agent_roles": {"resource": ox.NamedNode(f"{BASE}id/person/kravchenko-irina")},
    "page_describe": {"resource": ox.NamedNode(EVENT)},
    "page_event_facts": {"resource": ox.NamedNode(EVENT)},
    "page_event_people": {"resource": ox.NamedNode(EVENT)},
    "page_event_graph": {"event": ox.NamedNode(EVENT)},
    "page_event_report": {"resource": ox.NamedNode(EVENT)},
    "page_event_schema": {"event": ox.NamedNode(EVENT)},
    "page_event_schema_roles": {"event": ox.NamedNode(EVENT)},
    "page_event_statements": {"resource": ox.NamedNode(EVENT)},
    "page_event_summaries": {"event": ox.NamedNode(EVENT)},
    "page_events": {},
    "page_exists": {"resource": ox.NamedNode(EVENT)},
    "page_graph": {"resource": ox.NamedNode(f"{BASE}graph/{HIGHLIGHTED}")},
    "page_graph_exists": {"resource": ox.NamedNode(f"{BASE}graph/{HIGHLIGHTED}")},
    "page_graph_summary": {"resource": ox.NamedNode(f"{BASE}graph/{HIGHLIGHTED}")},
    "page_labels": {
        "g": ox.NamedNode(f"{BASE}graph/{HIGHLIGHTED}"),
        "resource": ox.NamedNode(EVENT),
    },
    "page_labels_any": {"resource": ox.NamedNode(f"{BASE}id/place/KG-C")},
    "page_nodes": {"node": ox.NamedNode(f"{EVENT}#audience")},
    "page_incoming": {"resource": ox.NamedNode(f"{BASE}id/place/KG-C")},
    "page_incoming_count": {"resource": ox.NamedNode(f"{BASE}id/place/KG-C")},
    "page_place_events": {"resource": ox.NamedNode(f"{BASE}id/place/KG-C")},
    "page_place_recommendations": {"resource": ox.NamedNode(f"{BASE}id/place/KG-C")},
    "page_provenance": {"resource": ox.NamedNode(f"{BASE}id/person/kravchenko-irina")},
    "page_resource": {"resource": ox.NamedNode(EVENT)},
    "page_search": {"pattern": ox.Literal("безопасн")},
    "page_search_events": {},
    "page_search_texts": {},
}


def test_every_page_query_has_its_parameters_here() -> None:
    assert set(PARAMS) == set(PAGE_QUERIES)


@pytest.mark.parametrize("name", PAGE_QUERIES)
def test_a_page_query_binds_its_parameters_in_its_outer_group(name: str) -> None:
    text = page_queries.query_text(name)
    _, found, body = text.partition(page_queries.WHERE)
    assert found, f"{name}.rq: the outer group opens on a line of its own, 'WHERE {{'"
    for param in PARAMS[name]:
        assert re.search(rf"\?{param}\b", text), f"{name}.rq never uses ?{param}"
        # used outside any sub-select: a sub-select is evaluated first, without the value
        outer = re.sub(r"\{\s*SELECT\b.*?\n  \}", "", body, flags=re.S)
        assert re.search(rf"\?{param}\b", outer), f"{name}.rq uses ?{param} only in a sub-select"
    bound = page_queries.bind(text, PARAMS[name])
    assert bound.count("VALUES (") == (1 if PARAMS[name] else 0)


def test_a_bound_value_cannot_change_the_query() -> None:
    with pytest.raises(ValueError, match="Invalid IRI"):
        page_queries.iri(f"{BASE}id/event/x> }} ; DROP ALL ; #")
    # a literal is written by pyoxigraph, quotes escaped
    text = page_queries.bind(
        page_queries.query_text("page_search"), {"pattern": ox.Literal('a" ) } DROP ALL #')}
    )
    assert 'VALUES (?pattern) { ("a\\" ) } DROP ALL #") }' in text


def test_a_query_without_a_where_line_is_refused() -> None:
    with pytest.raises(StoreError, match="WHERE"):
        page_queries.bind("SELECT * { ?s ?p ?o }", {"s": ox.NamedNode(EVENT)})


@pytest.fixture(scope="module")
def both_apps(oxigraph_server: str, pages_store: Any) -> Iterator[tuple[Any, Any]]:
    """An app over the embedded examples and one over the same graphs in a live Oxigraph."""
    remote = RemoteStore(
        f"{oxigraph_server}/query",
        update_endpoint=f"{oxigraph_server}/update",
        gsp_endpoint=f"{oxigraph_server}/store",
    )
    remote.update("DROP ALL")
    for iri, graph in report_graphs():
        remote.replace_graph(iri, graph)
    load_vocabularies(remote)
    yield make_app(store=pages_store), make_app(store=remote)
    remote.update("DROP ALL")


def _answer(app: Any, name: str) -> Any:
    params = PARAMS[name]
    with app.test_request_context("/"):
        text = page_queries.query_text(name)
        if "CONSTRUCT" in text:
            triples = page_queries.construct_triples(name, **params)
            graph = Graph().parse(
                data="\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples),
                format="nt",
            )
            return graph
        if re.search(r"^ASK\b", text, flags=re.M):
            return page_queries.ask(name, **params)
        rows = page_queries.select(name, **params)
        head = text.partition(page_queries.WHERE)[0]
        select = head[head.index("SELECT") :]
        while re.search(r"\([^()]*\)", select):  # (COUNT(?s) AS ?n) → ?n; inner (…) dropped
            select = re.sub(r"\(([^()]*)\)", _projected, select)
        names = re.findall(r"\?(\w+)", select)
        return Counter(tuple(_comparable(row[n]) for n in names) for row in rows)


def _comparable(term: Any) -> str:
    if isinstance(term, ox.Literal) and " " in term.value and "://" in term.value:
        return " ".join(sorted(term.value.split(" ")))  # GROUP_CONCAT of IRIs, in no set order
    return str(term)


def _projected(match: re.Match[str]) -> str:
    named = re.search(r"\bAS\s+(\?\w+)\s*$", match[1])
    return named[1] if named else ""


@pytest.mark.live
@pytest.mark.parametrize("name", PAGE_QUERIES)
def test_page_queries_answer_the_same_on_both_stores(both_apps: tuple[Any, Any], name: str) -> None:
    embedded, remote = both_apps
    here, there = _answer(embedded, name), _answer(remote, name)
    if isinstance(here, Graph):
        assert isomorphic(here, there)
        assert len(here) > 0
    else:
        assert here == there
        assert here, f"{name} found nothing in the examples"


@pytest.mark.live
@pytest.mark.parametrize(
    "path",
    [f"/kg/id/event/{HIGHLIGHTED}", "/kg/id/place/KG-C", "/", "/search?q=school", "/regions"],
)
def test_pages_read_the_same_from_a_remote_store(both_apps: tuple[Any, Any], path: str) -> None:
    texts = []
    for app in both_apps:
        reply = app.test_client().get(path, headers={"Accept": "text/html"})
        assert reply.status_code == 200
        main = BeautifulSoup(reply.data, "html.parser").select_one("main")
        assert main is not None
        texts.append(sorted(main.get_text(" ", strip=True).split()))
    assert texts[0] == texts[1]
