"""/sparql's limits, each with its setting: rows, time, SERVICE, length, updates, CORS."""

from __future__ import annotations

import gc
import io
import json
import time

import pyoxigraph as ox
import pytest
from rdflib.query import Result

from kg.store.embedded import EmbeddedStore
from tests.server.http import fetch
from tests.server.rdf import RDF_TYPES, RESULTS, parse_graph

pytestmark = pytest.mark.live

ALL = "SELECT * WHERE { ?s ?p ?o }"
CONSTRUCT_ALL = "CONSTRUCT WHERE { ?s ?p ?o }"


def numbered(n: int, literal: str = "value ") -> EmbeddedStore:
    """A store of ``n`` triples ``<s{i}> <p> "{literal}{i}"`` in one named graph."""
    store = EmbeddedStore(None)
    graph, predicate = ox.NamedNode("http://example.org/g"), ox.NamedNode("http://example.org/p")
    for i in range(n):
        subject = ox.NamedNode(f"http://example.org/s{i}")
        store.store.add(ox.Quad(subject, predicate, ox.Literal(f"{literal}{i}"), graph))
    return store


def query(url: str, text: str, accept: str = "application/sparql-results+json", **kwargs):
    return fetch(f"{url}/sparql", params={"query": text}, headers={"Accept": accept}, **kwargs)


# --- the row limit -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rows_server():
    from tests.conftest import make_app, serving

    with serving(make_app({"MAX_RESULT_ROWS": 3}, numbered(10))) as url:
        yield url


@pytest.mark.parametrize(("accept", "fmt"), list(RESULTS.items()))
def test_select_stops_at_the_row_limit_and_says_so(rows_server, accept, fmt):
    reply = query(rows_server, ALL, accept)
    assert reply.status == 200
    assert reply.headers["X-SPARQL-MaxRows"] == "3"
    assert len(list(Result.parse(io.BytesIO(reply.body), format=fmt))) == 3


@pytest.mark.parametrize(("accept", "fmt"), list(RDF_TYPES.items()))
def test_construct_stops_at_the_row_limit(rows_server, accept, fmt):
    reply = query(rows_server, CONSTRUCT_ALL, accept)
    assert reply.status == 200
    assert reply.headers["X-SPARQL-MaxRows"] == "3"
    assert len(parse_graph(reply.body, fmt)) == 3


@pytest.mark.parametrize("accept", [*RESULTS, *RDF_TYPES])
def test_results_within_the_limit_are_whole_and_unmarked(rows_server, accept):
    text = ALL + " LIMIT 3" if accept in RESULTS else CONSTRUCT_ALL.replace("}", "} LIMIT 3")
    reply = query(rows_server, text, accept)
    assert reply.status == 200
    assert "X-SPARQL-MaxRows" not in reply.headers


@pytest.mark.parametrize(
    ("literal", "accept", "fmt"),
    [
        # text that looks like a row boundary: counted too high at first, then exactly
        ("a}},{b}},{c}},{", "application/sparql-results+json", "json"),
        ("line\r\nline\r\nline\r\n", "text/csv", "csv"),
    ],
)
def test_literals_that_look_like_row_breaks_do_not_cut_results(serve, literal, accept, fmt):
    url = serve({"MAX_RESULT_ROWS": 3}, numbered(3, literal))
    reply = query(url, "SELECT ?o WHERE { ?s ?p ?o }", accept)
    assert reply.status == 200
    assert "X-SPARQL-MaxRows" not in reply.headers
    values = sorted(str(row[0]) for row in Result.parse(io.BytesIO(reply.body), format=fmt))
    assert values == [literal + str(i) for i in range(3)]


@pytest.fixture(scope="module")
def bytes_server():
    from tests.conftest import make_app, serving

    # 200 rows of about 250 bytes each: a 5,000-byte answer holds some of them
    store = numbered(200, "x" * 200 + " ")
    with serving(make_app({"MAX_RESULT_BYTES": 5000, "MAX_RESULT_ROWS": 10**6}, store)) as url:
        yield url


