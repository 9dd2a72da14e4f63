"""Store fixtures (embedded, and a live `oxigraph serve`) and what a graph looks like once stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kg.store import EmbeddedStore, Store

# Oxigraph keeps the value of integer-derived literals but stores them as xsd:integer
# (see kg.store.embedded, "Datatypes"); a graph read back is compared with that in mind.
_INTEGER_TYPES = {XSD.positiveInteger, XSD.nonNegativeInteger, XSD.int, XSD.long, XSD.short}


def as_stored(graph: Graph) -> Graph:
    """``graph`` with integer-derived datatypes written as xsd:integer, as Oxigraph returns them."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in _INTEGER_TYPES:
            o = Literal(str(o), datatype=XSD.integer)
        out.add((s, p, o))
    return out


@pytest.fixture(params=["embedded"])
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh, empty store of each kind (the embedded one in memory; persistence has its own tests)."""
    with EmbeddedStore(None) as store:
        yield store
