"""An event's page: summary, participants chart, people, statements and the highlighted report.

Three page queries (``page_event_people``, ``page_event_statements``, ``page_event_report``) add
to what :mod:`server.resources` already read; the rows become the dataclasses below, and the
template draws them. The schema.org JSON-LD comes from :mod:`server.schema_org`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.namespaces import KG, SDG, THEME
from server import page_queries
from server.charts import SexChart, sex_chart
from server.highlight import Fact, Segment, segments
from server.labels import pick, pick_lang, primary
from server.links import Link, data_href, is_data, link
from server.literals import Text, literal_text
from server.page_queries import Row
from server.resources import ResourceView, Value, fact_anchor
from server.schema_org import event_jsonld
from server.terms import term_index


@dataclass(frozen=True)
class Role:
    """A moderator or speaker: the person, the role, the posts given there, the organisation."""

    position: int
    role: str  # "moderator" or "speaker"
    person: Link | None
    posts: tuple[Text, ...]
    org: Link | None


@dataclass(frozen=True)
class Statement:
    """A presentation, issue raised or recommendation, in its order, with what it is about."""

    kind: str
    position: int
    link: Link
    text: str
    lang: str
    themes: tuple[Link, ...]
    sdgs: tuple[tuple[str, Link], ...]  # (notation, link), in SDG order
    places: tuple[Link, ...]


@dataclass(frozen=True)
class Report:
    link: Link
    source_file: str
    segments: tuple[Segment, ...]
    facts: int


@dataclass(frozen=True)
class EventPage:
    summary: Mapping[str, tuple[Value, ...]]
    chart: SexChart | None
    roles: tuple[Role, ...]
    statements: Mapping[str, tuple[Statement, ...]]
    reports: tuple[Report, ...]
    sdgs: tuple[tuple[str, Link], ...]
    jsonld: dict[str, Any]
    kind_label: Text | None  # the kind as the report names it, in the reader's language if given


SUMMARY = ("kind", "kindLabel", "date", "endDate", "venue", "settlement", "region", "country",
           "goal", "audience", "themeDiscussed", "outcome")  # fmt: skip


def context(view: ResourceView, lang: str) -> dict[str, object]:
    """The template's ``event`` for the event ``view``."""
    resource = ox.NamedNode(view.iri)
    node = view.node
    summary = {name: node.values(f"{KG}{name}") for name in SUMMARY}
    counts = [
        _count(node.values(f"{KG}{n}"))
        for n in ("participantCount", "femaleParticipantCount", "maleParticipantCount")
    ]
    subjects = [v.link.iri for v in node.values("http://purl.org/dc/terms/subject") if v.link]
    page = EventPage(
        summary=summary,
        chart=sex_chart(*counts, lang=lang),
        roles=_roles(page_queries.select("page_event_people", resource=resource), lang),
        statements=_statements(
            page_queries.select("page_event_statements", resource=resource), lang
        ),
        reports=_reports(
            page_queries.select("page_event_report", resource=resource),
            page_queries.select("page_event_facts", resource=resource),
            lang,
        ),
        sdgs=_sdgs(subjects, lang),
        jsonld=event_jsonld(view.iri),
        kind_label=_in_language([v.text for v in summary["kindLabel"] if v.text], lang),
    )
    return {"event": page}


def _in_language(texts: Sequence[Text], lang: str) -> Text | None:
    """The text in ``lang``, else in the next language of the fallback order."""
    by_lang = {t.lang: t for t in sorted(texts, key=lambda t: t.value)}
    chosen = pick({k: k for k in by_lang}, lang)
    return by_lang[chosen] if chosen is not None else None


def _count(values: Sequence[Value]) -> int | None:
    for value in values:
        if value.text is not None and value.text.value.isdigit():
            return int(value.text.value)
    return None


def _int(term: object) -> int:
    try:
        return int(getattr(term, "value", "0"))
    except ValueError:
        return 0


