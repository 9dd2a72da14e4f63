"""Loading reports into a store: validate each one, replace its graph atomically, and go on.

For each input (record, report text, RDF file) and each report graph in it:

1. validate it against the shapes (:func:`kg.validation.validate_graph`);
2. if it has a violation, reject it: nothing of it is written, and the store keeps whatever that
   report's graph held before (a bad edit never wipes a good report);
3. else replace its named graph ``{base}graph/{slug}`` in one atomic step, so a reload gives the
   same quads and readers never see half a report.

An input that cannot be read is counted as unreadable; the run goes on with the next one. Inputs
are read one at a time (with ``jobs``, a few at a time: :mod:`kg.load_pool`) and nothing is kept
per report but counts and the failures' messages, so memory does not grow with the number of
reports (``python -m bench --stages load`` measures it).

The vocabularies (ontology, event kinds, themes, SDG subset, gazetteer: every ``ontology/*.ttl``)
go into their own graph, ``{base}graph/vocabularies``, so queries and pages can label concepts.
:func:`load_vocabularies` writes it when it is missing or the files changed (their SHA-256 is kept
in the graph as ``dct:hasVersion``), so ``kg load`` does it on every run at no cost.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.errors import InputError
from kg.inputs import expand_paths, read_input
from kg.iris import DEFAULT_BASE
from kg.namespaces import bind_prefixes
from kg.paths import ontology_dir
from kg.shacl_runner import engine_name
from kg.sparql import bind, load_query
from kg.store.base import Store

if TYPE_CHECKING:
    from kg.load_pool import Checked
from kg.validation import ValidationReport, validate_input

__all__ = [
    "LoadOutcome",
    "LoadSummary",
    "load_inputs",
    "load_paths",
    "load_vocabularies",
    "vocabulary_graph_iri",
]


def vocabulary_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The named graph that holds the ontology and the vocabularies."""
    return URIRef(f"{base}graph/vocabularies")


@dataclass(frozen=True)
class LoadOutcome:
    """What happened to one report graph (or to an input that could not be read).

    :ivar status: ``loaded``, ``rejected`` (a violation; nothing written) or ``unreadable``
    """

    path: Path
    status: str
    graph_iri: str | None = None
    triples: int = 0
    report: ValidationReport | None = None
    error: str | None = None


@dataclass
class LoadSummary:
    """Counts over a whole run, and the messages of what failed."""

    loaded: int = 0
    rejected: int = 0
    unreadable: int = 0
    warnings: int = 0
    triples: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.rejected or self.unreadable)

    def add(self, outcome: LoadOutcome) -> None:
        if outcome.status == "loaded":
            self.loaded += 1
            self.triples += outcome.triples
        elif outcome.status == "rejected":
            self.rejected += 1
            self.failures.append(outcome.report.text if outcome.report else str(outcome.path))
        else:
            self.unreadable += 1
            self.failures.append(outcome.error or str(outcome.path))
        if outcome.report is not None:
            self.warnings += len(outcome.report.warnings)

    @property
    def text(self) -> str:
        rate = f"{self.loaded / self.seconds:.1f} reports/s, " if self.seconds > 0 else ""
        triples_rate = f"{self.triples / self.seconds:,.0f} triples/s" if self.seconds > 0 else ""
        return (
            f"loaded {self.loaded}, rejected {self.rejected}, unreadable {self.unreadable}; "
            f"{self.triples:,} triples, {self.warnings} warning(s); "
            f"{self.seconds:.1f} s ({rate}{triples_rate})"
        )


def load_inputs(
    store: Store,
    paths: Iterable[Path],
    *,
    base: str = DEFAULT_BASE,
    on_outcome: Callable[[LoadOutcome], None] | None = None,
    jobs: int = 1,
    engine: str | None = None,
) -> LoadSummary:
    """Validate and load every report of ``paths`` (files, as :func:`kg.inputs.expand_paths` gives).

    :param on_outcome: called after each report (and each unreadable input), for progress and
        messages
    :param jobs: worker processes that read, map and validate (:mod:`kg.load_pool`); this
        process alone writes, in the order of ``paths``
    :param engine: the SHACL engine (:func:`kg.shacl_runner.engine_name`)
    :raises StoreError: the store itself fails (a bad report never raises)
    """
    summary = LoadSummary()
    started = time.perf_counter()
    if jobs > 1:
        from kg.load_pool import checked_inputs

        outcomes = (
            _write(store, checked)
            for checks in checked_inputs(paths, base, jobs, engine_name(engine))
            for checked in checks
        )
    else:
        outcomes = (outcome for path in paths for outcome in _load_one(store, path, base, engine))
    for outcome in outcomes:
        summary.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def load_paths(
    store: Store, inputs: Iterable[str | Path], *, base: str = DEFAULT_BASE
) -> LoadSummary:
    """:func:`load_inputs` over files and folders (folders are walked)."""
    return load_inputs(store, expand_paths(inputs), base=base)


def _load_one(store: Store, path: Path, base: str, engine: str | None) -> list[LoadOutcome]:
    try:
        item = read_input(path, base=base)
    except InputError as exc:
        return [LoadOutcome(path, "unreadable", error=str(exc))]
    outcomes = []
    for mapped, report in zip(item.reports, validate_input(item, engine=engine), strict=True):
        if not report.conforms:
            outcomes.append(LoadOutcome(path, "rejected", str(mapped.graph_iri), report=report))
            continue
        written = store.replace_graph(str(mapped.graph_iri), mapped.graph)
        outcomes.append(LoadOutcome(path, "loaded", str(mapped.graph_iri), written, report))
    return outcomes


def _write(store: Store, checked: Checked) -> LoadOutcome:
    """Store a report a worker found conforming; only count one it rejected or could not read."""
    if checked.graph_iri is None:
        return LoadOutcome(checked.path, "unreadable", error=checked.error)
    if checked.ntriples is None:
        return LoadOutcome(checked.path, "rejected", checked.graph_iri, report=checked.report)
    written = store.replace_graph_ntriples(checked.graph_iri, checked.ntriples)
    return LoadOutcome(checked.path, "loaded", checked.graph_iri, written, checked.report)


def _vocabulary_files() -> list[tuple[str, bytes]]:
    return [
        (r.name, r.read_bytes())
        for r in sorted(ontology_dir().iterdir(), key=lambda r: r.name)
        if r.name.endswith(".ttl")
    ]


@functools.cache
def _vocabulary_graph(version: Literal) -> Graph:
    """The vocabularies parsed (once per process and version: rdflib takes a second or two)."""
    graph = bind_prefixes(Graph())
    for _, data in _vocabulary_files():
        graph.parse(data=data.decode("utf-8"), format="turtle")
    return graph


def load_vocabularies(store: Store, *, base: str = DEFAULT_BASE, force: bool = False) -> int:
    """Write the ontology and vocabularies into :func:`vocabulary_graph_iri`, unless already there.

    :returns: the number of triples written (0 when the graph was up to date)
    """
    files = _vocabulary_files()
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode("utf-8") + b"\0" + data)
    version = Literal(f"sha256:{digest.hexdigest()}")
    graph_iri = vocabulary_graph_iri(base)
    if not force:
        ask = bind(load_query("ask_graph_version").text, graph=graph_iri, version=version)
        if store.query(ask).boolean:
            return 0
    graph = Graph()
    graph += _vocabulary_graph(version)
    graph.add((graph_iri, DCTERMS.hasVersion, version))
    return store.replace_graph(str(graph_iri), graph)
