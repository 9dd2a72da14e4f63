"""Running a query within the limits (time, rows, bytes), with pyoxigraph's own serializers.

The engine writes the response itself (``QuerySolutions.serialize``), so no Python runs per row.
It writes into a :class:`_Sink`, which pyoxigraph calls about every 8 KB; the sink is where the
limits act, by raising, which stops the engine's evaluation there:

* **Row limit** (``MAX_RESULT_ROWS``). The sink counts rows in the bytes written. In XML
  (``<result>``) and TSV (one line per row) the count is exact. In JSON and CSV it is an upper
  bound (a literal can contain ``},{`` or a line break); when that bound passes the limit the query
  is run once more into XML, counted exactly, cut after the limit and converted natively. CONSTRUCT
  and DESCRIBE are counted in N-Triples (one line per triple) and converted natively. A remote
  store's JSON, written by another server, is always counted in XML.
* **Byte limit** (``MAX_RESULT_BYTES``). The sink counts bytes too; the answer keeps the whole
  rows that fit (cut in XML, TSV or N-Triples as above), so one long literal cannot fill memory.
* **Timeout** (``QUERY_TIMEOUT``). pyoxigraph cannot interrupt a query from Python
  (https://github.com/oxigraph/oxigraph/issues/1926), so queries run on a small pool of worker
  threads (``QUERY_WORKERS``; pyoxigraph releases the GIL while it evaluates). At the deadline the
  client gets a 503 at once, and the worker's sink stops the engine at its next write. A query that
  spends its time in one step before writing anything (a sort or an aggregate over everything) keeps
  its worker until that step ends; at most ``QUERY_WORKERS`` such queries run at once, and the
  queries waiting behind them time out in turn. That is the guarantee: an answer within the
  timeout, and bounded work after it, not an instant stop. With ``QUERY_WORKERS = 0`` queries run
  on the request's own thread (no hand-off between threads, a little faster) and only the sink
  keeps the time: then a query stuck before its first write holds its client until it writes.
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import pyoxigraph as ox
from flask import Flask, current_app

from kg.errors import InputError
from server.errors import QueryTimedOut
from server.negotiation import (
    JSON_LD,
    N_TRIPLES,
    RDF_XML,
    RESULTS_CSV,
    RESULTS_JSON,
    RESULTS_TSV,
    RESULTS_XML,
    TURTLE,
)

EXTENSION = "kg.execution"
T = TypeVar("T")

RESULTS_FORMATS: dict[str, ox.QueryResultsFormat] = {
    RESULTS_JSON: ox.QueryResultsFormat.JSON,
    RESULTS_XML: ox.QueryResultsFormat.XML,
    RESULTS_CSV: ox.QueryResultsFormat.CSV,
    RESULTS_TSV: ox.QueryResultsFormat.TSV,
}
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    TURTLE: ox.RdfFormat.TURTLE,
    N_TRIPLES: ox.RdfFormat.N_TRIPLES,
    JSON_LD: ox.RdfFormat.JSON_LD,
    RDF_XML: ox.RdfFormat.RDF_XML,
}

# How rows show in each format: (marker, markers that are not rows), so that rows = markers -
# offset. Exact for XML, TSV and N-Triples (one line per row or triple); for JSON (`},{` between
# two rows) and CSV (one CRLF per row after the header) the count can only be too high.
_ROW_MARKERS: dict[str, tuple[bytes, int]] = {
    RESULTS_XML: (b"<result>", 0),
    RESULTS_TSV: (b"\n", 1),
    RESULTS_CSV: (b"\r\n", 1),
    RESULTS_JSON: (b"},{", -1),
    N_TRIPLES: (b"\n", 0),
}
_EXACT = frozenset({RESULTS_XML, RESULTS_TSV, N_TRIPLES})
_XML_END = b"</results></sparql>"


@dataclass(frozen=True)
class Limits:
    """The most rows (or triples) and bytes an answer may have."""

    rows: int
    bytes: int


@dataclass(frozen=True)
class Answer:
    """A serialized result, and why it was cut short: ``"rows"``, ``"bytes"`` or ``None``."""

    body: bytes
    truncated: str | None = None


class _Stop(Exception):
    """Raised inside the sink to stop the engine: enough rows, or the deadline has passed."""


class _Sink:
    """A file-like object pyoxigraph writes into; counts rows and bytes, checks the deadline.

    ``enough`` says which limit stopped the engine: ``"rows"`` or ``"bytes"``.
    """

    def __init__(self, job: _Job, media_type: str, limits: Limits) -> None:
        self.job = job
        self.parts: list[bytes] = []
        self.marker, self.offset = _ROW_MARKERS[media_type]
        self.limits = limits
        self.markers = 0
        self.size = 0
        self.tail = b""
        self.enough: str | None = None

    def write(self, data: bytes) -> int:
        self.job.check()
        chunk = bytes(data)
        self.parts.append(chunk)
        self.size += len(chunk)
        # a marker may straddle two writes: count it in the previous write's tail too
        window = self.tail + chunk
        self.markers += window.count(self.marker) - self.tail.count(self.marker)
        self.tail = window[-(len(self.marker) - 1) :] if len(self.marker) > 1 else b""
        if self.markers - self.offset > self.limits.rows:
            self.enough = "rows"
        elif self.size > self.limits.bytes:
            self.enough = "bytes"
        if self.enough:
            raise _Stop
        return len(data)

    def flush(self) -> None:
        self.job.check()

    def value(self) -> bytes:
        return b"".join(self.parts)


class _Job:
    """One query handed to a worker: its deadline, a cancellation flag, and its outcome.

    ``done`` is a plain lock, taken at creation and released by the worker: waiting on it with a
    timeout is the cheapest hand-off between two threads the standard library has.
    """

    __slots__ = ("cancelled", "deadline", "done", "error", "result", "work")

    def __init__(self, work: Callable[[_Job], Any], deadline: float) -> None:
        self.work = work
        self.deadline = deadline
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = threading.Lock()
        self.done.acquire()

    def check(self) -> None:
        if self.cancelled or time.monotonic() > self.deadline:
            raise _Stop


class QueryRunner:
    """A pool of worker threads that evaluate queries with a deadline (one per app)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        # daemon threads: a query the engine cannot stop must not keep the process from exiting
        for n in range(workers):
            threading.Thread(target=self._serve, name=f"kg-query-{n}", daemon=True).start()

    def _serve(self) -> None:
        while True:
            job = self.jobs.get()
            if job.cancelled:  # timed out while waiting for a worker
                continue
            try:
                job.result = job.work(job)
            except BaseException as exc:  # handed to the waiting request, which re-raises it
                _drop_locals(exc)
                job.error = exc
            finally:
                job.done.release()

    def run(self, work: Callable[[_Job], T], timeout: float) -> T:
        """Run ``work`` on a worker and wait for it at most ``timeout`` seconds.

        ``work`` gets the job, whose :meth:`_Job.check` raises once the deadline has passed or
        the job was cancelled: call it between steps that may take long (rows of a result).

        :raises QueryTimedOut: when the deadline passes first; the work is cancelled
        """
        job = _Job(work, time.monotonic() + timeout)
        if not self.workers:
            # no pool: the request's own thread runs the query, and only the sink keeps the time
            try:
                return work(job)
            except BaseException as exc:
                # free the result here: the exception may be dropped later on another thread
                _drop_locals(exc)
                if isinstance(exc, _Stop):
                    raise QueryTimedOut(f"the query did not finish within {timeout:g} s") from None
                raise
        self.jobs.put(job)
        if not job.done.acquire(timeout=timeout):
            job.cancelled = True
            raise QueryTimedOut(f"the query did not finish within {timeout:g} s")
        if isinstance(job.error, _Stop):
            # the worker saw the deadline a moment before this thread did
            raise QueryTimedOut(f"the query did not finish within {timeout:g} s")
        if job.error is not None:
            raise job.error
        return job.result  # type: ignore[no-any-return]


