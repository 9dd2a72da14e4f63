"""Labelled fields of structured reports: "**Катышуучулар:** ...", "Цель: ...", a table row.

A field is a line that opens with a short label, in bold or not, followed by a colon, a tab (a
table cell), a dash or a table bar. Which field a label names comes from ``rules/labels.yaml``.
A label with no value on its own line (a heading such as "Сунуштар:") opens a block that runs to
the next label or blank-line-separated heading; its lines are the value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.document import Document, Unit
from kg.extract.lexicon import rules

LABEL_RE = re.compile(
    r"[ \t]*(?:\d+[.)]\s*)?(?P<label>[^\n:\t|]{2,80}?)[ \t]*(?::|\t|[ \t][—–-][ \t])[ \t]*"
)


KY_GENITIVE = re.compile(r"(?:[нд][ыиуү]н|т[ыиуү]н)$", re.I)
FINITE_VERB = re.compile(r"(?:[ыиуүеа]шт[ыиуү]|[ыиуү]лд[ыиуү]|\w{4}[аеиоуыя]ли|\w{3}ed)$", re.I)
"""The end of a finite verb of participants together: Kyrgyz "-ышты", "-үлдү", Russian "-или",
English "-ed" (not the possessive "-ты"/"-ды" of a Kyrgyz label such as "максаты")."""


@dataclass(frozen=True)
class Field:
    """One labelled field: its name, the label's span and the value's span (view offsets)."""

    name: str
    label: Unit
    value: Unit
    block: tuple[Unit, ...] = ()
    """The lines under a label that stands alone (a list of recommendations)."""


@functools.cache
def _label_keys() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for name, keys in rules("labels")["fields"].items():
        alts = "|".join(re.escape(str(k)) for k in sorted(keys, key=len, reverse=True))
        out.append((name, re.compile(rf"(?<![\w-])(?:{alts})", re.I)))
    return out


def classify_label(label: str) -> str | None:
    """The field a label names, or ``None``.

    >>> classify_label("Катышуучулардын саны")
    'count'
    >>> classify_label("Дата и место проведения")
    'date_place'
    >>> classify_label("Катышуучулардын сунуштары")
    'recommendations'
    """
    label = " ".join(label.split())
    words = label.split()
    if len(words) > rules("labels")["max_words"]:
        return None
    if len(words) >= 3 and any(FINITE_VERB.search(w) for w in words[1:]):
        return None  # "Катышуучулар төмөнкү көйгөйлөрдү белгилешти:" is a sentence, not a label
    found = [
        (m.start(), -len(m.group()), order, name)
        for order, (name, pat) in enumerate(_label_keys())
        for m in pat.finditer(label)
    ]
    if not found:
        return None
    if KY_GENITIVE.search(words[0]):
        # a Kyrgyz genitive modifies the noun after it: "Катышуучулардын сунуштары" are proposals
        found = [
            (-(start - length), length, order, name) for start, length, order, name in found
        ]  # by end
    return min(found)[3]


def find_fields(doc: Document) -> list[Field]:
    """Every labelled field of the report, in order."""
    fields: list[Field] = []
    lines = doc.lines
    for i, line in enumerate(lines):
        m = LABEL_RE.match(doc.view, line.start, line.end)
        if not m:
            continue
        label = m.group("label").strip()
        lower_start = not label or (label[0].islower() and not re.match(r"\d", m.group().lstrip()))
        if lower_start and not _bold_label(doc, line.start, m.end("label")):
            continue  # labels open with a capital; a lower-case start is running prose
        name = classify_label(label)
        if name is None:
            continue
        value = Unit(*doc.trim(m.end(), line.end, " \t"))
        block: list[Unit] = []
        if value.start >= value.end:
            for nxt in lines[i + 1 :]:
                seg = doc.view[nxt.start : nxt.end]
                nm = LABEL_RE.match(doc.view, nxt.start, nxt.end)
                if nm and classify_label(nm.group("label")) and not re.match(r"\s*\d+[.)]", seg):
                    break
                if (
                    not re.match(r"\s*(?:\d+[.)]|[-•–*·])\s", doc.text[nxt.start : nxt.end])
                    and block
                ):
                    break
                block.append(nxt)
        fields.append(
            Field(name, Unit(line.start + m.start("label"), m.end("label")), value, tuple(block))
        )
    return fields


def _bold_label(doc: Document, start: int, end: int) -> bool:
    return "**" in doc.text[start : end + 3] or "<b>" in doc.text[start:end]


def first(fields: list[Field], name: str) -> Field | None:
    return next(
        (f for f in fields if f.name == name and (f.value.end > f.value.start or f.block)), None
    )


__all__ = ["Field", "classify_label", "find_fields", "first"]
