"""The schema.org JSON-LD of an event page, as search engines read it.

It is the object :func:`kg.exports.schema_jsonld.schema_document` gives for one event (the same
graph, framed the same way: the event at the top, everything it points to embedded, the context
inline as ``{"@vocab": "https://schema.org/"}``), built for speed: ``page_event_schema.rq`` is the
export's query written for one bound event, and the framing is a walk over its few triples
rather than a pyld call (pyld and the export query take tens of milliseconds to minutes on a
large store; a page has a budget of a few). ``tests/server/test_pages_html.py`` checks that the
two agree (the page reads the event's own report; the export adds names people have elsewhere).

For ``<script type="application/ld+json">``: :func:`script_json` escapes ``<`` so that no text
in the data can close the script element.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import pyoxigraph as ox
from markupsafe import Markup

from server import page_queries

SCHEMA = "https://schema.org/"
CONTEXT = {"@vocab": SCHEMA}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def event_jsonld(iri: str) -> dict[str, Any]:
    """The schema.org object of the event ``iri`` (``{"@context": …}`` alone when it has none)."""
    event = ox.NamedNode(iri)
    # the two CONSTRUCTs read the event's report graphs only: run them over a copy of those
    # graphs in memory, which takes milliseconds where the whole store took seconds
    quads = [
        ox.Quad(row["s"], row["p"], row["o"], row["g"])
        for row in page_queries.select("page_event_graph", event=event)
    ]
    triples = page_queries.construct_over(
        quads, ("page_event_schema", "page_event_schema_roles"), event=event
    )
    return frame(triples, iri)


def frame(triples: list[ox.Triple], top: str) -> dict[str, Any]:
    """Nest ``triples`` under the node ``top`` as pyld's ``@embed: @always`` frame does."""
    nodes: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        nodes[_id(t.subject)][t.predicate.value].append(t.object)
    if top not in nodes:
        return {"@context": CONTEXT}
    return {"@context": CONTEXT, **_node(top, nodes, frozenset())}


def _id(term: Any) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term.value)


def _node(key: str, nodes: dict[str, dict[str, list[Any]]], path: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {} if key.startswith("_:") else {"@id": key}
    path = path | {key}
    for predicate in sorted(nodes[key]):
        objects = nodes[key][predicate]
        if predicate == RDF_TYPE:
            types = sorted(_compact(o.value) for o in objects)
            out["@type"] = types[0] if len(types) == 1 else types
            continue
        values = [_value(o, nodes, path) for o in objects]
        values.sort(key=_order)
        out[_compact(predicate)] = values[0] if len(values) == 1 else values
    return out


def _value(term: Any, nodes: dict[str, dict[str, list[Any]]], path: frozenset[str]) -> Any:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@language": term.language, "@value": term.value}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@type": term.datatype.value, "@value": term.value}
    key = _id(term)
    if key in nodes and key not in path:
        return _node(key, nodes, path)
    return {"@id": key}


def _compact(iri: str) -> str:
    return iri[len(SCHEMA) :] if iri.startswith(SCHEMA) and len(iri) > len(SCHEMA) else iri


def _order(value: Any) -> tuple[Any, ...]:
    # the export's order: natural order of IRIs ("…-2" before "…-10"), then language, then value
    if not isinstance(value, dict):
        return ((str(value),), "", "")
    key = value.get("@id", "")
    parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key))
    return (parts, value.get("@language", ""), str(value.get("@value", "")))


def script_json(data: dict[str, Any]) -> Markup:
    """``data`` as JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` written as escapes.

    >>> str(script_json({"name": "</script><b>"}))
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    # JSON with no <, > or & cannot end the script element: safe as it is, and HTML-escaping it
    # (&#34; for ") would break the JSON
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(safe)  # noqa: S704 - no <, > or & is left to escape
