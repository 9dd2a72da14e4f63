"""What was said at the event: presentations, issues raised, recommendations, and their themes."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from kg.mapping.context import MappingContext
from kg.mapping.places import PlaceMapper
from kg.namespaces import DCTYPE, KG, SCHEMA


def _tag(ctx: MappingContext, node: URIRef, text: str) -> set[URIRef]:
    """Link a statement to the themes and SDG targets its text names; return the SDG targets."""
    targets: set[URIRef] = set()
    for match in ctx.tagger(text, ctx.lang):
        ctx.add_all(node, (KG.theme, DCTERMS.subject), URIRef(match.iri))
        for target in match.sdg_targets:
            ctx.graph.add((node, DCTERMS.subject, URIRef(target)))
            targets.add(URIRef(target))
    return targets


def map_statements(ctx: MappingContext, places: PlaceMapper) -> None:
    ev, g, rec = ctx.event, ctx.graph, ctx.record
    event_targets: set[URIRef] = set()
    for i, title in enumerate(rec.presentations, start=1):
        node = ctx.iris.part("presentation", ctx.slug, i)
        for cls in (KG.Presentation, SCHEMA.CreativeWork):
            g.add((node, RDF.type, cls))
        ctx.add_all(node, (KG.title, SCHEMA.name, RDFS.label), ctx.text(title))
        g.add((node, KG.position, ctx.position(i)))
        ctx.add_all(ev, (KG.presentation, SCHEMA.workFeatured), node)
        ctx.nodes[f"presentations[{i - 1}]"] = node
        event_targets |= _tag(ctx, node, title)
    for i, issue in enumerate(rec.issues_raised, start=1):
        node = ctx.iris.part("issue", ctx.slug, i)
        g.add((node, RDF.type, KG.Issue))
        ctx.add_all(node, (KG.text, SCHEMA.text, RDFS.label), ctx.text(issue.text))
        if ctx.gloss(issue.text, issue.en):
            ctx.add_all(node, (KG.text, RDFS.label), ctx.text(issue.en, "en"))
        g.add((node, KG.position, ctx.position(i)))
        g.add((ev, KG.raisedIssue, node))
        ctx.nodes[f"issues_raised[{i - 1}]"] = node
        event_targets |= _tag(ctx, node, issue.text)
    for i, item in enumerate(rec.recommendations, start=1):
        node = ctx.iris.part("recommendation", ctx.slug, i)
        for cls in (KG.Recommendation, SCHEMA.CreativeWork, DCTYPE.Text):
            g.add((node, RDF.type, cls))
        ctx.add_all(node, (KG.text, SCHEMA.text, RDFS.label), ctx.text(item.text))
        if ctx.gloss(item.text, item.en):
            ctx.add_all(node, (KG.text, RDFS.label), ctx.text(item.en, "en"))
        ctx.add_all(node, (KG.position, SCHEMA.position), ctx.position(i))
        ctx.add_all(ev, (KG.recommendation, SCHEMA.hasPart), node)
        ctx.nodes[f"recommendations[{i - 1}]"] = node
        for j, name in enumerate(item.regions):
            place = places.by_code(name) or places.by_name(name)
            if place is not None:
                ctx.add_all(node, (KG.namesPlace, DCTERMS.spatial), place)
            else:
                ctx.add(node, KG.placeName, ctx.text(name))
            ctx.nodes[f"recommendations[{i - 1}].regions[{j}]"] = node
        for j, code in enumerate(item.countries):
            country = places.by_code(code)
            if country is not None:
                ctx.add_all(node, (KG.namesPlace, DCTERMS.spatial), country)
            ctx.nodes[f"recommendations[{i - 1}].countries[{j}]"] = node
        event_targets |= _tag(ctx, node, item.text)
    for text in (rec.event.topic, rec.event.goal):
        if text:
            event_targets |= _tag(ctx, ev, text)
    for target in event_targets:
        g.add((ev, DCTERMS.subject, target))
        g.add((ev, SCHEMA.about, target))