def _drop_locals(exc: BaseException | None) -> None:
    """Free the locals of the frames an exception went through, here on the worker's thread.

    pyoxigraph's results must be dropped on the thread that made them; a traceback that reached
    the request thread would carry them there.
    """
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


def init_app(app: Flask) -> None:
    """Start the app's query workers."""
    app.extensions[EXTENSION] = QueryRunner(app.config["QUERY_WORKERS"])


def run_query(
    evaluate: Callable[[], Any],
    media_type: str,
    *,
    native: bool = True,
    limits: Limits | None = None,
    timeout: float | None = None,
) -> Answer:
    """Evaluate a query on a worker and serialize its result as ``media_type``, within the limits.

    :param evaluate: runs the query and returns its :class:`kg.store.QueryResult` (called on the
        worker, as pyoxigraph's results must be read on the thread that made them)
    :param media_type: one of :data:`RESULTS_FORMATS` or :data:`RDF_FORMATS`, fitting the result
    :param native: whether pyoxigraph writes the result (the embedded store), so that its JSON
        and CSV can be counted as an upper bound; a remote server's JSON is counted in XML
    :raises QueryTimedOut: past the timeout
    :raises InputError: or whatever ``evaluate`` raises, on the calling thread
    """
    config = current_app.config
    return answer_query(
        current_app.extensions[EXTENSION],
        evaluate,
        media_type,
        native=native,
        limits=limits or Limits(config["MAX_RESULT_ROWS"], config["MAX_RESULT_BYTES"]),
        timeout=timeout or config["QUERY_TIMEOUT"],
    )


