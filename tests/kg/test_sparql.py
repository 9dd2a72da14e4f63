"""Named queries: each parses and documents itself, parameters are bound safely, and the embedded
store and a live Oxigraph server give the same answers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

from kg.errors import InputError, NotFound
from kg.loading import load_paths, load_vocabularies
from kg.record_yaml import load_record
from kg.sparql import bind, load_query, parse_param, query_names
from kg.store import EmbeddedStore, Store
from kg.store.remote import RemoteStore

ROOT = Path(__file__).resolve().parents[2]
RECORDS = sorted((ROOT / "examples").glob("*.yaml"))
BASE = "https://example.org/kg/"


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_parses_in_rdflib_and_in_oxigraph(name: str) -> None:
    text = load_query(name).text
    prepareQuery(text)  # rdflib: every prefix declared, the grammar respected
    with EmbeddedStore(None) as store:
        store.query(
            bind(text, resource=URIRef(f"{BASE}id/event/x")) if "?resource" in text else text
        )


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_has_a_header_saying_what_it_answers(name: str) -> None:
    query = load_query(name)
    assert query.text.startswith(f"# {name}: "), f"{name}.rq: the header starts '# {name}: …'"
    for part in ("Parameters:", "Returns:"):
        assert f"\n{part}" in query.header, f"{name}.rq: no '{part}' line in its header"
    assert query.title
    assert not query.title.startswith(name)


def test_load_query_is_cached_and_unknown_names_are_not_found() -> None:
    assert load_query("list_events") is load_query("list_events")
    with pytest.raises(NotFound, match="known:"):
        load_query("no_such_query")
    with pytest.raises(NotFound):
        load_query("../etc/passwd")


def test_bind_appends_a_values_clause() -> None:
    text = bind(load_query("describe_resource").text, resource=f"{BASE}id/event/x")
    assert text.rstrip().endswith(f"VALUES (?resource) {{ (<{BASE}id/event/x>) }}")


@pytest.mark.parametrize(
    "value", [f"{BASE}id/event/x> }} ; DROP ALL ; #", "<https://example.org/a b>", '"unterminated']
)
def test_bind_refuses_a_value_that_would_change_the_query(value: str) -> None:
    with pytest.raises(InputError):
        bind(load_query("describe_resource").text, resource=value)


def test_bind_refuses_a_parameter_the_query_does_not_use() -> None:
    with pytest.raises(InputError, match="no \\?region"):
        bind(load_query("describe_resource").text, region="KG-J")


@pytest.mark.parametrize(
    ("raw", "term"),
    [
        ("https://example.org/x", URIRef("https://example.org/x")),
        ("<urn:x:1>", URIRef("urn:x:1")),
        ('"Ош"@ky', Literal("Ош", lang="ky")),
        ("43", Literal(43)),
        ("KG-J", Literal("KG-J")),
    ],
)
def test_parse_param_reads_iris_literals_and_numbers(raw: str, term) -> None:
    assert parse_param(raw) == term


# ---- the same answers from both stores -----------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(oxigraph_server: str, tmp_path_factory: pytest.TempPathFactory):
    """The sample records and the vocabularies, loaded into an embedded store and a live server."""
    embedded = EmbeddedStore(tmp_path_factory.mktemp("kg") / "kg-data")
    remote = RemoteStore(
        f"{oxigraph_server}/query",
        update_endpoint=f"{oxigraph_server}/update",
        gsp_endpoint=f"{oxigraph_server}/store",
    )
    remote.update("DROP ALL")
    for store in (embedded, remote):
        load_vocabularies(store)
        summary = load_paths(store, RECORDS)
        assert summary.ok, summary.failures
    yield embedded, remote
    embedded.close()
    remote.update("DROP ALL")


def _answer(store: Store, text: str):
    result = store.query(text)
    if result.kind == "graph":
        return result.to_graph()
    if result.kind == "boolean":
        return result.boolean
    return Counter(tuple(sorted((k, v.n3()) for k, v in row.items())) for row in result.rows())


@pytest.mark.live
# the page queries are about one event, place or graph each: tests/server/test_page_queries.py
# binds each its own parameters and compares the two stores the same way
@pytest.mark.parametrize("name", [n for n in query_names() if not n.startswith("page_")])
def test_named_queries_answer_the_same_on_both_stores(loaded, name: str) -> None:
    embedded, remote = loaded
    text = load_query(name).text
    if "?resource" in text:
        text = bind(text, resource=URIRef(f"{BASE}id/person/toktogulov-marat"))
    here, there = _answer(embedded, text), _answer(remote, text)
    if isinstance(here, Graph):
        # graphs may hold blank nodes (a CONSTRUCT template's [] nodes): compare them as graphs
        assert isomorphic(here, there)
        assert len(here) > 0
    else:
        assert here == there
    assert here, f"{name} found nothing in the sample data"


@pytest.mark.live
def test_participants_by_sex_sum_the_records_counts(loaded) -> None:
    embedded, remote = loaded
    expected = Counter()
    for path in RECORDS:
        people = load_record(path).event.participants
        for code, n in (("_T", people.total), ("F", people.women), ("M", people.men)):
            if n is not None:
                expected[code] += n
    for store in (embedded, remote):
        rows = store.query(load_query("count_participants_by_sex").text).rows()
        assert {str(r["code"]): int(r["participants"]) for r in rows} == dict(expected)


@pytest.mark.live
def test_people_at_several_events_are_those_the_records_share(loaded) -> None:
    from kg.iris import IRIMinter

    minter = IRIMinter(BASE)
    events_of: dict[URIRef, set[str]] = {}
    for path in RECORDS:
        record = load_record(path)
        for name in record.people():
            events_of.setdefault(minter.person(name), set()).add(path.stem)
    expected = {p: len(e) for p, e in events_of.items() if len(e) > 1}
    embedded, _ = loaded
    rows = embedded.query(load_query("find_people_at_several_events").text).rows()
    assert {r["person"]: int(r["events"]) for r in rows} == expected
