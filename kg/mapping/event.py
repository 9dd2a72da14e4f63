"""The event node: types, title, kind, dates, goal, audience and participant counts."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from kg.mapping.context import MappingContext
from kg.namespaces import KG, LODE, QB, SCHEMA, SDG_SEX, SEM
from kg.record import MONTH_DAY_RE

SEX_DIMENSION = URIRef("http://metadata.un.org/sdg/codes/sex")
"""The UN SDG sex dimension (interop.md §5.2), declared a qb:DimensionProperty in our ontology."""
SEX_CODES = {"total": ("T", SDG_SEX["_T"]), "women": ("F", SDG_SEX.F), "men": ("M", SDG_SEX.M)}
COUNT_PROPERTIES = {
    "total": KG.participantCount,
    "women": KG.femaleParticipantCount,
    "men": KG.maleParticipantCount,
}


def date_literal(value: str) -> Literal:
    """``2021-04-22`` as xsd:date; ``--04-11`` (no year given) as xsd:gMonthDay."""
    datatype = XSD.gMonthDay if MONTH_DAY_RE.match(value) else XSD.date
    return Literal(value, datatype=datatype)


def map_event(ctx: MappingContext) -> URIRef:
    ev, event, g = ctx.event, ctx.record.event, ctx.graph
    for cls in (KG.Event, SCHEMA.Event, LODE.Event, SEM.Event):
        g.add((ev, RDF.type, cls))
    g.add((ev, SCHEMA.eventAttendanceMode, SCHEMA.OfflineEventAttendanceMode))
    g.add((ev, SCHEMA.inLanguage, Literal(ctx.lang)))
    g.add((ev, DCTERMS.language, URIRef(f"http://id.loc.gov/vocabulary/iso639-1/{ctx.lang}")))

    if event.topic:
        ctx.add_all(ev, (KG.title, SCHEMA.name, RDFS.label), ctx.text(event.topic))
        ctx.nodes["event.topic"] = ev
    if ctx.gloss(event.topic, event.topic_en):
        ctx.add_all(ev, (KG.title, SCHEMA.name, RDFS.label), ctx.text(event.topic_en, "en"))
    if not event.topic:
        ctx.add(ev, RDFS.label, ctx.text(_fallback_label(ctx)))
    if event.kind:
        ctx.add(ev, KG.kindLabel, ctx.text(event.kind))
        ctx.nodes["event.kind"] = ev
    if ctx.gloss(event.kind, event.kind_en):
        ctx.add(ev, KG.kindLabel, ctx.text(event.kind_en, "en"))
    for key, props in (
        ("date", (KG.date, SCHEMA.startDate)),
        ("end_date", (KG.endDate, SCHEMA.endDate)),
    ):
        value = getattr(event, key)
        if value:
            ctx.add_all(ev, props, date_literal(value))
            ctx.nodes[f"event.{key}"] = ev
    if event.goal:
        ctx.add_all(ev, (KG.goal, SCHEMA.description), ctx.text(event.goal))
        ctx.nodes["event.goal"] = ev
    if ctx.record.outcome:
        ctx.add(ev, KG.outcome, ctx.text(ctx.record.outcome))
        ctx.nodes["outcome"] = ev
    for theme in ctx.record.themes_discussed:
        ctx.add(ev, KG.themeDiscussed, ctx.text(theme))
    _map_audience(ctx, ev)
    _map_counts(ctx, ev)
    return ev


def _fallback_label(ctx: MappingContext) -> str:
    """A label for an event whose report gives no title: its kind, place and date as stated."""
    e = ctx.record.event
    parts = [p for p in (e.kind, e.city or e.venue, e.date) if p]
    return ", ".join(parts) or ctx.slug


def _map_audience(ctx: MappingContext, ev: URIRef) -> None:
    audience = ctx.record.event.audience
    if not audience:
        return
    # a hash IRI, not a blank node: blank nodes would be shared across named graphs in the store
    node = URIRef(f"{ev}#audience")
    ctx.graph.add((ev, SCHEMA.audience, node))
    ctx.graph.add((node, RDF.type, SCHEMA.Audience))
    for i, category in enumerate(audience):
        literal = ctx.text(category)
        ctx.graph.add((ev, KG.audience, literal))
        ctx.graph.add((node, SCHEMA.audienceType, literal))
        ctx.nodes[f"event.audience[{i}]"] = ev


def _map_counts(ctx: MappingContext, ev: URIRef) -> None:
    """Counts twice: plain properties for queries, and a Data Cube slice by sex (interop §5.2)."""
    people = ctx.record.event.participants
    for key, prop in COUNT_PROPERTIES.items():
        n = getattr(people, key)
        if n is None:
            continue
        ctx.graph.add((ev, prop, ctx.count(n)))
        ctx.nodes[f"event.participants.{key}"] = ev
        letter, code = SEX_CODES[key]
        obs = ctx.iris.part("observation", ctx.slug, letter)
        ctx.graph.add((obs, RDF.type, QB.Observation))
        ctx.graph.add((obs, QB.dataSet, KG.participantsBySex))
        ctx.graph.add((obs, KG.event, ev))
        ctx.graph.add((obs, SEX_DIMENSION, code))
        ctx.graph.add((obs, KG.participants, ctx.count(n)))
