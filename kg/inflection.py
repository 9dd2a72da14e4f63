"""Inflected word forms of Kyrgyz, Russian and English names: folding, tokens and stem matching.

Reports name places, event kinds and themes in running text, so the words carry case endings
("Жалал-Абад облусундагы", "в Оше", "круглого стола"). This module holds the grammar needed to
recognise a known name under its endings; the names themselves live in the TTL vocabularies.

Folding keeps every character in place (one character in, one out), so offsets into the folded
text are offsets into the original, as the Web Annotation selectors need (interop.md §6).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

# Kyrgyz letters are often typed without their diacritics ("Чон-Алай", "Ысык-Кол"), so both
# spellings fold to the same form; ё is written as е in most texts.
_LETTERS = {"ё": "е", "ү": "у", "ө": "о", "ң": "н", "ӊ": "н", "ҥ": "н", "ї": "і"}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"
_APOSTROPHES = "\u2019\u02bc\u2018`\u00b4"


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lower = char.lower()
    if len(lower) != 1:  # "İ".lower() has two code points: keep the offsets exact instead
        lower = char
    if lower in _LETTERS:
        return _LETTERS[lower]
    if lower in _DASHES:
        return "-"
    if lower in _APOSTROPHES:
        return "'"
    if "a" <= lower <= "z" or lower.isascii():
        return lower
    # Latin letters with diacritics ("Chüy", "Ysyk-Köl") fold to their base letter; Cyrillic
    # letters such as й are letters of their own and are left alone.
    base = unicodedata.normalize("NFD", lower)[0]
    if base.isascii() and base.isalpha():
        return base
    return lower


def fold(text: str) -> str:
    """Lower-case ``text`` and fold spelling variants, keeping its length.

    >>> fold("Чоң-Алай – Ysyk-Köl")
    'чон-алай - ysyk-kol'
    """
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True)
class Token:
    """A word of a text: ``start``/``end`` are offsets (end exclusive), ``norm`` its folded form."""

    start: int
    end: int
    norm: str
    raw: str


# A word is a run of letters, with inner hyphens or apostrophes ("Жалал-Абад", "р-н", "Naryn's").
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def tokenize(text: str) -> list[Token]:
    """The words of ``text``, in order."""
    folded = fold(text)
    return [
        Token(m.start(), m.end(), m.group(), text[m.start() : m.end()])
        for m in _WORD_RE.finditer(folded)
    ]


# --- suffixes --------------------------------------------------------------------------------
# Kyrgyz suffixes on the folded alphabet (ө→о, ү→у), so vowel harmony is not checked: the chain
# is plural? + (possessive + n-case | case)? + relative -гы?, optionally after -лык/-дай.
_A = "[аео]"  # а е о ө
_I = "[ыиу]"  # ы и у ү
KY_SUFFIX = (
    rf"(?:[лдт]{_I}к|[дт]{_A}й)?"  # -лык "of, from" (Оштук), -дай "like"
    rf"(?:[лдт]{_A}р)?"  # plural -лар
    # possessive -сы/-ы, then -н, -нын, -на, -нан, -нда, -ндан
    rf"(?:с?{_I}(?:н(?:{_I}н|{_A}н?|д{_A}н?)?)?"
    rf"|[ндт]{_I}н|[гк]{_A}|[ндт]{_I}|[дт]{_A}н?|ч{_A})?"  # gen, dat, acc, loc/abl, equative
    rf"(?:[гк]{_I})?"  # -гы after the locative: -дагы "which is in"
)
_RU_ADJ = "(?:ий|ый|ой|ая|ое|ого|ому|ом|ую|ые|ие|ых|их|ым|им|ыми|ими|ей|яя|ее|ое)"

_SUFFIX_PATTERNS = {
    "ky": KY_SUFFIX,
    # a Kyrgyz word that already ends in the possessive (-сы, -ы: "аянтчасы", "Республикасы") takes
    # the n-cases: аянтчасында, Республикасынан, району → районуна
    "ky_n": rf"н(?:{_I}н|{_A}н?|д{_A}н?)?(?:[гк]{_I})?",
    # Russian proper names: singular only, so that "Нарынов" (a surname) is not "Нарын" + "-ов"
    "ru_cons": "(?:а|у|ом|ем|е)?",  # Ош → Оша, Ошу, Ошем, Оше
    "ru_a": "(?:а|ы|и|е|у|ой|ою)",  # Кара-Балта → Кара-Балты, Кара-Балте
    "ru_ya": "(?:я|и|е|ю|ей|ею)",  # Кызыл-Кия → Кызыл-Кии
    "ru_soft": "(?:ь|я|ю|ем|е|и|ью)",  # Иссык-Куль → Иссык-Куля; область → области
    "ru_i": "(?:й|я|ю|ем|е|и)",  # Китай → Китая, Китае
    "ru_o": "(?:о|а|у|ом|е)",  # село → села, селе
    "ru_fixed": "",  # Балыкчы, Ат-Башы, Токмок-… ending in another vowel: not declined in Russian
    # Russian common nouns of the vocabularies, plurals included: столы, встреч, слушаниях
    "ru_cons_pl": "(?:а|у|ом|ем|е|ы|и|ов|ев|ей|ам|ям|ами|ями|ах|ях)?",
    "ru_a_pl": "(?:а|ы|и|е|у|ой|ою|ей|ею|ам|ями|ами|ах|ях)?",
    "ru_ya_pl": "(?:я|и|е|ю|ей|ею|й|ий|ям|ями|ях)",
    "ru_soft_pl": "(?:ь|я|ю|ем|е|и|ью|ей|ям|ями|ях)",
    "ru_o_pl": "(?:о|а|у|ом|е|ам|ами|ах)?",
    "ru_adj": _RU_ADJ,  # Ошская → Ошской; Лейлекский → Лейлекского; круглый → круглого
    "en": "(?:'s)?",
    "en_pl": "(?:'s|s|es)?",  # round tables, hearings
    "en_adj": "(?:y|iy|ii|i|aya|oye|oy)",  # Ak-Taalinsky, Leilekskiy
    "prefix": r"[^\W\d_]*",  # a stem given as such (skos:hiddenLabel in the vocabularies)
}
SUFFIXES: dict[str, re.Pattern[str]] = {k: re.compile(v) for k, v in _SUFFIX_PATTERNS.items()}

_RUSSIAN = {k for k in SUFFIXES if k.startswith("ru_")}
_LATIN = {"en", "en_pl", "en_adj", "prefix"}
_RULES_FOR_LANG = {
    # Latin names may stand in any text (hotel names, project names), so their rules always apply;
    # Russian adjectives also turn up in Kyrgyz text ("Ошская область" in a quoted title).
    "ky": {"ky", "ky_n", "ru_adj"} | _LATIN,
    "ru": _RUSSIAN | _LATIN,
    "en": set(SUFFIXES),
}


def rules_for(lang: str | None) -> frozenset[str]:
    """The suffix rules that apply to a text in ``lang`` (all of them when it is not known)."""
    return frozenset(_RULES_FOR_LANG.get(lang or "", SUFFIXES.keys()))


_VOWELS = set("аеиоуыэюяё")
_RU_ADJ_RE = re.compile(r"(.+[сц]к)(?:ий|ый|ой|ая|ое|ие)")
_RU_COMMON_ADJ_RE = re.compile(r"(.{3,})(?:ый|ий|ой|ая|ое|ые|ие|яя|ее)")
_EN_ADJ_RE = re.compile(r"(.+sk)(?:y|iy|ii|i|aya)")
_RU_ENDINGS = {"а": "ru_a", "я": "ru_ya", "ь": "ru_soft", "й": "ru_i", "о": "ru_o"}


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def word_rules(word: str, *, common: bool = False) -> list[tuple[str, str]]:
    """The ``(stem, suffix rule)`` pairs under which the folded ``word`` may be inflected.

    :param common: the word is a common noun or adjective of a vocabulary ("круглый стол"), which
        may be plural and whose Russian adjectives need not end in -ский; names of places are not

    >>> word_rules("нарын")
    [('нарын', 'ky'), ('нарын', 'ru_cons')]
    >>> word_rules("лейлекский")
    [('лейлекск', 'ru_adj')]
    >>> word_rules("круглый", common=True)
    [('кругл', 'ru_adj'), ('круглый', 'ky')]
    """
    plural = "_pl" if common else ""
    if not _is_cyrillic(word):
        if m := _EN_ADJ_RE.fullmatch(word):
            return [(m[1], "en_adj")]
        return [(word, "en" + plural)]
    if m := _RU_ADJ_RE.fullmatch(word):
        return [(m[1], "ru_adj")]
    if common and (m := _RU_COMMON_ADJ_RE.fullmatch(word)):
        return [(m[1], "ru_adj"), (word, "ky")]
    rules = [(word, "ky")]
    last = word[-1]
    if last in "ыиу":  # folded ы, и, у, ү: possibly a possessive ending
        rules.append((word, "ky_n"))
    if ending := _RU_ENDINGS.get(last):
        rules.append((word[:-1], ending + plural if ending != "ru_i" else ending))
    elif last in _VOWELS and not common:
        rules.append((word, "ru_fixed"))
    elif last not in _VOWELS and last.isalpha():
        rules.append((word, "ru_cons" + plural))
    return rules


@dataclass(frozen=True)
class WordPattern:
    """One word of a name: the alternatives ``(stem, rule)`` any of which may match."""

    alternatives: tuple[tuple[str, str], ...]

    def matches(self, norm: str, rules: frozenset[str]) -> bool:
        return any(
            rule in rules and norm.startswith(stem) and SUFFIXES[rule].fullmatch(norm[len(stem) :])
            for stem, rule in self.alternatives
        )


def name_pattern(
    words: Sequence[str], *, rule: str | None = None, common: bool = False
) -> tuple[WordPattern, ...]:
    """Patterns for the folded ``words`` of a name; ``rule`` forces one rule for every word."""
    if rule is not None:
        return tuple(WordPattern(((w, rule),)) for w in words)
    return tuple(WordPattern(tuple(word_rules(w, common=common))) for w in words)


P = TypeVar("P")


class PatternIndex(Generic[P]):
    """Multi-word name patterns indexed by the stems of their first word.

    ``match(tokens, i)`` finds every pattern whose words match the tokens from ``i`` on, under
    their suffix rules, with nothing but spaces between the words.
    """

    def __init__(self, *, min_stem: int = 2) -> None:
        self._by_stem: dict[str, list[tuple[str, tuple[WordPattern, ...], int, P]]] = {}
        self._min_stem = min_stem

    def add(self, pattern: tuple[WordPattern, ...], payload: P, *, gap: int = 0) -> None:
        """Index ``pattern``; ``gap`` other words may stand between two of its words."""
        for stem, rule in pattern[0].alternatives:
            if len(stem) >= self._min_stem:
                self._by_stem.setdefault(stem, []).append((rule, pattern, gap, payload))

    def match(
        self, text: str, tokens: Sequence[Token], i: int, rules: frozenset[str]
    ) -> Iterator[tuple[int, int, P]]:
        """Yield ``(j, stem length, payload)`` for each pattern matching ``tokens[i:j]``.

        The stem length lets a caller prefer a name written out in full ("Кочкорка") over a
        shorter name under an ending ("Кочкор" + dative "-ка").
        """
        norm = tokens[i].norm
        for cut in range(len(norm), self._min_stem - 1, -1):
            for rule, pattern, gap, payload in self._by_stem.get(norm[:cut], ()):
                if rule not in rules or not SUFFIXES[rule].fullmatch(norm[cut:]):
                    continue
                end = i + 1
                for word in pattern[1:]:
                    following = _next_match(text, tokens, end, word, rules, gap)
                    if following is None:
                        break
                    end = following
                else:
                    yield end, cut, payload


def _next_match(
    text: str,
    tokens: Sequence[Token],
    j: int,
    word: WordPattern,
    rules: frozenset[str],
    gap: int,
) -> int | None:
    """The index after the token at ``j``…``j + gap`` that ``word`` matches, within one phrase."""
    for k in range(j, min(j + gap + 1, len(tokens))):
        if not _adjacent(text, tokens[k - 1], tokens[k]):
            return None
        if word.matches(tokens[k].norm, rules):
            return k + 1
    return None


_GAP_RE = re.compile(r"\s+(?:\d+%?\s*)?|\s*\d+%?")


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only spaces (and a number: "30%дык") separate two words, never punctuation."""
    return bool(_GAP_RE.fullmatch(text, left.end, right.start)) and right.start - left.end <= 8
