"""The state shared while one record is mapped: graph, IRIs, language, and term helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.iris import IRIMinter
from kg.namespaces import bind_prefixes
from kg.record import EventRecord

_KYRGYZ_LETTERS = re.compile(r"[ңөүҢӨҮ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def guess_language(record: EventRecord) -> str:
    """The record's language when it does not state one: Kyrgyz letters, else Cyrillic, else Latin.

    Every literal needs a language tag (the shapes require ``ky``, ``ru`` or ``en``); a record
    written by hand may leave ``event.language`` out, and its strings then tell.
    """
    sample = (
        " ".join(
            s
            for s in (record.event.topic, record.event.kind, record.event.goal, record.outcome)
            if s
        )
        + " ".join(i.text for i in record.issues_raised)
        + " ".join(r.text for r in record.recommendations)
    )
    if _KYRGYZ_LETTERS.search(sample):
        return "ky"
    if _CYRILLIC.search(sample):
        return "ru"
    return "en" if _LATIN.search(sample) else "ky"


class ThemeLink(Protocol):
    """What the mapper needs of a theme found in a text (see :func:`kg.vocabularies.tag_themes`)."""

    @property
    def iri(self) -> str: ...

    @property
    def sdg_targets(self) -> tuple[str, ...]: ...


Tagger = Callable[[str, str], Iterable[ThemeLink]]
"""Finds the themes a text names: ``tagger(text, lang)``."""


def no_themes(text: str, lang: str) -> Iterable[ThemeLink]:
    """A tagger that finds nothing, for mapping without the theme vocabulary."""
    return ()


@dataclass
class MappingContext:
    """What every mapping step needs; one per record."""

    record: EventRecord
    slug: str
    iris: IRIMinter
    lang: str
    # rdflib's SimpleMemory store: a report graph needs no contexts, and without them adding and
    # looking up triples takes half the time (mapping and validation do little else); and only
    # our prefixes, not rdflib's thirty defaults first, which bind_prefixes would replace anyway
    graph: Graph = field(
        default_factory=lambda: bind_prefixes(Graph(store="SimpleMemory", bind_namespaces="none"))
    )
    source_text: str | None = None
    tagger: Tagger = no_themes
    # record path of a fact -> the node that carries it, for provenance annotations
    nodes: dict[str, URIRef] = field(default_factory=dict)

    @property
    def event(self) -> URIRef:
        return self.iris.event(self.slug)

    @property
    def report(self) -> URIRef:
        return self.iris.report(self.slug)

    def text(self, value: str, lang: str | None = None) -> Literal:
        """A string from the report, tagged with the report's language (or ``lang``).

        A string in Latin letters only, inside a Kyrgyz or Russian report (a hotel's name, a
        reader's English gloss), is tagged ``en``: ``ky`` would tell a screen reader or a search
        engine the wrong thing.
        """
        if (
            lang is None
            and self.lang != "en"
            and _LATIN.search(value)
            and not _CYRILLIC.search(value)
        ):
            lang = "en"
        return Literal(value, lang=lang or self.lang)

    def gloss(self, original: str | None, gloss: str | None) -> bool:
        """Whether a reader's English gloss adds a label: not when the original is itself
        tagged ``en`` (an English report, or Latin letters), where it would be a second English
        value of a one-per-language property."""
        if not gloss:
            return False
        return original is None or self.text(original).language != "en"

    def add(self, s: Node, p: Node, o: Node | None) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    def add_all(self, s: Node, predicates: tuple[Node, ...], o: Node | None) -> None:
        """The same object under our property and its materialised equivalents."""
        for p in predicates:
            self.add(s, p, o)

    def count(self, n: int) -> Literal:
        return Literal(n, datatype=XSD.nonNegativeInteger)

    def position(self, n: int) -> Literal:
        return Literal(n, datatype=XSD.positiveInteger)
