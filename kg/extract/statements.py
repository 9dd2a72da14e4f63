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


def outcome(doc: Document, excluded: list[Unit]) -> tuple[int, int] | None:
    """The sentence that states the result: one with a result cue ("жыйынтыгында", "по итогам",
    "summing up"), else the closing sentence when it reports what participants did."""
    cue = pattern("cues", "outcome", doc.lang, whole=False)
    future = pattern("cues", "future", doc.lang, whole=False)
    candidates = [s for s in doc.sentences if not any(u.start <= s.start < u.end for u in excluded)]
    for s in candidates:
        text = doc.at(s)
        if cue.search(text) and not future.search(text) and not _is_list_item(doc, s):
            return doc.trim(s.start, s.end, " \t\n.;")
    if not candidates:
        return None
    last = candidates[-1]
    text = doc.at(last)
    subjects = stems("cues", "closing_subjects", doc.lang)
    past = pattern("cues", "past_tense", doc.lang, whole=False)
    audience = pattern("cues", "audience", doc.lang)
    if (
        text.endswith((".", "!"))
        and not re.search(r"\d", text)
        and subjects.search(text)
        and past.search(text)
        and not future.search(text)
        and not audience.search(text)
        and not _is_list_item(doc, last)
    ):
        return doc.trim(last.start, last.end, " \t\n.;")
    return None


def _is_list_item(doc: Document, s: Unit) -> bool:
    line_start = doc.text.rfind("\n", 0, s.start) + 1
    return bool(re.match(r"\s*(?:\d+[.)]|[-•*])\s", doc.text[line_start : s.start + 3]))


__all__ = ["goal_in_text", "outcome"]
