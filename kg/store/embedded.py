"""The embedded store: a pyoxigraph (RocksDB) dataset in a folder, ``./kg-data`` by default.

No server is needed; ``kg load``, ``kg query`` and ``kg serve`` open the folder directly.

What pyoxigraph 0.5 gives, and how this module uses it (checked against pyoxigraph 0.5.13 and its
docstrings; tests in ``tests/kg/test_store.py``):

- **Atomicity.** ``Store.update`` runs one SPARQL update request in one transaction ("either the
  full operation succeeds, or nothing is written"), and readers get *repeatable read*: a query
  sees a fixed snapshot. So :meth:`EmbeddedStore.replace_graph` sends ``DROP SILENT GRAPH`` and
  ``INSERT DATA`` as one request; a reader thread never sees the graph empty or half-written (a
  test hammers this). ``Store.extend`` and ``Store.load`` are transactional too but only add, so
  they write a graph the store does not hold yet (``load``: a third cheaper than the update);
  ``bulk_extend``/``bulk_load`` are *not* transactional (they write files directly) and are meant
  for a first load into an empty store, so they are not used for replacing a report.
- **One writer process.** RocksDB locks the folder: a second ``Store(path)`` fails with
  "lock hold by current process" / "No locks available" (translated to :class:`StoreError` with a
  hint). ``Store.read_only(path)`` opens a static read-only view; pyoxigraph documents that
  opening read-only *while another process writes* is undefined behaviour, and 0.5 dropped the
  ``secondary`` mode of 0.3/0.4. So a server and a loader must not share a folder at the same
  time: either load then serve, or run ``kg serve`` and load through its endpoint (or point both
  at a remote store). ``open_store(path, read_only=True)`` exists for read-only servers of a
  folder nobody is writing.
- **Results.** ``QuerySolutions``/``QueryBoolean`` serialize natively to SPARQL results
  JSON/XML/CSV/TSV and ``QueryTriples`` to Turtle, N-Triples, JSON-LD and RDF/XML, without rdflib;
  :class:`EmbeddedResult` passes media types straight through. Results are lazy, one-shot
  iterators (a second ``serialize`` returns an empty result, so :class:`QueryResult` refuses a
  second read instead) and *unsendable*: using one in another thread than the one that ran the
  query aborts the whole process (a pyo3 panic). So **read a result in the thread that ran the
  query** (a Flask request handler and its response generator share a thread).
- **Timeouts.** The Python API has no query timeout or cancellation in 0.5 (Rust has a
  ``CancellationToken``; oxigraph/oxigraph#1926 asks for it in Python). pyoxigraph releases the
  GIL while it evaluates, so with a ``timeout`` the query and the reading of its result run in
  one daemon thread (:class:`kg.store.results.Worker`) and the caller waits up to the deadline: it
  then gets :class:`StoreError`, but the query runs to its end in the background (its CPU is not
  freed).
  With a timeout, ``rows()``/``triples()`` are read whole in the worker before they are returned.
- **Datatypes.** pyoxigraph 0.5 stores ``xsd:positiveInteger``, ``xsd:nonNegativeInteger`` and
  ``xsd:int`` literals as ``xsd:integer`` (same value; checked on 0.5.13). Validation happens
  before storing, so it is unaffected; a graph read back has ``xsd:integer`` counts and positions.
- **Default graph.** Queries run with ``use_default_graph_as_union=True`` unless the caller names
  default graphs, so the default graph is the union of the report graphs.
- **Memory.** RocksDB keeps what was written in memtables until they fill (each of Oxigraph's
  column families has its own), so a long ``kg load`` grew by about 0.4 MiB per report (300 MiB
  more after 1,000 reports). :meth:`EmbeddedStore.replace_graph` calls ``Store.flush()`` every
  :data:`FLUSH_EVERY` graphs, which moves them to disk, and then hands the freed heap back to
  the system (:mod:`kg.heap`: glibc keeps it otherwise, and the resident size climbed by about
  2 MB per 1,000 reports), which keeps the peak flat (``python -m bench --stages load``).
- **Change signal.** :meth:`EmbeddedStore.generation` changes whenever the data may have changed,
  for caches of answers derived from it (the server's rendered pages): a counter this process
  bumps on each of its own writes, and, for a folder, the newest modification time of the folder
  and of RocksDB's write-ahead logs and manifests (``*.log``, ``MANIFEST-*``, ``CURRENT``), which
  any write by another process (``kg load``) touches. The folder is looked at no more than every
  :data:`GENERATION_CHECK` seconds, so a cache answers from stale data for that long at most.
- **Closing.** pyoxigraph has no ``close()``; the lock is released when the ``Store`` object is
  freed, so :meth:`close` flushes and drops the only reference.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import InputError, StoreError
from kg.formats import format_for
from kg.heap import release_free_memory
from kg.sparql_text import check_nesting
from kg.store.base import Store
from kg.store.results import PREFIXES_BY_NAME, EmbeddedResult, Runner, Worker, translated
from kg.store.terms import ntriples_lines, replace_graph_update_text, to_ox

__all__ = ["DEFAULT_STORE_PATH", "FLUSH_EVERY", "EmbeddedStore"]


def _holds_exactly(store: ox.Store, name: ox.NamedNode, ntriples: str) -> bool:
    """Whether the graph ``name`` already holds exactly these triples.

    Loading an archive again (after adding a few reports to it) is the common case, and rewriting
    an unchanged graph costs two writes of it (the ``DROP``, then the insert) for nothing; reading
    it back costs a tenth of that. The new triples go through an in-memory store first, so both
    sides are written as Oxigraph stores them (it keeps ``xsd:nonNegativeInteger`` as
    ``xsd:integer``, for one).
    """
    held = {str(q.triple) for q in store.quads_for_pattern(None, None, None, name)}
    if len(held) != ntriples.count("\n"):
        return False
    scratch = ox.Store()
    scratch.load(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return held == {str(q.triple) for q in scratch}


DEFAULT_STORE_PATH = Path("kg-data")
FLUSH_EVERY = 100
"""Graphs written between two flushes of RocksDB's memtables (see "Memory" above)."""
GENERATION_CHECK = 1.0
"""Seconds between two looks at the store folder for writes by another process."""
_COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


