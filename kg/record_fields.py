"""Which record field a node of a report graph came from, and on which line of the YAML it stands.

A validation result names a node and a property (``<id/recommendation/x-2> kg:position``); a person
fixes the *record* (``recommendations[1]``, line 40). Two sources tell the way back:

1. the graph's own provenance: an ``oa:Annotation`` whose ``oa:hasBody`` is the node carries the
   record path in ``kg:field`` (present when the record had spans, i.e. extracted reports);
2. the mapping's layout, which :mod:`kg.iris` and :mod:`kg.mapping` fix: numbered parts
   (``id/recommendation/{event}-{n}`` is ``recommendations[n-1]``), the event's properties
   (``kg:date`` is ``event.date``), places by the event property that points at them, people by
   their participation. This works for every graph the mapper made, with or without spans.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF
from rdflib.term import Node

from kg.namespaces import KG, OA, SCHEMA

EVENT_FIELDS: Mapping[URIRef, str] = {
    KG.title: "event.topic",
    SCHEMA.name: "event.topic",
    KG.kindLabel: "event.kind",
    KG.kind: "event.kind",
    KG.date: "event.date",
    SCHEMA.startDate: "event.date",
    KG.endDate: "event.end_date",
    KG.goal: "event.goal",
    KG.audience: "event.audience",
    KG.outcome: "outcome",
    KG.themeDiscussed: "themes_discussed",
    KG.participantCount: "event.participants.total",
    KG.femaleParticipantCount: "event.participants.women",
    KG.maleParticipantCount: "event.participants.men",
    KG.venue: "event.venue",
    KG.settlement: "event.city",
    KG.region: "event.region",
    KG.country: "event.country",
    SCHEMA.location: "event",
    SCHEMA.inLanguage: "event.language",
    PROV.wasDerivedFrom: "source",
    KG.recommendation: "recommendations",
    KG.raisedIssue: "issues_raised",
    KG.presentation: "presentations",
    KG.participation: "speakers",
}
"""The record field behind each property of the event node."""

PART_FIELDS = {
    "recommendation": "recommendations",
    "issue": "issues_raised",
    "presentation": "presentations",
}
SEX_FIELDS = {
    "T": "event.participants.total",
    "F": "event.participants.women",
    "M": "event.participants.men",
}
_PART = re.compile(
    r"/id/(recommendation|issue|presentation|participation|observation|annotation)/.+-(\w+)$"
)


def record_field(graph: Graph, focus: Node, path: Node | None = None) -> str | None:
    """The record path of the fact at ``focus`` (and ``path``), or ``None`` when it cannot be told.

    >>> from rdflib import Graph, URIRef
    >>> record_field(Graph(), URIRef("https://example.org/kg/id/recommendation/osh-3"))
    'recommendations[2]'
    """
    return _from_annotation(graph, focus, path) or _from_layout(graph, focus, path)


def _from_annotation(graph: Graph, focus: Node, path: Node | None) -> str | None:
    """The field an annotation of ``focus`` names. The event carries many facts (and many
    annotations), so for it only the annotation of the field ``path`` stands for counts."""
    fields = sorted(
        str(f)
        for ann in graph.subjects(OA.hasBody, focus)
        if isinstance(f := graph.value(ann, KG.field), Literal)
    )
    if (focus, RDF.type, KG.Event) in graph:
        wanted = EVENT_FIELDS.get(path) if isinstance(path, URIRef) else None
        return wanted if wanted in fields else None
    return fields[0] if len(fields) == 1 else None


def _from_layout(graph: Graph, focus: Node, path: Node | None) -> str | None:
    if (focus, RDF.type, KG.Event) in graph:
        return EVENT_FIELDS.get(path, "event") if isinstance(path, URIRef) else "event"
    if not isinstance(focus, URIRef):
        return None
    m = _PART.search(str(focus))
    if m:
        return _part_field(graph, focus, m[1], m[2], path)
    types = set(graph.objects(focus, RDF.type))
    if KG.Person in types:
        return _via(graph, KG.agent, focus, ".name")
    if KG.Organization in types:
        return _via(graph, KG.onBehalfOf, focus, ".organisation")
    if KG.Report in types:
        return "source"
    if types & {KG.Region, KG.Venue}:
        return _place_field(graph, focus, seen=set())
    return None


def _part_field(graph: Graph, focus: URIRef, kind: str, n: str, path: Node | None) -> str | None:
    if kind == "observation":
        return SEX_FIELDS.get(n)
    if kind == "annotation":
        field = graph.value(focus, KG.field)
        return f"spans.{field}" if field is not None else "spans"
    if not n.isdigit():
        return None
    if kind == "participation":
        return _participation_field(graph, focus, path)
    base = f"{PART_FIELDS[kind]}[{int(n) - 1}]"
    if path == KG.namesPlace:
        return f"{base}.regions"
    return base


def _participation_field(graph: Graph, part: URIRef, path: Node | None) -> str | None:
    """Moderators come first in the numbering, then speakers (kg.mapping.agents)."""
    position = graph.value(part, KG.position)
    # an RDF input may hold anything here (an IRI, "two"): the shapes report it; no field is named
    if not isinstance(position, Literal) or not str(position).isdigit():
        return None
    n = int(position)
    moderators = sum(1 for _ in graph.subjects(KG.roleKind, KG.moderatorRole))
    if (part, KG.roleKind, KG.moderatorRole) in graph:
        where = f"moderators[{n - 1}]"
        return f"{where}.roles" if path == KG.post else where
    where = f"speakers[{n - 1 - moderators}]"
    suffix = {KG.post: ".role", KG.onBehalfOf: ".organisation", KG.agent: ".name"}.get(path, "")  # type: ignore[call-overload]
    return where + suffix


def _via(graph: Graph, prop: URIRef, node: URIRef, suffix: str) -> str | None:
    for part in sorted(graph.subjects(prop, node)):
        field = _participation_field(graph, part, None)  # type: ignore[arg-type]
        if field:
            return field + suffix
    return None


def _place_field(graph: Graph, place: URIRef, *, seen: set[Node]) -> str | None:
    """The field that named a place: the event property or recommendation pointing at it, else
    the field of a place inside it (an oblast added as a settlement's parent)."""
    seen.add(place)
    for subject, prop in sorted(graph.subject_predicates(place)):
        if prop in (KG.venue, KG.settlement, KG.region, KG.country):
            return EVENT_FIELDS[prop]
        if prop == KG.namesPlace:
            field = _from_layout(graph, subject, KG.namesPlace)
            if field:
                return field
    for child in sorted(graph.subjects(SCHEMA.containedInPlace, place)):
        if child not in seen and (field := _place_field(graph, child, seen=seen)):  # type: ignore[arg-type]
            return field
    return None


def field_lines(text: str) -> dict[str, int]:
    """Each field path of a YAML record → the 1-based line of its key (or item).

    >>> lines = field_lines("event:\\n  date: 2021-04-22\\nspeakers:\\n  - name: [A, B, null]\\n")
    >>> lines["speakers[0].name"]
    4
    """
    try:
        # libyaml where PyYAML has it (ten times faster); the record was read already, so this
        # text is known to be YAML that composes
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    seen: set[int] = set()

    def walk(node: yaml.Node, where: str) -> None:
        # records are read without aliases (kg.record_yaml), but never follow one twice here either
        if id(node) in seen:
            return
        seen.add(id(node))
        lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = f"{where}.{key.value}" if where else str(key.value)
                lines.setdefault(child, key.start_mark.line + 1)
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, f"{where}[{i}]")

    if root is not None:
        walk(root, "")
    return lines


def line_of(lines: Mapping[str, int], field: str) -> int | None:
    """The line of ``field``, or of the nearest enclosing field written in the file.

    A record with one moderator may write ``moderator:`` where the graph says ``moderators[0]``.
    """
    candidates = [field]
    if field.startswith("moderators[0]"):
        candidates.append("moderator" + field[len("moderators[0]") :])
    for where in candidates:
        while where:
            if where in lines:
                return lines[where]
            # drop the last `.key` or `[i]`; a bare top-level key has no parent
            parent = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", where)
            where = "" if parent == where else parent
    return None
