"""When the event took place: a date field, a date in a sentence about the event, or a relative day
("Эртең", "Вчера, 11 марта", "today") against a dated dateline; and the report's top lines (headline,
news dateline, press-release date line, "City, Country –" line) that it needs.
"""

from __future__ import annotations

import re

from kg.extract import dates
from kg.extract.document import Document, Unit
from kg.extract.fields import Field, first
from kg.extract.lexicon import rules

NEWS_DATELINE = re.compile(
    r"\d{1,2}:\d{2}|/[^/\s]{2,30}/|\b[\w-]+\.(?:kg|kz|ru|com|org|net)\b|\(\w+\)|[—–-]\s*[A-ZА-Я][\w-]*\s*$"
)


def event_date(
    doc: Document,
    fields: list[Field],
    event_units: list[Unit],
    dateline: Unit | None,
    press_date: Unit | None,
) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The event's start date, end date (ISO or ``--MM-DD``) and the span they were read from.

    A dateline is the day of the news item, not the event's: it gives the date only when the text
    ties the event to it with a relative day ("tomorrow", "Бүгүн") or in a press release's own date
    line. A date without a year takes the dateline's year only when a relative day beside it
    confirms the dateline ("Вчера, 11 марта" under a dateline of 12 March 2024).
    """
    date_field = first(fields, "date_place") or first(fields, "date")
    candidates: list[dates.DateMention] = []
    if date_field is not None:
        candidates = dates.find_dates(doc.view, date_field.value.start, date_field.value.end)
    if not candidates:
        skip = [u for u in (dateline, press_date) if u is not None]
        for units in (event_units, doc.sentences):
            for s in units:
                found = [
                    d
                    for d in dates.find_dates(doc.view, s.start, s.end)
                    if not any(u.start <= d.start < u.end for u in skip)
                ]
                if found:
                    candidates = found
                    break
            if candidates:
                break
    anchor = _dated(doc, dateline) or _dated(doc, press_date)
    if candidates:
        d = candidates[0]
        iso, end_iso = d.iso(), d.end_iso()
        if d.year is None and anchor is not None:
            iso, end_iso = _confirmed_year(doc, d, anchor, iso, end_iso)
        return iso, end_iso, (d.start, d.end)
    relative = [r for s in event_units for r in dates.find_relative(doc.view, s.start, s.end)]
    if anchor is not None and relative:
        return dates.shift(anchor, relative[0][2]), None, relative[0][:2]
    if press_date is not None and (d := _dated(doc, press_date)) is not None:
        return d.iso(), None, (d.start, d.end)
    return None, None, None


def _confirmed_year(
    doc: Document, d: dates.DateMention, anchor: dates.DateMention, iso: str, end_iso: str | None
) -> tuple[str, str | None]:
    sentence = doc.sentence_of(d.start)
    if sentence is None:
        return iso, end_iso
    for _, _, days in dates.find_relative(doc.view, sentence.start, sentence.end):
        shifted = dates.shift(anchor, days)
        if shifted and shifted[5:] == iso[2:]:
            end = f"{shifted[:4]}{end_iso[1:]}" if end_iso else None
            return shifted, end
    return iso, end_iso


def top_lines(doc: Document) -> tuple[Unit | None, Unit | None, Unit | None, Unit | None]:
    """The headline, a news dateline, a press-release date line and a "City, Country –" line."""
    headline = dateline = press = city_line = None
    top = doc.paragraphs[0].start if doc.paragraphs else 0
    for p in doc.paragraphs[:5]:
        if p.start - top > 600:
            break
        text = doc.view[p.start : p.end]
        found = dates.find_dates(doc.view, p.start, min(p.end, p.start + 120))
        prefix = re.match(r"\s*([A-ZА-ЯЁӨҮҢ][\w-]+)(?:,\s*[A-ZА-ЯЁӨҮҢ][^\W\d][^\d,\n]*)?,\s*", text)
        if (
            found
            and dateline is None
            and prefix
            and found[0].start == p.start + prefix.end()
            and prefix.group(1).lower() not in _weekdays()
            # "Бүгүн, 13-августа ...": a relative day opens the body, it is no town
            and prefix.group(1).lower() not in dates.relative_words()
        ):
            tail = re.match(
                r"\.?\s*(?:/[^/\n]{1,30}/\.?\s*)?[-–—]?", doc.view[found[0].end : p.end]
            )
            if tail and tail.end() > 0:
                dateline = Unit(p.start, found[0].end + tail.end())
                continue
        if found and dateline is None and press is None:
            d = found[0]
            first_sentence = doc.sentence_of(d.start)
            unit = first_sentence or p
            rest = (doc.view[unit.start : d.start] + doc.view[d.end : unit.end]).lower()
            rest_words = [w for w in re.findall(r"[^\W\d_]+", rest) if w not in _weekdays()]
            if (
                NEWS_DATELINE.search(doc.view[unit.start : unit.end])
                and unit.end - unit.start < 120
            ):
                dateline = unit
                continue
            if not rest_words and unit.end - unit.start < 60:
                press = unit
                continue
        if city_line is None and re.match(
            r"\s*[A-ZА-ЯЁӨҮҢ][\w-]+,\s+[A-ZА-ЯЁӨҮҢ][\w\s-]{3,40}?\s*[–—-]", text
        ):
            city_line = Unit(p.start, p.start + text.find(",") if "," in text else p.end)
        if headline is None and not text.rstrip().endswith((".", ":")) and len(text.split()) < 20:
            headline = p
    return headline, dateline, press, city_line


def _weekdays() -> set[str]:
    return {str(w).lower() for w in rules("months")["weekdays"]} | {
        "г",
        "года",
        "год",
        "жыл",
        "жылы",
        "ж",
    }


def _dated(doc: Document, unit: Unit | None) -> dates.DateMention | None:
    if unit is None:
        return None
    found = [d for d in dates.find_dates(doc.view, unit.start, unit.end) if d.year is not None]
    return found[0] if found else None


__all__ = ["event_date", "top_lines"]
