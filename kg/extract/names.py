"""People's names: found in text, split into parts and put into the nominative.

Forms read: "Жумалиев Эрлан Маратович" and "Нурлан Асанович Бекешов" (either order),
"Сапарова Гүлнара", "Б.Асанова", "Э.М. Жумалиев", "B. Toktosunova", "Asanbekov S.", "Азамат
Бакыт уулу" and "Асан уулу Бакыт" (the "уулу"/"кызы" phrase is the family part). Kyrgyz case endings on the last word are removed ("Асанованын" → "Асанова",
"Бакировдун" → "Бакиров"); Russian genitive, dative and instrumental forms are put back into
the nominative when another mention of the same person, or the word's ending, shows the case
("Азамата Бакирова" beside "г-н Бакиров"). Honorifics ("г-н", "айым", "Mr") and a verb after
a name ("чыкты", "выступил", "said") are not part of it: names are runs of capitalised words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.lexicon import rules, words
from kg.record import PersonName

UP = "A-ZА-ЯЁӨҮҢІЇЄ"
LOW = "a-zа-яёөүңіїє"
NAME_WORD = rf"[{UP}][{LOW}'’ʼ]+(?:-[{UP}]?[{LOW}]+)?"
INITIAL = rf"(?:Zh|Sh|Ch|Kh|Ts|Yu|Ya|Ye|Yo|Dj|[{UP}])\.(?![{LOW}])"
_INITIALS = rf"{INITIAL}(?:[ \u00a0]?{INITIAL})?"

FILIAL = frozenset(words("people", "patronymic_words"))
""""son of" / "daughter of" after a father's name: "Асан уулу", "Нурбек кызы"."""

GAP = r"(?:[ \u00a0]*\n[ \u00a0]*|[ \u00a0]+)"
"""Between the words of a name: spaces or one line wrap, never a tab (a table cell's edge)."""
P_INIT_FIRST = re.compile(rf"(?<![\w.])(?P<i>{_INITIALS})(?:{GAP})?(?P<w>{NAME_WORD})")
P_INIT_LAST = re.compile(rf"(?<![\w.])(?P<w>{NAME_WORD}){GAP}(?P<i>{_INITIALS})(?![\w])")
P_WORDS = re.compile(
    rf"(?<![\w.-])(?P<w>{NAME_WORD}(?:{GAP}(?:{NAME_WORD}|{'|'.join(sorted(FILIAL))})){{0,6}})(?![\w])"
)


@dataclass(frozen=True)
class NameMention:
    """A name in the text: its span (``text[start:end]``) and its parts in the nominative."""

    start: int
    end: int
    name: PersonName
    surface: str
    strong: bool
    """Marked as a name by a patronymic, an initial or a family-name ending (not only by context)."""


@functools.cache
def _endings(key: str) -> tuple[str, ...]:
    return tuple(sorted(words("people", key), key=len, reverse=True))


@functools.lru_cache(maxsize=8192)
def is_patronymic(word: str) -> bool:
    w = word.lower()
    return w in words("people", "patronymic_words") or (
        len(w) > 4 and w.endswith(_endings("patronymic_endings"))
    )


@functools.lru_cache(maxsize=8192)
def is_family(word: str) -> bool:
    w = word.lower()
    return len(w) > 4 and w.endswith(_endings("surname_endings")) and not is_patronymic(word)


def strip_ky_case(word: str) -> str:
    """Remove a Kyrgyz case ending from a name ("Асанованын" → "Асанова").

    >>> strip_ky_case("Асанованын"), strip_ky_case("Бакировдун"), strip_ky_case("Асанов")
    ('Асанова', 'Бакиров', 'Асанов')
    """
    if is_patronymic(word):
        return word  # "Маратовна" is a nominative, not "Маратов" + "на"
    for ending in _endings("ky_case_endings"):
        if " " in ending or not word.lower().endswith(ending):
            continue
        stem = word[: -len(ending)]
        if len(stem) >= 4 and (is_family(stem) or is_patronymic(stem)):
            return stem
    return word


