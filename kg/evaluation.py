"""Scoring an extracted record against a gold record, fact by fact (precision, recall, F1).

The rules are those of ``shared/tools/score-extraction`` (see ``gold/SCHEMA.md``): codes, dates and
numbers must be equal; strings match after NFC, case folding, quote removal and whitespace
collapsing, or when their similarity (:class:`difflib.SequenceMatcher`) is at least 0.8; names match
as sets of parts; list items are paired one to one, best pairs first. The places a recommendation
names match when they are the same place; here that is decided by the gazetteer (a name, an ISO
3166-2 code or a P-code of the same place), where the reference scorer keeps its own short table.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

THRESHOLD = 0.8
NAME_PART_THRESHOLD = 0.85
TEXT_FIELDS = ("kind", "topic", "city", "venue", "goal")
CODE_FIELDS = ("date", "end_date", "region", "country", "language")


def normalise(value: object) -> str:
    """The form strings are compared in.

    >>> normalise(" «Жалал-Абад» . ")
    'жалал-абад'
    """
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    text = unicodedata.normalize("NFC", str(value)).casefold()
    text = re.sub(r"[«»\"“”„'*]", "", text)
    return " ".join(text.split()).rstrip(" .;:,")


def similarity(a: object, b: object) -> float:
    x, y = normalise(a), normalise(b)
    return 1.0 if x == y else difflib.SequenceMatcher(None, x, y).ratio()


@functools.cache
def _gazetteer():  # type: ignore[no-untyped-def]
    from kg.gazetteer import load_gazetteer

    return load_gazetteer()


def place_key(value: object) -> str:
    """One key per place, whichever name or code the record uses for it."""
    text = str(value).strip()
    gaz = _gazetteer()
    for place in gaz.places():
        if text in {place.code, place.iso3166, place.pcode}:
            return place.code
    found = gaz.lookup(text)
    return found.code if found is not None else normalise(text)


def _parts(name: object) -> set[str]:
    items = name if isinstance(name, (list, tuple)) else str(name or "").split()
    return {normalise(p) for p in items if p}


def names_match(a: object, b: object) -> bool:
    x, y = _parts(a), _parts(b)
    if not x or not y or len(x) != len(y):
        return False
    return x == y or all(max(similarity(p, q) for q in y) >= NAME_PART_THRESHOLD for p in x)


@dataclass
class Score:
    """Counts of gold facts, predicted facts and matches, and what did not match."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.misses += other.misses

    def fact(self, where: str, gold: object, got: object, ok: bool) -> None:
        self.gold += gold is not None
        self.predicted += got is not None
        if gold is not None and got is not None and ok:
            self.matched += 1
        elif gold is not None or got is not None:
            self.misses.append(f"{where}: gold={gold!r} got={got!r}")

    def items(
        self,
        where: str,
        gold: Sequence[Any],
        got: Sequence[Any],
        score: Callable[[Any, Any], float] = similarity,
    ) -> list[tuple[int, int]]:
        pairs = pair_items(gold, got, score)
        self.gold += len(gold)
        self.predicted += len(got)
        self.matched += len(pairs)
        paired_gold = {i for i, _ in pairs}
        paired_got = {j for _, j in pairs}
        self.misses += [
            f"{where}: missed {g!r}" for i, g in enumerate(gold) if i not in paired_gold
        ]
        self.misses += [f"{where}: extra {p!r}" for j, p in enumerate(got) if j not in paired_got]
        return pairs


