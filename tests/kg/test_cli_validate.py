"""``kg validate``: exit status 0, 1 or 2, readable text, JSON and a SHACL report graph."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from kg.cli import cli
from kg.mapping import map_record
from kg.namespaces import SH
from kg.record_yaml import load_record

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "kara-balta-2023-03-14.yaml"
BAD = ROOT / "tests" / "data" / "validation" / "counts-do-not-add-up.yaml"


def test_a_conforming_record_exits_0() -> None:
    result = CliRunner().invoke(cli, ["validate", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_a_record_with_a_violation_exits_1_and_names_field_and_line() -> None:
    result = CliRunner().invoke(cli, ["validate", str(BAD)])
    assert result.exit_code == 1
    assert "does NOT conform" in result.output
    assert "Women (6) + men (6) is not the total (10)" in result.output
    assert f"record field: event.participants.total ({BAD}:9)" in result.output


def test_the_run_goes_on_after_a_failing_report() -> None:
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(BAD), str(GOOD)])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert [r["conforms"] for r in doc["reports"]] == [False, True]
    assert doc["conforms"] is False


def test_an_rdf_file_is_validated_graph_by_graph(tmp_path: Path) -> None:
    mapped = map_record(load_record(GOOD))
    out = tmp_path / "good.trig"
    result = CliRunner().invoke(cli, ["map", str(GOOD), "-o", str(out)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(out)])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)["reports"]
    assert report["graph"] == str(mapped.graph_iri)


def test_an_unreadable_input_fails_but_the_others_are_still_checked(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(broken), str(GOOD)])
    assert result.exit_code == 1
    assert "broken.ttl:1" in result.output
    assert f"{GOOD}: conforms" in result.output


def test_turtle_output_is_the_shacl_report_graph() -> None:
    result = CliRunner().invoke(cli, ["validate", "--format", "turtle", str(BAD)])
    assert result.exit_code == 1
    g = Graph().parse(data=result.stdout, format="turtle")
    assert len(list(g.subjects(RDF.type, SH.ValidationResult))) >= 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 2
    assert CliRunner().invoke(cli, ["validate", str(tmp_path / "missing.yaml")]).exit_code == 2
    assert CliRunner().invoke(cli, ["validate", "--format", "xml", str(GOOD)]).exit_code == 2


def test_both_shacl_engines_give_the_same_results_and_say_which_ran() -> None:
    docs = {}
    for engine in ("pyshacl", "turbo"):
        args = ["validate", "--shacl-engine", engine, "--format", "json", str(BAD), str(GOOD)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        docs[engine] = json.loads(result.output)
        assert docs[engine].pop("engine") == engine
    assert docs["pyshacl"] == docs["turbo"]
    assert docs["turbo"]["reports"][0]["violations"] == 1


def test_an_unknown_shacl_engine_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["validate", "--shacl-engine", "jena", str(GOOD)])
    assert result.exit_code == 2
    assert "'jena' is not one of 'auto', 'turbo', 'pyshacl'" in result.output
    result = CliRunner().invoke(cli, ["validate", str(GOOD)], env={"KG_SHACL_ENGINE": "jena"})
    assert result.exit_code == 2
