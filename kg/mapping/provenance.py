"""Provenance: the source report, the run that read it, and a Web Annotation per located fact.

Every fact with a span in the record gets an ``oa:Annotation`` whose target selects the text it was
read from, by position (``oa:TextPositionSelector``, code points of the NFC text, end exclusive)
and, when the text is at hand, by quote (``oa:TextQuoteSelector`` with 32 characters of context),
which survives re-encoding (interop.md §6).
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, XSD

from kg import __version__
from kg.mapping.context import MappingContext
from kg.namespaces import KG, OA, SCHEMA

CONTEXT_CHARS = 32
SOFTWARE = URIRef("https://w3id.org/kg-events/software/kg")
NFC = URIRef("https://www.unicode.org/reports/tr15/#Norm_Forms")


def map_report(ctx: MappingContext) -> URIRef:
    report, g, src = ctx.report, ctx.graph, ctx.record.source
    for cls in (KG.Report, SCHEMA.Report, FOAF.Document, PROV.Entity):
        g.add((report, RDF.type, cls))
    g.add((report, SCHEMA.inLanguage, Literal(ctx.lang)))
    g.add((report, DCTERMS.language, URIRef(f"http://id.loc.gov/vocabulary/iso639-1/{ctx.lang}")))
    if src.file:
        g.add((report, KG.sourceFile, Literal(src.file.rsplit("/", 1)[-1])))
    if src.url:
        g.add((report, DCTERMS.source, Literal(src.url, datatype=XSD.anyURI)))
    if src.sha256:
        g.add((report, KG.sha256, Literal(src.sha256)))
    if ctx.source_text is not None:
        g.add((report, SCHEMA.text, ctx.text(ctx.source_text)))
        g.add((report, DCTERMS.conformsTo, NFC))
    g.add((report, SCHEMA.about, ctx.event))
    ev = ctx.event
    g.add((ev, PROV.wasDerivedFrom, report))
    g.add((ev, SCHEMA.isBasedOn, report))
    # The activity is named after the report, not a clock, so mapping twice gives the same graph.
    activity = ctx.iris.of("activity", f"map-{ctx.slug}")
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, PROV.used, report))
    g.add((activity, PROV.wasAssociatedWith, SOFTWARE))
    g.add((SOFTWARE, RDF.type, PROV.SoftwareAgent))
    g.add((SOFTWARE, SCHEMA.softwareVersion, Literal(__version__)))
    g.add((ev, PROV.wasGeneratedBy, activity))
    return report


def _path_key(path: str) -> tuple[object, ...]:
    """Sort record paths naturally (speakers[2] before speakers[10]) for stable numbering."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", path))


def map_annotations(ctx: MappingContext) -> int:
    """One annotation per located fact whose node is known; returns how many were added."""
    g, text = ctx.graph, ctx.source_text
    added = 0
    for n, path in enumerate(sorted(ctx.record.spans, key=_path_key), start=1):
        body = ctx.nodes.get(path)
        span = ctx.record.spans[path]
        if body is None or (text is not None and span.end > len(text)):
            continue
        ann = ctx.iris.part("annotation", ctx.slug, n)
        target = URIRef(f"{ann}#target")
        g.add((ann, RDF.type, OA.Annotation))
        g.add((ann, OA.motivatedBy, OA.identifying))
        g.add((ann, OA.hasBody, body))
        g.add((ann, OA.hasTarget, target))
        g.add((ann, KG.field, Literal(path)))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, ctx.report))
        position = URIRef(f"{ann}#position")
        g.add((target, OA.hasSelector, position))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        if text is not None:
            quote = URIRef(f"{ann}#quote")
            g.add((target, OA.hasSelector, quote))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(text[span.start : span.end])))
            g.add(
                (quote, OA.prefix, Literal(text[max(0, span.start - CONTEXT_CHARS) : span.start]))
            )
            g.add((quote, OA.suffix, Literal(text[span.end : span.end + CONTEXT_CHARS])))
        g.add((ann, PROV.wasDerivedFrom, ctx.report))
        added += 1
    return added
