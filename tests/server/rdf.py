"""Parsing RDF in the tests with rdflib, quiet about its own deprecated calls."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph


@contextlib.contextmanager
def rdflib_quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        # rdflib 7.6's JSON-LD parser and Dataset.parse use its own deprecated ConjunctiveGraph
        # and Dataset.default_context; nothing in these tests calls them
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        warnings.filterwarnings("ignore", "Dataset.default_context", DeprecationWarning)
        yield


def parse_graph(data: bytes | str, fmt: str) -> Graph:
    """A graph from ``data`` in rdflib's format ``fmt``."""
    with rdflib_quiet():
        return Graph().parse(data=data, format=fmt)


def load_union(path: Path) -> Dataset:
    """A TriG file as a dataset whose default graph is the union of its named graphs."""
    with rdflib_quiet():
        dataset = Dataset(default_union=True)
        dataset.parse(data=path.read_text(encoding="utf-8"), format="trig")
        return dataset


RESULTS = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
"""The SPARQL results media types the endpoint writes, with a short name for test ids."""
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
"""The graph media types the endpoint writes, with the rdflib parser name of each."""
