"""The embedded store: a pyoxigraph (RocksDB) dataset in a folder, ``./kg-data`` by default.

No server is needed; ``kg load``, ``kg query`` and ``kg serve`` open the folder directly.

What pyoxigraph 0.5 gives, and how this module uses it (checked against pyoxigraph 0.5.13 and its
docstrings; tests in ``tests/kg/test_store.py``):

- **Atomicity.** ``Store.update`` runs one SPARQL update request in one transaction ("either the
  full operation succeeds, or nothing is written"), and readers get *repeatable read*: a query
  sees a fixed snapshot. So :meth:`EmbeddedStore.replace_graph` sends ``DROP SILENT GRAPH`` and
  ``INSERT DATA`` as one request; a reader thread never sees the graph empty or half-written (a
  test hammers this). ``Store.extend`` and ``Store.load`` are transactional too but only add;
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
  GIL while it evaluates, so with a ``timeout`` the query and the reading of its result run in one
  daemon thread (:class:`_Worker`) and the caller waits up to the deadline: it then gets
  :class:`StoreError`, but the query runs to its end in the background (its CPU is not freed).
  With a timeout, ``rows()``/``triples()`` are read whole in the worker before they are returned.
- **Datatypes.** pyoxigraph 0.5 stores ``xsd:positiveInteger``, ``xsd:nonNegativeInteger`` and
  ``xsd:int`` literals as ``xsd:integer`` (same value; checked on 0.5.13). Validation happens
  before storing, so it is unaffected; a graph read back has ``xsd:integer`` counts and positions.
- **Default graph.** Queries run with ``use_default_graph_as_union=True`` unless the caller names
  default graphs, so the default graph is the union of the report graphs.
- **Closing.** pyoxigraph has no ``close()``; the lock is released when the ``Store`` object is
  freed, so :meth:`close` flushes and drops the only reference.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import InputError, StoreError
from kg.formats import format_for
from kg.namespaces import PREFIXES
from kg.store.base import (
    BOOLEAN_MEDIA_TYPES,
    RDF_MEDIA_TYPES,
    RESULTS_MEDIA_TYPES,
    QueryResult,
    Store,
    syntax_error,
)
from kg.store.terms import replace_graph_update, to_ox, to_rdflib

__all__ = ["DEFAULT_STORE_PATH", "EmbeddedResult", "EmbeddedStore"]

DEFAULT_STORE_PATH = Path("kg-data")
_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
T = TypeVar("T")


class _Runner:
    """Runs a query and every read of its result in the caller's thread (no timeout)."""

    def __init__(self) -> None:
        self.state: dict[str, Any] = {}

    def call(self, work: Callable[[], T]) -> T:
        return work()

    def stop(self) -> None:
        self.state.clear()


class _Worker(_Runner):
    """Runs a query and every read of its result in one daemon thread, waiting up to a deadline.

    pyoxigraph results are *unsendable*: touching one from another thread aborts the process
    (a pyo3 panic, not an exception). So the result lives in ``state`` and only the worker thread
    ever sees it; the caller gets bytes or rdflib terms back. When time is up the caller stops
    waiting; the worker finishes the job it is on, drops the result in its own thread, and ends.
    """

    def __init__(self, deadline: float) -> None:
        super().__init__()
        self._deadline = deadline
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], dict[str, Any], threading.Event] | None]
        self._jobs = queue.SimpleQueue()
        threading.Thread(target=self._serve, name="kg-query", daemon=True).start()

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, box, done = job
            try:
                box["value"] = work()
            except BaseException as exc:  # noqa: BLE001 - handed back to the waiting thread
                box["error"] = exc
            finally:
                done.set()
        self.state.clear()

    def call(self, work: Callable[[], T]) -> T:
        box: dict[str, Any] = {}
        done = threading.Event()
        self._jobs.put((work, box, done))
        if not done.wait(max(0.0, self._deadline - time.monotonic())):
            self.stop()
            raise StoreError("the query ran out of time (pyoxigraph cannot cancel it; it ends in the background)")
        if "error" in box:
            raise box["error"]
        return box["value"]  # type: ignore[no-any-return]

    def stop(self) -> None:
        self._jobs.put(None)


