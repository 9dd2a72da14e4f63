"""SHACL validation of report graphs: shapes read once, one run per report, results people can read.

The report shapes (:data:`REPORT_SHAPES`, listed in ``shapes/kg.shapes.ttl``) are parsed once into
one shapes graph (:func:`shapes_graph`); ``shapes/dcat-ap.shapes.ttl`` is for catalogue records
(kg export), not reports. Each report's graph is validated alone, without inference: the mapper
writes out every type and schema.org equivalent, so no reasoning over the ontology is needed. The
engine is pyshacl-turbo (Rust, about 3 ms a report) where installed, or pyshacl, the reference
(tens of milliseconds); :mod:`kg.shacl_runner` says how one is chosen and how they are kept equal.

pyshacl sends the text of each SHACL-SPARQL constraint to rdflib once per focus node, and rdflib
parses it every time (pyparsing: most of the run). pyshacl's data graph is therefore a
:class:`_PreparedQueryGraph`, which hands rdflib a query it prepared once instead.

Severities (see ``shapes/kg.shapes.ttl``): a *violation* makes a report non-conforming, and
``kg load`` rejects it; a *warning* (no date, no place: the report does not say) is shown, and the
report is still stored.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import BNode, Node

from kg.inputs import ReportInput, kind_of
from kg.namespaces import KG, OA, SH, bind_prefixes
from kg.paths import shapes_file
from kg.record_fields import field_lines, line_of, record_field
from kg.shacl_messages import declares_message, default_messages
from kg.shacl_runner import engine_name, run_shacl

__all__ = [
    "REPORT_SHAPES",
    "ValidationReport",
    "ValidationResult",
    "shapes_graph",
    "validate_graph",
    "validate_input",
]

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
MAX_VALUE_CHARS = 80
_CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")


REPORT_SHAPES = (
    "kg.shapes.ttl",
    "event.shapes.ttl",
    "agents.shapes.ttl",
    "statements.shapes.ttl",
    "places.shapes.ttl",
    "provenance.shapes.ttl",
    "cube.shapes.ttl",
    "vocabulary.shapes.ttl",
)
"""The shapes every report graph is checked against (``shapes/kg.shapes.ttl`` explains them)."""


@functools.cache
def shapes_graph() -> Graph:
    """The report shapes, parsed once per process."""
    graph = bind_prefixes(Graph())
    for name in REPORT_SHAPES:
        graph.parse(data=shapes_file(name).read_text(encoding="utf-8"), format="turtle")
    return graph


@functools.lru_cache(maxsize=256)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


class _PreparedQueryGraph(Graph):
    """A graph whose SPARQL text queries are parsed once per process (see the module docstring)."""

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if isinstance(query_object, str) and not kwargs.get("initNs"):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with the record field (and its line) when it can be told."""

    severity: str
    focus: str
    message: str
    constraint: str
    path: str | None = None
    value: str | None = None
    message_ky: str | None = None
    shape: str | None = None
    field: str | None = None
    line: int | None = None
    source_line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one report's graph.

    :ivar conforms: no result of severity Violation (warnings are allowed)
    :ivar results_graph: pyshacl's ``sh:ValidationReport`` graph, for ``--format turtle``
    """

    source: str
    graph_iri: str | None
    conforms: bool
    results: tuple[ValidationResult, ...]
    results_graph: Graph = field(repr=False)
    seconds: float = 0.0

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity != "Violation")

    @property
    def text(self) -> str:
        """The report as a person reads it: a summary line, then one block per result."""
        status = (
            "conforms"
            if self.conforms
            else f"does NOT conform ({len(self.violations)} violation(s))"
        )
        head = f"{self.source}: {status}"
        if self.warnings:
            head += f", {len(self.warnings)} warning(s)"
        return "\n".join([head, *(_result_text(r, self.source) for r in self.results)])

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "graph": self.graph_iri,
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "results": [r.to_json() for r in self.results],
        }


def _result_text(r: ValidationResult, source: str) -> str:
    lines = [f"  {r.severity}: {r.message}"]
    where = f"    focus: {r.focus}"
    if r.path:
        where += f"  path: {r.path}"
    if r.value:
        where += f"  value: {r.value}"
    lines.append(where)
    if r.field:
        at = f" ({source}:{r.line})" if r.line else ""
        lines.append(f"    record field: {r.field}{at}")
    if r.source_line:
        lines.append(f"    report text line: {r.source_line}")
    return "\n".join(lines)


def validate_graph(
    graph: Graph,
    *,
    source: str = "<graph>",
    graph_iri: str | None = None,
    record_lines: Mapping[str, int] | Callable[[], Mapping[str, int]] | None = None,
    source_text: str | None = None,
    engine: str | None = None,
) -> ValidationReport:
    """Validate one report's graph against the shapes.

    :param source: what to call the report in messages (its file, usually)
    :param record_lines: field path → line of the record YAML
        (:func:`kg.record_fields.field_lines`), so results name the line to fix; or a function
        giving them, called only when there is a result to place
    :param source_text: the report's NFC text, so results of located facts name its line
    :param engine: ``auto``, ``turbo`` or ``pyshacl`` (:func:`kg.shacl_runner.engine_name`)
    :returns: the report; ``graph`` itself is not changed
    """
    started = time.perf_counter()
    if engine_name(engine) == "pyshacl":
        # pyshacl runs in place on a copy of our own, which also parses its SPARQL once
        data: Graph = _PreparedQueryGraph()
        for triple in graph:
            data.add(triple)
    else:
        data = graph  # turbo reads the graph and leaves it as it was
    _, results_graph = run_shacl(data, shapes_graph(), engine=engine)
    nodes = list(results_graph.subjects(RDF.type, SH.ValidationResult))
    if nodes:
        # results name terms with our prefixes; a report without results is only counted
        bind_prefixes(results_graph)
        if callable(record_lines):
            record_lines = record_lines()
    results = tuple(
        sorted(
            (
                _result(results_graph, node, graph, record_lines, source_text)  # type: ignore[arg-type]
                for node in nodes
            ),
            key=lambda r: (
                r.severity != "Violation",
                r.field or "~",
                r.focus,
                r.path or "",
                r.message,
            ),
        )
    )
    return ValidationReport(
        source=source,
        graph_iri=graph_iri,
        conforms=not any(r.severity == "Violation" for r in results),
        results=results,
        results_graph=results_graph,
        seconds=time.perf_counter() - started,
    )


def validate_input(item: ReportInput, *, engine: str | None = None) -> list[ValidationReport]:
    """Validate every report graph of one input (a record, a report text, an RDF file).

    Results of a record name the YAML line of the field to fix; those of a report text, the line
    of the text the fact was read from.
    """
    lines: Callable[[], Mapping[str, int]] | None = None
    if kind_of(item.path) == "record":
        # the lines are only worked out for a report with results (reading the YAML again costs
        # as much as validating it); the file was read a moment ago, so it is there and UTF-8
        lines = functools.cache(lambda: field_lines(item.path.read_text(encoding="utf-8-sig")))
    return [
        validate_graph(
            report.graph,
            source=str(item.path),
            graph_iri=str(report.graph_iri),
            record_lines=lines,
            source_text=item.source_text,
            engine=engine,
        )
        for report in item.reports
    ]


def _result(
    rg: Graph,
    node: Node,
    data: Graph,
    record_lines: Mapping[str, int] | None,
    source_text: str | None,
) -> ValidationResult:
    focus = rg.value(node, SH.focusNode)
    path = rg.value(node, SH.resultPath)
    value = rg.value(node, SH.value)
    component = rg.value(node, SH.sourceConstraintComponent)
    shape = rg.value(node, SH.sourceShape)
    shapes = shapes_graph()
    if declares_message(shapes, shape, rg.value(node, SH.sourceConstraint)):
        messages = _messages(rg, node)
    else:
        # the engine's own wording differs from one engine to the other; kg's does not
        messages = default_messages(shapes, shape, component)
    field_path = record_field(data, focus, path) if focus is not None else None
    return ValidationResult(
        severity=SEVERITIES.get(rg.value(node, SH.resultSeverity), "Violation"),  # type: ignore[arg-type]
        focus=_show(rg, focus) or "?",
        message=messages.get("en") or next(iter(messages.values()), "constraint not met"),
        message_ky=messages.get("ky"),
        constraint=str(component).rsplit("#", 1)[-1] if component is not None else "",
        path=_show_path(rg, path),
        value=_show(rg, value),
        shape=_show(rg, shape) if isinstance(shape, URIRef) else None,
        field=field_path,
        line=line_of(record_lines, field_path) if record_lines and field_path else None,
        source_line=_source_line(data, focus, field_path, source_text),
    )


def _messages(rg: Graph, node: Node) -> dict[str, str]:
    """A result's messages by language. pyshacl drops the language tag of a SHACL-SPARQL message
    when it fills in ``{?var}``, so an untagged message is told by its script: our messages are
    English or Kyrgyz (Cyrillic)."""
    found: dict[str, str] = {}
    for m in sorted(rg.objects(node, SH.resultMessage)):
        if isinstance(m, Literal):
            lang = m.language or ("ky" if _CYRILLIC.search(str(m)) else "en")
            found.setdefault(lang, str(m))
    return found


def _show(graph: Graph, term: Node | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, BNode):
        return "[]"
    text = term.n3(graph.namespace_manager)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def _show_path(graph: Graph, path: Node | None) -> str | None:
    """A result path; an inverse path (``[ sh:inversePath p ]``) is written ``^p`` as in SPARQL."""
    if isinstance(path, BNode):
        inverse = graph.value(path, SH.inversePath)
        if inverse is not None:
            return f"^{_show(graph, inverse)}"
    return _show(graph, path)


def _source_line(
    data: Graph, focus: Node | None, field: str | None, text: str | None
) -> int | None:
    """The line of the report text where the fact was read: from the annotation of ``focus`` for
    ``field`` (the event carries many facts, so the field has to match)."""
    if text is None or focus is None or field is None:
        return None
    for ann in data.subjects(OA.hasBody, focus):
        if str(data.value(ann, KG.field)) != field:
            continue
        for target in data.objects(ann, OA.hasTarget):
            for selector in data.objects(target, OA.hasSelector):
                start = data.value(selector, OA.start)
                if isinstance(start, Literal):
                    return text[: int(start)].count("\n") + 1
    return None
