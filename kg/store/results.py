"""Query results read with pyoxigraph: from the embedded store, or parsed from a server's answer.

Both kinds serialize with pyoxigraph's own writers (SPARQL results JSON/XML/CSV/TSV; Turtle,
N-Triples, JSON-LD, RDF/XML), so no rdflib graph is built in between, and both give rdflib terms
when read row by row. The reasons for the thread handling of embedded results are in
:mod:`kg.store.embedded` ("Results", "Timeouts").
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, TypeVar

import pyoxigraph as ox
from rdflib.term import Node

from kg.errors import InputError, StoreError
from kg.namespaces import PREFIXES
from kg.store.base import (
    BOOLEAN_MEDIA_TYPES,
    RDF_MEDIA_TYPES,
    RESULTS_MEDIA_TYPES,
    QueryResult,
    syntax_error,
)
from kg.store.terms import to_rdflib

__all__ = ["EmbeddedResult", "RemoteResult", "Runner", "Worker", "translated"]

PREFIXES_BY_NAME = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_LINE_FORMATS = frozenset({ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS})
"""Formats with no prefixes, which a result writes itself."""
_JSON = "application/sparql-results+json"
T = TypeVar("T")


class Runner:
    """Runs a query and every read of its result in the caller's thread (no timeout)."""

    def __init__(self) -> None:
        self.state: dict[str, Any] = {}

    def call(self, work: Callable[[], T]) -> T:
        return work()

    def stop(self) -> None:
        self.state.clear()


class Worker(Runner):
    """Runs a query and every read of its result in one daemon thread, waiting up to a deadline.

    pyoxigraph results are *unsendable*: touching one from another thread aborts the process
    (a pyo3 panic, not an exception). So the result lives in ``state`` and only the worker thread
    ever sees it; the caller gets bytes or rdflib terms back. When time is up the caller stops
    waiting; the worker finishes the job it is on, drops the result in its own thread, and ends.
    """

    def __init__(self, deadline: float) -> None:
        super().__init__()
        self._deadline = deadline
        self._jobs: queue.SimpleQueue[
            tuple[Callable[[], Any], dict[str, Any], threading.Event] | None
        ]
        self._jobs = queue.SimpleQueue()
        threading.Thread(target=self._serve, name="kg-query", daemon=True).start()

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, box, done = job
            try:
                box["value"] = work()
            except BaseException as exc:
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
            raise StoreError(
                "the query ran out of time (pyoxigraph cannot cancel it; it ends in the background)"
            )
        if "error" in box:
            raise box["error"]
        return box["value"]  # type: ignore[no-any-return]

    def stop(self) -> None:
        self._jobs.put(None)


class EmbeddedResult(QueryResult):
    """A pyoxigraph result, serialized natively, read through its :class:`Runner`."""

    def __init__(self, runner: Runner, run_query: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        state = runner.state

        def start() -> tuple[str, tuple[str, ...]]:
            result = state["result"] = run_query()
            if isinstance(result, ox.QuerySolutions):
                return "solutions", tuple(v.value for v in result.variables)
            return ("boolean" if isinstance(result, ox.QueryBoolean) else "graph"), ()

        with translated():
            kind, self.variables = runner.call(start)
        self.kind = kind  # type: ignore[assignment]

    def _read(self, work: Callable[[Any], T]) -> T:
        """Run ``work(result)`` where the result lives, once, then let the result go."""
        self._consume()
        state = self._runner.state
        try:
            with translated():
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
        if type(self._runner) is Runner:
            # no deadline: stream row by row in this thread
            return self._read(lambda result: _stream_rows(result, names))
        return iter(self._read(lambda result: list(_stream_rows(result, names))))

    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        if self.kind != "graph":
            raise InputError(f"a {self.kind} result has no triples; that is for CONSTRUCT/DESCRIBE")
        if type(self._runner) is Runner:
            return self._read(_stream_triples)
        return iter(self._read(lambda result: list(_stream_triples(result))))

    def serialize(self, media_type: str, out: IO[bytes] | None = None) -> bytes | None:
        if self.kind == "graph":
            fmt = (
                ox.RdfFormat.from_media_type(media_type) if media_type in RDF_MEDIA_TYPES else None
            )
            if fmt is None:
                raise InputError(f"a graph result cannot be written as {media_type}")
            if fmt in _LINE_FORMATS:
                # no prefixes to write: the result's own serializer runs in Rust without the GIL
                # (the free function below iterates the triples as Python objects, holding it:
                # 0.63 against 0.52 ms for a resource's description, and one core at a time)
                return self._read(lambda result: result.serialize(out, fmt))
            # the free function takes prefixes, so Turtle comes out readable
            return self._read(
                lambda result: ox.serialize(result, out, fmt, prefixes=PREFIXES_BY_NAME)
            )
        qfmt = (
            ox.QueryResultsFormat.from_media_type(media_type)
            if media_type in RESULTS_MEDIA_TYPES
            else None
        )
        if qfmt is None or (self.kind == "boolean" and media_type not in BOOLEAN_MEDIA_TYPES):
            raise InputError(f"a {self.kind} result cannot be written as {media_type}")
        return self._read(lambda result: result.serialize(out, qfmt))


def _stream_rows(result: ox.QuerySolutions, names: tuple[str, ...]) -> Iterator[dict[str, Node]]:
    with translated():
        for solution in result:
            yield {
                name: to_rdflib(value) for name in names if (value := solution[name]) is not None
            }


def _stream_triples(result: ox.QueryTriples) -> Iterator[tuple[Node, Node, Node]]:
    with translated():
        for t in result:
            yield (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))


