"""Inflected word forms of Kyrgyz, Russian and English names: folding, tokens and stem matching.

Reports name places, event kinds and themes in running text, so the words carry case endings
("Жалал-Абад облусундагы", "в Оше", "круглого стола"). This module holds the grammar needed to
recognise a known name under its endings; the names themselves live in the TTL vocabularies.

Folding keeps every character in place (one character in, one out), so offsets into the folded
text are offsets into the original, as the Web Annotation selectors need (interop.md §6).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Kyrgyz letters are often typed without their diacritics ("Чон-Алай", "Ысык-Кол"), so both
# spellings fold to the same form; ё is written as е in most texts.
_LETTERS = {"ё": "е", "ү": "у", "ө": "о", "ң": "н", "ӊ": "н", "ҥ": "н", "ї": "і"}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"
_APOSTROPHES = "\u2019\u02bc\u2018`\u00b4"


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

SUFFIXES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "ky": KY_SUFFIX,
        "ru_cons": "(?:а|у|ом|ем|е)?",  # Ош → Оша, Ошу, Ошем, Оше
        "ru_a": "(?:а|ы|и|е|у|ой|ою)",  # Кара-Балта → Кара-Балты, Кара-Балте
        "ru_ya": "(?:я|и|е|ю|ей|ею)",  # Кызыл-Кия → Кызыл-Кии
        "ru_soft": "(?:ь|я|ю|ем|е|и|ью)",  # Иссык-Куль → Иссык-Куля; область → области
        "ru_i": "(?:й|я|ю|ем|е|и)",  # Китай → Китая, Китае
        "ru_o": "(?:о|а|у|ом|е)",  # село → села, селе
        "ru_adj": _RU_ADJ,  # Ошская → Ошской; Лейлекский → Лейлекского
        "en": "(?:'s)?",
        "en_adj": "(?:y|iy|ii|i|aya|oye|oy)",  # Ak-Taalinsky, Leilekskiy
        "prefix": r"[^\W\d_]*",  # a stem given as such (skos:hiddenLabel in themes.ttl)
        "exact": "",
    }.items()
}

_RULES_FOR_LANG = {
    # Latin names may stand in any text (hotel names, project names), so their rules always apply.
    "ky": {"ky", "ru_adj", "en", "en_adj", "prefix", "exact"},
    "ru": {
        "ru_cons",
        "ru_a",
        "ru_ya",
        "ru_soft",
        "ru_i",
        "ru_o",
        "ru_adj",
        "en",
        "en_adj",
        "prefix",
        "exact",
    },
    "en": set(SUFFIXES),
}


def rules_for(lang: str | None) -> frozenset[str]:
    """The suffix rules that apply to a text in ``lang`` (all of them when it is not known)."""
    return frozenset(_RULES_FOR_LANG.get(lang or "", SUFFIXES.keys()))


_VOWELS = set("аеиоуыэюяё")
_RU_ADJ_RE = re.compile(r"(.+[сц]к)(?:ий|ый|ой|ая|ое|ие)")
_EN_ADJ_RE = re.compile(r"(.+sk)(?:y|iy|ii|i|aya)")


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def word_rules(word: str) -> list[tuple[str, str]]:
    """The ``(stem, suffix rule)`` pairs under which the folded ``word`` may be inflected.

    >>> word_rules("нарын")
    [('нарын', 'ky'), ('нарын', 'ru_cons')]
    >>> word_rules("лейлекский")
    [('лейлекск', 'ru_adj')]
    """
    if not _is_cyrillic(word):
        if m := _EN_ADJ_RE.fullmatch(word):
            return [(m[1], "en_adj")]
        return [(word, "en")]
    if m := _RU_ADJ_RE.fullmatch(word):
        return [(m[1], "ru_adj")]
    rules = [(word, "ky")]
    last = word[-1]
    ending = {"а": "ru_a", "я": "ru_ya", "ь": "ru_soft", "й": "ru_i", "о": "ru_o"}.get(last)
    if ending:
        rules.append((word[:-1], ending))
    elif last not in _VOWELS and last.isalpha():
        rules.append((word, "ru_cons"))
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


def name_pattern(words: Sequence[str], *, rule: str | None = None) -> tuple[WordPattern, ...]:
    """Patterns for the folded ``words`` of a name; ``rule`` forces one rule for every word."""
    if rule is not None:
        return tuple(WordPattern(((w, rule),)) for w in words)
    return tuple(WordPattern(tuple(word_rules(w))) for w in words)


class PatternIndex:
    """Multi-word name patterns indexed by the stems of their first word.

    ``match(tokens, i)`` finds every pattern whose words match the tokens from ``i`` on, under
    their suffix rules, with nothing but spaces between the words.
    """

    def __init__(self, *, min_stem: int = 2) -> None:
        self._by_stem: dict[str, list[tuple[str, tuple[WordPattern, ...], object]]] = {}
        self._min_stem = min_stem

    def add(self, pattern: tuple[WordPattern, ...], payload: object) -> None:
        for stem, rule in pattern[0].alternatives:
            if len(stem) >= self._min_stem:
                self._by_stem.setdefault(stem, []).append((rule, pattern, payload))

    def match(
        self, text: str, tokens: Sequence[Token], i: int, rules: frozenset[str]
    ) -> Iterable[tuple[int, int, object]]:
        """Yield ``(j, stem length, payload)`` for each pattern matching ``tokens[i:j]``.

        The stem length lets a caller prefer a name written out in full ("Кочкорка") over a
        shorter name under an ending ("Кочкор" + dative "-ка").
        """
        norm = tokens[i].norm
        for cut in range(len(norm), self._min_stem - 1, -1):
            for rule, pattern, payload in self._by_stem.get(norm[:cut], ()):
                if rule not in rules or not SUFFIXES[rule].fullmatch(norm[cut:]):
                    continue
                j = i + 1
                for word in pattern[1:]:
                    if j >= len(tokens) or not _adjacent(text, tokens[j - 1], tokens[j]):
                        break
                    if not word.matches(tokens[j].norm, rules):
                        break
                    j += 1
                else:
                    yield j, cut, payload


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only spaces separate two words (a name never runs across punctuation)."""
    gap = text[left.end : right.start]
    return 0 < len(gap) <= 3 and gap.isspace()
