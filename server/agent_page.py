"""A person's or organisation's page: the roles they had at events, with the posts given there.

The roles are listed newest first, :data:`server.paging.PAGE_SIZE` to a page (a speaker at
hundreds of events gets numbered pages), with their number in all.
"""

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
from server.paging import Page, page_of
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
    shown = page_of(_parts(rows))
    # the labels of the people and organisations of the roles shown, in one more query
    named = sorted({p[key] for p in shown.items for key in ("person", "org") if key in p})
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for node, found in page_queries.labels_any(ox.NamedNode(iri) for iri in named).items():
        for label in found:
            labels[node.value].setdefault(primary(label.language), label.value)
    roles = [_role(part, lang, view.iri, labels) for part in shown.items]
    return {"roles": Page(tuple(roles), shown.number, shown.pages, shown.total)}


def _parts(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """The roles in ``rows``, one dict per part, newest first."""
    parts: dict[str, dict[str, Any]] = defaultdict(lambda: {"posts": {}, "event_labels": {}})
    for row in rows:
        part = parts[row["part"].value]
        part["iri"] = row["part"].value
        part["event"] = row["event"].value
        if row["date"] is not None:
            part["date"] = row["date"].value
        if row["eventLabel"] is not None:
            label = row["eventLabel"]
            part["event_labels"].setdefault(primary(label.language), label.value)
        if row["role"] is not None:
            part["role"] = "moderator" if row["role"].value.endswith("moderatorRole") else "speaker"
        if row["post"] is not None:
            part["posts"].setdefault(row["post"].value, row["post"])
        for key in ("person", "org"):
            if row[key] is not None:
                part[key] = row[key].value
    return sorted(parts.values(), key=lambda p: (p.get("date", ""), p["iri"]), reverse=True)


def _role(part: dict[str, Any], lang: str, me: str, labels: dict[str, dict[str, str]]) -> RoleItem:
    def other(key: str) -> Link | None:
        iri = part.get(key, me)
        return link(iri, lang, labels[iri]) if iri != me else None

    return RoleItem(
        event=link(part["event"], lang, part["event_labels"]),
        date=format_date(part.get("date", ""), lang),
        date_value=part.get("date", ""),
        role=part.get("role", "speaker"),
        posts=tuple(literal_text(post, lang) for post in part["posts"].values()),
        person=other("person"),
        org=other("org"),
    )
