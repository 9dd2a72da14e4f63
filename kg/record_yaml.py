"""Event records in and out of YAML, with errors that name the file, line and field.

The YAML shape is the one of ``gold/SCHEMA.md``. Reading is strict about types and codes, because a
record is also what a person writes by hand: a misspelt field or a date in the wrong form is
reported where it stands, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from kg.errors import RecordError, ReportParseError
from kg.record import (
    LANGUAGES,
    Event,
    EventRecord,
    Issue,
    Moderator,
    Participants,
    PersonName,
    Recommendation,
    Source,
    Span,
    Speaker,
    check_date,
)

MAX_RECORD_BYTES = 5_000_000
"""A record is a few kilobytes; anything this large is not a record (and would be slow to parse)."""
MAX_DEPTH = 20
MAX_NODES = 10_000
"""Values, keys and lists in one record at most (a full gold record has about 200): PyYAML is
pure Python, and composing a million-item list of 5 MB would take minutes."""

ISO_REGION_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")

EVENT_KEYS = (
    "kind",
    "kind_en",
    "topic",
    "topic_en",
    "date",
    "end_date",
    "city",
    "region",
    "country",
    "venue",
    "participants",
    "language",
    "audience",
    "goal",
)
TOP_KEYS = (
    "event",
    "moderator",
    "moderators",
    "speakers",
    "presentations",
    "issues_raised",
    "recommendations",
    "outcome",
    "themes_discussed",
    "spans",
    "source",
    "extra",
)
GLOSS_KEYS = ("en", "themes", "notes", "comment")
"""Readers' glosses allowed anywhere (SCHEMA.md: not scored); keys ending in ``_en`` are too."""


