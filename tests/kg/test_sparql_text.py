"""Reading a query's form, SERVICE targets and nesting without a parser (kg.sparql_text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import QuerySyntaxError
from kg.sparql_text import MAX_NESTING, allowed_service, read_query
from kg.store.embedded import EmbeddedStore


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


@pytest.mark.parametrize(
    ("text", "loads"),
    [
        ("LOAD <http://a/x.ttl>", ("http://a/x.ttl",)),
        ("LOAD SILENT <http://a/x.ttl> INTO GRAPH <http://g/>", ("http://a/x.ttl",)),
        ("PREFIX a: <http://a/> CLEAR ALL ; load a:x.ttl", ("http://a/x.ttl",)),
        ("INSERT DATA { <http://a/LOAD> <http://a/p> 'LOAD <http://b/>' }", ()),
    ],
)
def test_load_sources_are_found(text, loads):
    found = read_query(text)
    assert found.form == "UPDATE"
    assert found.loads == loads


@pytest.mark.parametrize(
    ("text", "nesting"),
    [
        ("SELECT * WHERE " + "{" * 150 + "}" * 150, 150),
        ("SELECT * WHERE " + "\\u007B" * 150 + "}" * 150, 150),
        # brackets in strings, IRIs and comments do not nest
        ("SELECT * WHERE { BIND('" + "{" * 150 + "' AS ?x) } #" + "(" * 150, 2),
        # few brackets: not counted at all
        ("SELECT * WHERE { ?s ?p ?o }", 0),
    ],
)
def test_nesting_is_measured_outside_strings_and_comments(text, nesting):
    assert read_query(text).nesting == nesting


def test_the_embedded_store_refuses_a_query_nested_too_deeply(tmp_path: Path) -> None:
    # 5,000 levels would end this test process in pyoxigraph's parser (a stack overflow)
    store = EmbeddedStore(tmp_path / "store")
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    with pytest.raises(QuerySyntaxError, match=f"at most {MAX_NESTING}"):
        store.query(deep)
    with pytest.raises(QuerySyntaxError, match=f"at most {MAX_NESTING}"):
        store.update("INSERT DATA " + "{" * 5000 + "}" * 5000)
    ok = "ASK WHERE " + "{" * MAX_NESTING + "}" * MAX_NESTING
    assert store.query(ok).boolean is True  # an empty group pattern matches once


def test_kg_query_refuses_a_query_nested_too_deeply(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    EmbeddedStore(folder).update("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 1 } }")
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    result = CliRunner().invoke(cli, ["query", "--store", str(folder), deep])
    assert result.exit_code == 1
    assert f"at most {MAX_NESTING}" in result.output
