"""Where exports read from: a small protocol over a quad store, and its pyoxigraph adapter.

Every export asks three things of the data: SELECT rows, a CONSTRUCTed graph, and a streamed dump
of everything. :class:`ExportSource` names exactly that, so the exports work the same over an
embedded pyoxigraph store, the project's store, or a remote SPARQL endpoint. Queries see the
default graph as the union of all named graphs (one graph per report), as a SPARQL UI pointed at
the server does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import BinaryIO, Protocol

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.errors import InputError, StoreError
from kg.formats import RDFFormat
from kg.namespaces import PREFIXES, bind_prefixes
from kg.sparql import bind
from kg.sparql import load_query as named_query
from kg.store import Store
from kg.store.terms import to_ox, to_rdflib

Row = Mapping[str, Node | None]
"""One solution of a SELECT: variable name → rdflib term (``None`` when unbound)."""

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}
# A triple stored in two report graphs (a shared place, a person) is written once in a triple dump.
_UNION = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"
_UNION_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


class ExportSource(Protocol):
    """What an export needs of the data."""

    def select(self, query: str, *, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        """Run a SELECT query; ``bindings`` pre-bind variables (SEP-0007 substitution)."""
        ...

    def construct(self, query: str, *, bindings: Mapping[str, Node] | None = None) -> Graph:
        """Run a CONSTRUCT query and return its triples as an rdflib graph."""
        ...

    def dump(self, fmt: RDFFormat, out: BinaryIO) -> None:
        """Write all the data to ``out``: every named graph in a quad format, their union (each
        triple once) in a triple format. Streams: the data is never held in memory whole."""
        ...


def load_query(name: str) -> str:
    """The text of the named query ``kg/queries/<name>.rq``."""
    return named_query(name).text


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    return None if term is None else to_rdflib(term)


class OxigraphSource:
    """An :class:`ExportSource` over a :class:`pyoxigraph.Store` (on disk or in memory)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def _query(self, query: str, bindings: Mapping[str, Node] | None) -> object:
        substitutions = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            return self.store.query(
                query, use_default_graph_as_union=True, substitutions=substitutions or None
            )
        except SyntaxError as exc:
            raise InputError(f"the export query does not parse: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the store cannot be read: {exc}") from exc

    def select(self, query: str, *, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        solutions = self._query(query, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise InputError("an export query that should SELECT does not")
        names = [v.value for v in solutions.variables]
        return [{n: _term(solution[n]) for n in names} for solution in solutions]

    def construct(self, query: str, *, bindings: Mapping[str, Node] | None = None) -> Graph:
        triples = self._query(query, bindings)
        if not isinstance(triples, ox.QueryTriples):
            raise InputError("an export query that should CONSTRUCT does not")
        graph = bind_prefixes(Graph())
        for t in triples:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
        return graph

    def dump(self, fmt: RDFFormat, out: BinaryIO) -> None:
        ox_format = _OX_FORMATS.get(fmt.name)
        if ox_format is None:
            raise InputError(f"cannot dump the store as {fmt.name}")
        try:
            if fmt.quads:
                self.store.dump(out, ox_format, prefixes=_PREFIXES)
            else:
                prefixes = _PREFIXES if fmt.name == "turtle" else None
                ox.serialize(self._union(), out, ox_format, prefixes=prefixes)
        except OSError as exc:
            raise StoreError(f"the store cannot be dumped: {exc}") from exc

    def _union(self) -> Iterator[ox.Triple]:
        for solution in self.store.query(_UNION, use_default_graph_as_union=True):
            yield ox.Triple(solution["s"], solution["p"], solution["o"])  # type: ignore[arg-type]


class StoreSource:
    """An :class:`ExportSource` over a :class:`kg.store.Store`: the embedded folder or a remote
    SPARQL 1.1 server. Pre-bound variables become a trailing ``VALUES`` block, which the exports
    use only in CONSTRUCT queries (where it restricts the solutions as a binding would)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def select(self, query: str, *, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        result = self.store.query(bind(query, **bindings) if bindings else query)
        names = result.variables
        return [{name: row.get(name) for name in names} for row in result.rows()]

    def construct(self, query: str, *, bindings: Mapping[str, Node] | None = None) -> Graph:
        return self.store.query(bind(query, **bindings) if bindings else query).to_graph()

    def dump(self, fmt: RDFFormat, out: BinaryIO) -> None:
        if fmt.quads:
            self.store.dump(fmt.name, out)
        else:
            self.store.query(_UNION_GRAPH).serialize(fmt.media_type, out)
