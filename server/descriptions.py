"""The RDF document of a resource (``x.ttl``, ``x.jsonld``, …), gathered by bound queries.

A resource's document holds its own triples and those that point to it (``page_describe``), the
triples of its hash resources (``…#audience``) and of theirs, one level further (``page_nodes``),
and the labels of what its own triples point to (``page_labels_any``). Each step is a query bound
to the nodes the one before found, which pyoxigraph plans as lookups; as one query with the steps
joined it planned them as scans of the whole store.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from server import page_queries

HASH_LEVELS = 2
"""How deep hash resources are followed: ``…#target`` and the ``…#target-selector`` it names."""


def describe_document(iri: str, media_type: str) -> bytes:
    """The document of the resource ``iri`` written as ``media_type``."""
    resource = ox.NamedNode(iri)
    found = page_queries.construct_triples("page_describe", resource=resource)
    own = [t for t in found if t.subject == resource]
    triples = dict.fromkeys(found)
    nodes = _hash_nodes(own, iri)
    seen: set[ox.NamedNode] = set()
    for _ in range(HASH_LEVELS):
        nodes -= seen
        if not nodes:
            break
        seen |= nodes
        rows = page_queries.select_each("page_nodes", ("node",), _rows(nodes))
        level = [ox.Triple(row["node"], row["p"], row["o"]) for row in rows]
        triples.update(dict.fromkeys(level))
        nodes = _hash_nodes(level, iri)
    objects = {t.object for t in own if isinstance(t.object, ox.NamedNode)}
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for node, found in page_queries.labels_any(objects).items():
        triples.update(dict.fromkeys(ox.Triple(node, label, name) for name in found))
    # grouped by subject, so that Turtle writes each subject once; the same bytes every time
    ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return page_queries.serialize(ordered, media_type)


def _hash_nodes(triples: Iterable[ox.Triple], iri: str) -> set[ox.NamedNode]:
    """The hash resources of ``iri`` (``{iri}#…``) that ``triples`` point to."""
    prefix = f"{iri}#"
    return {
        t.object
        for t in triples
        if isinstance(t.object, ox.NamedNode) and t.object.value.startswith(prefix)
    }


def _rows(nodes: Iterable[ox.NamedNode]) -> list[tuple[ox.NamedNode]]:
    return [(node,) for node in sorted(nodes, key=str)]
