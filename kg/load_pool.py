"""``kg load --jobs N``: reports read, mapped and validated in N worker processes.

Reading, mapping and validating a report is Python work (and, with the pyshacl engine, most of a
load: ``python -m bench``), and Python runs one thread at a time, so a process per core is what
makes loading use the machine.
Workers only *check*: each reads one input, maps it, validates every report graph in it and
sends back its verdict with the triples of the reports that conform, written as N-Triples by
pyoxigraph. The calling process alone writes to the store, in the order of the inputs, so "a
report that fails is rejected and nothing of it is written" holds as with one process, and the
store keeps its single writer.

At most ``4 × jobs`` inputs are in flight at once, so memory does not grow with the number of
inputs (a list of a hundred thousand paths is fed lazily).
"""

from __future__ import annotations

import collections
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.inputs import read_input
from kg.store.terms import ntriples_lines
from kg.validation import ValidationReport, validate_input

__all__ = ["Checked", "check_input", "checked_inputs"]


@dataclass(frozen=True)
class Checked:
    """One report graph of an input, checked: its verdict and, when it conforms, its triples.

    ``graph_iri`` is ``None`` for an input that could not be read (``error`` says why).
    """

    path: Path
    graph_iri: str | None
    report: ValidationReport | None = None
    ntriples: str | None = None
    error: str | None = None


def check_input(path: Path, base: str, engine: str | None = None) -> list[Checked]:
    """Read, map and validate one input (what a worker does)."""
    try:
        item = read_input(path, base=base)
        checked = []
        for mapped, report in zip(item.reports, validate_input(item, engine=engine), strict=True):
            text = ntriples_lines(mapped.graph) if report.conforms else None
            checked.append(Checked(path, str(mapped.graph_iri), report, text))
        return checked
    except InputError as exc:
        return [Checked(path, None, error=str(exc))]


def checked_inputs(
    paths: Iterable[Path], base: str, jobs: int, engine: str | None = None
) -> Iterator[list[Checked]]:
    """:func:`check_input` of every path, in order, computed by ``jobs`` worker processes."""
    window = 4 * jobs
    # spawn, not fork: the caller may hold an open store and threads, which a child must not share
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: collections.deque[Future[list[Checked]]] = collections.deque()
        for path in paths:
            pending.append(pool.submit(check_input, path, base, engine))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
