"""THROWAWAY: a stand-in for kg.store until it lands on main (the same query/update interface).

Delete this file and use ``kg.store.open_store`` once ``kg/store`` is merged.
"""

from __future__ import annotations

import re
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import QuerySyntaxError

_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_RDF = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


class Result:
    def __init__(self, native: Any) -> None:
        self.native = native
        if isinstance(native, ox.QueryBoolean):
            self.kind = "boolean"
        elif isinstance(native, ox.QueryTriples):
            self.kind = "graph"
        else:
            self.kind = "solutions"

    def serialize(self, media_type: str, out: IO[bytes] | None = None) -> bytes | None:
        fmt = _RDF[media_type] if self.kind == "graph" else _RESULTS[media_type]
        return self.native.serialize(out, fmt)


class AdapterStore:
    def __init__(self, path: str | None = None) -> None:
        self.ox = ox.Store(path)

    def _syntax(self, exc: SyntaxError) -> QuerySyntaxError:
        m = re.match(r"error at (\d+):(\d+): (.*)", str(exc), re.DOTALL)
        if m:
            return QuerySyntaxError(m[3], line=int(m[1]), column=int(m[2]))
        return QuerySyntaxError(str(exc))

    def query(self, sparql, *, default_graph_uris=(), named_graph_uris=(), timeout=None):
        kwargs: dict[str, Any] = {}
        if default_graph_uris:
            kwargs["default_graph"] = [ox.NamedNode(u) for u in default_graph_uris]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graph_uris:
            kwargs["named_graphs"] = [ox.NamedNode(u) for u in named_graph_uris]
        try:
            return Result(self.ox.query(sparql, **kwargs))
        except SyntaxError as exc:
            raise self._syntax(exc) from exc

    def update(self, sparql: str) -> None:
        try:
            self.ox.update(sparql)
        except SyntaxError as exc:
            raise self._syntax(exc) from exc

    def load_trig(self, data: bytes) -> None:
        self.ox.load(data, format=ox.RdfFormat.TRIG)

    def close(self) -> None:
        pass