_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing documents far larger or deeper than any record, early.

    PyYAML's composer recurses once per level, so ``[[[[…]]]]`` a few thousand levels deep would
    end in a RecursionError before :meth:`_Reader._plain` could count the levels; and it composes
    about ten thousand nodes a second, so the count of nodes is capped (:data:`MAX_NODES`) as the
    document is read.
    """

    _depth = 0
    _nodes = 0
    path: str | None = None

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        problem = None
        if self._depth > 2 * MAX_DEPTH:
            problem = "nested too deeply to be an event record"
        elif self._nodes >= MAX_NODES:
            problem = f"more than {MAX_NODES:,} values: too large to be an event record"
        if problem:
            line = self.peek_event().start_mark.line + 1
            raise RecordError(problem, path=self.path, line=line)
        self._depth += 1
        self._nodes += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


class _Reader:
    """Turns a composed YAML node tree into a record, remembering each field's line."""

    def __init__(self, text: str, path: str | None) -> None:
        self.path = path
        self.source_text = text
        self.lines: dict[str, int] = {}

    # -- YAML nodes to plain data, with line numbers per field path ------------------------------

    def load(self) -> Any:
        loader = _Loader(self.source_text)
        loader.path = self.path
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            raise ReportParseError(
                f"not valid YAML: {exc.problem or exc}", path=self.path, line=line
            ) from exc
        except yaml.YAMLError as exc:
            raise ReportParseError(f"not valid YAML: {exc}", path=self.path) from exc
        finally:
            loader.dispose()
        if node is None:
            raise RecordError("the file holds no record (it is empty)", path=self.path, line=1)
        seen: set[int] = set()
        return self._plain(node, "", loader, seen, 0)

    def _plain(self, node: yaml.Node, where: str, loader: Any, seen: set[int], depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._fail(where, "is nested too deeply to be an event record", node)
        # An alias makes two paths share one node. Records never need that, and following aliases
        # is how a "billion laughs" document explodes, so any shared node is refused.
        if id(node) in seen:
            self._fail(where, "uses a YAML alias (*anchor); write the value out instead", node)
        seen.add(id(node))
        self.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self._fail(where, "has a key that is not a plain name", key_node)
                key = str(self._scalar(key_node, where, loader))
                child = f"{where}.{key}" if where else key
                # errors point at the key's line, where a reader looks for the field
                self.lines.setdefault(child, key_node.start_mark.line + 1)
                if key in out:
                    self._fail(child, "is given twice", key_node)
                out[key] = self._plain(value_node, child, loader, seen, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [
                self._plain(item, f"{where}[{i}]", loader, seen, depth + 1)
                for i, item in enumerate(node.value)
            ]
        return self._scalar(node, where, loader)

    def _scalar(self, node: yaml.Node, where: str, loader: Any) -> Any:
        """A key or a value, constructed by PyYAML's safe constructors."""
        try:
            value = loader.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            # e.g. a merge key "<<" outside a mapping, or a tag the safe loader does not know
            return self._fail(where, f"has a value YAML cannot read: {exc.problem}", node)
        except ValueError as exc:
            # e.g. an unquoted impossible date such as 2021-02-30, which YAML reads as a timestamp
            return self._fail(where, f"is not a valid value: {exc}", node)
        if isinstance(value, str) and _SURROGATE.search(value):
            # "\ud800" escapes give half a UTF-16 pair, which no UTF-8 output can hold
            message = "holds a \\u escape that is no character (a lone surrogate)"
            return self._fail(where, message, node)
        return value

    # -- errors ------------------------------------------------------------------------------------

    def line_of(self, where: str) -> int | None:
        """The line of a field, or of its nearest enclosing field that the file has."""
        while where:
            if where in self.lines:
                return self.lines[where]
            # drop the last step: ".name" or "[3]"; a bare top-level name leaves ""
            where = re.sub(r"(\.?[^.\[\]]+|\[\d+\])$", "", where)
        return self.lines.get("")

    def _fail(self, where: str, message: str, node: yaml.Node | None = None) -> Any:
        line = node.start_mark.line + 1 if node is not None else self.line_of(where)
        raise RecordError(message, path=self.path, line=line, field=where or None)

    def fail(self, where: str, message: str) -> Any:
        raise RecordError(message, path=self.path, line=self.line_of(where), field=where or None)

    # -- typed access ------------------------------------------------------------------------------

    def mapping(self, value: Any, where: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(where, f"must be a mapping of fields, not {_kind(value)}")
        for key in value:
            if key in allowed or key in GLOSS_KEYS or key.endswith("_en") or key.startswith("x_"):
                continue
            hint = difflib.get_close_matches(key, allowed, n=1)
            also = f"; did you mean {hint[0]!r}?" if hint else f"; known fields: {', '.join(allowed)}"
            self.fail(f"{where}.{key}" if where else key, f"is not a field of the record{also}")
        return value

    def text(self, value: Any, where: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(where, f"must be text, not {_kind(value)}")
        text = str(value).strip()
        return text or None

    def texts(self, value: Any, where: str) -> tuple[str, ...]:
        items = self.sequence(value, where)
        out = []
        for i, item in enumerate(items):
            text = self.text(item, f"{where}[{i}]")
            if text is None:
                self.fail(f"{where}[{i}]", "is empty")
            out.append(text)
        return tuple(out)

    def sequence(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(where, f"must be a list, not {_kind(value)}")
        return value

    def count(self, value: Any, where: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(where, f"must be a whole number of people (0 or more), not {value!r}")
        return value

    def date(self, value: Any, where: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str):
            self.fail(where, f"must be a date, not {_kind(value)}")
        try:
            return check_date(value.strip())
        except ValueError as exc:
            return self.fail(where, str(exc))

    def code(self, value: Any, where: str, pattern: re.Pattern[str], what: str) -> str | None:
        text = self.text(value, where)
        if text is not None and not pattern.match(text):
            self.fail(where, f"must be {what}, not {text!r}")
        return text

    def name(self, value: Any, where: str) -> PersonName:
        if not isinstance(value, list) or not 1 <= len(value) <= 3:
            self.fail(where, "must be a list [family, given, patronymic] (null for a missing part)")
        parts = [self.text(p, f"{where}[{i}]") for i, p in enumerate(value)]
        parts += [None] * (3 - len(parts))
        if not any(parts):
            self.fail(where, "has no part at all")
        return PersonName(*parts)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _read_event(r: _Reader, data: Any) -> Event:
    ev = r.mapping(data, "event", EVENT_KEYS)
    people = r.mapping(ev.get("participants"), "event.participants", ("total", "women", "men"))
    language = r.text(ev.get("language"), "event.language")
    if language is not None and language.split("-")[0] not in LANGUAGES:
        # 'kg' is Kongo; it is the most common wrong tag for Kyrgyz, so name it in the message
        r.fail("event.language", f"must be one of {', '.join(LANGUAGES)} (Kyrgyz is 'ky'; 'kg' is Kongo)")
    return Event(
        kind=r.text(ev.get("kind"), "event.kind"),
        kind_en=r.text(ev.get("kind_en"), "event.kind_en"),
        topic=r.text(ev.get("topic"), "event.topic"),
        topic_en=r.text(ev.get("topic_en"), "event.topic_en"),
        date=r.date(ev.get("date"), "event.date"),
        end_date=r.date(ev.get("end_date"), "event.end_date"),
        city=r.text(ev.get("city"), "event.city"),
        region=r.code(ev.get("region"), "event.region", ISO_REGION_RE, "an ISO 3166-2 code (KG-J)"),
        country=r.code(ev.get("country"), "event.country", COUNTRY_RE, "an ISO 3166-1 code (KG)"),
        venue=r.text(ev.get("venue"), "event.venue"),
        participants=Participants(
            total=r.count(people.get("total"), "event.participants.total"),
            women=r.count(people.get("women"), "event.participants.women"),
            men=r.count(people.get("men"), "event.participants.men"),
        ),
        language=language.split("-")[0] if language else None,
        audience=r.texts(ev.get("audience"), "event.audience"),
        goal=r.text(ev.get("goal"), "event.goal"),
    )


def _read_people(r: _Reader, data: dict[str, Any]) -> tuple[tuple[Moderator, ...], tuple[Speaker, ...]]:
    found: list[tuple[str, Any]] = []
    if data.get("moderator") is not None:
        found.append(("moderator", data["moderator"]))
    for i, item in enumerate(r.sequence(data.get("moderators"), "moderators")):
        found.append((f"moderators[{i}]", item))
    moderators = []
    for where, item in found:
        m = r.mapping(item, where, ("name", "roles"))
        if "name" not in m:
            r.fail(where, "has no name")
        moderators.append(
            Moderator(r.name(m["name"], f"{where}.name"), r.texts(m.get("roles"), f"{where}.roles"))
        )
    speakers = []
    for i, item in enumerate(r.sequence(data.get("speakers"), "speakers")):
        where = f"speakers[{i}]"
        s = r.mapping(item, where, ("name", "role", "organisation"))
        if "name" not in s:
            r.fail(where, "has no name")
        speakers.append(
            Speaker(
                name=r.name(s["name"], f"{where}.name"),
                role=r.text(s.get("role"), f"{where}.role"),
                organisation=r.text(s.get("organisation"), f"{where}.organisation"),
            )
        )
    return tuple(moderators), tuple(speakers)


def _read_items(r: _Reader, value: Any, where: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Items given as plain strings or as ``{text: ...}`` maps; both are read as maps."""
    out = []
    for i, item in enumerate(r.sequence(value, where)):
        here = f"{where}[{i}]"
        item = {"text": item} if isinstance(item, str) else r.mapping(item, here, keys)
        if r.text(item.get("text"), f"{here}.text") is None:
            r.fail(here, "has no text")
        out.append(item)
    return out


def _read_spans(r: _Reader, value: Any) -> dict[str, Span]:
    spans = {}
    data = r.mapping(value, "spans", tuple(value) if isinstance(value, dict) else ())
    for key, pair in data.items():
        where = f"spans.{key}"
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in pair)
            or not 0 <= pair[0] <= pair[1]
        ):
            r.fail(where, "must be [start, end], character offsets with 0 <= start <= end")
        spans[str(key)] = Span(pair[0], pair[1])
    return spans


def record_from_data(data: Any, r: _Reader) -> EventRecord:
    top = r.mapping(data, "", TOP_KEYS)
    if not top or "event" not in top:
        r.fail("", "is not an event record: it has no 'event' field")
    moderators, speakers = _read_people(r, top)
    issues = _read_items(r, top.get("issues_raised"), "issues_raised", ("text",))
    recs = _read_items(r, top.get("recommendations"), "recommendations", ("text", "regions", "countries"))
    src = r.mapping(top.get("source"), "source", ("slug", "file", "url", "sha256"))
    extra = top.get("extra")
    if extra is not None and not isinstance(extra, dict):
        r.fail("extra", "must be a mapping")
    return EventRecord(
        event=_read_event(r, top.get("event")),
        moderators=moderators,
        speakers=speakers,
        presentations=r.texts(top.get("presentations"), "presentations"),
        issues_raised=tuple(
            Issue(
                text=r.text(it["text"], f"issues_raised[{i}].text") or "",
                en=r.text(it.get("en"), f"issues_raised[{i}].en"),
            )
            for i, it in enumerate(issues)
        ),
        recommendations=tuple(
            Recommendation(
                text=r.text(it["text"], f"recommendations[{i}].text") or "",
                en=r.text(it.get("en"), f"recommendations[{i}].en"),
                regions=r.texts(it.get("regions"), f"recommendations[{i}].regions"),
                countries=tuple(
                    r.code(c, f"recommendations[{i}].countries[{j}]", COUNTRY_RE, "an ISO 3166-1 code")
                    or ""
                    for j, c in enumerate(r.sequence(it.get("countries"), f"recommendations[{i}].countries"))
                ),
            )
            for i, it in enumerate(recs)
        ),
        outcome=r.text(top.get("outcome"), "outcome"),
        themes_discussed=r.texts(top.get("themes_discussed"), "themes_discussed"),
        spans=_read_spans(r, top.get("spans")),
        source=Source(**{k: r.text(v, f"source.{k}") for k, v in src.items()}),
        extra=extra or {},
    )


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
    reader = _Reader(text, path)
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

    return replace(record, source=replace(record.source, slug=slug, file=record.source.file or file))


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
        if ext.lower() in {"md", "txt", "yaml", "yml", "html", "htm", "docx", "pdf", "markdown"} or (
            ext.lower() in LANGUAGES
        ):
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
            value = {k: v for k in ("total", "women", "men") if (v := getattr(value, k)) is not None}
        elif key == "audience":
            value = list(value)
        if value not in (None, [], {}):
            event[key] = value
    data: dict[str, Any] = {"event": event}
    mods = [{"name": _name_list(m.name), **({"roles": list(m.roles)} if m.roles else {})}
            for m in record.moderators]
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
        data["issues_raised"] = [_drop_none({"text": i.text, "en": i.en}) for i in record.issues_raised]
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
    source = _drop_none(
        {k: getattr(record.source, k) for k in ("slug", "file", "url", "sha256")}
    )
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
    flow = len(data) <= 3 and all(x is None or isinstance(x, (int, str)) and len(str(x)) < 40 for x in data)
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
