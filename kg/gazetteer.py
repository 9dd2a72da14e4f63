"""The gazetteer of Kyrgyzstan (``ontology/gazetteer.ttl``): places by code, and named in text.

>>> gaz = load_gazetteer()
>>> gaz.lookup("Жалал-Абад облусундагы").code
'KG-J'
>>> [m.place.code for m in gaz.find("Тажикстан менен чек арадагы Лейлек районуна")]
['TJ', 'KG05236000000']
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from rdflib import Graph, Literal
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.errors import NotFound
from kg.inflection import PatternIndex, fold, name_pattern, tokenize
from kg.namespaces import GAZ, GEO, KG, SCHEMA
from kg.paths import ontology_file
from kg.place_qualifiers import split_label
from kg.place_scanner import NameEntry, ScanContext, scan

_VERIFICATION_KEYS = {
    "ISO3166Code": "iso3166",
    "PCode": "pcode",
    "M49Code": "m49",
    "WikidataId": "wikidata",
    "GeoNamesId": "geonames",
}


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer.

    ``code`` is the key used in data IRIs: ISO 3166-2 for oblasts and the cities of republican
    significance ("KG-J"), ISO alpha-2 for countries ("TJ"), the P-code for districts and towns
    ("KG05236000000"), otherwise an ASCII slug ("baetovo"). ``region`` is the ISO 3166-2 code of
    the oblast (or city of republican significance) the place lies in, itself for those;
    ``verification`` says, per code ("iso3166", "pcode", "m49", "centroid", …), whether it is
    "verified", "single-source" or "unverified" (interop.md §4).
    """

    code: str
    kind: str
    labels: Mapping[str, str]
    alt_labels: tuple[str, ...]
    iso3166: str | None
    pcode: str | None
    m49: str | None
    parent: str | None
    region: str | None
    country: str | None
    concept: str
    centroid: tuple[float, float] | None
    verification: Mapping[str, str]


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text, qualifier included: ``text[start:end] == surface`` (end excl.)."""

    start: int
    end: int
    surface: str
    place: Place


class Gazetteer:
    """Places read from a gazetteer graph, looked up by code or by name as reports write it."""

    def __init__(self, graph: Graph) -> None:
        self._places: dict[str, Place] = {}
        self._names: list[tuple[str, str]] = []
        self._index: PatternIndex[NameEntry] = PatternIndex()
        self._needs_qualifier: set[str] = set()
        self._homographs: dict[str, set[str]] = {}
        self._read(graph)
        kinds = {code: place.kind for code, place in self._places.items()}
        self._context = ScanContext(self._index, kinds, self._needs_qualifier, self._homographs)

    # --- the API ---------------------------------------------------------------------------
    def get(self, code: str) -> Place:
        """The place with this code (``"KG-J"``, ``"TJ"``, ``"KG05236000000"``, ``"baetovo"``).

        :raises NotFound: when the gazetteer has no such place
        """
        try:
            return self._places[code]
        except KeyError:
            raise NotFound(f"no place with code {code!r} in the gazetteer") from None

    def places(self, kind: str | None = None) -> Iterator[Place]:
        """Every place, or every place of one kind ("country", "oblast", "city", "district", …)."""
        return (p for p in self._places.values() if kind is None or p.kind == kind)

    def lookup(self, name: str, *, lang: str | None = None) -> Place | None:
        """The place a name denotes as it stands in a report, inflected or abbreviated.

        A bare name that several places share ("Нарын") is the oblast unless a qualifier
        ("шаары", "г.", "району", "district") says otherwise. ``None`` when no place is named.
        """
        mentions = scan(self._context, name, lang=lang, strict=False)
        if not mentions:
            return None
        _, _, code = max(mentions, key=lambda m: (m[1] - m[0], -m[0]))
        return self._places[code]

    def find(self, text: str, *, lang: str | None = None) -> list[PlaceMention]:
        """Every place named in ``text``, in order and non-overlapping, with character offsets.

        Names must start with a capital letter here (in :meth:`lookup` they need not), which keeps
        ordinary words such as "кочкор" (a ram) or "алайда" (however) out.
        """
        return [
            PlaceMention(start, end, text[start:end], self._places[code])
            for start, end, code in scan(self._context, text, lang=lang, strict=True)
        ]

    def names(self) -> Iterator[tuple[str, Place]]:
        """Every folded label and spelling variant with its place."""
        return ((name, self._places[code]) for name, code in self._names)

    # --- reading the graph ----------------------------------------------------------------
    def _read(self, graph: Graph) -> None:
        concepts = sorted(set(graph.subjects(KG.placeKind, None)), key=str)
        codes = {c: _code(c) for c in concepts}
        kinds = {c: _kind(graph.value(c, KG.placeKind)) for c in concepts}
        parents = {c: graph.value(c, SCHEMA.containedInPlace) for c in concepts}
        for concept in concepts:
            self._places[codes[concept]] = self._place(graph, concept, codes, kinds, parents)
        for concept in concepts:
            code = codes[concept]
            if graph.value(concept, KG.needsQualifier) == Literal(True):
                self._needs_qualifier.add(code)
            for word in graph.objects(concept, KG.homograph):
                self._homographs.setdefault(fold(str(word)), set()).add(code)
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
                for label in graph.objects(concept, prop):
                    self._add_name(str(label), code)

    def _place(
        self,
        graph: Graph,
        concept: Node,
        codes: Mapping[Node, str],
        kinds: Mapping[Node, str],
        parents: Mapping[Node, Node | None],
    ) -> Place:
        code = codes[concept]
        chain = [concept]
        while (up := parents.get(chain[-1])) is not None and up not in chain:
            chain.append(up)
        region = next((codes[c] for c in chain if kinds.get(c) in ("oblast", "city")), None)
        country = next((codes[c] for c in chain if kinds.get(c) == "country"), None)
        labels = {
            lbl.language: str(lbl)
            for lbl in graph.objects(concept, SKOS.prefLabel)
            if isinstance(lbl, Literal) and lbl.language
        }
        alts = sorted(str(lbl) for lbl in graph.objects(concept, SKOS.altLabel))
        verification: dict[str, str] = {}
        for node in graph.objects(concept, KG.codeVerification):
            value = graph.value(node, KG.code)
            if not isinstance(value, Literal):
                continue
            key = _VERIFICATION_KEYS.get(str(value.datatype).rsplit("#", 1)[-1], "other")
            if key == "iso3166" and str(value) != str(graph.value(concept, KG.isoCode)):
                key = "iso3166_alpha3"
            verification[key] = str(graph.value(node, KG.verification))
        centroid = None
        for geometry in graph.objects(concept, GEO.hasGeometry):
            wkt = str(graph.value(geometry, GEO.asWKT))
            lon, lat = wkt.removeprefix("POINT(").removesuffix(")").split()
            centroid = (float(lon), float(lat))
            verification["centroid"] = str(graph.value(geometry, KG.verification))
        parent = parents.get(concept)
        return Place(
            code=code,
            kind=kinds[concept],
            labels=MappingProxyType(labels),
            alt_labels=tuple(alts),
            iso3166=_str(graph.value(concept, KG.isoCode)),
            pcode=_str(graph.value(concept, KG.pcode)),
            m49=_str(graph.value(concept, KG.m49)),
            parent=codes.get(parent) if parent is not None else None,
            region=region,
            country=country,
            concept=str(concept),
            centroid=centroid,
            verification=MappingProxyType(verification),
        )

    def _add_name(self, label: str, code: str) -> None:
        self._names.append((fold(label), code))
        words = [t.norm for t in tokenize(label)]
        core, _ = split_label(words)
        if not core:
            return
        # Short all-capital labels are abbreviations ("КР", "РФ"): match them case-sensitively.
        abbreviation = label if label.isupper() and len(label) <= 4 else None
        self._index.add(name_pattern(core), NameEntry(code, abbreviation))


def _code(concept: Node) -> str:
    return str(concept).removeprefix(str(GAZ))


def _kind(kind: object) -> str:
    return str(kind).removeprefix(str(KG)).removesuffix("Kind")


def _str(value: object) -> str | None:
    return None if value is None else str(value)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with kg, read once."""
    graph = Graph()
    with ontology_file("gazetteer.ttl").open("rb") as f:
        graph.parse(f, format="turtle")
    return Gazetteer(graph)
