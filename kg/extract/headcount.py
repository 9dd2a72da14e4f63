"""How many took part: a count field or the sentence that says who came, and, when the count is all
the audience there is ("20 лидер айым"), the counted phrase as the audience."""

from __future__ import annotations

import re

from kg.extract import counts
from kg.extract.document import Document
from kg.extract.fields import Field, first
from kg.extract.lexicon import rules
from kg.record import Participants

PARTICIPATION = re.compile(
    r"катыш|катыша|чогул|келиш|участ|присутств|собрал|пришл|particip|attend|gather|took\s+part|came|joined|"
    r"brought\s+together|"
    r"тренинг\w*\s|trained",
    re.I,
)


def participants(
    doc: Document, fields: list[Field]
) -> tuple[Participants, dict[str, tuple[int, int]]]:
    f = first(fields, "count")
    audience = first(fields, "audience")
    if (
        f is None
        and audience is not None
        and re.match(r"\s*\d", doc.view[audience.value.start : audience.value.end])
    ):
        f = audience  # "Participants: 18 journalists and ..."
    if f is not None:
        result, found = counts.participants_from_field(doc.view, f.value.start, f.value.end)
    else:
        result, found = Participants(), []
        for s in doc.sentences:
            text = doc.view[s.start : s.end]
            part, got = counts.participants_from_text(doc.view, s.start, s.end)
            if part.is_empty():
                continue
            if not PARTICIPATION.search(text) and not any(
                c.what == "people"
                and re.match(
                    r"(?i)катышуучу|участник|particip", doc.view[c.end : c.end + 20].strip()
                )
                for c in got
            ):
                continue
            result, found = part, got
            break
    spans: dict[str, tuple[int, int]] = {}
    for key in ("total", "women", "men"):
        value = getattr(result, key)
        what = {"total": "people", "women": "women", "men": "men"}[key]
        c = next((c for c in found if c.what == what and c.value == value), None)
        if c is None and key == "total" and value is not None:
            c = next((c for c in found if c.value == value), None)
        if c is not None:
            spans[key] = (c.start, c.end)
    return result, spans


def count_phrase(doc: Document, span: tuple[int, int]) -> list[tuple[int, int, str]]:
    """ "20 лидер айым": the words after the number name the audience when there is no list."""
    m = re.match(r"\s+((?:[^\W\d_][\w-]*\s+){1,2}[^\W\d_][\w-]*)", doc.view[span[1] : span[1] + 60])
    if not m:
        return []
    words = m.group(1).split()
    nouns = rules("cues")["count_nouns"]["women"] + rules("cues")["count_nouns"]["people"]
    for n in range(len(words), 0, -1):
        if any(words[n - 1].lower().startswith(str(x)) for x in nouns) and n >= 2:
            a = span[1] + m.start(1)
            text = " ".join(words[:n])
            return [(a, a + len(" ".join(doc.view[a:].split()[:n])), text)]
    return []


__all__ = ["count_phrase", "participants"]
