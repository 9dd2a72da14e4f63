"""Event records in and out of YAML, with errors that name the file, line and field.

The YAML shape is the one of ``gold/SCHEMA.md``. Reading is strict about types and codes, because a
record is also what a person writes by hand: a misspelt field or a date in the wrong form is
reported where it stands, never dropped silently (:mod:`kg.record_reader`, :mod:`kg.yaml_fields`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from kg.errors import RecordError, ReportParseError
from kg.record import LANGUAGES, EventRecord, PersonName
from kg.record_reader import EVENT_KEYS, record_from_data
from kg.yaml_fields import FieldReader

MAX_RECORD_BYTES = 5_000_000
"""A record is a few kilobytes; anything this large is not a record (and would be slow to parse)."""


def loads_record(text: str, *, path: str | None = None) -> EventRecord:
    """Read an event record from YAML text.

    >>> loads_record("event: {kind: round table, date: '--04-11'}").event.date
    '--04-11'

    :param path: the file the text came from, used in error messages
    :raises RecordError: when the text is not a record of the schema (file, line and field given)
    :raises ReportParseError: when the text is not YAML at all
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_RECORD_BYTES:
        raise RecordError(
            f"is larger than {MAX_RECORD_BYTES // 1_000_000} MB, too large for an event record",
            path=path,
        )
    reader = FieldReader(text, path)
    return record_from_data(reader.load(), reader)


def load_record(path: str | Path) -> EventRecord:
    """Read an event record from a YAML file.

    :raises RecordError: the file is not a record of the schema
    :raises ReportParseError: the file cannot be read or is not UTF-8 YAML
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ReportParseError(f"cannot read the file: {exc.strerror}", path=str(p)) from exc
    if len(raw) > MAX_RECORD_BYTES:
        raise RecordError("is too large for an event record", path=str(p))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReportParseError(
            "is not UTF-8 text (records are written in UTF-8)", path=str(p), line=line
        ) from exc
    record = loads_record(text, path=str(p))
    if record.source.slug is None:
        record = _with_slug(record, slug_from_filename(p.name), str(p))
    return record


def _with_slug(record: EventRecord, slug: str, file: str) -> EventRecord:
    from dataclasses import replace

    return replace(
        record, source=replace(record.source, slug=slug, file=record.source.file or file)
    )


def slug_from_filename(name: str) -> str:
    """The report's slug from its file name: the name without extensions and language suffix.

    >>> slug_from_filename("jalal-abad-2021-04-22.ky.md")
    'jalal-abad-2021-04-22'
    >>> slug_from_filename("bishkek-2022-06-14.yaml")
    'bishkek-2022-06-14'
    """
    stem = name
    while True:
        base, dot, ext = stem.rpartition(".")
        if not dot or not base:
            break
        if ext.lower() in {
            "md",
            "txt",
            "yaml",
            "yml",
            "html",
            "htm",
            "docx",
            "pdf",
            "markdown",
        } or (ext.lower() in LANGUAGES):
            stem = base
            continue
        break
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "report"


# -- writing ---------------------------------------------------------------------------------------


def _name_list(name: PersonName) -> list[str | None]:
    return list(name.parts())


def record_to_data(record: EventRecord, *, with_spans: bool = True) -> dict[str, Any]:
    """The record as plain data in the order of SCHEMA.md; empty fields are left out."""
    ev = record.event
    event: dict[str, Any] = {}
    for key in EVENT_KEYS:
        value = getattr(ev, key)
        if key == "participants":
            value = {
                k: v for k in ("total", "women", "men") if (v := getattr(value, k)) is not None
            }
        elif key == "audience":
            value = list(value)
        if value not in (None, [], {}):
            event[key] = value
    data: dict[str, Any] = {"event": event}
    mods = [
        {"name": _name_list(m.name), **({"roles": list(m.roles)} if m.roles else {})}
        for m in record.moderators
    ]
    if len(mods) == 1:
        data["moderator"] = mods[0]
    elif mods:
        data["moderators"] = mods
    if record.speakers:
        data["speakers"] = [
            _drop_none({"name": _name_list(s.name), "role": s.role, "organisation": s.organisation})
            for s in record.speakers
        ]
    if record.presentations:
        data["presentations"] = list(record.presentations)
    if record.issues_raised:
        data["issues_raised"] = [
            _drop_none({"text": i.text, "en": i.en}) for i in record.issues_raised
        ]
    if record.recommendations:
        data["recommendations"] = [
            _drop_none(
                {
                    "text": r.text,
                    "en": r.en,
                    "regions": list(r.regions) or None,
                    "countries": list(r.countries) or None,
                }
            )
            for r in record.recommendations
        ]
    if record.outcome:
        data["outcome"] = record.outcome
    if record.themes_discussed:
        data["themes_discussed"] = list(record.themes_discussed)
    source = _drop_none({k: getattr(record.source, k) for k in ("slug", "file", "url", "sha256")})
    if source:
        data["source"] = source
    if record.extra:
        data["extra"] = dict(record.extra)
    if with_spans and record.spans:
        data["spans"] = {k: [s.start, s.end] for k, s in record.spans.items()}
    return data


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


class _Dumper(yaml.SafeDumper):
    """Block style for mappings, flow style for short lists such as name parts and spans."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = len(data) <= 3 and all(
        x is None or (isinstance(x, (int, str)) and len(str(x)) < 40) for x in data
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dumps_record(record: EventRecord, *, with_spans: bool = True) -> str:
    """The record as YAML text in the shape of SCHEMA.md (UTF-8, not escaped)."""
    return yaml.dump(
        record_to_data(record, with_spans=with_spans),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )


__all__ = [
    "dumps_record",
    "load_record",
    "loads_record",
    "record_to_data",
    "slug_from_filename",
]
