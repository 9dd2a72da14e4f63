"""The kind of event ("ачык маектешүү аянтчасы", "круглый стол", "round table"), in the nominative.

The kinds and their inflected forms are data (``rules/kinds.yaml``). A specific kind (a round
table, a training, a forum) named anywhere in the report wins over a generic one ("meeting",
"жыйын"); among mentions of equal rank the first wins, and a mention in a plural form ("meetings")
only counts when nothing else is named. When the vocabulary module is available its concept for
the kind gives the English name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.lexicon import rules


@dataclass(frozen=True)
class KindMention:
    name: str
    en: str
    rank: int
    start: int
    end: int


@functools.cache
def _kinds(lang: str) -> list[tuple[re.Pattern[str], str, str, int]]:
    out = []
    for kind in rules("kinds")["kinds"]:
        entry = kind.get(lang)
        if not entry:
            continue
        pat = re.compile(rf"(?<![\w-])(?:{entry['forms']})(?![\w])", re.I)
        out.append((pat, str(entry["name"]), str(kind["label_en"]), int(kind["rank"])))
    return out


@functools.cache
def kind_pattern(lang: str) -> re.Pattern[str]:
    """Any kind's forms as one pattern (to skip a kind word heading a sentence)."""
    alts = [p.pattern for p, _, _, _ in _kinds(lang)]
    return re.compile("|".join(f"(?:{a})" for a in alts) or r"(?!x)x", re.I)


def find_kinds(text: str, lang: str, start: int = 0, end: int | None = None) -> list[KindMention]:
    """Kind mentions in ``text[start:end]``, longest first where they overlap."""
    end = len(text) if end is None else end
    found = []
    for pat, name, en, rank in _kinds(lang):
        for m in pat.finditer(text, start, end):
            found.append(KindMention(name, en, rank, m.start(), m.end()))
    found.sort(key=lambda k: (k.start, -(k.end - k.start)))
    out: list[KindMention] = []
    for k in found:
        if out and k.start < out[-1].end:
            continue
        out.append(k)
    return out


def _plural(text: str, k: KindMention, lang: str) -> bool:
    word = text[k.start : k.end].lower().split()[-1]
    if k.name.split()[-1].lower() == word:
        return False  # the nominative itself ("training of trainers", "тренерлер үчүн тренинг")
    return bool(
        (lang == "en" and word.endswith("s"))
        or (
            lang == "ky" and re.search(r"(?:лар|лер|дар|дер|тар|тер|лор|лөр|дор|дөр|тор|төр)", word)
        )
        or (lang == "ru" and re.search(r"(?:ы|и|ов|ей|ах|ами)$", word) and k.rank == 1)
    )


def choose_kind(text: str, lang: str, start: int, end: int) -> KindMention | None:
    """The event's kind: the first specific kind, else the first generic one."""
    mentions = find_kinds(text, lang, start, end)
    singular = [k for k in mentions if not _plural(text, k, lang)]
    for pool in (singular, mentions):
        for rank in (2, 1):
            for k in pool:
                if k.rank == rank:
                    return k
    return None


__all__ = ["KindMention", "choose_kind", "find_kinds", "kind_pattern"]
