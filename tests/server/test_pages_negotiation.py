"""Content negotiation on data IRIs: every format for an event, a person, a region, and a 404."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup
from rdflib import RDF, RDFS, Graph, URIRef

from tests.server.pages_data import BASE, KG, path_of

FORMATS = {
    # Accept → (media type answered, rdflib parser; None for HTML)
    "text/html": ("text/html", None),
    "text/turtle": ("text/turtle", "turtle"),
    "application/ld+json": ("application/ld+json", "json-ld"),
    "application/n-triples": ("application/n-triples", "nt"),
}
SUFFIXES = {".ttl": "text/turtle", ".jsonld": "application/ld+json", ".nt": "application/n-triples"}


def _links(header: str) -> dict[str, str]:
    """``Link`` header → {media type: target}."""
    found = {}
    for part in header.split(","):
        target, *params = part.split(";")
        kinds = dict(p.strip().split("=", 1) for p in params)
        assert kinds["rel"] == '"alternate"'
        found[kinds["type"].strip('"')] = target.strip().strip("<>")
    return found


@pytest.mark.parametrize("accept", list(FORMATS))
@pytest.mark.parametrize("kind", ["event", "person", "region", "unknown"])
def test_a_data_iri_answers_in_the_format_asked_for(
    pages_client: Any, iris: dict[str, str], kind: str, accept: str
) -> None:
    iri = iris.get(kind, f"{BASE}id/event/no-such-event")
    media_type, parser = FORMATS[accept]
    reply = pages_client.get(path_of(iri), headers={"Accept": accept})
    assert reply.mimetype == media_type
    assert "Accept" in reply.headers.get("Vary", "")
    if kind == "unknown":
        assert reply.status_code == 404
        if parser == "json-ld":
            # no context: read as JSON-LD it is an empty graph; read by a person it says why
            assert "no-such-event" in json.loads(reply.data)["message"]
        elif parser is not None:
            assert len(Graph().parse(data=reply.data, format=parser)) == 0
        else:
            assert "no-such-event" in BeautifulSoup(reply.data, "html.parser").get_text()
        return
    assert reply.status_code == 200
    links = _links(reply.headers["Link"])
    assert set(SUFFIXES.values()) <= set(links)
    if parser is None:
        soup = BeautifulSoup(reply.data, "html.parser")
        alternates = {t["type"]: t["href"] for t in soup.select('link[rel="alternate"]')}
        assert alternates == links
        assert soup.h1 is not None
        assert soup.h1.get_text(strip=True)
        return
    assert links["text/html"] == path_of(iri)
    graph = Graph().parse(data=reply.data, format=parser, publicID=iri)
    assert (URIRef(iri), None, None) in graph


@pytest.mark.parametrize(("suffix", "media_type"), list(SUFFIXES.items()))
def test_a_suffix_names_the_format_whatever_accept_says(
    pages_client: Any, iris: dict[str, str], suffix: str, media_type: str
) -> None:
    iri = iris["event"]
    reply = pages_client.get(path_of(iri) + suffix, headers={"Accept": "text/html"})
    assert reply.status_code == 200
    assert reply.mimetype == media_type
    negotiated = pages_client.get(path_of(iri), headers={"Accept": media_type})
    assert reply.data == negotiated.data


def test_rdf_clients_that_accept_anything_get_turtle(
    pages_client: Any, iris: dict[str, str]
) -> None:
    reply = pages_client.get(path_of(iris["event"]), headers={"Accept": "*/*"})
    assert reply.mimetype == "text/turtle"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert (
        pages_client.get(path_of(iris["event"]), headers={"Accept": browser}).mimetype
        == "text/html"
    )


def test_an_event_document_says_what_the_event_says_and_what_points_to_it(
    pages_client: Any, iris: dict[str, str]
) -> None:
    iri = iris["event"]
    graph = Graph().parse(data=pages_client.get(path_of(iri) + ".nt").data, format="nt")
    event = URIRef(iri)
    assert (event, RDF.type, URIRef(KG + "Event")) in graph
    for s, p, o in graph:
        # its own triples and its hash resources', links to it, and the labels of what it names
        assert (
            str(s) == iri
            or str(s).startswith(iri + "#")
            or o == event
            or (p == RDFS.label and (event, None, s) in graph)
        ), (s, p, o)


@pytest.mark.parametrize("kind", ["graph", "report", "recommendation", "venue"])
def test_other_resources_and_named_graphs_resolve_too(
    pages_client: Any, iris: dict[str, str], kind: str
) -> None:
    path = path_of(iris[kind])
    assert pages_client.get(path, headers={"Accept": "text/html"}).status_code == 200
    turtle = pages_client.get(path + ".ttl")
    assert turtle.status_code == 200
    assert len(Graph().parse(data=turtle.data, format="turtle")) > 0


@pytest.mark.parametrize(
    "path",
    [
        "/kg/id/event/..%2f..%2fetc%2fpasswd",
        "/kg/id/event/%3Cscript%3E",
        "/kg/id/event/x%20y",
        "/kg/id/nothing/x.ttl",
        "/kg/graph/no-such-graph.jsonld",
    ],
)
def test_odd_and_unknown_paths_are_404_not_500(pages_client: Any, path: str) -> None:
    for accept in FORMATS:
        assert pages_client.get(path, headers={"Accept": accept}).status_code == 404


def test_the_base_iri_itself_leads_to_the_home_page(pages_client: Any) -> None:
    reply = pages_client.get("/kg/")
    assert reply.status_code == 303
    assert reply.headers["Location"].endswith("/")
