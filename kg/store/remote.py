"""A remote SPARQL 1.1 store: queries and updates through SPARQLWrapper, graphs through the GSP.

For users who outgrow one machine: any SPARQL 1.1 server (Oxigraph, Fuseki, GraphDB, Virtuoso)
behind three URLs:

- ``endpoint``: SPARQL 1.1 Protocol queries (SPARQLWrapper, POST, content negotiation only);
- ``update_endpoint``: SPARQL 1.1 Update (default: the query endpoint, as Virtuoso and GraphDB
  accept; Fuseki and Oxigraph have a separate ``/update``);
- ``gsp_endpoint``: optional, a SPARQL 1.1 Graph Store HTTP Protocol URL. When given, a report's
  graph is replaced with one ``PUT ?graph=<iri>`` (N-Triples), which the protocol defines as a
  replacement and servers run as one transaction; else with one update request of
  ``DROP SILENT GRAPH`` + ``INSERT DATA`` (SPARQL 1.1 Update asks services to run a request
  atomically).

Results are fetched as SPARQL results JSON (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE) and
re-serialized with pyoxigraph's parsers and writers, so no rdflib graph is built in between. The
server decides what its default graph is: for the contract of :mod:`kg.store.base` (default graph
= union of the named graphs) start Oxigraph with ``--union-default-graph``, set Fuseki's
``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso query all graphs by default.
"""

from __future__ import annotations

import ast
import base64
import math
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterable, Iterator
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, URIRef
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from kg import __version__
from kg.errors import InputError, StoreError
from kg.formats import format_for
from kg.store.base import Store, syntax_error
from kg.store.forms import QUERY_FORMS, blank_comments, query_form
from kg.store.results import PREFIXES_BY_NAME, RemoteResult
from kg.store.terms import (
    ntriples_lines,
    replace_graph_update,
    replace_graph_update_text,
    to_ox,
)

__all__ = ["RemoteResult", "RemoteStore"]

_AGENT = f"kg/{__version__} (https://w3id.org/kg-events)"
_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_GSP_TIMEOUT = 300.0


