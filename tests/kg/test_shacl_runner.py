"""pyshacl with its compiled shapes reused across runs gives pyshacl's own results, on good and
broken reports (the other engine is compared with pyshacl in test_shacl_engines.py)."""

from __future__ import annotations

import functools

import pyshacl
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.inputs import read_input
from kg.shacl_runner import run_shacl
from kg.validation import shapes_graph
from tests.conftest import ROOT

RECORDS = sorted((ROOT / "examples").glob("*.yaml"))[:2]


@functools.cache
def _graphs() -> list[Graph]:
    graphs = [report.graph for path in RECORDS for report in read_input(path).reports]
    broken = []
    for graph in graphs:
        # every type dropped: the shapes that need a class, or target one, see something else
        copy = Graph()
        for triple in graph:
            if triple[1] != RDF.type or hash(triple) % 3:
                copy.add(triple)
        broken.append(copy)
    return graphs + broken


def test_same_results_as_pyshacl_validate():
    for graph in _graphs():
        _check(graph)


def _check(graph: Graph) -> None:
    expected_conforms, expected, _ = pyshacl.validate(
        _copy(graph), shacl_graph=shapes_graph(), inference="none", allow_warnings=True,
        allow_infos=True,
    )  # fmt: skip
    run_shacl(_copy(graph), shapes_graph(), engine="pyshacl")  # a first run compiles the shapes
    conforms, results = run_shacl(_copy(graph), shapes_graph(), engine="pyshacl")
    assert conforms == expected_conforms
    assert isomorphic(results, expected)


def test_broken_reports_do_not_conform():
    graphs = _graphs()
    for engine in ("pyshacl", "turbo"):
        assert all(run_shacl(_copy(g), shapes_graph(), engine=engine)[0] for g in graphs[:2])
        assert not any(run_shacl(_copy(g), shapes_graph(), engine=engine)[0] for g in graphs[2:])


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy
