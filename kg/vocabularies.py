"""Event kinds and themes named in text (``event-kinds.ttl``, ``themes.ttl``), and SDG labels.

The names and keywords are data in the TTL files, where a reviewer can read and correct them; this
module only finds them in text, under Kyrgyz and Russian endings (:mod:`kg.inflection`).

>>> event_kind("тегерек столдо").labels["en"]
'round table'
>>> [m.sdg_targets for m in tag_themes("балдарды эмгекке тартуу")]
[('http://metadata.un.org/sdg/8.7',)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.inflection import PatternIndex, WordPattern, name_pattern, rules_for, tokenize
from kg.namespaces import SDG
from kg.paths import ontology_file

_MAPPINGS = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)
"""Mapping relations that tag a text with an SDG concept (skos:relatedMatch does not)."""

_ABBREVIATION_RE = re.compile(r"^\w*[A-ZА-ЯЁӨҮҢ]\w*[A-ZА-ЯЁӨҮҢ]\w*$")
_GAP = 2
"""Words a stem phrase may skip between its words: "улгай зомбул" in "улгайган адамдарга карата
зомбулук"."""


@dataclass(frozen=True)
class Concept:
    """A concept of a vocabulary: its IRI, ``prefLabel`` per language and SDG concepts it maps to.

    ``sdg_targets`` are SDG targets (``http://metadata.un.org/sdg/8.7``), or a goal
    (``…/sdg/16``) where no target fits.
    """

    iri: str
    labels: Mapping[str, str]
    sdg_targets: tuple[str, ...]
    broader: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThemeMatch:
    """A theme named in a text: the concept's IRI, labels and SDG targets, and the matched span."""

    iri: str
    labels: Mapping[str, str]
    sdg_targets: tuple[str, ...]
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class _Entry:
    iri: str
    abbreviation: str | None


class Vocabulary:
    """The concepts of one SKOS scheme and an index of their labels and keyword stems."""

    def __init__(self, graph: Graph, cls: URIRef) -> None:
        self.concepts: dict[str, Concept] = {}
        self._index: PatternIndex[_Entry] = PatternIndex()
        for node in sorted(graph.subjects(RDF.type, cls), key=str):
            if not isinstance(node, URIRef):
                continue
            iri = str(node)
            targets = {
                str(o) for p in _MAPPINGS for o in graph.objects(node, p) if str(o).startswith(SDG)
            }
            self.concepts[iri] = Concept(
                iri=iri,
                labels=MappingProxyType(
                    {
                        x.language: str(x)
                        for x in graph.objects(node, SKOS.prefLabel)
                        if isinstance(x, Literal) and x.language
                    }
                ),
                sdg_targets=tuple(sorted(targets, key=_sdg_order)),
                broader=tuple(sorted(str(b) for b in graph.objects(node, SKOS.broader))),
            )
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(node, prop):
                    self._add(str(label), iri, name_pattern(_words(label), common=True), gap=0)
            for stem in graph.objects(node, SKOS.hiddenLabel):
                self._add(str(stem), iri, name_pattern(_words(stem), rule="prefix"), gap=_GAP)

    def _add(self, label: str, iri: str, pattern: tuple[WordPattern, ...], *, gap: int) -> None:
        if not pattern:
            return
        abbreviation = label if len(label) <= 5 and _ABBREVIATION_RE.match(label) else None
        self._index.add(pattern, _Entry(iri, abbreviation), gap=gap)

    def matches(self, text: str, lang: str | None) -> list[tuple[int, int, str]]:
        """Each ``(start, end, iri)`` a label or stem matches: the longest per concept and word."""
        tokens = tokenize(text)
        rules = rules_for(lang)
        found = []
        for i, token in enumerate(tokens):
            best: dict[str, int] = {}
            for j, _stem, entry in self._index.match(text, tokens, i, rules):
                if entry.abbreviation and not token.raw.startswith(entry.abbreviation):
                    continue
                best[entry.iri] = max(best.get(entry.iri, 0), j)
            found += [(token.start, tokens[j - 1].end, iri) for iri, j in best.items()]
        return found

    def depth(self, iri: str) -> int:
        """How many skos:broader steps lead from the concept to the top of its scheme."""
        seen, level, current = {iri}, 0, self.concepts[iri].broader
        while current:
            level += 1
            nxt = [b for c in current if c in self.concepts for b in self.concepts[c].broader]
            current = tuple(b for b in nxt if b not in seen)
            seen.update(current)
        return level


