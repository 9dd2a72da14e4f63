"""A resource as a page sees it: small frozen dataclasses built from the page queries' rows.

:func:`describe` runs ``page_resource`` (the resource's triples, those of its hash resources and
the labels of what they point to), ``page_incoming`` ("mentioned in") and ``page_provenance``
(where it was read), and turns the rows into a :class:`ResourceView`. Templates get the view,
never a graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import KG
from server import page_queries
from server.labels import pick_lang, primary
from server.links import Link, data_href, is_data, link, short_name
from server.literals import Text, literal_text
from server.page_queries import Row

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
INCOMING_ROWS = 2000  # the LIMIT of page_incoming.rq
MAX_HASH_NODES = 20


@dataclass(frozen=True)
class Value:
    """One object of a property: a :class:`Link` for an IRI, else a literal's :class:`Text`."""

    link: Link | None = None
    text: Text | None = None


@dataclass(frozen=True)
class Property:
    """A property of a node and its values, labelled in the reader's language."""

    link: Link
    values: tuple[Value, ...]
    ours: bool  # a kg: term (the rest repeats the same facts in schema.org, FOAF, …)


@dataclass(frozen=True)
class Node:
    """The resource itself or one of its hash resources (``…#audience``), with its properties."""

    iri: str
    anchor: str
    types: tuple[Link, ...]
    properties: tuple[Property, ...]

    def values(self, predicate: str) -> tuple[Value, ...]:
        for prop in self.properties:
            if prop.link.iri == predicate:
                return prop.values
        return ()


@dataclass(frozen=True)
class Mention:
    """A resource that points to the page's resource ("mentioned in"), and the event it is in."""

    source: Link
    event: Link | None


@dataclass(frozen=True)
class MentionGroup:
    prop: Link
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Reading:
    """Where the resource was read: a record field, the words quoted, in which report."""

    field: str
    exact: str
    event: Link | None
    href: str | None  # the highlighted fact on the event page


@dataclass(frozen=True)
class ResourceView:
    iri: str
    label: str
    label_lang: str
    node: Node
    children: tuple[Node, ...]
    mentions: tuple[MentionGroup, ...]
    mentions_total: int
    readings: tuple[Reading, ...]
    labels: Mapping[str, str]

    @property
    def type_iris(self) -> frozenset[str]:
        return frozenset(t.iri for t in self.node.types)


def describe(iri: str, lang: str) -> ResourceView | None:
    """The view of the resource ``iri``, or ``None`` when the data says nothing about it."""
    resource = ox.NamedNode(iri)
    rows = _resource_rows(resource)
    if not rows:
        return None
    nodes = _nodes(rows, iri, lang)
    main = nodes.pop(iri)
    labels = _labels_of(rows)
    label, label_lang = pick_lang(labels, lang)
    incoming = page_queries.select("page_incoming", resource=resource)
    # the events' labels in the graphs they were found in, in one more query (see the .rq)
    events = {(r["g"], r["event"]) for r in incoming if r["event"] is not None}
    event_labels: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for row in page_queries.select_each("page_labels", ("g", "resource"), sorted(events, key=str)):
        key = (row["g"].value, row["resource"].value)
        event_labels[key].setdefault(primary(row["label"].language), row["label"].value)
    total = len({r["s"].value for r in incoming})
    if len(incoming) >= INCOMING_ROWS:
        count = page_queries.select("page_incoming_count", resource=resource)
        total = int(count[0]["n"].value) if count else total
    return ResourceView(
        iri=iri,
        label=label or short_name(iri),
        label_lang=label_lang,
        node=main,
        children=tuple(nodes[k] for k in sorted(nodes)),
        mentions=_mentions(incoming, event_labels, lang),
        mentions_total=total,
        readings=_readings(page_queries.select("page_provenance", resource=resource), lang),
        labels=labels,
    )


def _resource_rows(resource: ox.NamedNode) -> list[Row]:
    """The resource's triples (``page_resource``), a row per label of each object that has any.

    The objects' labels come from :func:`server.page_queries.labels_any`: asked in the same
    pattern, graph by graph, they made the busiest region's page take seconds.
    """
    triples = page_queries.select("page_resource", resource=resource)
    labels = page_queries.labels_any(r["o"] for r in triples if isinstance(r["o"], ox.NamedNode))
    rows: list[Row] = []
    for row in triples:
        found: list[ox.Literal | None] = list(labels.get(row["o"], ())) or [None]
        rows.extend({**row, "label": label} for label in found)
    return rows