class EmbeddedStore(Store):
    """A persistent pyoxigraph store in ``path`` (``None``: in memory, gone when closed).

    :param read_only: open a static read-only view (no other process may write meanwhile)
    :raises StoreError: the folder is locked by another process, or holds no valid store
    """

    def __init__(
        self, path: str | Path | None = DEFAULT_STORE_PATH, *, read_only: bool = False
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._written = 0
        self._generation = 0
        self._folder_checked = -GENERATION_CHECK
        self._folder_mtime = 0
        if read_only and self.path is not None and not (self.path / "CURRENT").is_file():
            raise StoreError(
                f"there is no store in {self.path}: "
                f"load reports into it first (kg load … --store {self.path})"
            )
        try:
            if self.path is None:
                self._store: ox.Store | None = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            hint = ""
            if "lock" in str(exc).lower():
                hint = (
                    " (another kg process, e.g. `kg serve` or `kg load`, has it open;"
                    " stop it or use its endpoint)"
                )
            raise StoreError(f"cannot open the store {self.path}: {exc}{hint}") from exc

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path) if self.path else None!r})"

    @property
    def store(self) -> ox.Store:
        """The pyoxigraph store, for code that needs what the interface does not offer."""
        if self._store is None:
            raise StoreError("the store is closed")
        return self._store

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")
        return self.store

    def replace_graph(self, graph_iri: str, graph: Graph) -> int:
        self._write_graph(str(graph_iri), ntriples_lines(graph))
        return len(graph)

    def replace_graph_ntriples(self, graph_iri: str, ntriples: str) -> int:
        # the same write as replace_graph, without building an rdflib graph first
        self._write_graph(str(graph_iri), ntriples)
        return ntriples.count("\n")

    def _write_graph(self, graph_iri: str, ntriples: str) -> None:
        """Replace one named graph in one transaction (see "Atomicity" above).

        A graph the store does not hold yet is written by ``Store.load``, transactional like
        ``update`` and a third cheaper (no SPARQL to parse, no ``DROP`` to look for quads); this
        process is the folder's only writer, so nothing can add the graph in between.
        """
        name = to_ox(URIRef(graph_iri))
        with translated():
            store = self._writable()
            if store.contains_named_graph(name):  # type: ignore[arg-type]
                if _holds_exactly(store, name, ntriples):  # type: ignore[arg-type]
                    return
                store.update(replace_graph_update_text(graph_iri, ntriples))
            else:
                data = ntriples.encode("utf-8")
                store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)  # type: ignore[arg-type]
            self._generation += 1
            self._written += 1
            if self.path is not None and self._written % FLUSH_EVERY == 0:
                store.flush()
                # the memtables just written out, and the reports read since the last flush,
                # are free memory that glibc would keep (kg.heap)
                release_free_memory()

    def delete_graph(self, graph_iri: str) -> None:
        with translated():
            self._writable().update(f"DROP SILENT GRAPH {to_ox(URIRef(str(graph_iri)))}")
            self._generation += 1

    def graphs(self) -> list[URIRef]:
        with translated():
            names = self.store.named_graphs()
            return sorted(URIRef(g.value) for g in names if isinstance(g, ox.NamedNode))

    def quad_count(self) -> int:
        with translated():
            solution = next(iter(self.store.query(_COUNT_QUADS)))
            return int(solution["n"].value)  # type: ignore[union-attr]

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: Iterable[str] = (),
        named_graph_uris: Iterable[str] = (),
        timeout: float | None = None,
    ) -> EmbeddedResult:
        defaults = [ox.NamedNode(str(u)) for u in default_graph_uris]
        named = [ox.NamedNode(str(u)) for u in named_graph_uris]
        options: dict[str, object] = (
            {"default_graph": defaults} if defaults else {"use_default_graph_as_union": True}
        )
        if named:
            options["named_graphs"] = named
        check_nesting(sparql)  # pyoxigraph's parser would overflow its stack and end the process
        store = self.store
        runner = Runner() if timeout is None else Worker(time.monotonic() + timeout)
        return EmbeddedResult(runner, lambda: store.query(sparql, **options))  # type: ignore[arg-type]

    def update(self, sparql: str) -> None:
        check_nesting(sparql)
        with translated():
            self._writable().update(sparql)
            self._generation += 1

    def generation(self) -> tuple[int, int]:
        """``(writes by this process, newest mtime of the folder's logs)``; see the module."""
        if self.path is not None:
            now = time.monotonic()
            if now - self._folder_checked >= GENERATION_CHECK:
                self._folder_checked = now
                self._folder_mtime = _folder_mtime(self.path)
        return self._generation, self._folder_mtime

    def dump(self, fmt: str, out: IO[bytes]) -> None:
        rdf_format = format_for(None, fmt)
        oxfmt = ox.RdfFormat.from_media_type(rdf_format.media_type)
        if oxfmt is None:
            raise InputError(f"cannot dump as {fmt}")
        store = self.store
        with translated():
            if rdf_format.quads:
                store.dump(out, oxfmt, prefixes=PREFIXES_BY_NAME)
            else:
                triples = (quad.triple for quad in store)
                ox.serialize(triples, out, oxfmt, prefixes=PREFIXES_BY_NAME)

    def close(self) -> None:
        if self._store is not None:
            if not self.read_only and self.path is not None:
                with translated():
                    self._store.flush()
            self._store = None


def _folder_mtime(path: Path) -> int:
    """The newest modification time (ns) of ``path`` and of the RocksDB files a write touches."""
    try:
        newest = path.stat().st_mtime_ns
        with os.scandir(path) as entries:
            for entry in entries:
                name = entry.name
                if name.endswith(".log") or name.startswith(("MANIFEST-", "CURRENT")):
                    newest = max(newest, entry.stat().st_mtime_ns)
    except OSError:
        return 0
    return newest