@contextmanager
def translated() -> Iterator[None]:
    """Turn pyoxigraph's built-in errors into kg's, at this one boundary."""
    try:
        yield
    except SyntaxError as exc:
        raise syntax_error(exc) from exc
    except OSError as exc:
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"the store failed: {exc}") from exc


class RemoteResult(QueryResult):
    """A result fetched whole from a server: JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE."""

    def __init__(self, kind: str, data: bytes) -> None:
        super().__init__()
        self.kind = kind  # type: ignore[assignment]
        self._data = data
        if kind == "solutions":
            parsed = self._parse_results()
            self.variables = tuple(v.value for v in parsed.variables)  # type: ignore[union-attr]

    def _parse_results(self) -> ox.QuerySolutions | ox.QueryBoolean:
        try:
            return ox.parse_query_results(self._data, ox.QueryResultsFormat.JSON)
        except SyntaxError as exc:
            raise StoreError(f"the endpoint sent results that do not parse: {exc}") from exc

    def _parse_triples(self) -> Iterator[ox.Triple]:
        try:
            for quad in ox.parse(self._data, ox.RdfFormat.TURTLE):
                yield quad.triple
        except SyntaxError as exc:
            raise StoreError(f"the endpoint sent RDF that does not parse: {exc}") from exc

    @property
    def boolean(self) -> bool:
        if self.kind != "boolean":
            raise InputError(f"a {self.kind} result has no boolean; that is for ASK queries")
        self._consume()
        return bool(self._parse_results())

    def rows(self) -> Iterator[dict[str, Node]]:
        if self.kind != "solutions":
            raise InputError(f"a {self.kind} result has no rows; that is for SELECT queries")
        self._consume()
        names = self.variables
        for solution in self._parse_results():  # type: ignore[union-attr]
            yield {
                name: to_rdflib(value) for name in names if (value := solution[name]) is not None
            }

    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        if self.kind != "graph":
            raise InputError(f"a {self.kind} result has no triples; that is for CONSTRUCT/DESCRIBE")
        self._consume()
        for t in self._parse_triples():
            yield (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))

    def serialize(self, media_type: str, out: IO[bytes] | None = None) -> bytes | None:
        if self.kind == "graph":
            fmt = (
                ox.RdfFormat.from_media_type(media_type) if media_type in RDF_MEDIA_TYPES else None
            )
            if fmt is None:
                raise InputError(f"a graph result cannot be written as {media_type}")
            self._consume()
            return ox.serialize(self._parse_triples(), out, fmt, prefixes=PREFIXES_BY_NAME)
        allowed = RESULTS_MEDIA_TYPES if self.kind == "solutions" else BOOLEAN_MEDIA_TYPES
        if media_type not in allowed:
            raise InputError(f"a {self.kind} result cannot be written as {media_type}")
        self._consume()
        if media_type == _JSON:
            # what the server sent is already the answer
            if out is None:
                return self._data
            out.write(self._data)
            return None
        qfmt = ox.QueryResultsFormat.from_media_type(media_type)
        return self._parse_results().serialize(out, qfmt)