def _labels_of(rows: Sequence[Row]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for row in rows:
        if row["p"].value == RDFS_LABEL:
            obj = row["o"]
            labels.setdefault(primary(obj.language), obj.value)
    return labels


def _nodes(rows: Sequence[Row], iri: str, lang: str) -> dict[str, Node]:
    """The resource's node and its hash resources' nodes (``page_nodes``, a query per node)."""
    object_labels: dict[str, dict[str, str]] = defaultdict(dict)
    found: dict[str, dict[str, dict[str, object]]] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        obj = row["o"]
        found[iri][row["p"].value].setdefault(str(obj), obj)
        label = row["label"]
        if label is not None:
            object_labels[obj.value].setdefault(primary(label.language), label.value)
    pending = _hash_objects(found[iri], iri)
    seen: set[str] = set()
    # …#target points to …#target-selector: follow hash links, a few levels at most
    while pending and len(seen) < MAX_HASH_NODES:
        node = pending.pop()
        if node in seen:
            continue
        seen.add(node)
        for row in page_queries.select("page_nodes", node=ox.NamedNode(node)):
            found[node][row["p"].value].setdefault(str(row["o"]), row["o"])
        pending |= _hash_objects(found[node], iri) - seen
    return {
        subject: _node(subject, predicates, object_labels, lang)
        for subject, predicates in found.items()
    }


def _hash_objects(predicates: Mapping[str, Mapping[str, object]], iri: str) -> set[str]:
    """The hash resources (``{iri}#…``) among the objects of ``predicates``."""
    return {
        obj.value
        for objects in predicates.values()
        for obj in objects.values()
        if isinstance(obj, ox.NamedNode) and obj.value.startswith(f"{iri}#")
    }


def _node(
    subject: str,
    predicates: Mapping[str, Mapping[str, object]],
    object_labels: Mapping[str, Mapping[str, str]],
    lang: str,
) -> Node:
    properties = [
        Property(
            link=link(p, lang),
            values=tuple(_value(obj, object_labels, lang) for obj in objects.values()),
            ours=p.startswith(str(KG)),
        )
        for p, objects in predicates.items()
        if p != RDF_TYPE
    ]
    properties.sort(key=lambda prop: (not prop.ours, prop.link.label.casefold()))
    return Node(
        iri=subject,
        anchor=subject.partition("#")[2],
        types=_types(predicates.get(RDF_TYPE, {}).values(), lang),
        properties=tuple(properties),
    )


def _types(terms: Iterable[object], lang: str) -> tuple[Link, ...]:
    # our own classes first: "Event" before "schema:Event"
    iris = sorted(
        (t.value for t in terms if isinstance(t, ox.NamedNode)),
        key=lambda i: (not i.startswith(str(KG)), i),
    )
    return tuple(link(i, lang) for i in iris)


def _value(obj: object, labels: Mapping[str, Mapping[str, str]], lang: str) -> Value:
    if isinstance(obj, ox.NamedNode):
        return Value(link=link(obj.value, lang, labels.get(obj.value)))
    if isinstance(obj, ox.Literal):
        return Value(text=literal_text(obj, lang))
    return Value(text=Text(str(obj)))


def _mentions(
    rows: Sequence[Row], graph_labels: Mapping[tuple[str, str], Mapping[str, str]], lang: str
) -> tuple[MentionGroup, ...]:
    grouped: dict[str, dict[str, tuple[dict[str, str], str | None, dict[str, str]]]] = defaultdict(
        dict
    )
    for row in rows:
        source = row["s"]
        if not isinstance(source, ox.NamedNode):
            continue
        entry = grouped[row["p"].value].setdefault(source.value, ({}, None, {}))
        labels, event, event_labels = entry
        if row["label"] is not None:
            labels.setdefault(primary(row["label"].language), row["label"].value)
        found = graph_labels.get((row["g"].value, row["event"].value)) if row["event"] else None
        if found:  # as before: an event counts only with a label in the part's graph
            event = row["event"].value
            for code, text in found.items():
                event_labels.setdefault(code, text)
        grouped[row["p"].value][source.value] = (labels, event, event_labels)
    groups = []
    for predicate, sources in grouped.items():
        mentions = [
            Mention(
                source=link(s, lang, labels),
                event=link(event, lang, event_labels) if event else None,
            )
            for s, (labels, event, event_labels) in sources.items()
        ]
        mentions.sort(key=lambda m: m.source.label.casefold())
        groups.append(MentionGroup(prop=link(predicate, lang), mentions=tuple(mentions)))
    groups.sort(key=lambda g: g.prop.label.casefold())
    return tuple(groups)


def _readings(rows: Sequence[Row], lang: str) -> tuple[Reading, ...]:
    seen: dict[str, Reading] = {}
    event_labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row["event"] is not None and row["eventLabel"] is not None:
            label = row["eventLabel"]
            event_labels[row["event"].value].setdefault(primary(label.language), label.value)
    for row in rows:
        annotation = row["annotation"].value
        if annotation in seen:
            continue
        event = row["event"].value if row["event"] is not None else None
        seen[annotation] = Reading(
            field=row["field"].value if row["field"] is not None else "",
            exact=row["exact"].value if row["exact"] is not None else "",
            event=link(event, lang, event_labels[event]) if event else None,
            href=f"{data_href(event)}#{fact_anchor(annotation)}"
            if event and is_data(event)
            else None,
        )
    return tuple(sorted(seen.values(), key=lambda r: (r.event.label if r.event else "", r.field)))


def fact_anchor(annotation: str) -> str:
    """The id of an annotation's highlight on its event page: ``fact-<last segment>``."""
    return "fact-" + annotation.rsplit("/", 1)[-1]
