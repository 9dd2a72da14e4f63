"""The one interface every store implements: named graphs in, SPARQL out.

A store holds a *dataset*: one named graph per source report (``{base}graph/{slug}``) plus the
vocabularies' graph. Everything that reads or writes data (``kg load``, ``kg query``, ``kg serve``,
the exports) talks to a :class:`Store` and never to pyoxigraph or SPARQLWrapper directly, so the
embedded store (:mod:`kg.store.embedded`) and a remote SPARQL 1.1 server (:mod:`kg.store.remote`)
are interchangeable.

Contract (both implementations keep it; ``tests/kg/test_store.py`` runs the same tests on both):

- :meth:`Store.replace_graph` is atomic: a reader sees the old graph or the new one, never a mix
  and never an empty graph in between. Reloading the same graph leaves the quad count unchanged.
- SPARQL's *default graph* is the union of all named graphs, unless a query names its default or
  named graphs (``default_graph_uris``, ``named_graph_uris``: the protocol's ``default-graph-uri``
  and ``named-graph-uri``). So ``SELECT * { ?e a kg:Event }`` finds every report's event. In
  Oxigraph (embedded, and ``oxigraph serve --union-default-graph``) that union is a *bag*: a
  triple held by k graphs (a place copied into every report that names it) matches k times, so
  queries over shared nodes use ``DISTINCT`` or ``COUNT(DISTINCT …)``.
- :meth:`Store.query` returns a :class:`QueryResult`, a one-shot stream: serialize it *or* iterate
  it, once. The embedded store serializes natively (pyoxigraph, no rdflib in the way).
- Errors are kg's: a malformed query or update raises :class:`kg.errors.QuerySyntaxError` (with
  line and column when the engine gives them), I/O and server failures
  :class:`kg.errors.StoreError`.

Usage::

    from kg.store import open_store

    with open_store("kg-data") as store:
        store.replace_graph(report.graph_iri, report.graph)
        store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").serialize("text/csv")
"""

from __future__ import annotations

import abc
import re
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, Literal, Self

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import QuerySyntaxError, StoreError

__all__ = [
    "BOOLEAN_MEDIA_TYPES",
    "RDF_MEDIA_TYPES",
    "RESULTS_MEDIA_TYPES",
    "QueryResult",
    "Store",
    "syntax_error",
]

ResultKind = Literal["solutions", "boolean", "graph"]

RESULTS_MEDIA_TYPES: dict[str, str] = {
    # https://www.w3.org/TR/sparql11-results-json/ , -XMLres/ , -results-csv-tsv/
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
"""Media types a SELECT result serializes to."""

BOOLEAN_MEDIA_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
"""Media types an ASK result serializes to (the CSV/TSV spec defines no boolean form)."""

RDF_MEDIA_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
}
"""Media types a CONSTRUCT or DESCRIBE result serializes to."""

MAX_MESSAGE = 160
_POSITION = re.compile(r"(?:error at |line )(\d+):(\d+)|line (\d+),? column (\d+)")


def syntax_error(exc: BaseException, *, name: str | None = None) -> QuerySyntaxError:
    """A :class:`QuerySyntaxError` from an engine's parse error, with line and column if it says.

    pyoxigraph writes ``error at 3:2: expected ...``; servers often write ``line 3, column 2``.
    """
    message = (str(exc).strip() or type(exc).__name__).splitlines()[0]
    if len(message) > MAX_MESSAGE:
        # pyoxigraph lists every character class it expected; the start says enough
        message = message[: MAX_MESSAGE - 1].rstrip() + "…"
    m = _POSITION.search(message)
    line = column = None
    if m:
        line, column = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
        message = _POSITION.sub("", message, count=1).lstrip(" :")
    return QuerySyntaxError(f"malformed SPARQL: {message}", name=name, line=line, column=column)


