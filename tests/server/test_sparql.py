"""/sparql on a real server: the SPARQL 1.1 Protocol, every method × query form × result format.

Expected answers come from rdflib's own engine over the same TriG file, so the server (pyoxigraph)
is checked against an independent implementation; RDF is compared as graphs.
"""

from __future__ import annotations

import io
import json

import pytest
from bs4 import BeautifulSoup
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD
from rdflib.query import Result
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper

from tests.conftest import SAMPLE_TRIG
from tests.server.http import fetch
from tests.server.rdf import RDF_TYPES, RESULTS, load_union, parse_graph, rdflib_quiet

pytestmark = pytest.mark.live

KG = Namespace("https://w3id.org/kg-events/ontology#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
EV = "https://example.org/kg/id/event/"
GRAPH = "https://example.org/kg/graph/"
PREFIXES = (
    "PREFIX kg: <https://w3id.org/kg-events/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)
SELECT = PREFIXES + "SELECT ?event ?n WHERE { ?event kg:participantCount ?n } ORDER BY ?event"
ASK = PREFIXES + "ASK { ?event kg:participantCount 40 }"
CONSTRUCT = PREFIXES + "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Event ; rdfs:label ?l }"
DESCRIBE = f"DESCRIBE <{EV}osh-2024-04-10>"

METHODS = ("GET", "POST form", "POST direct")


@pytest.fixture(scope="module")
def union() -> Graph:
    """The sample data as rdflib sees it: the union of its named graphs."""
    return load_union(SAMPLE_TRIG)


def ask_server(url: str, method: str, query: str, accept: str | None = None, **extra):
    headers = {"Accept": accept} if accept else {}
    endpoint = f"{url}/sparql"
    if method == "GET":
        return fetch(endpoint, params={"query": query, **extra}, headers=headers)
    if method == "POST form":
        return fetch(endpoint, method="POST", form={"query": query, **extra}, headers=headers)
    headers["Content-Type"] = "application/sparql-query"
    return fetch(endpoint, method="POST", params=extra, data=query.encode(), headers=headers)


def parse_results(reply, fmt: str) -> Result:
    return Result.parse(io.BytesIO(reply.body), format=fmt)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("accept", "fmt"), list(RESULTS.items()))
def test_select_answers_in_each_results_format(live_server, method, accept, fmt):
    reply = ask_server(live_server, method, SELECT, accept)
    assert reply.status == 200
    assert reply.media_type == accept
    rows = [(str(row[0]), str(row[1])) for row in parse_results(reply, fmt)]
    assert rows == [(f"{EV}osh-2024-04-10", "25"), (f"{EV}talas-2023-05-18", "40")]
    if fmt in ("json", "xml"):  # the formats that keep datatypes
        assert next(iter(parse_results(reply, fmt)))[1] == Literal(25, datatype=XSD.integer)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("accept", "fmt"), list(RESULTS.items())[:2])
@pytest.mark.parametrize(("query", "answer"), [(ASK, True), (ASK.replace("40", "41"), False)])
def test_ask_answers_in_json_and_xml(live_server, method, accept, fmt, query, answer):
    reply = ask_server(live_server, method, query, accept)
    assert reply.status == 200
    assert reply.media_type == accept
    assert parse_results(reply, fmt).askAnswer is answer


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("accept", "fmt"), list(RDF_TYPES.items()))
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_construct_and_describe_answer_in_each_rdf_format(
    live_server, union, method, accept, fmt, form
):
    with rdflib_quiet():
        if form == "CONSTRUCT":
            expected = union.query(CONSTRUCT).graph
            query = CONSTRUCT
        else:
            expected = union.cbd(URIRef(f"{EV}osh-2024-04-10"))
            query = DESCRIBE
    reply = ask_server(live_server, method, query, accept)
    assert reply.status == 200
    assert reply.media_type == accept
    got = parse_graph(reply.body, fmt)
    assert len(got) > 0
    assert isomorphic(got, expected)


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        (SELECT, "text/turtle"),
        (ASK, "text/csv"),
        (CONSTRUCT, "application/sparql-results+json"),
        (SELECT, "image/png"),
    ],
)
def test_a_format_the_result_cannot_take_is_406(live_server, query, accept):
    reply = ask_server(live_server, "GET", query, accept)
    assert reply.status == 406
    assert "available as" in reply.text


def test_without_accept_a_select_gets_json(live_server):
    reply = ask_server(live_server, "GET", SELECT)
    assert reply.media_type == "application/sparql-results+json"
    assert reply.headers["Vary"] == "Accept"
    assert len(json.loads(reply.body)["results"]["bindings"]) == 2


def test_plain_json_clients_get_json_results(live_server):
    reply = ask_server(live_server, "GET", SELECT, "application/json")
    assert reply.media_type == "application/json"
    assert json.loads(reply.body)["head"]["vars"] == ["event", "n"]


@pytest.mark.parametrize("method", METHODS)
def test_default_graph_uri_sets_the_default_graph(live_server, method):
    query = PREFIXES + "SELECT ?e WHERE { ?e a kg:Event }"
    reply = ask_server(
        live_server, method, query, "text/csv", **{"default-graph-uri": f"{GRAPH}talas-2023-05-18"}
    )
    assert [str(row[0]) for row in parse_results(reply, "csv")] == [f"{EV}talas-2023-05-18"]