def pair_items(
    gold: Sequence[Any], got: Sequence[Any], score: Callable[[Any, Any], float]
) -> list[tuple[int, int]]:
    """Pair items one to one: best score first (ties: later items first), at least 0.8."""
    ranked = sorted(
        ((score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(got)), reverse=True
    )
    used_gold: set[int] = set()
    used_got: set[int] = set()
    pairs = []
    for value, i, j in ranked:
        if value >= THRESHOLD and i not in used_gold and j not in used_got:
            pairs.append((i, j))
            used_gold.add(i)
            used_got.add(j)
    return pairs


def _list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _texts(value: object) -> list[Any]:
    return [i.get("text") if isinstance(i, dict) else i for i in _list(value) if i]


def _moderators(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        m
        for m in _list(record.get("moderators")) + _list(record.get("moderator"))
        if isinstance(m, dict)
    ]


def score_records(gold: dict[str, Any], got: dict[str, Any]) -> Score:
    """Score one predicted record (plain data in the shape of SCHEMA.md) against its gold."""
    s = Score()
    ge, pe = gold.get("event") or {}, got.get("event") or {}
    for key in TEXT_FIELDS:
        g, p = ge.get(key), pe.get(key)
        accepted = [g, ge.get("kind_en")] if key == "kind" else [g]
        ok = (
            g is not None
            and p is not None
            and any(a and similarity(a, p) >= THRESHOLD for a in accepted)
        )
        s.fact(f"event.{key}", g, p, ok)
    for key in CODE_FIELDS:
        g, p = ge.get(key), pe.get(key)
        s.fact(
            f"event.{key}", g, p, g is not None and p is not None and normalise(g) == normalise(p)
        )
    gp, pp = ge.get("participants") or {}, pe.get("participants") or {}
    for key in ("total", "women", "men"):
        g, p = gp.get(key), pp.get(key)
        s.fact(f"event.participants.{key}", g, p, str(g) == str(p))
    s.items("event.audience", _list(ge.get("audience")), _list(pe.get("audience")))
    _score_people(s, gold, got)
    s.items("presentations", _list(gold.get("presentations")), _list(got.get("presentations")))
    s.items("issues_raised", _texts(gold.get("issues_raised")), _texts(got.get("issues_raised")))
    _score_recommendations(s, _list(gold.get("recommendations")), _list(got.get("recommendations")))
    g, p = gold.get("outcome"), got.get("outcome")
    s.fact("outcome", g, p, g is not None and p is not None and similarity(g, p) >= THRESHOLD)
    return s


def _name_score(a: object, b: object) -> float:
    return 1.0 if names_match(a, b) else 0.0


def _score_people(s: Score, gold: dict[str, Any], got: dict[str, Any]) -> None:
    gm, pm = _moderators(gold), _moderators(got)
    pairs = s.items(
        "moderators.name", [m.get("name") for m in gm], [m.get("name") for m in pm], _name_score
    )
    found = {i for i, _ in pairs}
    for i, m in enumerate(gm):
        if i not in found:  # the roles of a moderator not found are missed too
            s.items(f"moderators[{i}].roles", _list(m.get("roles")), [])
    for i, j in pairs:
        s.items(f"moderators[{i}].roles", _list(gm[i].get("roles")), _list(pm[j].get("roles")))
    gs, ps = _list(gold.get("speakers")), _list(got.get("speakers"))
    pairs = s.items(
        "speakers.name", [x.get("name") for x in gs], [x.get("name") for x in ps], _name_score
    )
    for i, j in pairs:
        for key in ("role", "organisation"):
            g, p = gs[i].get(key), ps[j].get(key)
            s.fact(
                f"speakers[{i}].{key}",
                g,
                p,
                g is not None and p is not None and similarity(g, p) >= THRESHOLD,
            )
    found = {i for i, _ in pairs}
    for i, x in enumerate(gs):
        if i not in found:
            for key in ("role", "organisation"):
                s.fact(f"speakers[{i}].{key}", x.get(key), None, False)


def _score_recommendations(s: Score, gold: list[Any], got: list[Any]) -> None:
    pairs = s.items("recommendations", _texts(gold), _texts(got))
    found = {i for i, _ in pairs}

    def places(item: object) -> tuple[list[str], list[str]]:
        item = item if isinstance(item, dict) else {}
        regions = sorted({place_key(x) for x in _list(item.get("regions"))})
        countries = sorted({normalise(x) for x in _list(item.get("countries"))})
        return regions, countries

    for i, item in enumerate(gold):
        if i not in found:  # the places of a recommendation not found are missed too
            regions, countries = places(item)
            s.gold += len(regions) + len(countries)
    for i, j in pairs:
        g_regions, g_countries = places(gold[i])
        p_regions, p_countries = places(got[j])
        s.items(f"recommendations[{i}].regions", g_regions, p_regions, lambda a, b: float(a == b))
        s.items(
            f"recommendations[{i}].countries", g_countries, p_countries, lambda a, b: float(a == b)
        )


__all__ = [
    "Score",
    "names_match",
    "normalise",
    "pair_items",
    "place_key",
    "score_records",
    "similarity",
]