@pytest.mark.parametrize(("accept", "fmt"), list(RESULTS.items()))
def test_select_stops_at_the_byte_limit_after_a_whole_row(bytes_server, accept, fmt):
    reply = query(bytes_server, "SELECT ?s ?o WHERE { ?s ?p ?o }", accept)
    assert reply.status == 200
    assert reply.headers["X-KG-MaxBytes"] == "5000"
    assert "X-SPARQL-MaxRows" not in reply.headers
    assert len(reply.body) <= 5000 + len(b"</results></sparql>")
    rows = list(Result.parse(io.BytesIO(reply.body), format=fmt))
    assert 5 <= len(rows) < 200
    assert all(str(row[1]).startswith("x" * 200) for row in rows)


@pytest.mark.parametrize(("accept", "fmt"), list(RDF_TYPES.items()))
def test_construct_stops_at_the_byte_limit(bytes_server, accept, fmt):
    reply = query(bytes_server, CONSTRUCT_ALL, accept)
    assert reply.status == 200
    assert reply.headers["X-KG-MaxBytes"] == "5000"
    assert 5 <= len(parse_graph(reply.body, fmt)) < 200


def test_rows_of_unbound_variables_count(serve):
    url = serve({"MAX_RESULT_ROWS": 2})
    reply = query(url, "SELECT ?x WHERE { VALUES ?y { 1 2 3 } }")
    assert json.loads(reply.body)["results"]["bindings"] == [{}, {}]
    assert reply.headers["X-SPARQL-MaxRows"] == "2"


# --- the timeout ---------------------------------------------------------------------------------


@pytest.fixture
def slow_server(serve):
    # 150 triples: a three-way cross product has 3.4 million rows, about a second of work
    return serve({"QUERY_TIMEOUT": 0.3, "MAX_RESULT_ROWS": 10**9}, numbered(150))


@pytest.mark.parametrize(
    "text",
    [
        # streams rows: the engine is stopped at its next write after the deadline
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        # one long step before any output: the client is answered, the worker finishes later
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    ],
    ids=["streaming", "aggregate"],
)
def test_a_query_past_the_timeout_gets_503_in_time(slow_server, text):
    start = time.monotonic()
    reply = query(slow_server, text, "text/plain, */*;q=0.1")
    elapsed = time.monotonic() - start
    assert reply.status == 503
    assert "did not finish within 0.3 s" in reply.text
    assert elapsed < 0.3 + 0.5
    # the server goes on answering (other workers are free)
    assert query(slow_server, "ASK { ?s ?p ?o }").status == 200


# --- SERVICE ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE { service e:sparql { ?s ?p ?o } }",
        # codepoint escapes are undone before parsing (SPARQL 1.1 §19.2)
        "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { BIND(<http://127.0.0.1:9/sparql> AS ?x) SERVICE ?x { ?s ?p ?o } }",
    ],
    ids=["iri", "silent", "prefixed", "escaped", "variable"],
)
def test_service_is_refused_by_default(live_server, text):
    reply = query(live_server, text, "text/plain")
    assert reply.status == 403
    assert "SERVICE" in reply.text


def test_service_to_an_allowed_endpoint_runs(serve, live_server):
    # federation on, allowed to reach the session's other live server (127.0.0.1 only)
    url = serve({"ALLOWED_SERVICES": [f"{live_server}/sparql"]}, numbered(1))
    text = (
        "PREFIX kg: <https://w3id.org/kg-events/ontology#> SELECT ?e WHERE { "
        f"SERVICE <{live_server}/sparql> {{ ?e kg:participantCount 40 }} }}"
    )
    reply = query(url, text)
    assert reply.status == 200, reply.text
    rows = json.loads(reply.body)["results"]["bindings"]
    assert [row["e"]["value"] for row in rows] == [
        "https://example.org/kg/id/event/talas-2023-05-18"
    ]
    assert query(url, text.replace(live_server, "http://127.0.0.1:9"), "text/plain").status == 403


def test_a_service_keyword_inside_strings_iris_and_comments_is_not_a_call(live_server):
    text = (
        'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:9/>" AS ?x) '
        "BIND(<http://example.org/SERVICE> AS ?y) } # SERVICE <http://127.0.0.1:9/>"
    )
    assert query(live_server, text).status == 200


# --- query length -------------------------------------------------------------------------------


def test_a_query_longer_than_the_limit_is_413(serve):
    url = serve({"MAX_QUERY_LENGTH": 100})
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100
    reply = fetch(
        f"{url}/sparql", method="POST", form={"query": long_query}, headers={"Accept": "text/plain"}
    )
    assert reply.status == 413
    assert "at most 100" in reply.text
    assert query(url, "ASK {}").status == 200


