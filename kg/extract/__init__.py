"""Event reports (Kyrgyz, Russian, English) → event records, with the offsets of every fact.

>>> from kg.extract import extract_text
>>> record = extract_text("Бишкек шаарында 2021-жылдын 22-апрелинде тегерек стол өттү.").record
>>> record.event.kind, record.event.date, record.event.region
('тегерек стол', '2021-04-22', 'KG-GB')

:func:`extract_file` reads a file (Markdown, text, HTML, .docx, PDF; see :mod:`kg.sources`);
:func:`extract_text` reads text. Both return an :class:`Extraction`: the record and the text its
spans point into.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from kg.extract.pipeline import build_record
from kg.record import EventRecord, Source
from kg.record_yaml import slug_from_filename
from kg.sources import MAX_TEXT_CHARS, ReportText, blank_comments, read_report


@dataclass(frozen=True)
class Extraction:
    """What the extractor read: the record and the NFC text its spans refer to."""

    record: EventRecord
    text: str
    report: ReportText | None = None


def extract_text(text: str, *, slug: str | None = None) -> Extraction:
    """Extract an event record from report text (NFC-normalised and HTML comments blanked here).

    Only the first :data:`kg.sources.MAX_TEXT_CHARS` characters are read.

    :raises ExtractionError: when no event can be read
    """
    text = blank_comments(unicodedata.normalize("NFC", text))[:MAX_TEXT_CHARS]
    record = build_record(text, slug=slug)
    return Extraction(record, text)


def extract_file(path: str | Path) -> Extraction:
    """Read a report file and extract its event record.

    :raises ReportParseError: the file cannot be read as a report (empty, binary, unsupported, ...)
    :raises ExtractionError: no event can be read from it
    """
    report = read_report(path)
    slug = slug_from_filename(Path(path).name)
    source = Source(slug=slug, file=str(path), sha256=report.sha256)
    record = build_record(report.text, slug=slug, source=source, path=str(path))
    return Extraction(replace(record, source=source), report.text, report)


__all__ = ["Extraction", "extract_file", "extract_text"]
