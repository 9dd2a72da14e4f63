"""The floor of serving SPARQL from Python: waitress and pyoxigraph, nothing else.

No Flask, no limits, no timeout, no content negotiation, no error handling: a GET's ``query`` goes
to pyoxigraph and its answer comes back as JSON (SELECT, ASK) or Turtle (CONSTRUCT). The benchmark
serves the same store with it beside kg and ``oxigraph serve``, to tell how much of kg's gap to
the Rust server is Python's HTTP serving itself and how much is kg's own work per request.

``python -m bench.floor_app STORE PORT``.
"""

from __future__ import annotations

import sys
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

import pyoxigraph as ox
from waitress import serve  # type: ignore[import-untyped]  # waitress has no types


def make_app(location: str) -> Callable[..., Iterable[bytes]]:
    store = ox.Store.read_only(location)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        query = urllib.parse.parse_qs(environ["QUERY_STRING"])["query"][0]
        result = store.query(query, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            body = ox.serialize(result, format=ox.RdfFormat.TURTLE)
            media_type = "text/turtle"
        else:
            body = result.serialize(format=ox.QueryResultsFormat.JSON)
            media_type = "application/sparql-results+json"
        assert body is not None
        start_response("200 OK", [("Content-Type", media_type), ("Content-Length", str(len(body)))])
        return [body]

    return app


if __name__ == "__main__":
    serve(make_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), threads=8, ident="floor")