class QueryResult(abc.ABC):
    """The answer to a query: SELECT solutions, an ASK boolean, or CONSTRUCT/DESCRIBE triples.

    A result is a stream and is read once: call :meth:`serialize`, or iterate :meth:`rows` /
    :meth:`triples`, or read :attr:`boolean`. A second read raises :class:`StoreError` rather than
    quietly returning nothing.
    """

    kind: ResultKind
    variables: tuple[str, ...] = ()

    def __init__(self) -> None:
        self._consumed = False

    def _consume(self) -> None:
        if self._consumed:
            raise StoreError("a query result can be read only once; run the query again")
        self._consumed = True

    @property
    @abc.abstractmethod
    def boolean(self) -> bool:
        """The answer of an ASK query."""

    @abc.abstractmethod
    def rows(self) -> Iterator[dict[str, Node]]:
        """The solutions of a SELECT query: variable name → rdflib term (unbound ones absent)."""

    @abc.abstractmethod
    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        """The triples of a CONSTRUCT or DESCRIBE query, as rdflib terms."""

    @abc.abstractmethod
    def serialize(self, media_type: str, out: IO[bytes] | None = None) -> bytes | None:
        """Write the result in ``media_type`` to ``out`` (or return the bytes when ``out`` is None).

        :param media_type: one of :data:`RESULTS_MEDIA_TYPES` for SELECT/ASK, one of
            :data:`RDF_MEDIA_TYPES` for CONSTRUCT/DESCRIBE
        :raises InputError: the media type does not fit the kind of result
        """

    def to_graph(self) -> Graph:
        """A CONSTRUCT/DESCRIBE result as an rdflib graph (for small results: pages, tests)."""
        from kg.namespaces import bind_prefixes

        graph = bind_prefixes(Graph())
        for triple in self.triples():
            graph.add(triple)
        return graph


class Store(abc.ABC):
    """A dataset of named graphs with SPARQL 1.1 query and update. Use it as a context manager."""

    @abc.abstractmethod
    def replace_graph(self, graph_iri: str, graph: Graph) -> int:
        """Make the named graph ``graph_iri`` hold exactly ``graph``'s triples, atomically.

        :returns: the number of triples written
        :raises StoreError: the store could not be written; the old graph is then unchanged
        """

    def replace_graph_ntriples(self, graph_iri: str, ntriples: str) -> int:
        """:meth:`replace_graph` for triples written by :func:`kg.store.terms.ntriples_lines`.

        ``kg load --jobs`` validates in worker processes, which send each report's triples in this
        form (cheaper to pass between processes than an rdflib graph).
        """
        graph = Graph()
        graph.parse(data=ntriples, format="nt")
        return self.replace_graph(graph_iri, graph)

    @abc.abstractmethod
    def delete_graph(self, graph_iri: str) -> None:
        """Remove a named graph (no error when it does not exist)."""

    @abc.abstractmethod
    def graphs(self) -> list[URIRef]:
        """The names of the non-empty named graphs, sorted."""

    @abc.abstractmethod
    def quad_count(self) -> int:
        """How many quads the named graphs hold (the default graph is not counted)."""

    @abc.abstractmethod
    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Iterable[str] = (),
        named_graph_uris: Iterable[str] = (),
        timeout: float | None = None,
    ) -> QueryResult:
        """Run a SPARQL 1.1 query.

        :param default_graph_uris: the graphs whose union is the default graph (default: all)
        :param named_graph_uris: the graphs ``GRAPH ?g`` may range over (default: all)
        :param timeout: seconds; see each implementation for how far it is enforced
        :raises QuerySyntaxError: the query does not parse
        :raises StoreError: the store failed, or the timeout passed
        """

    @abc.abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update (atomically on the embedded store).

        :raises QuerySyntaxError: the update does not parse
        :raises StoreError: the store failed
        """

    def generation(self) -> object | None:
        """A value that changes whenever the data may have changed, or ``None`` if unknown.

        Caches of answers derived from the data (the server's rendered pages) keep an answer
        only while this value stays equal. ``None`` means the store cannot tell (a remote
        endpoint that others may write to), so nothing may be cached.
        """
        return None

    @abc.abstractmethod
    def dump(self, fmt: str, out: IO[bytes]) -> None:
        """Write the whole dataset to ``out`` in ``fmt`` (a :data:`kg.formats.FORMATS` name).

        Quad formats (``trig``, ``nquads``) keep the named graphs; triple formats get their union.
        """

    @abc.abstractmethod
    def close(self) -> None:
        """Release the store (the embedded store's lock on its folder)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