class RemoteStore(Store):
    """A SPARQL 1.1 server as a :class:`Store`.

    :param auth: HTTP credentials (user, password), sent to all three endpoints
    :param auth_scheme: ``basic`` (Fuseki, GraphDB) or ``digest`` (Virtuoso's ``/sparql-auth`` and
        ``/sparql-graph-crud-auth``)
    :param read_only: refuse every write (for a public endpoint one may only read)
    """

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        gsp_endpoint: str | None = None,
        auth: tuple[str, str] | None = None,
        auth_scheme: str = "basic",
        read_only: bool = False,
    ) -> None:
        if auth_scheme not in ("basic", "digest"):
            raise InputError(f"HTTP authentication is basic or digest, not {auth_scheme!r}")
        for url in (endpoint, update_endpoint, gsp_endpoint):
            if url and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise InputError(f"not an http(s) URL: {url!r}")
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.gsp_endpoint = gsp_endpoint
        self.auth = auth
        self.auth_scheme = auth_scheme
        self.read_only = read_only
        self._opener = urllib.request.build_opener()
        if auth and auth_scheme == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {endpoint, self.update_endpoint, gsp_endpoint} - {None}:
                passwords.add_password(None, url, *auth)
            self._opener = urllib.request.build_opener(
                urllib.request.HTTPDigestAuthHandler(passwords)
            )

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    def _client(
        self, url: str, sparql: str, form: str, timeout: float | None = None
    ) -> SPARQLWrapper:
        client = SPARQLWrapper(url, updateEndpoint=self.update_endpoint, agent=_AGENT)
        client.setMethod(POST)
        # content negotiation only: extra `format=`/`output=` parameters upset some servers
        client.setOnlyConneg(True)
        if self.auth:
            client.setCredentials(*self.auth)
            # (SPARQLWrapper installs a digest handler as urllib's global opener; the GSP calls
            # below use their own opener)
            client.setHTTPAuth(DIGEST if self.auth_scheme == "digest" else BASIC)
        if timeout is not None:
            client.setTimeout(max(1, math.ceil(timeout)))
        with warnings.catch_warnings():
            # SPARQLWrapper warns when its own guess of the form fails; ours (kg.store.forms)
            # replaces that guess on the next line, so its warning says nothing
            warnings.simplefilter("ignore", RuntimeWarning)
            client.setQuery(blank_comments(sparql))
        # SPARQLWrapper sends an update as `update=` to the update endpoint when its queryType is
        # one of its update types; any of them will do
        client.queryType = (
            "INSERT" if form == "UPDATE" else (form if form in QUERY_FORMS else "SELECT")
        )
        return client

    def _run(self, client: SPARQLWrapper) -> bytes:
        try:
            response = client.query().response
            return response.read()  # type: ignore[no-any-return]
        except QueryBadFormed as exc:
            raise syntax_error(Exception(_body(exc))) from exc
        except SPARQLWrapperException as exc:
            raise StoreError(f"{client.endpoint}: {type(exc).__name__}: {_body(exc)}") from exc
        except urllib.error.HTTPError as exc:
            raise StoreError(f"{exc.url}: HTTP {exc.code}: {exc.read()[:300]!r}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StoreError(f"{client.endpoint}: cannot reach the endpoint: {exc}") from exc

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.endpoint} is open read-only")

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Iterable[str] = (),
        named_graph_uris: Iterable[str] = (),
        timeout: float | None = None,
    ) -> RemoteResult:
        form = query_form(sparql)
        if form == "UPDATE":
            raise InputError("this is an update, not a query; use update()")
        client = self._client(self.endpoint, sparql, form, timeout)
        for uri in default_graph_uris:
            client.addDefaultGraph(str(uri))
        for uri in named_graph_uris:
            client.addNamedGraph(str(uri))
        graph_result = form in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(TURTLE if graph_result else JSON)
        data = self._run(client)
        if graph_result:
            return RemoteResult("graph", data)
        return RemoteResult("boolean" if form == "ASK" else "solutions", data)

    def update(self, sparql: str) -> None:
        self._writable()
        if query_form(sparql) in QUERY_FORMS:
            raise InputError("this is a query, not an update; use query()")
        self._run(self._client(self.update_endpoint, sparql, "UPDATE"))

    def replace_graph(self, graph_iri: str, graph: Graph) -> int:
        self._writable()
        if self.gsp_endpoint:
            body = ntriples_lines(graph).encode("utf-8")
            self._gsp("PUT", str(graph_iri), body)
        else:
            self.update(replace_graph_update(str(graph_iri), graph))
        return len(graph)

    def replace_graph_ntriples(self, graph_iri: str, ntriples: str) -> int:
        self._writable()
        if self.gsp_endpoint:
            self._gsp("PUT", str(graph_iri), ntriples.encode("utf-8"))
        else:
            self.update(replace_graph_update_text(str(graph_iri), ntriples))
        return ntriples.count("\n")

    def delete_graph(self, graph_iri: str) -> None:
        self._writable()
        if self.gsp_endpoint:
            self._gsp("DELETE", str(graph_iri), None, missing_ok=True)
        else:
            self.update(f"DROP SILENT GRAPH {to_ox(URIRef(str(graph_iri)))}")

    def _gsp(
        self, method: str, graph_iri: str, body: bytes | None, *, missing_ok: bool = False
    ) -> None:
        """One Graph Store Protocol request on ``?graph=<graph_iri>`` (SPARQL 1.1 GSP §5)."""
        assert self.gsp_endpoint is not None
        sep = "&" if "?" in self.gsp_endpoint else "?"
        url = f"{self.gsp_endpoint}{sep}{urllib.parse.urlencode({'graph': graph_iri})}"
        request = urllib.request.Request(url, data=body, method=method)  # noqa: S310 - http(s) checked above
        request.add_header("User-Agent", _AGENT)
        if body is not None:
            request.add_header("Content-Type", "application/n-triples")
        if self.auth and self.auth_scheme == "basic":
            token = base64.b64encode(":".join(self.auth).encode("utf-8")).decode("ascii")
            request.add_header("Authorization", f"Basic {token}")
        try:
            with self._opener.open(request, timeout=_GSP_TIMEOUT) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            if missing_ok and exc.code == 404:
                return
            raise StoreError(f"{method} {url}: HTTP {exc.code}: {exc.read()[:300]!r}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StoreError(f"{method} {url}: cannot reach the graph store: {exc}") from exc

    def graphs(self) -> list[URIRef]:
        rows = self.query(_GRAPHS).rows()
        return sorted(g for row in rows if isinstance(g := row.get("g"), URIRef))

    def quad_count(self) -> int:
        (row,) = self.query(_COUNT_QUADS).rows()
        return int(row["n"])  # type: ignore[call-overload]

    def dump(self, fmt: str, out: IO[bytes]) -> None:
        rdf_format = format_for(None, fmt)
        oxfmt = ox.RdfFormat.from_media_type(rdf_format.media_type)
        if oxfmt is None:
            raise InputError(f"cannot dump as {fmt}")
        if not rdf_format.quads:
            union = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            union.serialize(rdf_format.media_type, out)
            return
        ox.serialize(self._quads(), out, oxfmt, prefixes=PREFIXES_BY_NAME)

    def _quads(self) -> Iterator[ox.Quad]:
        """Every named graph's triples as quads, one graph (one query) at a time."""
        for name in self.graphs():
            graph = ox.NamedNode(str(name))
            result = self.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
            )
            assert isinstance(result, RemoteResult)
            for t in result._parse_triples():
                yield ox.Quad(t.subject, t.predicate, t.object, graph)

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""


def _body(exc: SPARQLWrapperException) -> str:
    """The server's own words from a SPARQLWrapper error, decoded and shortened.

    SPARQLWrapper keeps the response body only inside its message, as ``Response:\n<repr of
    bytes>``, so it is read back from there.
    """
    text = str(exc)
    _, found, raw = text.partition("Response:\n")
    if found:
        try:
            value = ast.literal_eval(raw.strip())
        except (ValueError, SyntaxError):
            value = raw
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(text.split())[:300]