RU_CASES = [  # (ending of the form, ending of the nominative), family names and patronymics
    ("овым", "ов"),
    ("евым", "ев"),
    ("овой", "ова"),
    ("евой", "ева"),
    ("ову", "ов"),
    ("еву", "ев"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ине", "ина"),
    ("иной", "ина"),
    ("ина", "ин"),
    ("ину", "ин"),
    ("ичем", "ич"),
    ("ичу", "ич"),
    ("ича", "ич"),
    ("овны", "овна"),
    ("евны", "евна"),
    ("овне", "овна"),
    ("евне", "евна"),
    ("овной", "овна"),
    ("евной", "евна"),
    ("ского", "ский"),
    ("скому", "ский"),
    ("ской", "ская"),
]


def ru_nominative(word: str, nominatives: set[str]) -> tuple[str, str | None]:
    """The nominative of a declined Russian family name or patronymic, and the case it was in
    (``gen``, ``dat``, ``ins``), when another mention in ``nominatives`` or the ending shows it."""
    lower = word.lower()
    for ending, nominative in RU_CASES:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            candidate = word[: -len(ending)] + nominative
            case = (
                "ins"
                if ending.endswith(("ым", "ем", "ой"))
                else "dat"
                if ending.endswith(("у", "е"))
                else "gen"
            )
            unambiguous = ending not in {"ова", "ева", "ина"}  # also a woman's nominative
            if candidate.lower() in nominatives or (unambiguous and candidate.lower() != lower):
                return candidate, case
    return word, None


def ru_given_nominative(word: str, case: str | None) -> str:
    """Undo the case of a given name that stood beside a declined family name."""
    if case is None:
        return word
    lower = word.lower()
    if case == "gen":
        if lower.endswith("я") and len(lower) > 3:
            return word[:-1] + "й"
        if lower.endswith("а") and len(lower) > 3 and lower[-2] not in "аеиоуыэюяё":
            return word[:-1]
        if lower.endswith(("ы", "и")):
            return word[:-1] + "а"
    if case == "dat" and lower.endswith(("у", "ю")):
        return word[:-1] + ("й" if lower.endswith("ю") else "")
    if case == "ins" and lower.endswith(("ом", "ем")):
        return word[:-2] + ("й" if lower.endswith("ем") else "")
    return word


@functools.cache
def _stop_words() -> frozenset[str]:
    """Capitalised words that are never part of a person's name."""
    out: set[str] = set()
    for lang_words in rules("people")["posts"].values():
        out.update(str(w).lower() for w in lang_words)
    for month in rules("months")["months"]:
        for names in month.values():
            out.update(str(n).lower() for n in names)
    out.update(str(w).lower() for w in rules("months")["weekdays"])
    out.update(str(w).lower() for w in rules("names")["not_names"])
    return frozenset(out)


@functools.cache
def _body_stems() -> tuple[str, ...]:
    out: set[str] = set()
    for table in rules("people")["bodies"].values():
        for kind in ("organisation", "project", "territorial"):
            out.update(str(s).lower() for s in table.get(kind, []))
    return tuple(sorted(out))


NAME_SUFFIXES = ("бек", "бай", "гүл", "гул", "кан", "хан", "bek", "bai", "gul")
"""Kyrgyz names built on a common word ("Советбек", "Мектепбай") stay names."""


@functools.lru_cache(maxsize=8192)
def is_stop(word: str) -> bool:
    w = word.lower()
    if w in _stop_words() or any(
        w.startswith(s) and len(s) >= 5 for s in rules("names")["not_name_stems"]
    ):
        return True
    return any(
        w.startswith(s) and (len(s) >= 6 or len(w) - len(s) <= 4) and not w.endswith(NAME_SUFFIXES)
        for s in _body_stems()
        if " " not in s
    )


def find_names(view: str, start: int, end: int, lang: str) -> list[NameMention]:
    """Name-like runs in ``view[start:end]`` (strong ones, and two-word runs for context checks)."""
    found: list[NameMention] = []
    taken = bytearray(max(0, end - start))  # offsets already inside a name

    def free(a: int, b: int) -> bool:
        return not any(taken[a - start : b - start])

    def take(a: int, b: int) -> None:
        taken[a - start : b - start] = b"\x01" * (b - a)

    for pat, initials_first in ((P_INIT_FIRST, True), (P_INIT_LAST, False)):
        for m in pat.finditer(view, start, end):
            word = m.group("w")
            if is_stop(word) or not free(m.start(), m.end()):
                continue
            if not initials_first and not (
                is_family(_base(word, lang)) or _followed_by_name_end(view, m.end())
            ):
                continue
            initials = re.findall(INITIAL, m.group("i"))
            family = _base(word, lang)
            name = PersonName(family, initials[0], initials[1] if len(initials) > 1 else None)
            found.append(NameMention(m.start(), m.end(), name, m.group(), True))
            take(m.start(), m.end())
    for m in P_WORDS.finditer(view, start, end):
        parts = m.group("w").split()
        offset = m.start()
        # drop stop words at either end ("Куттуктоо", "Министр") and split at inner ones
        runs: list[list[tuple[int, str]]] = [[]]
        pos = offset
        for part in parts:
            at = view.index(part, pos)
            pos = at + len(part)
            if is_stop(part) and part.lower() not in FILIAL:
                runs.append([])
            else:
                runs[-1].append((at, part))
        for run in runs:
            if not run:
                continue
            a, b = run[0][0], run[-1][0] + len(run[-1][1])
            if not free(a, b):
                continue
            if len(run) > 3 or (len(run) == 3 and _parts([w for _, w in run], lang)[0] is None):
                # "вице-мэр Токмока Айгуль Бейшеновна Сатарова"; "аким Асан Токтогулов Бакай-Ата
                # районунун ...": a place after the name is not part of it
                run = _best_window(run, lang)
                if not run:
                    continue
                a, b = run[0][0], run[-1][0] + len(run[-1][1])
            name, strong = _parts([w for _, w in run], lang)
            if name is None:
                continue
            found.append(NameMention(a, b, name, view[a:b], strong))
            take(a, b)
    found.sort(key=lambda n: n.start)
    return found


def _best_window(run: list[tuple[int, str]], lang: str) -> list[tuple[int, str]]:
    """The two or three words of a longer capitalised run that make the most marked name:
    a place or a body's name in front of a person's name is not part of it. Ties go to the
    rightmost window, since the name follows the words that qualify its post."""
    best: tuple[tuple[int, int, bool], list[tuple[int, str]]] | None = None
    for size in (3, 2):
        for i in range(len(run) - size + 1):
            window = run[i : i + size]
            words_ = [w for _, w in window]
            name, strong = _parts(words_, lang)
            if name is None or not strong:
                continue
            marks = sum(is_patronymic(w) for w in words_) + sum(
                is_family(_base(w, lang)) for w in words_
            )
            key = (marks, size, not any(_is_place_word(w) for w in words_))
            if best is None or key >= best[0]:
                best = (key, window)
    return best[1] if best else []


def _is_place_word(word: str) -> bool:
    """A settlement or district of the gazetteer ("Бакай-Ата", "Балыкчы"), not a name's part."""
    from kg.extract.places import gazetteer  # places reads names: imported here, not at the top

    return gazetteer().lookup(word) is not None


def _followed_by_name_end(view: str, end: int) -> bool:
    return bool(re.match(r"\s*[,)]", view[end : end + 3]))


def _base(word: str, lang: str) -> str:
    return strip_ky_case(word) if lang == "ky" else word


def _parts(words_: list[str], lang: str) -> tuple[PersonName | None, bool]:
    """Assign family, given and patronymic to a run of capitalised words."""
    filial = next((i for i, w in enumerate(words_) if w.lower() in FILIAL and i > 0), None)
    if filial is not None:
        # "Асан уулу Бакыт", "Бакыт Асан уулу": "<father's name> уулу/кызы" stands where a family
        # name stands in documents and is kept as one part, the family part
        family = f"{words_[filial - 1]} {words_[filial]}"
        rest = words_[: filial - 1] + words_[filial + 1 :]
        if len(rest) != 1:
            return None, False
        return PersonName(family, _base(rest[0], lang), None), True
    words_ = [*words_[:-1], _base(words_[-1], lang)]
    patronymic = next((w for w in words_ if is_patronymic(w)), None)
    family = next((w for w in words_ if w != patronymic and is_family(w)), None)
    others = [w for w in words_ if w not in (patronymic, family)]
    strong = patronymic is not None or family is not None
    if len(words_) == 1:
        if family is None:
            return None, False
        return PersonName(family, None, None), False  # a lone family name needs a post beside it
    if family is None:
        # no marked family name: given name first, family last ("Анна Смит", "John Smith")
        if patronymic is not None:
            family = (
                others.pop(0)
                if words_[0] in others and words_.index(patronymic) == 2
                else others.pop()
            )
        else:
            family = others.pop()
    if len(others) > 1:
        return None, False
    given = others[0] if others else None
    return PersonName(family, given, patronymic), strong


__all__ = [
    "NameMention",
    "find_names",
    "is_family",
    "is_patronymic",
    "ru_given_nominative",
    "ru_nominative",
    "strip_ky_case",
]
