"""``kg export``: every format from inputs or a store folder; clean errors and no partial files."""

from __future__ import annotations

import hxl
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from kg.cli import cli
from kg.store.remote import RemoteStore
from tests.kg.exports_data import EXAMPLES, embedded_store_of, mapped_dataset, record_paths


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    "fmt", ["turtle", "ntriples", "jsonld", "trig", "schema-jsonld", "dcat", "void"]
)
def test_every_file_format_from_inputs(runner, tmp_path, fmt) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["export", str(EXAMPLES), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    assert not list(tmp_path.glob(".*.tmp"))


def test_hxl_writes_a_folder(runner, seed_gold, tmp_path) -> None:
    result = runner.invoke(
        cli, ["export", str(seed_gold), "--format", "hxl", "-o", str(tmp_path / "hxl")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "hxl").iterdir()) == [
        "events.csv",
        "events.csv-metadata.json",
        "statements.csv",
        "statements.csv-metadata.json",
    ]


def test_export_from_a_store_folder_with_public_urls(runner, seed_gold, tmp_path) -> None:
    folder = tmp_path / "store"
    embedded_store_of(mapped_dataset(record_paths(seed_gold)), folder).close()
    out = tmp_path / "void.ttl"
    args = ["export", "--store", str(folder), "--format", "void", "-o", str(out)]
    result = runner.invoke(cli, [*args, "--public-url", "https://kg.example.net/"])
    assert result.exit_code == 0, result.output
    void = Graph().parse(out)
    dumps = set(void.objects(None, VOID.dataDump))
    assert URIRef("https://kg.example.net/exports/kg-events.nt") in dumps
    assert int(void.value(URIRef("https://example.org/kg/dataset"), VOID.triples)) > 500


def test_one_source_is_required(runner) -> None:
    result = runner.invoke(cli, ["export", "--format", "void"])
    assert result.exit_code == 2
    assert "exactly one of" in result.output


def test_hxl_needs_a_folder(runner) -> None:
    result = runner.invoke(cli, ["export", str(EXAMPLES), "--format", "hxl"])
    assert result.exit_code == 2


def test_a_bad_input_fails_cleanly_and_writes_nothing(runner, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("event: [\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = runner.invoke(cli, ["export", str(bad), "--format", "turtle", "-o", str(out)])
    assert result.exit_code == 1
    assert "bad.yaml" in result.output
    assert not out.exists()


def test_a_missing_store_is_an_error(runner, tmp_path) -> None:
    result = runner.invoke(cli, ["export", "--store", str(tmp_path / "none"), "--format", "dcat"])
    assert result.exit_code == 1
    assert "no store there" in result.output


@pytest.mark.live
def test_export_from_a_live_sparql_endpoint(runner, seed_gold, tmp_path, oxigraph_server) -> None:
    remote = RemoteStore(f"{oxigraph_server}/query", update_endpoint=f"{oxigraph_server}/update")
    remote.update("DROP ALL")  # the server lives for the session; start empty
    for graph in mapped_dataset(record_paths(seed_gold)).graphs():
        if len(graph):
            remote.replace_graph(str(graph.identifier), graph)
    endpoint = ["--endpoint", f"{oxigraph_server}/query"]
    result = runner.invoke(cli, ["export", *endpoint, "--format", "hxl", "-o", str(tmp_path / "h")])
    assert result.exit_code == 0, result.output
    with hxl.data(str(tmp_path / "h" / "events.csv"), hxl.InputOptions(allow_local=True)) as data:
        rows = {r.get("#event+id"): r.get("#reached+ind") for r in data}
    assert rows["jalal-abad-2021-04-22"] == "43"
    out = tmp_path / "all.nt"
    result = runner.invoke(cli, ["export", *endpoint, "--format", "ntriples", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [line for line in out.read_text(encoding="utf-8").splitlines() if line]
    assert len(lines) == len(set(lines)) > 500
