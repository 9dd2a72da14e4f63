"""``kg load`` and ``kg query`` on the command line: summaries, formats, exit status 0, 1, 2."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "kara-balta-2023-03-14.yaml"
OTHER = ROOT / "examples" / "kara-balta-2022-05-17.yaml"
BAD = ROOT / "tests" / "data" / "validation" / "counts-do-not-add-up.yaml"


def _kg(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two records loaded once for the module; the tests only read it (or reload the same)."""
    path = tmp_path_factory.mktemp("cli") / "kg-data"
    result = _kg("load", GOOD, OTHER, "--store", path)
    assert result.exit_code == 0, result.output
    return path


def test_load_prints_a_summary_and_no_progress_bar_off_a_terminal(tmp_path: Path) -> None:
    result = _kg("load", GOOD, OTHER, "--store", tmp_path / "kg-data")
    assert result.exit_code == 0, result.output
    assert "loaded 2, rejected 0, unreadable 0;" in result.output
    assert "vocabularies:" in result.output
    assert "loading" not in result.output  # CliRunner's stderr is no terminal


def test_load_rejects_a_broken_report_goes_on_and_exits_1(tmp_path: Path) -> None:
    result = _kg("load", BAD, GOOD, "--store", tmp_path / "kg-data", "--no-vocabularies")
    assert result.exit_code == 1
    assert "rejected: " in result.output
    assert "Women (6) + men (6) is not the total (10)" in result.output
    assert "loaded 1, rejected 1, unreadable 0;" in result.output


def test_loading_twice_changes_nothing(store: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = _kg("query", "--store", store, count, "--format", "csv").output
    again = _kg("load", GOOD, OTHER, "--store", store)
    assert again.exit_code == 0
    assert "vocabularies:" not in again.output  # already there, unchanged
    assert _kg("query", "--store", store, count, "--format", "csv").output == before


def test_load_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _kg("load", tmp_path / "missing.yaml").exit_code == 2
    assert _kg("load", "--no-vocabularies").exit_code == 2
    both = _kg("load", GOOD, "--store", tmp_path / "s", "--endpoint", "http://127.0.0.1:9/q")
    assert both.exit_code == 2


def test_query_a_named_query_as_a_table(store: Path) -> None:
    result = _kg("query", "--store", store, "find_people_at_several_events")
    assert result.exit_code == 0, result.output
    assert "zhoroev-asylbek" in result.output  # a speaker at both Kara-Balta events
    assert result.output.splitlines()[0].split() == ["person", "name", "events", "roles"]


def test_query_formats(store: Path) -> None:
    select = "SELECT ?e WHERE { ?e a <https://w3id.org/kg-events/ontology#Event> } ORDER BY ?e"
    as_json = json.loads(_kg("query", "--store", store, select, "--format", "json").output)
    assert len(as_json["results"]["bindings"]) == 2
    rows = list(
        csv.reader(io.StringIO(_kg("query", "--store", store, select, "--format", "csv").output))
    )
    assert rows[0] == ["e"]
    assert len(rows) == 3
    construct = "CONSTRUCT { ?e a ?t } WHERE { ?e a ?t } LIMIT 3"
    turtle = _kg("query", "--store", store, construct, "--format", "turtle").output
    assert len(Graph().parse(data=turtle, format="turtle")) == 3
    assert _kg("query", "--store", store, "ASK { ?s ?p ?o }").output.strip() == "yes"


def test_query_from_a_file_with_a_parameter(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "title.rq"
    rq.write_text(
        "# The title of one event.\nPREFIX kg: <https://w3id.org/kg-events/ontology#>\n"
        "SELECT ?title WHERE { ?event kg:title ?title }\n",
        encoding="utf-8",
    )
    event = "https://example.org/kg/id/event/kara-balta-2023-03-14"
    result = _kg("query", "--store", store, f"@{rq}", "-p", f"event={event}", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "A safe road to school: Kara-Balta" in result.output


def test_a_malformed_query_names_line_and_column_and_exits_1(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "bad.rq"
    rq.write_text("SELECT ?s WHERE {\n  ?s ?p\n}\n", encoding="utf-8")
    result = _kg("query", "--store", store, f"@{rq}")
    assert result.exit_code == 1
    assert re.search(rf"{re.escape(str(rq))}:\d+:\d+: malformed SPARQL", result.output)
    assert "malformed SPARQL" in result.output


def test_query_usage_errors_exit_2(store: Path) -> None:
    assert _kg("query", "--store", store).exit_code == 2
    assert _kg("query", "--store", store, "ASK { ?s ?p ?o }", "--format", "turtle").exit_code == 2
    assert _kg("query", "--store", store, "ASK { ?s ?p ?o }", "--format", "yaml").exit_code == 2
    assert _kg("query", "--store", store, "ASK { ?s ?p ?o }", "-p", "novalue").exit_code == 2


def test_query_on_a_missing_store_says_so(tmp_path: Path) -> None:
    result = _kg("query", "--store", tmp_path / "none", "ASK { ?s ?p ?o }")
    assert result.exit_code == 1
    assert "there is no store in" in result.output


def test_query_lists_the_named_queries() -> None:
    result = _kg("query", "--list")
    assert result.exit_code == 0
    assert "describe_resource" in result.output


@pytest.mark.live
def test_load_and_query_through_an_endpoint(oxigraph_server: str) -> None:
    remote = [
        "--endpoint",
        f"{oxigraph_server}/query",
        "--update-endpoint",
        f"{oxigraph_server}/update",
        "--gsp-endpoint",
        f"{oxigraph_server}/store",
    ]
    assert _kg("query", *remote, "DROP ALL").exit_code == 1  # an update is not a query
    loaded = _kg("load", GOOD, *remote, "--no-vocabularies")
    assert loaded.exit_code == 0, loaded.output
    assert f"{oxigraph_server}/query: loaded 1" in loaded.output
    answer = _kg("query", *remote, "count_triples_by_graph", "--format", "csv")
    assert "https://example.org/kg/graph/kara-balta-2023-03-14" in answer.output
