"""Participant counts: "43, 21 аялдар жана 22 эркектер", "43 человека, из них 21 женщина",
"43 participants (21 women)", "20 лидер айым", numbers written in words.

Only exact counts are kept: a number after "более", "порядка", "about", "more than" or before
"-дөн ашуун" is approximate and left out, as a careful reader would.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.lexicon import pattern, rules
from kg.record import Participants


@dataclass(frozen=True)
class Count:
    """A number that counts people: its value, what it counts and where it stands."""

    value: int
    what: str  # "people", "women", "men" or "" (a bare number in a count field)
    start: int
    end: int
    partitive: bool = False


@functools.cache
def _number_words() -> list[tuple[str, int]]:
    table: dict[str, int] = {}
    for lang_table in rules("numbers")["units"].values():
        table.update({str(k).lower(): int(v) for k, v in lang_table.items()})
    return sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True)


@functools.lru_cache(maxsize=2048)
def _word_value(word: str) -> int | None:
    w = word.lower()
    for stem, value in _number_words():
        if w == stem or (w.startswith(stem) and len(stem) >= 4 and len(w) - len(stem) <= 4):
            return value
        if w.startswith(stem) and KY_NUMBER_SUFFIX.fullmatch(w[len(stem) :]):
            return value  # "экиси" (two of them), "бешөө" (the five)
    return None


KY_NUMBER_SUFFIX = re.compile(r"с?[ыиуү]|[ыиуү]н|[оө]{2}")
"""Kyrgyz endings on a number word: possessive ("экиси", of them two), collective ("бешөө")."""
NUMBER_TOKEN = r"\d{1,5}|[^\W\d_]+(?:[-\s][^\W\d_]+){0,2}"  # noqa: S105 (a regex, not a password)


def parse_number(text: str) -> int | None:
    """A whole number written in digits or words ("43", "кырк үч", "сорок три", "forty-three").

    >>> parse_number("кырк үч"), parse_number("сорок три"), parse_number("forty-three")
    (43, 43, 43)
    """
    text = text.strip()
    if text.isdecimal():  # not isdigit(): "¹" is a digit that int() refuses
        return int(text)
    total, seen = 0, False
    for part in re.split(r"[-\s]+", text):
        value = _word_value(part)
        if value is None:
            return None
        if value == 100 and total:
            total *= 100
        else:
            total += value
        seen = True
    return total if seen else None


@functools.cache
def _noun_pattern() -> re.Pattern[str]:
    alts = []
    for what, nouns in rules("cues")["count_nouns"].items():
        stem_alts = "|".join(str(n) for n in sorted(nouns, key=len, reverse=True))
        alts.append(rf"(?P<{what}>(?:{stem_alts})[\w-]*)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})", re.I)


DIGITS = re.compile(r"(?<![\w.,:/-])(\d{1,5})(?![\d.:/]|-?\s*(?:жыл|ж\.|-ж))")


@functools.cache
def _labelled() -> re.Pattern[str]:
    return re.compile(rf"(?:{_noun_pattern().pattern}){LABELLED}(?P<n>\d{{1,5}})", re.I)


LABELLED = r"\s*[–—:-]\s*(?=\d)"
"""A sex named before its number: "женщин – 20", "аялдар – 17", "women: 16"."""
PARTICIPATED = re.compile(
    r"катыш|участвова|приняли\s+участие|took\s+part|attended|participated|келди|келишти", re.I
)


def find_counts(text: str, start: int, end: int) -> list[Count]:
    """Counts of people in ``text[start:end]``: a number followed (within two words) by a noun
    for people, women or men, or in parentheses after such a count; a noun followed by a dash and
    its number ("женщин – 20"); a number whose group is split by sex right after it ("26 жаш
    активист ..., алардын 15и кыздар") or that the verb of taking part follows."""
    out: list[Count] = []
    nouns = _noun_pattern()
    approx_before = pattern("cues", "approximate", "before", whole=False)
    partitive = pattern("cues", "partitive")
    for m in _labelled().finditer(text, start, end):
        what = _what(m)
        if what != "people":
            out.append(Count(int(m.group("n")), what, m.start("n"), m.end("n"), True))
    taken = {c.start for c in out}
    for m in DIGITS.finditer(text, start, end):
        if m.start() in taken:
            continue
        n = int(m.group(1))
        if _approximate(text, m.start(), m.end(), approx_before):
            continue
        what = _what_follows(text, m.end(), end, nouns)
        if what is None:
            continue
        window = text[max(start, m.start() - 30) : m.start()]
        is_part = (
            bool(partitive.search(window)) or "(" in window[-3:] or _partitive_after(text, m.end())
        )
        out.append(Count(n, what, m.start(), m.end(), is_part))
    tokens = list(re.finditer(r"[^\W\d_]+", text[start:end]))
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            group = tokens[i : i + size]
            if len(group) < size:
                continue
            a, b = start + group[0].start(), start + group[-1].end()
            n = parse_number(text[a:b])
            if n is None or n < 2 or not re.fullmatch(r"[^\W\d_]+(?:[-\s]+[^\W\d_]+)*", text[a:b]):
                continue
            what = _what_follows(text, b, end, nouns)
            if what is not None and not _approximate(text, a, b, approx_before):
                window = text[max(start, a - 30) : a]
                out.append(
                    Count(
                        n, what, a, b, bool(partitive.search(window)) or _partitive_after(text, b)
                    )
                )
            i += size - 1
            break
        i += 1
    out.sort(key=lambda c: c.start)
    return out


def _what(m: re.Match[str]) -> str:
    return next(k for k in ("people", "women", "men") if m.group(k) is not None)


def _what_follows(text: str, pos: int, end: int, nouns: re.Pattern[str]) -> str | None:
    after = text[pos : min(end, pos + 40)]
    what = _noun_after(after, nouns)
    if what is not None:
        nm = nouns.search(after)
        if nm and re.match(LABELLED, after[nm.end() :]):
            return "people"  # "36 (женщин – 20, ...)": the sexes label the numbers after them
        return what
    # "43, 21 аялдар жана 22 эркектер": a bare total right before a split by sex
    split = re.match(r"\s*[,(]\s*(\d{1,5})\s", text[pos : min(end, pos + 12)])
    if split and _noun_after(text[pos + split.end() :][:40], nouns) in {"women", "men"}:
        return "people"
    # "26 жаш активист катышты, алардын 15и кыздар": a group said to take part or split by sex
    group = re.match(r"(?:\s+[^\W\d_][\w'’-]*){1,4}?(?=\s*,?\s*\S)", text[pos : min(end, pos + 80)])
    while group:
        rest = text[pos + group.end() : min(end, pos + group.end() + 60)].lstrip(" ,")
        if PARTICIPATED.match(rest):
            return "people"
        part = SPLIT_BY_SEX.match(rest)
        sex = nouns.search(rest, part.end(), part.end() + 30) if part else None
        if (
            sex
            and sex.lastgroup in {"women", "men"}
            and re.search(r"\d|[^\W\d_]", rest[part.end() : sex.start()])
        ):
            return "people"
        group = re.match(
            rf"{re.escape(group.group())}\s+[^\W\d_][\w'’-]*", text[pos : min(end, pos + 80)]
        )
        if group and len(group.group().split()) > 4:
            break
    return None


SPLIT_BY_SEX = re.compile(
    r"(?:алардын(?:\s+ичинен|\s+ичинде)?|анын\s+ичинде|из\s+них|в\s+том\s+числе|среди\s+них|of\s+(?:them|whom)|"
    r"among\s+them|including)[\s,]*(?=\d|[^\W\d_])",
    re.I,
)


def _partitive_after(text: str, pos: int) -> bool:
    """ "twenty-three of them women", "15 из них женщины": the part follows the number."""
    return bool(re.match(r"\s+(?:of\s+(?:them|whom)|из\s+них)\b", text[pos : pos + 20], re.I))


def _noun_after(after: str, nouns: re.Pattern[str]) -> str | None:
    """What a number counts: a people noun right after it or after one or two modifiers."""
    lead = re.match(r"[\s(]*(?:[ыиуү]\s+)?", after)
    rest = after[lead.end() if lead else 0 :]
    for _ in range(3):
        nm = nouns.match(rest)
        if nm:
            return nm.lastgroup
        word = re.match(r"[^\W\d_][\w-]*\s+", rest)
        if not word:
            return None
        rest = rest[word.end() :]
    return None


def _approximate(text: str, start: int, end: int, approx_before: re.Pattern[str]) -> bool:
    before = text[max(0, start - 25) : start]
    if re.search(rf"(?<![\w-])(?:{approx_before.pattern})\s*$", before, re.I):
        return True
    after = text[end : end + 25]
    return bool(
        re.match(
            r"\s*-?\s*(?:[дт][аеоө]н|[гк][аеоө])\s+(?:ашуун|ашык|көп|жакын|чейин)|[дт][аеоө]н\s|\+",
            after,
            re.I,
        )
    )


def participants_from_field(text: str, start: int, end: int) -> tuple[Participants, list[Count]]:
    """A count field's value: "43, 21 аялдар жана 22 эркектер", "43 (21 women, 22 men)"."""
    counts = find_counts(text, start, end)
    first = re.match(r"[\s*]*(\d{1,5})(?![\d])", text[start:end])
    if first and not any(c.start == start + first.start(1) for c in counts):
        if not _approximate(
            text,
            start + first.start(1),
            start + first.end(1),
            pattern("cues", "approximate", "before", whole=False),
        ):
            value = int(first.group(1))
            counts.insert(0, Count(value, "people", start + first.start(1), start + first.end(1)))
    elif first is None:
        number = re.match(rf"\s*({NUMBER_TOKEN})", text[start:end])
        if number and (value := parse_number(number.group(1))) is not None:
            counts.insert(0, Count(value, "people", start + number.start(1), start + number.end(1)))
    return _combine(counts, in_field=True), counts


def participants_from_text(text: str, start: int, end: int) -> tuple[Participants, list[Count]]:
    counts = find_counts(text, start, end)
    return _combine(counts, in_field=False), counts


def _combine(counts: list[Count], *, in_field: bool) -> Participants:
    total = next((c.value for c in counts if c.what == "people"), None)
    women = next((c.value for c in counts if c.what == "women"), None)
    men = next((c.value for c in counts if c.what == "men"), None)
    if total is None and women is not None and men is None:
        first = next(c for c in counts if c.what == "women")
        if not first.partitive:
            total = women  # "20 лидер айым" — the group is all women
    if total is None and men is not None and women is not None and not in_field:
        pass  # a split without a stated total: the total is not guessed
    if total is not None and ((women or 0) + (men or 0) > total):
        women = men = None  # numbers that do not add up are not a split of this total
    return Participants(total=total, women=women, men=men)


__all__ = [
    "Count",
    "find_counts",
    "parse_number",
    "participants_from_field",
    "participants_from_text",
]
