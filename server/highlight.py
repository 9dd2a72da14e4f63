"""The source report with each extracted fact marked where it was read.

The facts come as Web Annotations whose ``oa:TextPositionSelector`` gives ``start`` and ``end``
offsets (code points, end exclusive) into the report's ``schema:text``. Facts can overlap (the
town is both ``event.city`` and inside ``event.venue``), so the text is cut at every start and
end into plain segments, and each segment lists the facts that cover it. The template writes each
segment as escaped text, inside a ``<mark>`` when facts cover it: no markup is ever built from
the data, so the report cannot inject any.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """A fact read from the report: its record field, what it is about, where it was read."""

    anchor: str  # the id of its first segment on the page
    field: str
    start: int
    end: int
    href: str | None = None  # the page of what the fact is about


@dataclass(frozen=True)
class Segment:
    """A run of the report's text, and the facts read there (none for plain text)."""

    text: str
    facts: tuple[Fact, ...] = ()
    starts: tuple[str, ...] = ()  # anchors of the facts that start here

    @property
    def href(self) -> str | None:
        """The page of what the innermost fact here is about."""
        for fact in sorted(self.facts, key=lambda f: f.end - f.start):
            if fact.href:
                return fact.href
        return None

    @property
    def fields(self) -> str:
        return ", ".join(dict.fromkeys(f.field for f in self.facts if f.field))


def segments(text: str, facts: Iterable[Fact]) -> tuple[Segment, ...]:
    """Cut ``text`` into :class:`Segment` runs at every fact's start and end.

    Facts whose offsets fall outside the text (a text edited after extraction) are left out.

    >>> parts = segments("in Osh today", [Fact("f1", "event.city", 3, 6)])
    >>> [(s.text, s.fields) for s in parts]
    [('in ', ''), ('Osh', 'event.city'), (' today', '')]
    """
    size = len(text)
    valid = [f for f in facts if 0 <= f.start < f.end <= size]
    cuts = sorted({0, size, *(f.start for f in valid), *(f.end for f in valid)})
    # facts by start, so a sweep over the cuts knows which are open
    valid.sort(key=lambda f: (f.start, -f.end))
    parts: list[Segment] = []
    open_facts: list[Fact] = []
    next_fact = 0
    for left, right in itertools.pairwise(cuts):
        open_facts = [f for f in open_facts if f.end > left]
        starting = []
        while next_fact < len(valid) and valid[next_fact].start <= left:
            open_facts.append(valid[next_fact])
            starting.append(valid[next_fact].anchor)
            next_fact += 1
        parts.append(Segment(text[left:right], tuple(open_facts), tuple(starting)))
    return tuple(parts)
