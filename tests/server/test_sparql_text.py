"""Reading a query's form and SERVICE targets without a parser (server.sparql_text)."""

from __future__ import annotations

import pytest

from server.sparql_text import allowed_service, read_query


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("prefix ask: <http://x/> construct { ?s ask:p ?o } where { ?s ?p ?o }", "CONSTRUCT"),
        ("# SELECT in a comment\nASK { }", "ASK"),
        ("BASE <http://x/> DESCRIBE <a>", "DESCRIBE"),
        ("PREFIX : <http://x/> INSERT DATA { :a :b :c }", "UPDATE"),
        ("WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE"),
        ("CLEAR ALL", "UPDATE"),
        ("this is not SPARQL", None),
        ('"SELECT" ASK {}', "ASK"),
    ],
)
def test_the_form_is_the_first_keyword_outside_strings_and_comments(text, form):
    assert read_query(text).form == form


@pytest.mark.parametrize(
    ("text", "services"),
    [
        ("SELECT * { SERVICE <http://a/sparql> { ?s ?p ?o } }", ("http://a/sparql",)),
        ("SELECT * { SERVICE SILENT <http://a/sparql> {} }", ("http://a/sparql",)),
        ("PREFIX e: <http://a/> SELECT * { SERVICE e:sparql {} }", ("http://a/sparql",)),
        ("BASE <http://a/b/> SELECT * { SERVICE <../sparql> {} }", ("http://a/sparql",)),
        ("SELECT * { SERVICE ?endpoint {} }", ("?endpoint",)),
        ("SELECT * { SERVICE<http://a/>{} service <http://b/> {} }", ("http://a/", "http://b/")),
        ("SELECT * { \\u0053ERVICE <http://a/> {} }", ("http://a/",)),
        ('SELECT * { BIND("""SERVICE <http://a/>""" AS ?x) }', ()),
        ("SELECT * { ?s <http://x/SERVICE> ?o } # SERVICE <http://a/>", ()),
        ("SELECT * { FILTER(?a<?b) SERVICE <http://a/> {} FILTER(?c>?d) }", ("http://a/",)),
    ],
)
def test_service_targets_are_found_and_resolved(text, services):
    assert read_query(text).services == services


def test_services_are_allowed_by_url_prefix():
    allowed = ("https://query.example.org/sparql",)
    assert allowed_service("https://query.example.org/sparql", allowed)
    assert not allowed_service("https://evil.example.org/sparql", allowed)
    assert not allowed_service("?endpoint", allowed)
    assert not allowed_service("http://a/", ())