# --- updates ------------------------------------------------------------------------------------

INSERT = (
    "INSERT DATA { GRAPH <http://example.org/g> "
    '{ <http://example.org/new> <http://example.org/p> "x" } }'
)
ASK_NEW = "ASK { <http://example.org/new> ?p ?o }"


def update(url: str, *, token: str | None = None, direct: bool = False):
    headers = {"Accept": "text/plain"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if direct:
        headers["Content-Type"] = "application/sparql-update"
        return fetch(f"{url}/sparql", method="POST", data=INSERT.encode(), headers=headers)
    return fetch(f"{url}/sparql", method="POST", form={"update": INSERT}, headers=headers)


def asked(url: str) -> bool:
    return json.loads(query(url, ASK_NEW).body)["boolean"]


@pytest.mark.parametrize("direct", [False, True], ids=["form", "direct"])
def test_updates_are_refused_when_no_token_is_configured(serve, direct):
    url = serve(store=numbered(1))
    reply = update(url, token="anything", direct=direct)
    assert reply.status == 403
    assert "disabled" in reply.text
    assert not asked(url)


@pytest.mark.parametrize("token", [None, "wrong", ""])
def test_updates_without_the_right_token_are_refused(serve, token):
    url = serve({"UPDATE_TOKEN": "s3cret"}, numbered(1))
    reply = update(url, token=token)
    assert reply.status == 403
    assert "Access-Control-Allow-Origin" not in reply.headers
    assert not asked(url)


@pytest.mark.parametrize("direct", [False, True], ids=["form", "direct"])
def test_updates_with_the_token_change_the_data(serve, direct):
    url = serve({"UPDATE_TOKEN": "s3cret"}, numbered(1))
    reply = update(url, token="s3cret", direct=direct)
    assert reply.status == 204
    assert "Access-Control-Allow-Origin" not in reply.headers
    assert asked(url)


def test_a_malformed_update_is_400(serve):
    url = serve({"UPDATE_TOKEN": "s3cret"}, numbered(1))
    reply = fetch(
        f"{url}/sparql",
        method="POST",
        form={"update": "INSERT DATA { <a> }"},
        headers={"Authorization": "Bearer s3cret", "Accept": "text/plain"},
    )
    assert reply.status == 400


# --- CORS ---------------------------------------------------------------------------------------


def test_reads_carry_cors_headers(live_server):
    reply = query(live_server, "ASK {}")
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    bad = query(live_server, "ASK {", "text/plain")
    assert bad.status == 400
    assert bad.headers["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_queries_but_not_credentials(live_server):
    reply = fetch(
        f"{live_server}/sparql",
        method="OPTIONS",
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in reply.headers["Access-Control-Allow-Methods"]
    allowed = reply.headers["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed
    assert "authorization" not in allowed


def test_cors_can_be_turned_off(serve):
    url = serve({"CORS_ORIGIN": ""})
    assert "Access-Control-Allow-Origin" not in query(url, "ASK {}").headers


def test_without_workers_a_streaming_query_is_still_stopped_at_the_timeout(serve):
    url = serve({"QUERY_WORKERS": 0, "QUERY_TIMEOUT": 0.3, "MAX_RESULT_ROWS": 10**9}, numbered(150))
    start = time.monotonic()
    reply = query(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/plain, */*;q=0.1")
    assert reply.status == 503
    assert time.monotonic() - start < 0.3 + 0.5
    assert query(url, "ASK { ?s ?p ?o }").status == 200


@pytest.mark.parametrize("workers", [0, 2])
def test_errors_after_the_engine_started_leave_no_result_behind(serve, workers):
    # pyoxigraph results must be freed on the thread that made them, even when the query ends in
    # an error: a 406 found after the engine ran, a timeout, a row cut
    url = serve({"QUERY_WORKERS": workers, "MAX_RESULT_ROWS": 2}, numbered(5))
    everything = "SELECT * WHERE { ?s ?p ?o }"
    assert query(url, everything, "text/turtle").status == 406
    assert query(url, everything, "application/sparql-results+json").status == 200
    assert query(url, "SELECT * WHERE { ?s ?p }", "text/plain").status == 400
    gc.collect()  # pytest turns a result dropped on this thread into an error
