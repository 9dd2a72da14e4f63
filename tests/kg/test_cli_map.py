"""`kg map`: formats by extension, named graphs in TriG, clean errors and no partial output."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.cli import cli
from kg.namespaces import KG, SCHEMA

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")]
)
def test_format_follows_the_extension(runner, seed_gold: Path, tmp_path: Path, suffix, fmt) -> None:
    out = tmp_path / f"seed{suffix}"
    result = runner.invoke(cli, ["map", str(seed_gold), "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=out.read_bytes(), format=fmt)
    event = URIRef("https://example.org/kg/id/event/jalal-abad-2021-04-22")
    assert (event, RDF.type, SCHEMA.Event) in g
    assert (event, SCHEMA.startDate, Literal("2021-04-22", datatype=XSD.date)) in g


def test_trig_keeps_one_named_graph_per_report(runner, tmp_path: Path) -> None:
    out = tmp_path / "all.trig"
    records = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    result = runner.invoke(cli, ["map", *records, "-o", str(out)])
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(data=out.read_bytes(), format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    expected = {f"https://example.org/kg/graph/{Path(r).stem}" for r in records}
    assert names == expected


def test_a_report_text_is_extracted_then_mapped_with_its_spans(runner, tmp_path: Path) -> None:
    report = next(EXAMPLES.glob("*.ky.md"))
    out = tmp_path / "r.ttl"
    result = runner.invoke(cli, ["map", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=out.read_bytes(), format="turtle")
    report_node = next(g.subjects(RDF.type, KG.Report))
    text = str(g.value(report_node, SCHEMA.text))
    quotes = list(
        g.query(
            "SELECT ?exact ?start WHERE { ?t oa:hasSelector ?q, ?p . "
            "?q oa:exact ?exact . ?p oa:start ?start }"
        )
    )
    assert quotes
    for exact, start in quotes:
        assert text[int(start) : int(start) + len(exact)] == str(exact)


def test_a_bad_record_fails_cleanly_and_writes_nothing(
    runner, seed_gold: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("event:\n  kind: x\n  language: kg\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = runner.invoke(cli, ["map", str(seed_gold), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{bad}:3: event.language" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_unknown_output_extension_is_a_clean_error(runner, seed_gold: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["map", str(seed_gold), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 1
    assert "cannot tell the RDF format" in result.output


def test_missing_input_is_a_clean_error(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["map", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "no such file" in result.output
