"""Human documentation of the ontology, the vocabularies and the shapes, from the shipped files.

Each term gets an entry with its labels in the three languages, its description in the reader's
one, and what the files say about it (superclasses, domain and range, alignments to schema.org,
FOAF, PROV…). The SHACL shapes are listed with their target classes and property constraints.
Built once per language and kept: the files do not change while the server runs.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import GAZ, KG, KIND, SDG, SH, SKOS, THEME
from kg.paths import shapes_dir
from server.labels import LANGUAGES, collect, pick
from server.links import Link, ontology_anchor, short_name
from server.terms import RDFS, Term, term_index

OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
QB = "http://purl.org/linked-data/cube#"
_SH = str(SH)
FACTS = (
    # (predicate, message key of its name on the page)
    (f"{RDFS}subClassOf", "subclass_of"),
    (f"{RDFS}subPropertyOf", "subproperty_of"),
    (f"{RDFS}domain", "domain"),
    (f"{RDFS}range", "range"),
    (f"{OWL}equivalentClass", "alignments"),
    (f"{OWL}equivalentProperty", "alignments"),
    (f"{SKOS!s}closeMatch", "alignments"),
    (f"{SKOS!s}exactMatch", "alignments"),
    (f"{SKOS!s}broader", "contained_in"),
)


@dataclass(frozen=True)
class TermDoc:
    anchor: str
    iri: str
    name: str  # prefixed name, kg:title
    labels: tuple[tuple[str, str], ...]  # (language, label) in ky, ru, en order
    note: str | None
    facts: tuple[tuple[str, tuple[Link, ...]], ...]


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str  # a message key, or a title from the files
    terms: tuple[TermDoc, ...]


@dataclass(frozen=True)
class Constraint:
    path: Link | None
    rules: tuple[str, ...]
    message: str | None


@dataclass(frozen=True)
class ShapeDoc:
    anchor: str
    name: str
    label: str | None
    targets: tuple[Link, ...]
    constraints: tuple[Constraint, ...]


@dataclass(frozen=True)
class OntologyDoc:
    title: str | None
    description: str | None
    version: str | None
    sections: tuple[Section, ...]
    shapes: tuple[ShapeDoc, ...]


def _link(iri: str, lang: str) -> Link:
    index = term_index()
    anchor = ontology_anchor(iri)
    term = index.get(iri)
    label = term.label(lang) if term else None
    if anchor is not None and term is not None:
        return Link(iri, f"#{anchor}", label or short_name(iri))
    return Link(iri, iri, short_name(iri), local=False)


def _doc(term: Term, lang: str) -> TermDoc:
    facts = []
    for predicate, key in FACTS:
        targets = term.iris(predicate)
        if targets:
            facts.append((key, tuple(_link(i, lang) for i in targets)))
    return TermDoc(
        anchor=ontology_anchor(term.iri) or term.iri,
        iri=term.iri,
        name=short_name(term.iri),
        labels=tuple((code, term.labels[code]) for code in LANGUAGES if code in term.labels),
        note=pick(term.notes, lang),
        facts=tuple(facts),
    )


def _in(namespace: str, types: tuple[str, ...], lang: str) -> tuple[TermDoc, ...]:
    index = term_index()
    found = [
        t
        for t in index.terms.values()
        if t.iri.startswith(namespace) and (not types or any(c in t.types for c in types))
    ]
    return tuple(_doc(t, lang) for t in found)


@functools.cache
def ontology_doc(lang: str) -> OntologyDoc:
    """The documentation in ``lang`` (built once per language)."""
    index = term_index()
    header = index.get(str(KG).rstrip("#"))
    kg = str(KG)
    properties = (f"{OWL}ObjectProperty", f"{OWL}DatatypeProperty")
    documented = {f"{OWL}Class", *properties}
    other = tuple(
        _doc(t, lang)
        for t in index.terms.values()
        if t.iri.startswith(kg) and not documented & set(t.types)
    )
    sdg = tuple(
        _doc(t, lang)
        for t in index.terms.values()
        if t.iri.startswith(str(SDG)) and f"{SKOS!s}Concept" in t.types
    )
    sections = (
        Section("classes", "classes", _in(kg, (f"{OWL}Class",), lang)),
        Section("properties", "properties", _in(kg, properties, lang)),
        Section("other-terms", "vocabularies", other),
        Section("kinds", _title(str(KIND), lang), _in(str(KIND), (f"{SKOS!s}Concept",), lang)),
        Section("themes", _title(str(THEME), lang), _in(str(THEME), (f"{SKOS!s}Concept",), lang)),
        Section("sdg", _title("https://w3id.org/kg-events/vocab/sdg", lang), sdg),
        Section("places", _title(str(GAZ), lang), _in(str(GAZ), (f"{kg}Region",), lang)),
    )
    return OntologyDoc(
        title=header.label(lang) if header else None,
        description=pick(header.notes, lang) if header else None,
        version=next(
            (v[0] for v in header.facts.get(f"{OWL}versionInfo", ()) if isinstance(v, tuple)), None
        )
        if header
        else None,
        sections=sections,
        shapes=_shapes(lang),
    )


def _title(iri: str, lang: str) -> str:
    return term_index().label(iri, lang) or short_name(iri)


def _shapes(lang: str) -> tuple[ShapeDoc, ...]:
    nodes: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    order: list[str] = []
    for resource in sorted(shapes_dir().iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".ttl"):
            continue
        for quad in ox.parse(resource.read_bytes(), ox.RdfFormat.TURTLE):
            subject = _key(quad.subject)
            if subject not in nodes:
                order.append(subject)
            nodes[subject][quad.predicate.value].append(quad.object)
    shapes = []
    for subject in order:
        facts = nodes[subject]
        if not any(_key(t) == f"{_SH}NodeShape" for t in facts.get(f"{RDF}type", ())):
            continue
        shapes.append(
            ShapeDoc(
                anchor="shape-" + subject.rsplit("#", 1)[-1],
                name=short_name(subject) if "#" not in subject else subject.rsplit("#", 1)[-1],
                label=_text(facts.get(f"{RDFS}label", ()), lang),
                targets=tuple(_link(_key(t), lang) for t in facts.get(f"{_SH}targetClass", ())),
                constraints=tuple(
                    _constraint(nodes[_key(p)], nodes, lang)
                    for p in facts.get(f"{_SH}property", ())
                ),
            )
        )
    return tuple(shapes)


def _key(term: object) -> str:
    return (
        f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(getattr(term, "value", term))
    )


def _text(literals: list[object], lang: str) -> str | None:
    found = collect((lit.value, lit.language) for lit in literals if isinstance(lit, ox.Literal))
    return pick(found, lang)


def _items(node: str, nodes: dict[str, dict[str, list[object]]]) -> list[str]:
    items: list[str] = []
    while node in nodes and f"{RDF}first" in nodes[node]:
        first = nodes[node][f"{RDF}first"][0]
        items.append(str(getattr(first, "value", first)))
        node = _key(nodes[node][f"{RDF}rest"][0])
    return items


def _constraint(
    facts: dict[str, list[object]], nodes: dict[str, dict[str, list[object]]], lang: str
) -> Constraint:
    paths = facts.get(f"{_SH}path", ())
    path = _link(paths[0].value, lang) if paths and isinstance(paths[0], ox.NamedNode) else None
    rules = []
    for name in ("minCount", "maxCount", "minInclusive", "maxInclusive", "pattern"):
        for value in facts.get(f"{_SH}{name}", ()):
            rules.append(f"{name} {getattr(value, 'value', value)}")
    for name in ("datatype", "class", "nodeKind", "hasValue"):
        for value in facts.get(f"{_SH}{name}", ()):
            rules.append(f"{name} {short_name(_key(value))}")
    for name in ("in", "languageIn"):
        for value in facts.get(f"{_SH}{name}", ()):
            rules.append(f"{name} ({', '.join(short_name(i) for i in _items(_key(value), nodes))})")
    if facts.get(f"{_SH}uniqueLang"):
        rules.append("uniqueLang")
    for value in facts.get(f"{_SH}severity", ()):
        rules.append(f"severity {short_name(_key(value))}")
    return Constraint(path, tuple(rules), _text(facts.get(f"{_SH}message", []), lang))