def answer_query(
    runner: QueryRunner,
    evaluate: Callable[[], Any],
    media_type: str,
    *,
    native: bool,
    limits: Limits,
    timeout: float,
) -> Answer:
    """:func:`run_query` with everything given, outside a request (:mod:`server.fast_path`)."""
    return runner.run(lambda job: _answer(job, evaluate, media_type, limits, native), timeout)


def _answer(
    job: _Job, evaluate: Callable[[], Any], media_type: str, limits: Limits, native: bool
) -> Answer:
    job.check()
    result = evaluate()
    if result.kind == "boolean":
        return Answer(result.serialize(media_type))
    if result.kind == "graph" and media_type != N_TRIPLES:
        # Turtle, JSON-LD and RDF/XML cannot be counted in: count in N-Triples, then convert
        counted = _limited(job, result, N_TRIPLES, limits)
        return Answer(_convert_graph(counted.body, media_type), counted.truncated)
    if media_type in _EXACT or native:
        counted = _limited(job, result, media_type, limits)
        if not counted.truncated or media_type in _EXACT:
            return counted
        # the count was only an upper bound, or cannot be cut here: run again in XML
        result = evaluate()
    # count exactly in XML, cut there, and convert
    exact = _limited(job, result, RESULTS_XML, limits)
    parsed = ox.parse_query_results(exact.body, ox.QueryResultsFormat.XML)
    body = parsed.serialize(format=RESULTS_FORMATS[media_type])
    assert body is not None  # no output given: pyoxigraph returns the bytes
    return Answer(body, exact.truncated)


def _convert_graph(ntriples: bytes, media_type: str) -> bytes:
    triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    # no prefixes, as `oxigraph serve` writes them: with the project's thirty, a small answer
    # took twice as long to write
    body = ox.serialize(triples, format=RDF_FORMATS[media_type])
    assert body is not None  # no output given: pyoxigraph returns the bytes
    return body


def _limited(job: _Job, result: Any, media_type: str, limits: Limits) -> Answer:
    """``result`` written as ``media_type``, cut at the limits when the format allows.

    A JSON or CSV answer past a limit comes back empty (and marked): only XML, TSV and N-Triples
    can be cut here.
    """
    sink = _Sink(job, media_type, limits)
    try:
        result.serialize(media_type, sink)
    except _Stop:
        if not sink.enough:
            raise
    if not sink.enough:
        return Answer(sink.value())
    if media_type not in _EXACT:
        return Answer(b"", sink.enough)
    return Answer(_cut(sink.value(), media_type, limits), sink.enough)


def _cut(body: bytes, media_type: str, limits: Limits) -> bytes:
    """The whole rows of an XML, TSV or N-Triples serialization within the limits, well formed."""
    xml = media_type == RESULTS_XML
    end_marker = b"</result>" if xml else b"\n"
    keep = 0
    if media_type in (RESULTS_XML, RESULTS_TSV):
        # the head of the document (XML's <head>, TSV's line of variables) comes whole or not at all
        head = b"<results>" if xml else b"\n"
        found = body.find(head)
        if found == -1 or found + len(head) > limits.bytes:
            raise InputError("the head of the answer alone is longer than MAX_RESULT_BYTES")
        keep = found + len(head)
    rows, position = 0, keep
    while rows < limits.rows:
        found = body.find(end_marker, position)
        end = found + len(end_marker)
        if found == -1 or end > limits.bytes:
            break
        keep = position = end
        rows += 1
    return body[:keep] + (_XML_END if xml else b"")
