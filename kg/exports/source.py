"""Where exports read from: a small protocol over a quad store, and its pyoxigraph adapter.

Every export asks three things of the data: SELECT rows, a CONSTRUCTed graph, and a streamed dump
of everything. :class:`ExportSource` names exactly that, so the exports work the same over an
embedded pyoxigraph store, the project's store, or a remote SPARQL endpoint. Queries see the
default graph as the union of all named graphs (one graph per report), as a SPARQL UI pointed at
the server does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import BinaryIO, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, NotFound, StoreError
from kg.formats import RDFFormat
from kg.namespaces import PREFIXES, bind_prefixes
from kg.store import Store

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
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}
# A triple stored in two report graphs (a shared place, a person) is written once in a triple dump.
_UNION = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"
_UNION_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def values_clause(bindings: Mapping[str, Node] | None) -> str:
    """A trailing ``VALUES`` block that binds variables, for stores without pre-binding (the
    house rule for remote queries: terms written with ``n3()``, never pasted text).

    >>> values_clause({"event": URIRef("https://example.org/kg/id/event/x")})
    '\\nVALUES (?event) { (<https://example.org/kg/id/event/x>) }'
    """
    if not bindings:
        return ""
    names = " ".join(f"?{name}" for name in bindings if name.isidentifier())
    if len(names.split()) != len(bindings):
        raise InputError("a variable name to bind is not a plain name")
    terms = " ".join(term.n3() for term in bindings.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}"


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


@cache
def load_query(name: str) -> str:
    """The text of ``kg/queries/<name>.rq`` (runnable as it is in a SPARQL UI).

    :raises NotFound: when there is no such query
    """
    path = resources.files("kg") / "queries" / f"{name}.rq"
    if not path.is_file():
        raise NotFound(f"no query named {name!r} in kg/queries")
    return path.read_text(encoding="utf-8")


def to_rdflib(term: object) -> Node | None:
    """A pyoxigraph term as the equal rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            # RDF 1.1: a simple literal is an xsd:string; rdflib keeps it without a datatype
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the equal pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


class OxigraphSource:
    """An :class:`ExportSource` over a :class:`pyoxigraph.Store` (on disk or in memory)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def _query(self, query: str, bindings: Mapping[str, Node] | None) -> object:
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
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
        return [{n: to_rdflib(solution[n]) for n in names} for solution in solutions]

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
        result = self.store.query(query + values_clause(bindings))
        names = result.variables
        return [{name: row.get(name) for name in names} for row in result.rows()]

    def construct(self, query: str, *, bindings: Mapping[str, Node] | None = None) -> Graph:
        return self.store.query(query + values_clause(bindings)).to_graph()

    def dump(self, fmt: RDFFormat, out: BinaryIO) -> None:
        if fmt.quads:
            self.store.dump(fmt.name, out)
        else:
            self.store.query(_UNION_GRAPH).serialize(fmt.media_type, out)
