"""What the validation tests share: the example record mapped, a changed copy of its graph, and
the results of validating one."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.mapping import MappedReport, map_record
from kg.record_yaml import load_record
from kg.validation import validate_graph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kara-balta-2023-03-14.yaml"
BASE = "https://example.org/kg/id/"


def mapped_example() -> MappedReport:
    return map_record(load_record(EXAMPLE))


def changed(good: MappedReport, *, remove=(), add=()) -> Graph:
    g = Graph()
    for t in good.graph:
        g.add(t)
    for pattern in remove:
        for t in list(g.triples(pattern)):
            g.remove(t)
    for t in add:
        g.add(t)
    return g


def found(graph: Graph) -> set[tuple[str, str, str | None]]:
    """(severity, constraint component, path) of every result."""
    report = validate_graph(graph)
    return {(r.severity, r.constraint, r.path) for r in report.results}


def violations(graph: Graph) -> set[tuple[str, str | None]]:
    return {(c, p) for s, c, p in found(graph) if s == "Violation"}
