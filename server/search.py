"""Full-text search over labels and texts, forgiving about case and letters typed without marks.

Kyrgyz is often typed without its own letters (ү ө ң as у о н), and ё as е; names in Latin
script lose their diacritics (Köl, Kol). So the words typed are normalised (NFC), folded with
:func:`kg.inflection.fold`, and turned into a regular expression in which each letter stands for
every letter that folds to it (``у`` → ``[уү]``); the store matches it case-insensitively. The
pattern is bound to the query as a literal, never written into it, and the words are escaped
before they become a pattern, so no input changes what the query does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.inflection import fold
from server import page_queries
from server.labels import primary
from server.links import Link, link
from server.page_queries import Row

MIN_LENGTH = 2
MAX_LENGTH = 100
SNIPPET = 70
# every letter that kg.inflection.fold turns into the key (fold keeps one character per character)
_VARIANTS: dict[str, str] = {
    "е": "её", "у": "уүұ", "о": "оөɵ", "н": "нңӊҥ", "і": "іїi",
    "a": "aáàâäãåā", "e": "eéèêëē", "i": "iíìîïīı", "o": "oóòôöõōő", "u": "uúùûüūű",
    "c": "cçč", "g": "gğ", "s": "sşš", "z": "zž", "y": "yý", "n": "nñ",
    "-": "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    "'": "'\u2019\u02bc\u2018`\u00b4",
}  # fmt: skip


@dataclass(frozen=True)
class Hit:
    """A text that matched: where it is, and the words around the match."""

    link: Link
    prop: Link
    before: str
    match: str
    after: str
    lang: str


@dataclass(frozen=True)
class EventHits:
    event: Link
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class Found:
    query: str
    events: tuple[EventHits, ...]
    others: tuple[Hit, ...]
    too_short: bool = False


def normalise(query: str) -> str:
    """The words typed, NFC, with runs of spaces made one and the ends trimmed."""
    return " ".join(unicodedata.normalize("NFC", query).split())[:MAX_LENGTH]


def pattern(query: str) -> str:
    """The regular expression the store matches for ``query``.

    >>> pattern("Ысык-Көл")
    'ы[сşš][ыý]к[-‐‑‒–—―−]к[оөɵ]л'
    """
    parts = []
    for char in fold(normalise(query)):
        if char == " ":
            parts.append(r"\s+")
        elif char in _VARIANTS:
            parts.append(f"[{re.escape(_VARIANTS[char])}]")
        elif char.isascii() and not char.isalnum():
            parts.append("\\" + char)
        else:
            parts.append(char)
    return "".join(parts)


def search(query: str, lang: str) -> Found:
    """The events (and people, places, organisations) whose labels or texts contain ``query``."""
    words = normalise(query)
    if len(words) < MIN_LENGTH:
        return Found(words, (), (), too_short=bool(words))
    rows = page_queries.select("page_search", pattern=ox.Literal(pattern(words)))
    return _found(words, rows, lang)


def _found(words: str, rows: Sequence[Row], lang: str) -> Found:
    needle = re.compile(r"\s+".join(re.escape(w) for w in fold(words).split()))
    event_labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row["event"] is not None and row["eventLabel"] is not None:
            label = row["eventLabel"]
            event_labels[row["event"].value].setdefault(primary(label.language), label.value)
    by_event: dict[str, dict[str, Hit]] = defaultdict(dict)
    others: dict[str, Hit] = {}
    for row in rows:
        text = row["text"]
        hit = _hit(
            row["hit"].value, row["p"].value, text.value, primary(text.language), needle, lang
        )
        if hit is None:
            continue
        if row["event"] is not None:
            by_event[row["event"].value].setdefault(hit.link.iri + hit.prop.iri, hit)
        else:
            others.setdefault(hit.link.iri, hit)
    # the event's own texts first, then its parts in order: the same page from any store
    events = [
        EventHits(
            link(e, lang, event_labels[e]),
            tuple(
                sorted(hits.values(), key=lambda h, e=e: (h.link.iri != e, h.link.iri, h.prop.iri))
            ),
        )
        for e, hits in by_event.items()
    ]
    events.sort(key=lambda e: e.event.label.casefold())
    return Found(words, tuple(events), tuple(sorted(others.values(), key=lambda h: h.link.label)))


def _hit(
    iri: str, prop: str, text: str, text_lang: str, needle: re.Pattern[str], lang: str
) -> Hit | None:
    # the store's folding and ours agree, but look again here to cut the snippet
    match = needle.search(fold(text))
    if match is None:
        return None
    start, end = match.span()
    left = max(0, start - SNIPPET)
    right = min(len(text), end + SNIPPET)
    return Hit(
        link=link(iri, lang, {text_lang: text} if len(text) < 200 else None),
        prop=link(prop, lang),
        before=("…" if left else "") + text[left:start],
        match=text[start:end],
        after=text[end:right] + ("…" if right < len(text) else ""),
        lang=text_lang,
    )
