"""A real pyoxigraph store holding the seed report and the bundled examples (export tests)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.exports.source import OxigraphSource, StoreSource
from kg.mapping import map_record
from kg.record_yaml import load_record
from kg.store import EmbeddedStore
from kg.store.terms import to_ox, to_rdflib

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED_EVENT = "https://example.org/kg/id/event/jalal-abad-2021-04-22"


def record_paths(seed_gold: Path) -> list[Path]:
    return [seed_gold, *sorted(EXAMPLES.glob("*.yaml"))]


def mapped_dataset(paths: list[Path]) -> Dataset:
    """The report graphs as the mapper makes them, one named graph each."""
    ds = Dataset()
    for path in paths:
        mapped = map_record(load_record(path))
        graph = ds.graph(mapped.graph_iri)
        for triple in mapped.graph:
            graph.add(triple)
    return ds


def store_of(ds: Dataset) -> OxigraphSource:
    store = ox.Store()
    store.extend(
        ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(g)))
        for s, p, o, g in ds.quads((None, None, None, None))
    )
    return OxigraphSource(store)


def union(ds: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@contextmanager
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Any attempt to open a connection fails the test (and is recorded)."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("the export tests must not reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    yield attempts


def stored(source: OxigraphSource) -> Dataset:
    """What the store holds, read quad by quad. pyoxigraph 0.5 keeps derived integer types
    (xsd:positiveInteger, xsd:nonNegativeInteger) as xsd:integer, so a dump is compared with the
    store's contents, not with the mapper's graphs."""
    ds = Dataset()
    for quad in source.store:
        ds.graph(to_rdflib(quad.graph_name)).add(  # type: ignore[arg-type]
            (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))  # type: ignore[arg-type]
        )
    return ds


def embedded_store_of(ds: Dataset, path: Path | None = None) -> EmbeddedStore:
    """The project's own store (in memory, or in ``path``), one replace_graph per report."""
    store = EmbeddedStore(path)
    for graph in ds.graphs():
        if len(graph):
            store.replace_graph(str(graph.identifier), graph)
    return store


SOURCES = {
    "pyoxigraph": store_of,
    "kg.store": lambda ds: StoreSource(embedded_store_of(ds)),
}
"""The two ways exports read data: a plain pyoxigraph store, and the project's Store."""
