"""The venue: a hotel, hall or building where the event took place, without quotes.

Read from a date-and-place field or from prose: a quoted or capitalised name before a Kyrgyz
head noun ("\"Ала-Тоо Резорт\" мейманканасында"), after a Russian one ("в гостинице «Ак-Кеме»"),
or an English name ending in Hotel, Hall, Centre ("the Park Hotel hosted").
"""

from __future__ import annotations

import re

from kg.extract.document import Document
from kg.extract.lexicon import rules

CAP = r"[A-ZА-ЯЁӨҮҢ][\w&'’.-]*"


def venue_in_field(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """In "22 April 2021, Jalal-Abad, "Ала-Тоо" hotel": the part that is neither date nor place."""
    from kg.extract.dates import find_dates
    from kg.extract.places import mentions

    dated = find_dates(doc.view, start, end)
    placed = mentions(doc, start, end)
    pos = start
    pieces = []
    for m in re.finditer(r",|$", doc.view[start:end]):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    for a, b in pieces:
        a, b = doc.trim(a, b)
        if b <= a or any(a <= d.start < b or d.start <= a < d.end for d in dated):
            continue
        rest = doc.view[a:b]
        covered = sum(min(b, m.end) - max(a, m.start) for m in placed if m.start < b and a < m.end)
        if covered >= 0.6 * len(rest.strip()):
            continue
        quoted = re.search(r"[\"«“]([^\"«»“”]{2,80})[\"»”]", rest)
        if quoted:
            return a + quoted.start(1), a + quoted.end(1)
        return a, b
    return None


def find_venue(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    view = doc.view
    cues = rules("cues")["venue"]
    if doc.lang == "ky":
        heads = "|".join(cues["ky_after_name"])
        m = re.search(rf"[\"«“]([^\"«»“”\n]{{2,80}})[\"»”]\s+(?:{heads})", view[start:end], re.I)
        if m:
            return start + m.start(1), start + m.end(1)
        m = re.search(rf"((?:{CAP}\s+){{0,3}}{CAP})\s+(?:{heads})", view[start:end])
        if m:
            return start + m.start(1), start + m.end(0)
    if doc.lang == "ru":
        m = re.search(r"(?:гостиниц|отел|пансионат|санатори|ресторан|кафе|конференц-зал|зал)\w*\s+[\"«“]([^\"«»“”\n]{2,80})[\"»”]",
                      view[start:end], re.I)
        if m:
            return start + m.start(1), start + m.end(1)
        before = "|".join(cues["ru_before_name"])
        m = re.search(rf"(?:{before})\s+[\"«“]([^\"«»“”\n]{{2,80}})[\"»”]", view[start:end], re.I)
        if m:
            return start + m.start(1), start + m.end(1)
        m = re.search(rf"(?:{before})\s+((?:{CAP}\s+){{0,3}}{CAP})", view[start:end], re.I)
        if m:
            return start + m.start(1), start + m.end(1)
    if doc.lang != "en":
        return None
    heads = "|".join(cues["en_name_head"])
    name = rf"((?:{CAP}\s+){{1,4}}(?i:{heads}))(?![\w])"
    m = re.search(rf"(?:(?<![\w])(?:at|in)\s+the\s+{name}|(?<![\w])[Tt]he\s+{name}(?=\s+(?:hosted|was\s+the\s+venue)))",
                  view[start:end])
    if m:
        group = 1 if m.group(1) else 2
        return start + m.start(group), start + m.end(group)
    return None


__all__ = ["find_venue"]