@pytest.mark.parametrize("method", METHODS)
def test_named_graph_uri_limits_the_named_graphs(live_server, method):
    query = PREFIXES + "SELECT ?g ?e WHERE { GRAPH ?g { ?e a kg:Event } }"
    reply = ask_server(
        live_server, method, query, "text/csv", **{"named-graph-uri": f"{GRAPH}osh-2024-04-10"}
    )
    rows = [(str(g), str(e)) for g, e in parse_results(reply, "csv")]
    assert rows == [(f"{GRAPH}osh-2024-04-10", f"{EV}osh-2024-04-10")]


def test_a_graph_uri_that_is_no_iri_is_400(live_server):
    reply = ask_server(live_server, "GET", SELECT, **{"default-graph-uri": "not an iri"})
    assert reply.status == 400
    assert "default-graph-uri" in reply.text


@pytest.mark.parametrize("method", METHODS)
def test_kyrgyz_text_and_percent_escapes_in_queries_arrive_intact(live_server, method):
    # rdflib-endpoint unquotes form bodies twice, turning %20 inside an IRI into a space
    query = (
        PREFIXES + 'SELECT ?e ?iri WHERE { ?e rdfs:label "Диалог аянтчасы: Талас"@ky '
        "BIND(<http://ex.org/a%20b> AS ?iri) }"
    )
    reply = ask_server(live_server, method, query, "text/csv")
    assert [(str(e), str(i)) for e, i in parse_results(reply, "csv")] == [
        (f"{EV}talas-2023-05-18", "http://ex.org/a%20b")
    ]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/plain", "text/plain"),
        ("*/*", "text/plain"),
        ("application/json", "application/json"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "text/html"),
    ],
)
def test_a_malformed_query_is_400_with_the_parsers_message(live_server, accept, media_type):
    reply = ask_server(live_server, "GET", "SELECT * WHERE { ?s ?p }", accept)
    assert reply.status == 400
    assert reply.media_type == media_type
    if media_type == "application/json":
        body = json.loads(reply.body)
        assert body["status"] == 400
        message = body["message"]
    elif media_type == "text/html":
        message = (
            BeautifulSoup(reply.body, "html.parser").select_one("pre.error-message").get_text()
        )
    else:
        message = reply.text
    assert "line 1, column 25" in message
    assert "expected" in message


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"method": "POST", "form": {"query": SELECT, "update": "CLEAR ALL"}}, 400),
        ({"method": "POST", "form": {"query": [SELECT, SELECT]}}, 400),
        ({"method": "POST", "form": {}}, 400),
        (
            {"method": "POST", "data": SELECT.encode(), "headers": {"Content-Type": "text/plain"}},
            415,
        ),
        ({"params": {"update": "CLEAR ALL"}}, 405),
        ({"params": {"query": "CLEAR ALL"}}, 400),
        ({"method": "PUT", "data": b"x"}, 405),
        (
            {
                "method": "POST",
                "params": {"query": SELECT},
                "data": SELECT.encode(),
                "headers": {"Content-Type": "application/sparql-query"},
            },
            400,
        ),
    ],
    ids=[
        "query-and-update",
        "two-queries",
        "nothing",
        "wrong-type",
        "update-by-get",
        "update-as-query",
        "put",
        "query-twice",
    ],
)
def test_requests_outside_the_protocol_are_refused(live_server, kwargs, status):
    reply = fetch(f"{live_server}/sparql", **kwargs)
    assert reply.status == status


@pytest.mark.parametrize(
    ("accept", "fmt"), [(None, "turtle"), ("*/*", "turtle"), *RDF_TYPES.items()]
)
def test_without_a_query_machines_get_the_service_description(live_server, accept, fmt):
    reply = fetch(f"{live_server}/sparql", headers={"Accept": accept} if accept else {})
    assert reply.status == 200
    graph = parse_graph(reply.body, fmt)
    endpoint = URIRef(f"{live_server}/sparql")
    assert (endpoint, RDF.type, SD.Service) in graph
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph
    # updates are off by default, and the description says so
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Update) not in graph


def test_without_a_query_browsers_get_the_query_page(live_server):
    reply = fetch(f"{live_server}/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert reply.status == 200
    assert reply.headers["Link"] == f'<{live_server}/sparql>; rel="alternate"; type="text/turtle"'
    assert reply.headers["Vary"] == "Accept"
    page = BeautifulSoup(reply.body, "html.parser")
    assert page.find("h1").get_text() == "SPARQL endpoint"
    assert page.find("link", rel="alternate", type="text/turtle")["href"] == f"{live_server}/sparql"
    # either the editor, or the plain form and the line that says how to install it
    assert page.select_one("#yasgui") or (
        page.select_one("form.plain-query") and "make install" in page.get_text()
    )


def test_sparqlwrapper_round_trips(live_server, union):
    client = SPARQLWrapper(f"{live_server}/sparql")
    client.setQuery(SELECT)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [row["n"]["value"] for row in rows] == ["25", "40"]

    client.setMethod(POST)
    client.setQuery(ASK)
    assert client.query().convert()["boolean"] is True

    client.setRequestMethod(POSTDIRECTLY)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(TURTLE)
    # convert() would build a ConjunctiveGraph, deprecated in rdflib 7.6: parse the body instead
    got = parse_graph(client.query().response.read(), "turtle")
    with rdflib_quiet():
        assert isomorphic(got, union.query(CONSTRUCT).graph)
