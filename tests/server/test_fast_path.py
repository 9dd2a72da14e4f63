"""server.fast_path: plain query GETs skip Flask, and answer exactly as Flask's view does."""

from __future__ import annotations

import pytest
from flask import request_started

from tests.conftest import make_app

SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
DESCRIBE = "DESCRIBE <https://example.org/kg/id/event/osh-2024-04-10>"
HEADERS = (
    "Content-Type",
    "Vary",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
    "X-SPARQL-MaxRows",
)


def _both(client, query: str, accept: str):
    """The same query as a GET (fast path) and as a form POST (Flask's view)."""
    got = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    posted = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    return got, posted


@pytest.mark.parametrize(
    ("config", "query", "accept"),
    [
        ({}, SELECT, "application/sparql-results+json"),
        ({}, SELECT, "text/csv"),
        ({}, DESCRIBE, "text/turtle"),
        ({}, "ASK { ?s ?p ?o }", "application/json"),
        ({"MAX_RESULT_ROWS": 3}, SELECT, "application/sparql-results+xml"),
        ({"CORS_ORIGIN": "https://example.org"}, SELECT, "text/tab-separated-values"),
        ({"CORS_ORIGIN": ""}, SELECT, "*/*"),
    ],
)
def test_a_plain_get_answers_as_the_view_does(config, query, accept):
    client = make_app(config).test_client()
    got, posted = _both(client, query, accept)
    assert got.status_code == posted.status_code == 200
    assert got.data == posted.data
    for name in HEADERS:
        assert got.headers.get(name) == posted.headers.get(name), name
    assert got.headers["Content-Length"] == str(len(got.data))


@pytest.mark.parametrize(
    ("query", "accept", "status"),
    [
        ("SELECT ?s WHERE { ?s ?p }", "application/sparql-results+json", 400),
        ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "text/csv", 403),
        (SELECT, "text/turtle", 406),
        (DESCRIBE, "application/sparql-results+json", 406),
        ("", "application/sparql-results+json", 400),
    ],
)
def test_errors_are_flasks_own_answers(query, accept, status):
    client = make_app().test_client()
    got, posted = _both(client, query, accept)
    assert got.status_code == posted.status_code == status
    assert got.data == posted.data
    assert got.headers["Content-Type"] == posted.headers["Content-Type"]


def _flask_requests(app, send) -> int:
    seen: list[object] = []
    with request_started.connected_to(lambda sender, **_: seen.append(sender), app):
        send(app.test_client())
    return len(seen)


def test_only_unremarkable_gets_skip_flask():
    app = make_app()

    def plain(c):
        return c.get("/sparql", query_string={"query": SELECT})

    def with_graph(c):
        return c.get("/sparql", query_string={"query": SELECT, "default-graph-uri": "http://x/"})

    def failing(c):
        return c.get("/sparql", query_string={"query": "SELECT ?s WHERE {"})

    assert _flask_requests(app, plain) == 0
    assert _flask_requests(app, with_graph) == 1
    assert _flask_requests(app, failing) == 1  # the error is Flask's to answer
    assert _flask_requests(app, lambda c: c.post("/sparql", data={"query": SELECT})) == 1


def test_a_query_string_too_long_to_remember_is_read_and_answered_the_same():
    from server.fast_path import _REMEMBERED_LENGTH

    app = make_app()
    # a comment pads the query past the remembered length, within MAX_QUERY_LENGTH
    long = f"# {'x' * _REMEMBERED_LENGTH}\n{SELECT}"
    assert len(long) <= app.config["MAX_QUERY_LENGTH"]
    got, posted = _both(app.test_client(), long, "text/csv")
    assert got.status_code == posted.status_code == 200
    assert got.data == posted.data

    def plain_long(c):
        return c.get("/sparql", query_string={"query": long})

    assert _flask_requests(app, plain_long) == 0
