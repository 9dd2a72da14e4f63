"""schema.org JSON-LD of the events, as search engines and aggregators read it (interop.md §7).

The events are CONSTRUCTed in schema.org terms (``kg/queries/export_schema_events.rq``) and framed
with pyld into one nested object per event: its Place with a PostalAddress, its Roles with their
Persons. The ``@context`` is inline, ``{"@vocab": "https://schema.org/"}``: the published
``https://schema.org`` context is never fetched, and pyld is given a document loader that refuses
every address, so nothing here can reach the network.
"""

from __future__ import annotations

import json
import re
from typing import Any, BinaryIO, NoReturn

from pyld import jsonld
from rdflib import Graph, URIRef

from kg.errors import InputError
from kg.exports.source import ExportSource, load_query

MEDIA_TYPE = "application/ld+json"
CONTEXT = {"@vocab": "https://schema.org/"}
"""The inline context: every term is a schema.org term, nothing else to look up."""

FRAME = {"@context": CONTEXT, "@type": "Event", "@embed": "@always"}
"""Events at the top, everything they point to embedded (a person who spoke at two events
appears in both)."""


def refuse_remote_documents(url: str, options: dict[str, Any] | None = None) -> NoReturn:
    """A pyld document loader that loads nothing: every context here is inline."""
    raise InputError(f"kg never fetches JSON-LD documents from the network (asked for {url})")


PYLD_OPTIONS = {"documentLoader": refuse_remote_documents}


def frame_events(graph: Graph) -> dict[str, Any]:
    """Frame a schema.org graph into a JSON-LD document: ``{"@context": …, "@graph": [events]}``."""
    flat = json.loads(graph.serialize(format="json-ld", auto_compact=False))
    framed: dict[str, Any] = jsonld.frame(flat, FRAME, {**PYLD_OPTIONS, "omitGraph": False})
    framed["@graph"] = _tidy(framed.get("@graph", []))
    return framed


def _order(value: Any) -> tuple[Any, ...]:
    if not isinstance(value, dict):
        return (str(value),)
    # natural order of IRIs, so ".../participation/x-2" comes before ".../participation/x-10"
    key = value.get("@id", "")
    parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key))
    return (parts, value.get("@language", ""), str(value.get("@value", "")))


def _tidy(value: Any) -> Any:
    """Lists in a fixed order, so that the same data always gives the same file."""
    if isinstance(value, list):
        return sorted((_tidy(v) for v in value), key=_order)
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    return value


def schema_graph(source: ExportSource, event: str | None = None) -> Graph:
    """The schema.org graph of every event, or of the one event whose IRI is ``event``."""
    bindings = {"event": URIRef(event)} if event else None
    return source.construct(load_query("export_schema_events"), bindings=bindings)


def schema_document(source: ExportSource, event: str | None = None) -> dict[str, Any]:
    """The JSON-LD document of every event (``@graph``), or the one object of ``event``.

    For an HTML page: ``json.dumps(schema_document(source, iri))`` inside
    ``<script type="application/ld+json">`` (escape ``</`` as ``<\\/``).
    """
    doc = frame_events(schema_graph(source, event))
    if event is None:
        return doc
    nodes = [n for n in doc["@graph"] if n.get("@id") == event]
    return {"@context": CONTEXT, **nodes[0]} if nodes else {"@context": CONTEXT}


def write_schema_jsonld(source: ExportSource, out: BinaryIO) -> str:
    """Write the schema.org JSON-LD of every event to ``out``.

    :returns: the media type, ``application/ld+json``
    """
    doc = schema_document(source)
    out.write(json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    out.write(b"\n")
    return MEDIA_TYPE
