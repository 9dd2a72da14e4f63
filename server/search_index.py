"""The texts search looks in, kept in memory until the data changes, so a search reads no store.

Matching a pattern in the store (``page_search.rq``: a ``REGEX`` over every title, name, post
and report text) costs a scan of all of them for each search: 1 to 17 s at a million triples.
Instead the first search reads the texts once (``page_search_texts``, and the event each belongs
to, ``page_search_events``), folds them with :func:`kg.inflection.fold` and keeps them joined in
one string; a search is then one regular expression over that string (milliseconds).

The index is kept for one :meth:`~kg.store.Store.generation` of the store and built again at the
first search after the data changed (:mod:`server.kept`). It takes at most
``SEARCH_INDEX_MB``: a store with more text (or a remote store, which cannot tell when its data
changes, or ``SEARCH_INDEX_MB = 0``) is searched with ``page_search.rq`` instead.
"""

from __future__ import annotations

import bisect
import logging
import re
import sys
from collections import defaultdict
from dataclasses import dataclass

from flask import current_app

from kg.inflection import fold
from server import page_queries
from server.kept import kept
from server.labels import primary
from server.page_queries import Row
from server.store import get_store

log = logging.getLogger(__name__)

SEPARATOR = "\x00"
"""Between two texts in the joined string: no pattern made from typed words matches it."""
ENTRY_BYTES = 120
"""What a dict entry costs in the index (a name kept once, an event of a text), about."""
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@dataclass(frozen=True)
class Match:
    """One text that contains the words: where (``hit``, ``prop``), the text, and the match."""

    hit: str
    prop: str
    text: str
    lang: str
    start: int
    end: int
    events: tuple[str, ...]


class SearchIndex:
    """The folded texts joined in one string, with what each one is and where it starts.

    Built a row at a time (:meth:`add_text`, :meth:`add_event`, then :meth:`finish`), counting
    the bytes it takes as it grows: past ``budget`` it raises :class:`TooBig`.
    """

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.bytes = 0
        self._names: dict[str, str] = {}  # one string per IRI or language, however often used
        self.hits: list[str] = []
        self.props: list[str] = []
        self.texts: list[str] = []
        self.langs: list[str] = []
        self.starts: list[int] = []
        self._folded: list[str] = []
        self.folded = ""
        self._position = 0
        self._events: dict[str, list[str]] = defaultdict(list)
        self.events: dict[str, tuple[str, ...]] = {}
        self.event_labels: dict[str, dict[str, str]] = defaultdict(dict)

    def add_text(self, row: Row) -> None:
        """Keep one row of ``page_search_texts`` (``?hit ?p ?text``)."""
        text = row["text"].value
        folded = fold(text)
        self.hits.append(self._name(row["hit"].value))
        self.props.append(self._name(row["p"].value))
        self.langs.append(self._name(primary(row["text"].language)))
        self.texts.append(text)
        self.starts.append(self._position)
        self._folded.append(folded)
        self._position += len(text) + len(SEPARATOR)
        # the text, its folded copy (twice while they are joined), five list slots and a start
        self._grow(sys.getsizeof(text) + 2 * sys.getsizeof(folded) + 5 * 8 + 32)

    def add_event(self, row: Row) -> None:
        """Keep one row of ``page_search_events`` (``?hit ?event``)."""
        hit = self._name(row["hit"].value)
        self._events[hit].append(self._name(row["event"].value))
        self._grow(ENTRY_BYTES)

    def finish(self) -> None:
        """Join the folded texts, and find the events' titles among the texts."""
        self.folded = SEPARATOR.join(self._folded)
        self._folded = []
        self.events = {hit: tuple(sorted(set(found))) for hit, found in self._events.items()}
        self._events.clear()
        entries = zip(self.hits, self.props, self.texts, self.langs, strict=True)
        for hit, prop, text, lang in entries:
            if prop == RDFS_LABEL and hit in self.events.get(hit, ()):
                self.event_labels[hit].setdefault(lang, text)

    def _name(self, value: str) -> str:
        name = self._names.get(value)
        if name is None:
            name = self._names[value] = value
            self._grow(sys.getsizeof(value) + ENTRY_BYTES)
        return name

    def _grow(self, size: int) -> None:
        self.bytes += size
        if self.bytes > self.budget:
            raise TooBig

    def find(self, needle: re.Pattern[str]) -> list[Match]:
        """The texts in which ``needle`` (folded words) matches, each once, at its first match."""
        matches = []
        last = -1
        for found in needle.finditer(self.folded):
            i = bisect.bisect_right(self.starts, found.start()) - 1
            start, end = found.start() - self.starts[i], found.end() - self.starts[i]
            if i == last or end > len(self.texts[i]):
                continue
            last = i
            hit = self.hits[i]
            matches.append(
                Match(
                    hit=hit,
                    prop=self.props[i],
                    text=self.texts[i],
                    lang=self.langs[i],
                    start=start,
                    end=end,
                    events=self.events.get(hit, ()),
                )
            )
        return matches


def current_index() -> SearchIndex | None:
    """The index of the store's data as it is now (built by this call when needed), or ``None``.

    ``None`` when the store cannot tell when its data changes, when ``SEARCH_INDEX_MB`` is 0, or
    when the texts take more than that: search then asks the store.

    :raises PageTimedOut: when the index cannot be built (or another request's build waited for)
        within the page's budget
    """
    budget = int(current_app.config["SEARCH_INDEX_MB"] * 1024 * 1024)
    if not budget or get_store().generation() is None:
        return None
    return kept("search_index", lambda: _build(budget))


class TooBig(Exception):
    """Raised while the index is read when it would take more than ``SEARCH_INDEX_MB``."""


def _build(budget: int) -> SearchIndex | None:
    index = SearchIndex(budget)
    try:
        # a row at a time: the rows of these queries over the whole store never sit in memory
        page_queries.for_each("page_search_texts", index.add_text)
        page_queries.for_each("page_search_events", index.add_event)
    except TooBig:
        log.warning("the texts take more than SEARCH_INDEX_MB: search asks the store instead")
        return None
    index.finish()
    return index