def _words(label: object) -> list[str]:
    return [t.norm for t in tokenize(str(label))]


def _sdg_order(iri: str) -> tuple[tuple[int, str], ...]:
    """Sort SDG IRIs as people do: goal number, then target (8.7 < 8.10 < 8.a)."""
    parts = iri.removeprefix(str(SDG)).split(".")
    return tuple((int(p), "") if p.isdigit() else (10_000, p) for p in parts)


def _parse(name: str) -> Graph:
    graph = Graph()
    with ontology_file(name).open("rb") as f:
        graph.parse(f, format="turtle")
    return graph


@functools.cache
def load_event_kinds() -> Vocabulary:
    """The event kinds of ``ontology/event-kinds.ttl``, read once."""
    from kg.namespaces import KG

    return Vocabulary(_parse("event-kinds.ttl"), KG.EventKind)


@functools.cache
def load_themes() -> Vocabulary:
    """The themes of ``ontology/themes.ttl``, read once."""
    from kg.namespaces import KG

    return Vocabulary(_parse("themes.ttl"), KG.Theme)


@functools.cache
def _sdg_graph() -> Graph:
    return _parse("sdg.ttl")


def event_kind(text: str) -> Concept | None:
    """The kind of event ``text`` names, in Kyrgyz, Russian or English, inflected or not.

    When several kinds are named, the most specific wins ("элдик жыйын" over "жыйын"), then the
    first named. ``None`` when no kind is named.
    """
    vocab = load_event_kinds()
    found = vocab.matches(text, None)
    if not found:
        return None
    best = min(found, key=lambda m: (-vocab.depth(m[2]), m[0], m[0] - m[1]))
    return vocab.concepts[best[2]]


def tag_themes(text: str, *, lang: str | None = None) -> list[ThemeMatch]:
    """Every theme ``text`` names, in order, with its SDG targets and the words that name it.

    A theme named twice is returned twice; two themes may share words ("эмгек мигранттарынын
    укуктары" is migration and the rights of migrant workers).
    """
    vocab = load_themes()
    by_theme: dict[str, list[tuple[int, int]]] = {}
    for start, end, iri in sorted(vocab.matches(text, lang), key=lambda m: (m[0], m[0] - m[1])):
        spans = by_theme.setdefault(iri, [])
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    found = []
    for iri, spans in by_theme.items():
        concept = vocab.concepts[iri]
        for start, end in spans:
            found.append(
                ThemeMatch(iri, concept.labels, concept.sdg_targets, start, end, text[start:end])
            )
    return sorted(found, key=lambda m: (m.start, m.end, m.iri))


def sdg_label(iri: str, lang: str = "en") -> str | None:
    """The label of an SDG goal, target or sex code in ``lang``, else the official English one.

    Targets have official labels in English only; goals also have short titles in Kyrgyz and
    Russian (our working translations). ``None`` for an IRI that ``sdg.ttl`` does not hold.
    """
    graph = _sdg_graph()
    node = URIRef(iri)
    for prop, language in ((SKOS.prefLabel, lang), (SKOS.altLabel, lang), (SKOS.prefLabel, "en")):
        for label in graph.objects(node, prop):
            if getattr(label, "language", None) == language:
                return str(label)
    return None


def event_kinds() -> Iterator[Concept]:
    """Every event kind."""
    return iter(load_event_kinds().concepts.values())


def themes() -> Iterator[Concept]:
    """Every theme."""
    return iter(load_themes().concepts.values())
