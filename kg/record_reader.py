"""Plain YAML data → :class:`kg.record.EventRecord`, field by field, as ``gold/SCHEMA.md`` says."""

from __future__ import annotations

import re
from typing import Any

from kg.record import (
    LANGUAGES,
    Event,
    EventRecord,
    Issue,
    Moderator,
    Participants,
    Recommendation,
    Source,
    Span,
    Speaker,
)
from kg.yaml_fields import FieldReader

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


def _read_event(r: FieldReader, data: Any) -> Event:
    ev = r.mapping(data, "event", EVENT_KEYS)
    people = r.mapping(ev.get("participants"), "event.participants", ("total", "women", "men"))
    language = r.text(ev.get("language"), "event.language")
    if language is not None and language.split("-")[0] not in LANGUAGES:
        # 'kg' is Kongo; it is the most common wrong tag for Kyrgyz, so name it in the message
        r.fail(
            "event.language",
            f"must be one of {', '.join(LANGUAGES)} (Kyrgyz is 'ky'; 'kg' is Kongo)",
        )
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


def _read_people(
    r: FieldReader, data: dict[str, Any]
) -> tuple[tuple[Moderator, ...], tuple[Speaker, ...]]:
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


def _read_items(
    r: FieldReader, value: Any, where: str, keys: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Items given as plain strings or as ``{text: ...}`` maps; both are read as maps."""
    out = []
    for i, item in enumerate(r.sequence(value, where)):
        here = f"{where}[{i}]"
        item = {"text": item} if isinstance(item, str) else r.mapping(item, here, keys)
        if r.text(item.get("text"), f"{here}.text") is None:
            r.fail(here, "has no text")
        out.append(item)
    return out


def _read_spans(r: FieldReader, value: Any) -> dict[str, Span]:
    spans = {}
    data = r.mapping(value, "spans", tuple(value or ()))
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


def record_from_data(data: Any, r: FieldReader) -> EventRecord:
    top = r.mapping(data, "", TOP_KEYS)
    if not top or "event" not in top:
        r.fail("", "is not an event record: it has no 'event' field")
    moderators, speakers = _read_people(r, top)
    issues = _read_items(r, top.get("issues_raised"), "issues_raised", ("text",))
    recs = _read_items(
        r, top.get("recommendations"), "recommendations", ("text", "regions", "countries")
    )
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
                    r.code(
                        c, f"recommendations[{i}].countries[{j}]", COUNTRY_RE, "an ISO 3166-1 code"
                    )
                    or ""
                    for j, c in enumerate(
                        r.sequence(it.get("countries"), f"recommendations[{i}].countries")
                    )
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
