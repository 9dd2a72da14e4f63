"""Loading: valid reports go in graph by graph, broken ones write nothing, reloads add nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyshacl
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.loading import LoadOutcome, load_inputs, load_paths, load_vocabularies, vocabulary_graph_iri
from kg.mapping import map_record
from kg.record_yaml import load_record
from kg.store import Store
from kg.validation import shapes_graph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
BAD = ROOT / "tests" / "data" / "validation" / "counts-do-not-add-up.yaml"
GOOD = EXAMPLES / "kara-balta-2023-03-14.yaml"


def _graph_sizes(store: Store) -> dict[str, int]:
    rows = store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    ).rows()
    return {str(r["g"]): int(r["n"]) for r in rows}


def test_each_record_lands_in_its_own_graph(any_store: Store) -> None:
    records = sorted(EXAMPLES.glob("*.yaml"))
    summary = load_paths(any_store, records)
    assert (summary.loaded, summary.rejected, summary.unreadable) == (len(records), 0, 0)
    expected = {}
    for path in records:
        mapped = map_record(load_record(path))
        expected[str(mapped.graph_iri)] = len(mapped.graph)
    assert _graph_sizes(any_store) == expected
    assert summary.triples == sum(expected.values()) == any_store.quad_count()


def test_reloading_leaves_the_quad_count_unchanged(any_store: Store) -> None:
    inputs = [
        GOOD,
        EXAMPLES / "balykchy-2022-10-06.ky.md",
    ]  # a record, and a report text with spans
    load_paths(any_store, inputs)
    before = any_store.quad_count()
    sizes = _graph_sizes(any_store)
    again = load_paths(any_store, inputs)
    assert again.ok
    assert any_store.quad_count() == before
    assert _graph_sizes(any_store) == sizes


def test_a_broken_report_is_rejected_and_writes_nothing(any_store: Store) -> None:
    summary = load_paths(any_store, [BAD])
    assert (summary.loaded, summary.rejected) == (0, 1)
    assert "Women (6) + men (6) is not the total (10)" in summary.failures[0]
    assert any_store.graphs() == []
    assert any_store.quad_count() == 0


def test_a_broken_reload_keeps_the_good_graph_that_was_there(
    any_store: Store, tmp_path: Path
) -> None:
    record = tmp_path / "kara-balta-2023-03-14.yaml"
    shutil.copy(GOOD, record)
    assert load_paths(any_store, [record]).loaded == 1
    before = _graph_sizes(any_store)
    broken = GOOD.read_text(encoding="utf-8").replace(
        "total: 28, women: 15, men: 13", "total: 28, women: 15, men: 3"
    )
    assert broken != GOOD.read_text(encoding="utf-8")
    record.write_text(broken, encoding="utf-8")
    summary = load_paths(any_store, [record])
    assert summary.rejected == 1
    assert _graph_sizes(any_store) == before


def test_the_run_goes_on_after_an_unreadable_and_a_rejected_input(
    any_store: Store, tmp_path: Path
) -> None:
    unreadable = tmp_path / "broken.ttl"
    unreadable.write_text("<a> <b> .\n", encoding="utf-8")
    seen: list[LoadOutcome] = []
    summary = load_inputs(any_store, [unreadable, BAD, GOOD], on_outcome=seen.append)
    assert [o.status for o in seen] == ["unreadable", "rejected", "loaded"]
    assert (summary.loaded, summary.rejected, summary.unreadable) == (1, 1, 1)
    assert not summary.ok
    assert "broken.ttl:1" in summary.failures[0]
    assert summary.text.startswith("loaded 1, rejected 1, unreadable 1;")


def test_an_rdf_file_with_several_graphs_loads_each(any_store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "two.trig"
    result = CliRunner().invoke(
        cli, ["map", str(GOOD), str(EXAMPLES / "balykchy-2022-10-06.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = load_paths(any_store, [out])
    assert summary.loaded == 2
    assert len(any_store.graphs()) == 2


def test_vocabularies_are_written_once_into_their_own_graph(any_store: Store) -> None:
    written = load_vocabularies(any_store)
    assert written > 1000
    graph = vocabulary_graph_iri()
    assert any_store.graphs() == [graph]
    assert any_store.quad_count() == written
    assert load_vocabularies(any_store) == 0  # unchanged files: nothing to do
    assert load_vocabularies(any_store, force=True) == written
    assert any_store.quad_count() == written
    assert any_store.query(
        f"ASK {{ GRAPH <{graph}> {{ ?kind a <https://w3id.org/kg-events/ontology#EventKind> }} }}"
    ).boolean


def test_the_vocabulary_concepts_conform_to_their_shapes() -> None:
    from kg.loading import _vocabulary_files

    g = Graph()
    for _, data in _vocabulary_files():
        g.parse(data=data.decode("utf-8"), format="turtle")
    conforms, _, text = pyshacl.validate(
        g,
        shacl_graph=shapes_graph(),
        use_shapes=[URIRef("https://w3id.org/kg-events/shapes#ConceptShape")],
    )
    assert conforms, text


def test_worker_processes_load_the_same_quads_and_reject_the_same_reports(tmp_path: Path) -> None:
    from kg.store import open_store

    inputs = [GOOD, BAD, EXAMPLES / "balykchy-2022-10-06.ky.md"]
    with open_store(tmp_path / "one") as one, open_store(tmp_path / "two") as two:
        alone = load_inputs(one, inputs)
        pooled = load_inputs(two, inputs, jobs=2)
        assert (pooled.loaded, pooled.rejected, pooled.triples) == (
            alone.loaded,
            alone.rejected,
            alone.triples,
        )
        assert pooled.rejected == 1  # the broken record: nothing of it written
        assert "Women (6) + men (6) is not the total (10)" in pooled.failures[0]
        a = Graph()
        b = Graph()
        for graph in one.graphs():
            a += one.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            ).to_graph()
        for graph in two.graphs():
            b += two.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            ).to_graph()
        assert one.graphs() == two.graphs()
        assert isomorphic(a, b)
