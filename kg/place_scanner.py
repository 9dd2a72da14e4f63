"""Finding place names in text: the scan behind :meth:`kg.gazetteer.Gazetteer.find` and ``lookup``.

At each word the longest known name wins; a qualifier next to it ("облусу", "г.", "district")
picks the kind of place, and a qualifier shared by a list ("Талас, Нарын жана Чүй облустарында")
is applied to every name of the list. Without a qualifier, a name shared by several places means
the highest-ranked kind: oblast, then city of republican significance, country, district, town,
village.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kg.inflection import PatternIndex, Token, rules_for, tokenize
from kg.place_qualifiers import ACCEPTS, joined, qualifier_after, qualifier_before

KIND_RANK = {"oblast": 0, "city": 1, "country": 2, "district": 3, "town": 4, "village": 5}
_SENTENCE_END = ".!?…:\n"
_OPENERS = " \t\"'«“„(—–-*#>"


@dataclass(frozen=True)
class NameEntry:
    """What a name pattern stands for: one place, and its spelling if it is an abbreviation."""

    code: str
    abbreviation: str | None = None


@dataclass(frozen=True)
class ScanContext:
    """The gazetteer data a scan needs."""

    index: PatternIndex[NameEntry]
    kinds: Mapping[str, str]
    needs_qualifier: set[str]
    homographs: Mapping[str, set[str]]


@dataclass
class Hit:
    """A place name found by :func:`scan` (mutable while lists share their qualifier)."""

    start: int
    end: int
    code: str | None  # None: only places that need a qualifier, which a list may still give
    candidates: tuple[str, ...]
    qualifier: str | None


def scan(
    ctx: ScanContext, text: str, *, lang: str | None, strict: bool
) -> list[tuple[int, int, str]]:
    """Every place name in ``text`` as ``(start, end, code)``, left to right, non-overlapping.

    :param strict: names must be capitalised (``find``); ``lookup`` reads a single field and
        accepts lower case
    """
    tokens = tokenize(text)
    rules = rules_for(lang)
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        found = _hit_at(ctx, text, tokens, i, rules, strict)
        if found is None:
            i += 1
            continue
        hit, i = found
        hits.append(hit)
    _share_qualifiers(ctx, text, hits)
    return [(h.start, h.end, h.code) for h in hits if h.code is not None]


def _hit_at(
    ctx: ScanContext,
    text: str,
    tokens: Sequence[Token],
    i: int,
    rules: frozenset[str],
    strict: bool,
) -> tuple[Hit, int] | None:
    """The longest place name starting at ``tokens[i]`` and the index of the token after it."""
    by_length: dict[tuple[int, int], set[str]] = {}
    for j, stem, entry in ctx.index.match(text, tokens, i, rules):
        if entry.abbreviation and not tokens[i].raw.startswith(entry.abbreviation):
            continue
        by_length.setdefault((j, stem), set()).add(entry.code)
    if not by_length:
        return None
    j, stem = max(by_length)
    first = tokens[i]
    if strict and not first.raw[0].isupper():
        return None
    candidates = set(by_length[j, stem])
    if j == i + 1 and first.norm in ctx.homographs and not _named_mid_sentence(text, first):
        candidates -= ctx.homographs[first.norm]
    start, end, next_token = first.start, tokens[j - 1].end, j
    qualifier: str | None = None
    after = qualifier_after(text, tokens, j)
    before = qualifier_before(text, tokens, i)
    if after and _fitting(ctx, candidates, after[0]):
        qualifier, end, next_token = after
        candidates = _fitting(ctx, candidates, qualifier)
    elif before and _fitting(ctx, candidates, before[0]):
        qualifier, start = before
        candidates = _fitting(ctx, candidates, qualifier)
    all_candidates = tuple(sorted(candidates))
    if qualifier is None:
        candidates -= ctx.needs_qualifier
    if not all_candidates:
        return None
    code = _best(ctx, candidates) if candidates else None
    return Hit(start, end, code, all_candidates, qualifier), next_token


def _fitting(ctx: ScanContext, codes: set[str], qualifier: str) -> set[str]:
    return {c for c in codes if ctx.kinds[c] in ACCEPTS[qualifier]}


def _best(ctx: ScanContext, codes: set[str] | Sequence[str]) -> str:
    return min(codes, key=lambda c: (KIND_RANK[ctx.kinds[c]], c))


def _named_mid_sentence(text: str, token: Token) -> bool:
    """A capitalised word inside a sentence: "Алайда" there is "in Alai", not "however"."""
    if not token.raw[0].isupper() or token.raw.isupper():
        return False
    before = text[: token.start].rstrip(_OPENERS)
    return bool(before) and before[-1] not in _SENTENCE_END


def _share_qualifiers(ctx: ScanContext, text: str, hits: list[Hit]) -> None:
    """Give the qualifier of the last name of a list to the bare names before it."""
    for k in range(len(hits) - 1, 0, -1):
        qualifier = hits[k].qualifier
        if qualifier is None:
            continue
        m = k
        while m > 0:
            prev = hits[m - 1]
            if prev.qualifier is not None or not joined(text, prev.end, hits[m].start):
                break
            fitting = _fitting(ctx, set(prev.candidates), qualifier)
            if not fitting:
                break
            prev.code = _best(ctx, fitting)
            prev.qualifier = qualifier
            m -= 1