class EmbeddedResult(QueryResult):
    """A pyoxigraph result, serialized natively, read through its :class:`_Runner`."""

    def __init__(self, runner: _Runner, run_query: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        state = runner.state

        def start() -> tuple[str, tuple[str, ...]]:
            result = state["result"] = run_query()
            if isinstance(result, ox.QuerySolutions):
                return "solutions", tuple(v.value for v in result.variables)
            return ("boolean" if isinstance(result, ox.QueryBoolean) else "graph"), ()

        with _translated():
            kind, self.variables = runner.call(start)
        self.kind = kind  # type: ignore[assignment]

    def _read(self, work: Callable[[Any], T]) -> T:
        """Run ``work(result)`` where the result lives, once, then let the result go."""
        self._consume()
        state = self._runner.state
        try:
            with _translated():
                return self._runner.call(lambda: work(state["result"]))
        finally:
            self._runner.stop()

    @property
    def boolean(self) -> bool:
        if self.kind != "boolean":
            raise InputError(f"a {self.kind} result has no boolean; that is for ASK queries")
        return self._read(bool)

    def rows(self) -> Iterator[dict[str, Node]]:
        if self.kind != "solutions":
            raise InputError(f"a {self.kind} result has no rows; that is for SELECT queries")
        names = self.variables
        if type(self._runner) is _Runner:
            # no deadline: stream row by row in this thread
            return self._read(lambda result: _stream_rows(result, names))
        return iter(self._read(lambda result: list(_stream_rows(result, names))))

    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        if self.kind != "graph":
            raise InputError(f"a {self.kind} result has no triples; that is for CONSTRUCT/DESCRIBE")
        if type(self._runner) is _Runner:
            return self._read(_stream_triples)
        return iter(self._read(lambda result: list(_stream_triples(result))))

    def serialize(self, media_type: str, out: IO[bytes] | None = None) -> bytes | None:
        if self.kind == "graph":
            fmt = ox.RdfFormat.from_media_type(media_type) if media_type in RDF_MEDIA_TYPES else None
            if fmt is None:
                raise InputError(f"a graph result cannot be written as {media_type}")
            # the free function takes prefixes, so Turtle comes out readable
            return self._read(lambda result: ox.serialize(result, out, fmt, prefixes=_PREFIXES))
        qfmt = ox.QueryResultsFormat.from_media_type(media_type) if media_type in RESULTS_MEDIA_TYPES else None
        if qfmt is None or (self.kind == "boolean" and media_type not in BOOLEAN_MEDIA_TYPES):
            raise InputError(f"a {self.kind} result cannot be written as {media_type}")
        return self._read(lambda result: result.serialize(out, qfmt))


def _stream_rows(result: ox.QuerySolutions, names: tuple[str, ...]) -> Iterator[dict[str, Node]]:
    with _translated():
        for solution in result:
            yield {name: to_rdflib(value) for name in names if (value := solution[name]) is not None}


def _stream_triples(result: ox.QueryTriples) -> Iterator[tuple[Node, Node, Node]]:
    with _translated():
        for t in result:
            yield (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))


@contextmanager
def _translated() -> Iterator[None]:
    """Turn pyoxigraph's built-in errors into kg's, at this one boundary."""
    try:
        yield
    except SyntaxError as exc:
        raise syntax_error(exc) from exc
    except OSError as exc:
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"the store failed: {exc}") from exc


class EmbeddedStore(Store):
    """A persistent pyoxigraph store in ``path`` (``None``: in memory, gone when closed).

    :param read_only: open a static read-only view (no other process may write meanwhile)
    :raises StoreError: the folder is locked by another process, or holds no valid store
    """

    def __init__(self, path: str | Path | None = DEFAULT_STORE_PATH, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
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
                hint = " (another kg process, e.g. `kg serve` or `kg load`, has it open; stop it or use its endpoint)"
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
        update = replace_graph_update(str(graph_iri), graph)
        with _translated():
            self._writable().update(update)
        return len(graph)

    def delete_graph(self, graph_iri: str) -> None:
        with _translated():
            self._writable().update(f"DROP SILENT GRAPH {to_ox(URIRef(str(graph_iri)))}")

    def graphs(self) -> list[URIRef]:
        with _translated():
            names = self.store.named_graphs()
            return sorted(URIRef(g.value) for g in names if isinstance(g, ox.NamedNode))

    def quad_count(self) -> int:
        with _translated():
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
        options: dict[str, object] = {"default_graph": defaults} if defaults else {"use_default_graph_as_union": True}
        if named:
            options["named_graphs"] = named
        store = self.store
        runner = _Runner() if timeout is None else _Worker(time.monotonic() + timeout)
        return EmbeddedResult(runner, lambda: store.query(sparql, **options))  # type: ignore[arg-type]

    def update(self, sparql: str) -> None:
        with _translated():
            self._writable().update(sparql)

    def dump(self, fmt: str, out: IO[bytes]) -> None:
        rdf_format = format_for(None, fmt)
        oxfmt = ox.RdfFormat.from_media_type(rdf_format.media_type)
        if oxfmt is None:
            raise InputError(f"cannot dump as {fmt}")
        store = self.store
        with _translated():
            if rdf_format.quads:
                store.dump(out, oxfmt, prefixes=_PREFIXES)
            else:
                triples = (quad.triple for quad in store)
                ox.serialize(triples, out, oxfmt, prefixes=_PREFIXES)

    def close(self) -> None:
        if self._store is not None:
            if not self.read_only and self.path is not None:
                with _translated():
                    self._store.flush()
            self._store = None
