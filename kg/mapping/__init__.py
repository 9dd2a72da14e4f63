"""Event record → RDF: one graph per report, in our ontology with schema.org materialised.

>>> from kg.record import EventRecord, Event
>>> m = map_record(EventRecord(event=Event(kind="round table", date="--04-11", language="en")),
...                slug="example")
>>> str(m.graph_iri)
'https://example.org/kg/graph/example'
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.iris import DEFAULT_BASE, IRIMinter, slugify
from kg.mapping.agents import map_people
from kg.mapping.context import MappingContext, Tagger, guess_language
from kg.mapping.event import map_event
from kg.mapping.places import map_places
from kg.mapping.provenance import map_annotations, map_report
from kg.mapping.statements import map_statements
from kg.record import EventRecord

__all__ = ["MappedReport", "map_record"]


@dataclass(frozen=True)
class MappedReport:
    """The triples of one report, the named graph they belong in, and the event's IRI."""

    slug: str
    graph_iri: URIRef
    event: URIRef | None
    graph: Graph


def map_record(
    record: EventRecord,
    *,
    slug: str | None = None,
    base: str = DEFAULT_BASE,
    source_text: str | None = None,
    gazetteer: Gazetteer | None = None,
    tagger: Tagger | None = None,
) -> MappedReport:
    """Map one event record to RDF.

    :param slug: the report's slug (defaults to ``record.source.slug``); it names the event, the
        report and the named graph, so reloading a report replaces exactly its own triples
    :param base: the base IRI of all data IRIs
    :param source_text: the NFC text the record was extracted from; when given, the report carries
        it and each located fact gets a quote selector as well as a position selector
    :param gazetteer: places by code and name (default: the shipped gazetteer)
    :param tagger: finds the themes and SDG targets a text names (default: the shipped themes)
    """
    slug = slugify(slug or record.source.slug or "") or "report"
    iris = IRIMinter(base)
    lang = record.event.language or guess_language(record)
    ctx = MappingContext(
        record=record,
        slug=slug,
        iris=iris,
        lang=lang,
        source_text=source_text,
        tagger=tagger or _default_tagger(),
    )
    map_event(ctx)
    map_people(ctx)
    places = map_places(ctx, gazetteer or load_gazetteer())
    map_statements(ctx, places)
    map_report(ctx)
    map_annotations(ctx)
    return MappedReport(slug=slug, graph_iri=iris.graph(slug), event=ctx.event, graph=ctx.graph)


def _default_tagger() -> Tagger:
    from kg.vocabularies import tag_themes

    return lambda text, lang: tag_themes(text, lang=lang)
