"""Full-text search over labels and texts, forgiving about case and letters typed without marks.

Kyrgyz is often typed without its own letters (ү ө ң as у о н), and ё as е; names in Latin
script lose their diacritics (Köl, Kol). So the words typed are normalised (NFC), folded with
:func:`kg.inflection.fold`, and turned into a regular expression in which each letter stands for
every letter that folds to it (``у`` → ``[уү]``); the store matches it case-insensitively. The
pattern is bound to the query as a literal, never written into it, and the words are escaped
before they become a pattern, so no input changes what the query does.

The server usually keeps the texts in memory (:mod:`server.search_index`) and matches the folded
words there, without asking the store; the results come in pages, with their numbers in all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.inflection import fold
from server import page_queries
from server.labels import primary
from server.links import Link, label_of, link
from server.page_queries import Row
from server.paging import Page, requested_page
from server.search_index import SEPARATOR, Match, current_index

MIN_LENGTH = 2
MAX_LENGTH = 100
SNIPPET = 70
EVENTS_PER_PAGE = 20
OTHERS_PER_PAGE = 50
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


NO_PAGES: Page[object] = Page((), 1, 1, 0)


@dataclass(frozen=True)
class Found:
    """One page of what a search found: the events (with their hits) and the other resources.

    ``events_total`` and ``others_total`` count everything found; ``pager`` numbers the pages
    (:data:`EVENTS_PER_PAGE` events and :data:`OTHERS_PER_PAGE` others to a page).
    """

    query: str
    events: tuple[EventHits, ...]
    others: tuple[Hit, ...]
    too_short: bool = False
    events_total: int = 0
    others_total: int = 0
    pager: Page[object] = NO_PAGES


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
    """The events (and people, places, organisations) whose labels or texts contain ``query``.

    From the search index when the server keeps one (:mod:`server.search_index`), else from the
    store (``page_search``, at most 400 texts).

    :raises PageTimedOut: past the page's budget
    """
    words = normalise(query)
    if len(words) < MIN_LENGTH:
        return Found(words, (), (), too_short=bool(words))
    needle = re.compile(r"\s+".join(re.escape(w) for w in fold(words).split()))
    index = current_index() if SEPARATOR not in words else None
    if index is not None:
        matches, event_labels = index.find(needle), index.event_labels
    else:
        rows = page_queries.select("page_search", pattern=ox.Literal(pattern(words)))
        matches, event_labels = _matches(rows, needle)
    return _found(words, matches, event_labels, lang)


def _matches(
    rows: Sequence[Row], needle: re.Pattern[str]
) -> tuple[list[Match], dict[str, dict[str, str]]]:
    """The texts of ``page_search``'s rows in which ``needle`` matches, and the events' labels."""
    event_labels: dict[str, dict[str, str]] = defaultdict(dict)
    events: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for row in rows:
        text = row["text"]
        key = (row["hit"].value, row["p"].value, text.value, primary(text.language))
        found = events[key]
        if row["event"] is not None:
            found.append(row["event"].value)
            if row["eventLabel"] is not None:
                label = row["eventLabel"]
                event_labels[row["event"].value].setdefault(primary(label.language), label.value)
    matches = []
    for (hit, prop, text, text_lang), in_events in events.items():
        # the store's folding and ours agree, but look again here to cut the snippet
        match = needle.search(fold(text))
        if match is not None:
            start, end = match.span()
            matches.append(
                Match(hit, prop, text, text_lang, start, end, tuple(dict.fromkeys(in_events)))
            )
    return matches, event_labels


def _found(
    words: str, matches: Sequence[Match], event_labels: Mapping[str, Mapping[str, str]], lang: str
) -> Found:
    by_event: dict[str, dict[str, Match]] = defaultdict(dict)
    others: dict[str, Match] = {}
    for match in matches:
        for event in match.events:
            by_event[event].setdefault(match.hit + match.prop, match)
        if not match.events:
            others.setdefault(match.hit, match)
    # events by title, the others by their label (as their links will say, without building
    # links for thousands of them); the event's own texts first, then its parts in order
    events = sorted(by_event, key=lambda e: label_of(e, lang, event_labels.get(e))[0].casefold())
    found_others = sorted(others.values(), key=lambda m: label_of(m.hit, lang, _own(m))[0])
    pages = max(1, -(-len(events) // EVENTS_PER_PAGE), -(-len(found_others) // OTHERS_PER_PAGE))
    number = min(max(requested_page(), 1), pages)
    shown = [
        EventHits(
            link(e, lang, event_labels.get(e)),
            tuple(
                _hit(m, lang)
                for m in sorted(
                    by_event[e].values(), key=lambda m, e=e: (m.hit != e, m.hit, m.prop)
                )
            ),
        )
        for e in events[(number - 1) * EVENTS_PER_PAGE : number * EVENTS_PER_PAGE]
    ]
    others_shown = found_others[(number - 1) * OTHERS_PER_PAGE : number * OTHERS_PER_PAGE]
    return Found(
        words,
        tuple(shown),
        tuple(_hit(m, lang) for m in others_shown),
        events_total=len(events),
        others_total=len(found_others),
        pager=Page((), number, pages, len(events) + len(found_others)),
    )


def _own(match: Match) -> dict[str, str] | None:
    """The text as the label of its resource's link, when it is short enough to be one."""
    return {match.lang: match.text} if len(match.text) < 200 else None


def _hit(match: Match, lang: str) -> Hit:
    text, start, end = match.text, match.start, match.end
    left = max(0, start - SNIPPET)
    right = min(len(text), end + SNIPPET)
    return Hit(
        link=link(match.hit, lang, _own(match)),
        prop=link(match.prop, lang),
        before=("…" if left else "") + text[left:start],
        match=text[start:end],
        after=text[end:right] + ("…" if right < len(text) else ""),
        lang=match.lang,
    )
