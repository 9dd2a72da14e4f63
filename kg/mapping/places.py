"""Places: the event's settlement, oblast, country and venue, and the places recommendations name.

Places are resolved through the gazetteer (:mod:`kg.gazetteer`). A place the gazetteer knows becomes
``{base}id/place/{code}`` with its labels, codes and parent copied in (so pages and exports need no
other graph) and ``skos:exactMatch`` to its gazetteer concept. A name the gazetteer does not know
keeps its text, as a name, and no code is invented for it.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.gazetteer import Gazetteer, Place
from kg.mapping.context import MappingContext
from kg.namespaces import GEO, KG, SCHEMA

KIND_TYPES = {
    "country": (SCHEMA.Country,),
    "oblast": (SCHEMA.AdministrativeArea,),
    "district": (SCHEMA.AdministrativeArea,),
    "city": (SCHEMA.City, SCHEMA.AdministrativeArea),
    "town": (SCHEMA.City,),
    "village": (SCHEMA.Place,),
}


SETTLEMENT_KINDS = ("city", "town", "village")


class PlaceMapper:
    """Adds places to one report's graph, each once, with its chain of parents."""

    def __init__(self, ctx: MappingContext, gazetteer: Gazetteer) -> None:
        self.ctx = ctx
        self.gazetteer = gazetteer
        self.done: set[str] = set()

    def place(self, place: Place) -> URIRef:
        iri = self.ctx.iris.place(place.code)
        if place.code in self.done:
            return iri
        self.done.add(place.code)
        g = self.ctx.graph
        for cls in (
            KG.Region,
            SCHEMA.Place,
            GEO.Feature,
            DCTERMS.Location,
            *KIND_TYPES.get(place.kind, ()),
        ):
            g.add((iri, RDF.type, cls))
        g.add((iri, SKOS.exactMatch, URIRef(place.concept)))
        for lang, label in place.labels.items():
            self.ctx.add_all(iri, (KG.name, SCHEMA.name, RDFS.label), Literal(label, lang=lang))
        if place.iso3166:
            g.add((iri, KG.isoCode, Literal(place.iso3166)))
        if place.pcode:
            g.add((iri, KG.pcode, Literal(place.pcode)))
        if place.m49:
            g.add((iri, KG.m49, Literal(place.m49)))
        if place.centroid:
            lon, lat = place.centroid
            geo = URIRef(f"{iri}#geometry")
            g.add((iri, GEO.hasGeometry, geo))
            g.add((geo, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral)))
        if place.parent:
            parent = self.place(self.gazetteer.get(place.parent))
            g.add((iri, SCHEMA.containedInPlace, parent))
        return iri

    def by_code(self, code: str) -> URIRef | None:
        try:
            return self.place(self.gazetteer.get(code))
        except LookupError:
            return None

    def by_name(self, name: str) -> URIRef | None:
        found = self.gazetteer.lookup(name, lang=self.ctx.lang)
        return self.place(found) if found else None

    def settlement(self, name: str) -> URIRef | None:
        """The settlement a city field names. A bare "Жалал-Абад" or "Нарын" is read by the
        gazetteer as the oblast; a city field means the town, so ask with a town qualifier first."""
        for qualified in (f"{name} шаары", f"г. {name}", f"{name} city", name):
            found = self.gazetteer.lookup(qualified, lang=self.ctx.lang)
            if found and found.kind in SETTLEMENT_KINDS:
                return self.place(found)
        found = self.gazetteer.lookup(name, lang=self.ctx.lang)
        return self.place(found) if found and found.kind == "district" else None


def map_places(ctx: MappingContext, gazetteer: Gazetteer) -> PlaceMapper:
    places = PlaceMapper(ctx, gazetteer)
    ev, event = ctx.event, ctx.record.event
    location: URIRef | None = None
    if event.country and (country := places.by_code(event.country)):
        ctx.add_all(ev, (KG.country, DCTERMS.spatial), country)
        ctx.nodes["event.country"] = ev
    if event.region and (region := places.by_code(event.region)):
        ctx.add_all(ev, (KG.region, DCTERMS.spatial), region)
        ctx.nodes["event.region"] = ev
    if event.city:
        settlement = places.settlement(event.city)
        if settlement is None:
            # a settlement the gazetteer does not know: named as written, without codes
            settlement = ctx.iris.place(event.city)
            ctx.graph.add((settlement, RDF.type, KG.Region))
            ctx.graph.add((settlement, RDF.type, SCHEMA.Place))
            ctx.add_all(settlement, (KG.name, SCHEMA.name, RDFS.label), ctx.text(event.city))
            parent = places.by_code(event.region) if event.region else None
            ctx.add(settlement, SCHEMA.containedInPlace, parent)
        ctx.add(ev, KG.settlement, settlement)
        ctx.nodes["event.city"] = settlement
        location = settlement
    if event.venue:
        venue = ctx.iris.venue(event.venue)
        for cls in (KG.Venue, SCHEMA.Place):
            ctx.graph.add((venue, RDF.type, cls))
        ctx.add_all(venue, (KG.name, SCHEMA.name, RDFS.label), ctx.text(event.venue))
        ctx.add(venue, SCHEMA.containedInPlace, location)
        ctx.add(ev, KG.venue, venue)
        ctx.nodes["event.venue"] = venue
        location = venue
    location = location or _region_or_country(ctx)
    ctx.add(ev, SCHEMA.location, location)
    return places


def _region_or_country(ctx: MappingContext) -> URIRef | None:
    for prop in (KG.region, KG.country):
        found = ctx.graph.value(ctx.event, prop)
        if isinstance(found, URIRef):
            return found
    return None