def _roles(rows: Sequence[Row], lang: str) -> tuple[Role, ...]:
    parts: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"posts": {}, "position": 0, "person_labels": {}, "org_labels": {}}
    )
    for row in rows:
        part = parts[row["part"].value]
        if row["position"] is not None:
            part["position"] = _int(row["position"])
        if row["role"] is not None:
            part["role"] = "moderator" if row["role"].value.endswith("moderatorRole") else "speaker"
        for key in ("person", "org"):
            if row[key] is not None:
                part[key] = row[key].value
                label = row[f"{key}Label"]
                if label is not None:
                    part[f"{key}_labels"].setdefault(primary(label.language), label.value)
        if row["post"] is not None:
            part["posts"].setdefault(row["post"].value, literal_text(row["post"], lang))
    roles = [
        Role(
            position=p["position"],
            role=p.get("role", "speaker"),
            person=link(p["person"], lang, p["person_labels"]) if "person" in p else None,
            posts=tuple(p["posts"].values()),
            org=link(p["org"], lang, p["org_labels"]) if "org" in p else None,
        )
        for p in parts.values()
    ]
    return tuple(sorted(roles, key=lambda r: (r.role != "moderator", r.position)))


KINDS = {
    f"{KG}presentation": "presentation",
    f"{KG}raisedIssue": "issue",
    f"{KG}recommendation": "recommendation",
}


def _statements(rows: Sequence[Row], lang: str) -> dict[str, tuple[Statement, ...]]:
    # an item worded in several languages comes in a row per wording: show the reader's
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row["text"] is not None:
            text = row["text"]
            texts[row["item"].value].setdefault(primary(text.language), text.value)
    grouped: dict[str, dict[str, Statement]] = defaultdict(dict)
    for row in rows:
        item = row["item"].value
        kind = KINDS[row["rel"].value]
        if item in grouped[kind]:
            continue
        text, text_lang = pick_lang(texts[item], lang)
        subjects = row["subjects"].value.split() if row["subjects"] is not None else []
        places = row["places"].value.split() if row["places"] is not None else []
        grouped[kind][item] = Statement(
            kind=kind,
            position=_int(row["position"]),
            link=link(item, lang, texts[item] or None),
            text=text or "",
            lang=text_lang,
            themes=tuple(link(x, lang) for x in subjects if x.startswith(str(THEME))),
            sdgs=_sdgs(subjects, lang),
            places=tuple(link(x, lang) for x in places),
        )
    return {
        kind: tuple(sorted(found.values(), key=lambda s: s.position))
        for kind, found in grouped.items()
    }


def _sdgs(subjects: Sequence[str], lang: str) -> tuple[tuple[str, Link], ...]:
    index = term_index()
    found = []
    for iri in dict.fromkeys(subjects):
        if iri.startswith(str(SDG)):
            notation = index.sdg_notation(iri) or iri
            found.append((notation, link(iri, lang)))
    return tuple(
        sorted(found, key=lambda f: [int(p) if p.isdigit() else 0 for p in f[0].split(".")])
    )


def _reports(reports: Sequence[Row], facts_rows: Sequence[Row], lang: str) -> tuple[Report, ...]:
    facts: dict[str, list[Fact]] = defaultdict(list)
    for row in facts_rows:
        body = row["body"].value
        facts[row["report"].value].append(
            Fact(
                anchor=fact_anchor(row["annotation"].value),
                field=row["field"].value if row["field"] is not None else "",
                start=_int(row["start"]),
                end=_int(row["end"]),
                href=data_href(body) if is_data(body) else None,
            )
        )
    found = []
    for row in reports:
        report = row["report"].value
        text = row["text"].value if row["text"] is not None else ""
        source_file = row["sourceFile"].value if row["sourceFile"] is not None else ""
        found.append(
            Report(
                link=link(report, lang, {"": source_file} if source_file else None),
                source_file=source_file,
                segments=segments(text, facts[report]),
                facts=len(facts[report]),
            )
        )
    return tuple(sorted(found, key=lambda r: r.link.iri))
