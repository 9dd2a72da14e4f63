"""Whole statements of a report: the stated goal and the closing outcome."""

from __future__ import annotations

import re

from kg.extract.document import Document, Unit
from kg.extract.lexicon import pattern, stems


def goal_in_text(doc: Document) -> tuple[int, int] | None:
    """A goal stated in prose: "Главная цель круглого стола – ...", "The aim was to ..."."""
    cue = pattern("cues", "goal", doc.lang, whole=False)
    for s in doc.sentences:
        m = cue.search(doc.view, s.start, s.end)
        if m:
            a, b = doc.trim(m.end(), s.end, " \t\n.;:—–-")
            if b - a > 10:
                return a, b
    return None


def is_announcement(doc: Document, event_units: list[Unit]) -> bool:
    """The report announces an event still to come: its lead is in the future tense, or it is
    "tomorrow" against the dateline. An announcement states no outcome."""
    from kg.extract.dates import find_relative

    if not event_units:
        return False
    future = pattern("cues", "future", doc.lang, whole=False)
    lead = doc.at(event_units[0])
    if future.search(lead) and not pattern("cues", "past_tense", doc.lang, whole=False).search(
        lead
    ):
        return True
    return any(
        days > 0 for u in event_units[:2] for _, _, days in find_relative(doc.view, u.start, u.end)
    )


def outcome(
    doc: Document, excluded: list[Unit], field: Unit | None = None, planned: bool = False
) -> tuple[int, int] | None:
    """The sentence that states the result: a labelled field; else one with a result cue
    ("жыйынтыгында", "по итогам", "summing up"); else the closing sentence when it says, in the
    past tense, what the participants, the discussion or the event did or produced, or where its
    results go ("will be sent to", "будет вынесен на сессию", "сессиясына киргизилет")."""
    if field is not None:
        s = doc.sentence_of(field.start)
        end = min(field.end, s.end) if s is not None else field.end
        return doc.trim(field.start, end, " \t\n.;")
    if planned:
        return None
    cue = pattern("cues", "outcome", doc.lang)
    future = pattern("cues", "future", doc.lang, whole=False)
    onward = pattern("cues", "onward", doc.lang, whole=False)
    candidates = [
        s
        for s in doc.sentences
        if not any(u.start <= s.start < u.end for u in excluded)
        and not _is_list_item(doc, s)
        and not doc.at(s).endswith(":")
    ]
    for s in candidates:
        text = doc.at(s)
        if cue.search(text) and (not future.search(text) or onward.search(text)):
            return doc.trim(s.start, s.end, " \t\n.;")
    if not candidates:
        return None
    last = candidates[-1]
    if any(
        s.start > last.start and not any(u.start <= s.start < u.end for u in excluded)
        for s in doc.sentences
    ):
        return None  # a heading or a list closes the report: no closing sentence
    text = doc.at(last)
    from kg.extract.kinds import kind_pattern

    subjects = stems("cues", "closing_subjects", doc.lang)
    past = pattern("cues", "past_tense", doc.lang, whole=False)
    audience = pattern("cues", "audience", doc.lang)
    about = subjects.search(text) or kind_pattern(doc.lang).search(text)
    done = (past.search(text) and not future.search(text)) or onward.search(text)
    if pattern("people", "moderator", doc.lang, whole=False).search(text):
        return None  # "Семинарды X жүргүздү": who led the event, not what came of it
    if (
        text.endswith((".", "!"))
        and not re.search(r"\d", text)
        and about
        and done
        and not audience.search(text)
    ):
        return doc.trim(last.start, last.end, " \t\n.;")
    return None


def _is_list_item(doc: Document, s: Unit) -> bool:
    line_start = doc.text.rfind("\n", 0, s.start) + 1
    return bool(re.match(r"\s*(?:\d+[.)]|[-•*])\s", doc.text[line_start : s.start + 3]))


__all__ = ["goal_in_text", "is_announcement", "outcome"]
