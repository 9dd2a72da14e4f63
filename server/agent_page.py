"""A person's or organisation's page: the roles they had at events, with the posts given there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from server import page_queries
from server.labels import primary
from server.links import Link, link
from server.literals import Text, format_date, literal_text
from server.page_queries import Row
from server.resources import ResourceView


@dataclass(frozen=True)
class RoleItem:
    """One role at one event: the event, its date, the role, the posts, who and for whom."""

    event: Link
    date: str
    date_value: str
    role: str
    posts: tuple[Text, ...]
    person: Link | None
    org: Link | None


def context(view: ResourceView, lang: str) -> dict[str, object]:
    rows = page_queries.select("page_agent_roles", resource=ox.NamedNode(view.iri))
    return {"roles": _roles(rows, lang, view.iri)}


def _roles(rows: Sequence[Row], lang: str, me: str) -> tuple[RoleItem, ...]:
    parts: dict[str, dict[str, Any]] = defaultdict(lambda: {"posts": {}, "event_labels": {}})
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        part = parts[row["part"].value]
        part["event"] = row["event"].value
        if row["date"] is not None:
            part["date"] = row["date"].value
        if row["eventLabel"] is not None:
            label = row["eventLabel"]
            part["event_labels"].setdefault(primary(label.language), label.value)
        if row["role"] is not None:
            part["role"] = "moderator" if row["role"].value.endswith("moderatorRole") else "speaker"
        if row["post"] is not None:
            part["posts"].setdefault(row["post"].value, literal_text(row["post"], lang))
        for key in ("person", "org"):
            if row[key] is not None:
                part[key] = row[key].value
        if row["named"] is not None:
            labels[row["named"].value].setdefault(
                primary(row["label"].language), row["label"].value
            )
    items = [
        RoleItem(
            event=link(p["event"], lang, p["event_labels"]),
            date=format_date(p.get("date", ""), lang),
            date_value=p.get("date", ""),
            role=p.get("role", "speaker"),
            posts=tuple(p["posts"].values()),
            person=link(p["person"], lang, labels[p["person"]])
            if p.get("person", me) != me
            else None,
            org=link(p["org"], lang, labels[p["org"]]) if p.get("org", me) != me else None,
        )
        for p in parts.values()
    ]
    return tuple(sorted(items, key=lambda i: i.date_value, reverse=True))
