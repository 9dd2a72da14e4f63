"""The shipped vocabularies as lookup tables: labels, notes and places of every term, read once.

Pages label properties, classes, themes, SDG targets and event kinds from ``ontology/*.ttl`` (the
same files ``kg load`` puts in the store), and place the map's markers at the gazetteer's
centroids. The files are parsed with pyoxigraph on first use and kept for the life of the
process, so a request only looks up dictionaries.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import pyoxigraph as ox

from kg.namespaces import GAZ, GEO, KG, SDG, SKOS
from kg.paths import ontology_dir
from server.labels import collect, pick, primary

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCT = "http://purl.org/dc/terms/"
_SKOS = str(SKOS)
_LABELS = (f"{_SKOS}prefLabel", f"{RDFS}label", f"{DCT}title")
_NOTES = (f"{RDFS}comment", f"{_SKOS}definition", f"{DCT}description")
_POINT = re.compile(r"POINT\s*\(\s*([-\d.]+)\s+([-\d.]+)\s*\)", re.IGNORECASE)

Value = str | tuple[str, str]
"""An object in :attr:`Term.facts`: an IRI, or a literal as ``(text, language)``."""


@dataclass(frozen=True)
class Term:
    """A term of the vocabularies: its labels and notes by language, and all it says."""

    iri: str
    labels: Mapping[str, str]
    notes: Mapping[str, str]
    notation: str | None
    types: tuple[str, ...]
    facts: Mapping[str, tuple[Value, ...]] = field(default_factory=dict)

    def label(self, lang: str) -> str | None:
        return pick(self.labels, lang)

    def iris(self, predicate: str) -> tuple[str, ...]:
        """The IRIs this term points to with ``predicate`` (a full IRI)."""
        return tuple(v for v in self.facts.get(predicate, ()) if isinstance(v, str))


@dataclass(frozen=True)
class Place:
    """A gazetteer place, by the code that data IRIs use (``KG-C``, ``KG02420000010``, ``KZ``)."""

    code: str
    concept: str
    labels: Mapping[str, str]
    kind: str
    level: int | None
    parent: str | None
    centroid: tuple[float, float] | None  # (longitude, latitude)

    def label(self, lang: str) -> str:
        return pick(self.labels, lang) or self.code


class TermIndex:
    """Every term declared in ``ontology/*.ttl``; :func:`term_index` gives the shared one."""

    def __init__(self, triples: list[ox.Triple]) -> None:
        about: dict[str, dict[str, list[Value]]] = defaultdict(lambda: defaultdict(list))
        nodes: dict[str, dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for t in triples:
            subject = _key(t.subject)
            obj = t.object
            nodes[subject][t.predicate.value].append(obj)  # type: ignore[arg-type]
            if isinstance(obj, ox.Literal):
                about[subject][t.predicate.value].append((obj.value, primary(obj.language)))
            else:
                about[subject][t.predicate.value].append(_key(obj))  # type: ignore[arg-type]
        self.terms: dict[str, Term] = {
            iri: _term(iri, facts) for iri, facts in about.items() if not iri.startswith("_:")
        }
        self.places: dict[str, Place] = _places(self.terms, nodes)

    def get(self, iri: str) -> Term | None:
        return self.terms.get(iri)

    def label(self, iri: str, lang: str) -> str | None:
        term = self.terms.get(iri)
        return term.label(lang) if term else None

    def of_type(self, cls: str) -> list[Term]:
        """The terms declared with ``rdf:type cls``, in file order."""
        return [t for t in self.terms.values() if cls in t.types]

    def place(self, code: str) -> Place | None:
        return self.places.get(code)

    def sdg_notation(self, iri: str) -> str | None:
        """``http://metadata.un.org/sdg/3.8`` → ``3.8`` (for targets and goals)."""
        term = self.terms.get(iri)
        if term and term.notation:
            return term.notation
        return iri.removeprefix(str(SDG)) if iri.startswith(str(SDG)) else None


def _key(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(getattr(term, "value", term))


def _term(iri: str, facts: Mapping[str, list[Value]]) -> Term:
    def texts(predicates: tuple[str, ...]) -> dict[str, str]:
        labels: dict[str, str] = {}
        for predicate in predicates:
            found = collect((v[0], v[1]) for v in facts.get(predicate, ()) if isinstance(v, tuple))
            for lang, text in found.items():
                labels.setdefault(lang, text)
        return labels

    labels = texts(_LABELS)
    # SDG goals carry their ky and ru short titles as altLabels only (the UN has no ky or ru)
    for lang, text in texts((f"{_SKOS}altLabel",)).items():
        labels.setdefault(lang, text)
    notation = next((v[0] for v in facts.get(f"{_SKOS}notation", ()) if isinstance(v, tuple)), None)
    return Term(
        iri=iri,
        labels=MappingProxyType(labels),
        notes=MappingProxyType(texts(_NOTES)),
        notation=notation,
        types=tuple(v for v in facts.get(RDF_TYPE, ()) if isinstance(v, str)),
        facts=MappingProxyType({p: tuple(vs) for p, vs in facts.items()}),
    )


def _places(
    terms: Mapping[str, Term], nodes: Mapping[str, Mapping[str, list[object]]]
) -> dict[str, Place]:
    places: dict[str, Place] = {}
    gaz = str(GAZ)
    for iri, term in terms.items():
        if not iri.startswith(gaz) or f"{KG}Region" not in term.types:
            continue
        centroid = None
        for geometry in nodes[iri].get(f"{GEO}hasGeometry", ()):
            for wkt in nodes[_key(geometry)].get(f"{GEO}asWKT", ()):  # type: ignore[arg-type]
                match = _POINT.search(str(getattr(wkt, "value", "")))
                if match:
                    centroid = (float(match[1]), float(match[2]))
        level = next(
            (v[0] for v in term.facts.get(f"{KG}adminLevel", ()) if isinstance(v, tuple)), None
        )
        parent = next(iter(term.iris(f"{_SKOS}broader")), None)
        kind = next(iter(term.iris(f"{KG}placeKind")), "")
        code = iri[len(gaz) :]
        places[code] = Place(
            code=code,
            concept=iri,
            labels=term.labels,
            kind=kind.removeprefix(str(KG)).removesuffix("Kind"),
            level=int(level) if level is not None else None,
            parent=parent[len(gaz) :] if parent and parent.startswith(gaz) else None,
            centroid=centroid,
        )
    return places


@functools.cache
def term_index() -> TermIndex:
    """The index of the shipped vocabularies (parsed on first use, then shared)."""
    triples: list[ox.Triple] = []
    for resource in sorted(ontology_dir().iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".ttl"):
            triples.extend(q.triple for q in ox.parse(resource.read_bytes(), ox.RdfFormat.TURTLE))
    return TermIndex(triples)
