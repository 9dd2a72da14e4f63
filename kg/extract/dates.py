"""Dates in Kyrgyz, Russian and English text, as ISO 8601 (``2021-04-22``) or ``--MM-DD``.

Forms read: "2021-жылдын 22-апрель күнү", "22-апрелде", "14-июнь, 2022-жыл", "22 апреля 2021 г.",
"April 22, 2021", "22 April 2021", "22.04.2021", "03.11.22", "2021-04-22", and ranges ("С 22 по 24
июля 2024 года", "13-15- августта", "22–24 July", "July 22-24, 2024"). A year outside 1990–2100
(a misprint such as "20021") is not used: the date keeps only its month and day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kg.extract.lexicon import rules

MIN_YEAR, MAX_YEAR = 1990, 2100


@dataclass(frozen=True)
class DateMention:
    """A date found in the text: ``start``/``end`` offsets, the day, and an optional end day."""

    start: int
    end: int
    month: int
    day: int
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    numeric: bool = False
    """Written with digits only (22.04.2021), which also matches version numbers and the like."""

    def iso(self) -> str:
        return _iso(self.year, self.month, self.day)

    def end_iso(self) -> str | None:
        if self.end_day is None:
            return None
        year = self.end_year if self.end_year is not None else self.year
        return _iso(year, self.end_month or self.month, self.end_day)


def _iso(year: int | None, month: int, day: int) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


@functools.cache
def _month_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    stems: dict[str, int] = {}
    for number, names in enumerate(rules("months")["months"], start=1):
        for lang_names in names.values():
            for stem in lang_names:
                stems[str(stem).lower()] = number
    alts = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alts})[\w]*", re.I), stems


def _month_of(word: str) -> int | None:
    _, stems = _month_pattern()
    w = word.lower()
    for stem in sorted(stems, key=len, reverse=True):
        if w.startswith(stem):
            # "май" must not match "майда" as another word: Kyrgyz "майда" (small) is rare in
            # dates; short English stems must be the whole word or a dotted abbreviation
            if len(stem) <= 3 and stem.isascii() and w != stem:
                return None
            return stems[stem]
    return None


MONTH = r"(?<![\w])(?P<m>[^\W\d_][\w]*)"
YEAR_KY = r"(?P<y>\d{4,5})\s*-?\s*(?:жыл\w*|ж\.)"
YEAR_RU = r"(?P<y>\d{4,5})\s*(?:г(?:ода|\.|од)?\b|года)?"
DAY = r"(?P<d>[0-3]?\d)"
DAY2 = r"(?P<d2>[0-3]?\d)"
WORD_START = r"(?<![^\W\d_])"
"""Before a pattern that opens with MONTH: a match starting inside a run of letters would be found
at the run's start anyway, and trying every position of a long run takes quadratic time."""


def _patterns() -> list[re.Pattern[str]]:
    sep = r"\s*[-–—]\s*"
    return [
        # ky: 2021-жылдын 22-апрель (күнү), 2021-жылы 22-23-апрелде
        re.compile(rf"{YEAR_KY}\s+{DAY}(?:{sep}{DAY2})?\s*-\s*{MONTH}", re.I),
        # ru/ky: с 22 по 24 июля 2024 года
        re.compile(
            rf"(?:с|from)\s+{DAY}\s+(?:по|до|to)\s+{DAY2}\s+{MONTH}(?:,?\s+{YEAR_RU})?", re.I
        ),
        # 13-15- августта, 22–24 июля 2024, 22-апрелде, 22 апреля 2021 г., 22 April 2021,
        # 14-июнь, 2022-жыл
        re.compile(
            rf"(?<![\d.]){DAY}(?:{sep}{DAY2})?\s*-?\s*{MONTH}(?:,?\s+(?:{YEAR_KY}|{YEAR_RU.replace('(?P<y>', '(?P<y2>')}))?",
            re.I,
        ),
        # from June 1 to 3, 2023
        re.compile(
            rf"{WORD_START}(?:from\s+)?{MONTH}\s+{DAY}(?:st|nd|rd|th)?\s+(?:to|till|until|through)\s+{DAY2}(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\d])",
            re.I,
        ),
        # April 22, 2021; April 22-24, 2021; April 11
        re.compile(
            rf"{WORD_START}{MONTH}\s+{DAY}(?:st|nd|rd|th)?(?:{sep}{DAY2})?(?:,?\s+(?P<y>\d{{4}}))?(?![\d])",
            re.I,
        ),
        # 22.04.2021, 22/04/2021, 03.11.22
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)[./](?P<mn>[01]?\d)[./](?P<y>\d{4}|\d{2})(?![\d])"),
        # 2021-04-22
        re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?![\d])"),
    ]


PATTERNS = _patterns()


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``text[start:end]``, in order, overlapping matches resolved longest first.

    >>> [d.iso() for d in find_dates("2021-жылдын 22-апрель күнү")]
    ['2021-04-22']
    >>> [(d.iso(), d.end_iso()) for d in find_dates("С 22 по 24 июля 2024 года")]
    [('2024-07-22', '2024-07-24')]
    >>> [(d.iso(), d.end_iso()) for d in find_dates("13-15- августта")]
    [('--08-13', '--08-15')]
    """
    end = len(text) if end is None else end
    found: list[DateMention] = []
    for pat in PATTERNS:
        for m in pat.finditer(text, start, end):
            mention = _mention(m)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            if d.end - d.start > out[-1].end - out[-1].start and d.start == out[-1].start:
                out[-1] = d
            continue
        out.append(d)
    return out


def _mention(m: re.Match[str]) -> DateMention | None:
    groups = m.groupdict()
    numeric = "mn" in groups and groups["mn"] is not None
    if numeric:
        month = int(groups["mn"])
    else:
        month = _month_of(groups["m"])
        if month is None:
            return None
    day = int(groups["d"])
    end_day = int(groups["d2"]) if groups.get("d2") else None
    year_text = groups.get("y") or groups.get("y2")
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        year += 2000
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        year = None  # a misprinted year is not corrected by a guess
    if not _valid(year, month, day) or (end_day is not None and not _valid(year, month, end_day)):
        return None
    if end_day is not None and end_day <= day:
        return None
    return DateMention(m.start(), m.end(), month, day, year, end_day, None, None, numeric)


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def shift(mention: DateMention, days: int) -> str | None:
    """The ISO date ``days`` after a dated mention (for "tomorrow" against a dateline)."""
    if mention.year is None:
        return None
    day = dt.date(mention.year, mention.month, mention.day) + dt.timedelta(days=days)
    return day.isoformat()


@functools.cache
def relative_words() -> dict[str, int]:
    out: dict[str, int] = {}
    for table in rules("months")["relative"].values():
        out.update({str(k).lower(): int(v) for k, v in table.items()})
    return out


def find_relative(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Relative day words ("Эртең", "вчера", "today") as (start, end, shift in days)."""
    table = relative_words()
    alts = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    pat = re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.I)
    return [(m.start(), m.end(), table[m.group().lower()]) for m in pat.finditer(text, start, end)]


__all__ = ["DateMention", "find_dates", "find_relative", "shift"]
