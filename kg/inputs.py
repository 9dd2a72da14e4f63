"""Inputs of the commands: record YAML, report texts and RDF files, each read into a report graph.

``kg map``, ``kg validate`` and ``kg load`` all read their inputs through :func:`read_inputs`, so
they accept the same things and fail the same way. Folders are walked (sorted, so runs repeat) and
inputs are produced one at a time, so a long list is never held in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.errors import InputError
from kg.formats import is_rdf_file, parse_rdf_file
from kg.iris import DEFAULT_BASE, IRIMinter
from kg.mapping import MappedReport, map_record
from kg.namespaces import KG, bind_prefixes
from kg.record import EventRecord
from kg.record_yaml import load_record, slug_from_filename

RECORD_EXTENSIONS = (".yaml", ".yml")
REPORT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class ReportInput:
    """One input read: its path, the report graph(s), and the record when there was one."""

    path: Path
    reports: tuple[MappedReport, ...]
    record: EventRecord | None = None
    source_text: str | None = None


def kind_of(path: Path) -> str:
    """``record``, ``report`` or ``rdf``, from the extension."""
    suffix = path.suffix.lower()
    if suffix in RECORD_EXTENSIONS:
        return "record"
    if suffix in REPORT_EXTENSIONS:
        return "report"
    if is_rdf_file(path):
        return "rdf"
    raise InputError(
        f"{path}: not an input kg reads (records {', '.join(RECORD_EXTENSIONS)}; reports "
        f"{', '.join(REPORT_EXTENSIONS)}; RDF .ttl .nt .nq .trig .jsonld .rdf)"
    )


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the input files inside folders named (recursively, sorted).

    :raises InputError: for a path that does not exist
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith(".") or _is_documentation(child):
                    continue
                try:
                    kind_of(child)
                except InputError:
                    continue
                yield child
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def _is_documentation(path: Path) -> bool:
    """README.md, SCHEMA.md, CHANGELOG.md ...: a folder's notes, not a report in it."""
    stem = path.name.split(".")[0]
    return path.suffix.lower() in (".md", ".txt") and stem.isupper()


def read_input(path: Path, *, base: str = DEFAULT_BASE) -> ReportInput:
    """Read one input file into report graphs.

    :raises InputError: (and its subclasses) for anything that cannot be read; the message names
        the file and, where known, the line
    """
    kind = kind_of(path)
    if kind == "record":
        record = load_record(path)
        return ReportInput(path, (map_record(record, base=base),), record)
    if kind == "report":
        from kg.extract import extract_file  # the extractor is only loaded when a text is given

        extraction = extract_file(path)
        mapped = map_record(extraction.record, base=base, source_text=extraction.text)
        return ReportInput(path, (mapped,), extraction.record, extraction.text)
    return ReportInput(path, tuple(_rdf_reports(path, base)))


def _rdf_reports(path: Path, base: str) -> Iterator[MappedReport]:
    """An RDF file as report graphs: each named graph is one report; triples outside any named
    graph form one report named after the file."""
    ds: Dataset = parse_rdf_file(path)
    iris = IRIMinter(base)
    graph_prefix = f"{base}graph/"
    for context in ds.graphs():
        if len(context) == 0:
            continue
        name = context.identifier
        if name == ds.default_graph.identifier or not isinstance(name, URIRef):
            slug = slug_from_filename(path.name)
            name = iris.graph(slug)
        else:
            slug = (
                str(name)[len(graph_prefix) :] if str(name).startswith(graph_prefix) else str(name)
            )
        graph = bind_prefixes(Graph())
        for triple in context:
            graph.add(triple)
        event = next(iter(graph.subjects(RDF.type, KG.Event)), None)
        yield MappedReport(slug=slug, graph_iri=URIRef(name), event=event, graph=graph)


def read_inputs(paths: Iterable[str | Path], *, base: str = DEFAULT_BASE) -> Iterator[ReportInput]:
    """Every input under ``paths``, read one at a time."""
    for path in expand_paths(paths):
        yield read_input(path, base=base)
