"""Words saying what kind of place a name is: "облусу", "району", "ш.", "г.", "region", "district".

A qualifier after a name ("Нарын району", "Naryn region") or before it ("г. Ош", "village of
Baetovo") decides between places that share a name. Qualifiers are grammar, not names, so they are
kept here rather than in the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.inflection import KY_SUFFIX, Token

PLACE_KINDS = ("country", "oblast", "city", "district", "town", "village")
"""Kinds of :class:`kg.gazetteer.Place`; ``city`` is a city of republican significance (Bishkek)."""

ACCEPTS: dict[str, frozenset[str]] = {
    "oblast": frozenset({"oblast"}),
    "district": frozenset({"district"}),
    "city": frozenset({"city", "town"}),
    "town": frozenset({"town", "city"}),
    "village": frozenset({"village", "town"}),
}
"""Which place kinds a qualifier of each kind may name: "шаары" is said of Bishkek and of Naryn."""


@dataclass(frozen=True)
class _Qualifier:
    pattern: re.Pattern[str]
    kind: str
    after: bool  # may follow the name
    before: bool  # may precede the name
    dot: str = ""  # "required" or "optional" for abbreviations such as "г." and "ш."


def _q(
    pattern: str, kind: str, *, after: bool = True, before: bool = False, dot: str = ""
) -> _Qualifier:
    return _Qualifier(re.compile(pattern), kind, after, before, dot)


_QUALIFIERS: tuple[_Qualifier, ...] = (
    # Kyrgyz, with case and possessive endings: облусундагы, облустарында, райондук, шаарынын
    _q(rf"облус{KY_SUFFIX}", "oblast"),
    _q(rf"област{KY_SUFFIX}", "oblast"),  # the Russian loan in Kyrgyz text: "областтарында"
    _q(rf"район{KY_SUFFIX}", "district"),
    _q(rf"шаар{KY_SUFFIX}", "city"),
    _q(rf"айыл{KY_SUFFIX}", "village"),
    _q(rf"кыштак{KY_SUFFIX}", "village"),
    _q("ш", "city", dot="optional"),  # "Жалал-Абад ш." and, in the seed, "Жалал-Абад ш,"
    _q("обл", "oblast", dot="optional"),
    # Russian
    _q("област(?:ь|и|ью|ей|ям|ями|ях)", "oblast"),
    _q("район(?:а|у|ом|е|ы|ов|ам|ами|ах)?", "district"),
    _q("р-н(?:а|у|ом|е)?", "district"),
    _q("город(?:а|у|ом|е|ов|ах)?", "city", before=True),
    _q("г", "city", after=False, before=True, dot="required"),
    _q("сел(?:о|а|у|ом|е)", "village", before=True),
    _q("с", "village", after=False, before=True, dot="required"),
    _q("аил(?:а|у|ом|е)?", "village", before=True),
    _q("поселк(?:а|у|ом|е)|поселок", "village", before=True),
    _q("пос", "village", after=False, before=True, dot="required"),
    _q("пгт", "town", after=False, before=True),
    # English ("of" after a qualifier that comes first is handled by the scanner)
    _q("oblasts?", "oblast"),
    _q("regions?", "oblast"),
    _q("provinces?", "oblast"),
    _q("districts?", "district"),
    _q("ra[yi]ons?", "district"),
    _q("city|cities", "city", before=True),
    _q("towns?", "town", before=True),
    _q("villages?", "village", before=True),
)

_CONNECTORS = frozenset({"жана", "менен", "и", "and", "&"})
"""Words joining names in a list that shares one qualifier: "Талас, Нарын жана Чүй облустарында"."""


def _matching(token: Token, text: str, *, after: bool) -> tuple[str, int] | None:
    """``(kind, end)`` if ``token`` is a qualifier in that position; ``end`` includes a dot."""
    for q in _QUALIFIERS:
        if (q.after if after else q.before) and q.pattern.fullmatch(token.norm):
            has_dot = text.startswith(".", token.end)
            if q.dot == "required" and not has_dot:
                continue
            return q.kind, token.end + (1 if q.dot and has_dot else 0)
    return None


def qualifier_after(text: str, tokens: Sequence[Token], j: int) -> tuple[str, int, int] | None:
    """A qualifier at ``tokens[j]``, just after a name: ``(kind, end offset, next token index)``."""
    if j >= len(tokens) or not _spaces_only(text, tokens[j - 1].end, tokens[j].start):
        return None
    found = _matching(tokens[j], text, after=True)
    return (found[0], found[1], j + 1) if found else None


def qualifier_before(text: str, tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """A qualifier just before ``tokens[i]``: ``(kind, start offset)`` ("г. Ош", "city of Osh")."""
    k = i - 1
    if k >= 0 and tokens[k].norm == "of" and _spaces_only(text, tokens[k].end, tokens[i].start):
        if k - 1 >= 0 and _spaces_only(text, tokens[k - 1].end, tokens[k].start):
            found = _matching(tokens[k - 1], text, after=False)
            if found and found[0] in ("city", "town", "village"):
                return found[0], tokens[k - 1].start
        return None
    if k < 0:
        return None
    found = _matching(tokens[k], text, after=False)
    if not found or tokens[k].norm.isascii():  # English puts "of" between: "city of Osh"
        return None
    if not _spaces_only(text, found[1], tokens[i].start):
        return None
    if tokens[k].norm == "г" and _after_number(text, tokens[k].start):
        return None  # "2021 г. Ош шаарында": that "г." is "year"
    return found[0], tokens[k].start


def joined(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` only joins two names of a list (commas, "жана", "и", "and")."""
    words = re.split(r"[\s,;]+", text[start:end].strip(" \t\n,;"))
    return all(w.casefold() in _CONNECTORS for w in words if w)


def _spaces_only(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return len(gap) <= 3 and (gap == "" or gap.isspace())


def _after_number(text: str, start: int) -> bool:
    return bool(re.search(r"\d\s*$", text[:start]))


def split_label(words: Sequence[str]) -> tuple[list[str], str | None]:
    """Split the folded words of a label into its name and the kind its qualifier names.

    >>> split_label(["жалал-абад", "облусу"])
    (['жалал-абад'], 'oblast')
    >>> split_label(["город", "ош"])
    (['ош'], 'city')
    """
    words = list(words)
    if len(words) > 1:
        for q in _QUALIFIERS:
            if q.after and not q.dot and q.pattern.fullmatch(words[-1]):
                return words[:-1], q.kind
            if q.before and not q.dot and q.pattern.fullmatch(words[0]):
                rest = words[2:] if len(words) > 2 and words[1] == "of" else words[1:]
                return rest, q.kind
    return words, None
