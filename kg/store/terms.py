"""RDF terms between rdflib and pyoxigraph, and graphs as SPARQL ``INSERT DATA`` text.

Both directions keep what RDF 1.1 means: a plain string is ``xsd:string`` in pyoxigraph and an
untyped literal in rdflib, so they map onto each other and graphs stay isomorphic across the trip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import InputError

_XSD_STRING = str(XSD.string)


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    """An rdflib term for a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise InputError(f"RDF-star triple terms are not supported: {term}")


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A pyoxigraph term for an rdflib term.

    :raises InputError: an IRI or language tag pyoxigraph rejects (e.g. an IRI with a space)
    """
    try:
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
    except ValueError as exc:
        raise InputError(f"not a valid RDF term: {term!r} ({exc})") from exc
    raise InputError(f"not an RDF term kg stores: {term!r}")


def ox_triples(graph: Iterable[tuple[Node, Node, Node]]) -> Iterator[ox.Triple]:
    for s, p, o in graph:
        yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]


def ntriples_lines(graph: Graph) -> str:
    """The graph in N-Triples, each term checked by pyoxigraph (so an invalid IRI fails here)."""
    return "".join(f"{t} .\n" for t in ox_triples(graph))


def replace_graph_update(graph_iri: str, graph: Graph) -> str:
    """One SPARQL update that replaces a named graph: ``DROP SILENT GRAPH`` then ``INSERT DATA``.

    One request is one transaction in Oxigraph (``Store.update`` is transactional), and SPARQL 1.1
    Update asks every service to treat a request atomically, so readers never see the gap.
    """
    return replace_graph_update_text(graph_iri, ntriples_lines(graph))


def replace_graph_update_text(graph_iri: str, ntriples: str) -> str:
    """:func:`replace_graph_update` for triples already written by :func:`ntriples_lines`."""
    name = to_ox(URIRef(graph_iri))
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{ntriples}}} }}"
