"""A region's page: the events held there, the recommendations that name it, and a map.

The events are listed newest first, :data:`server.paging.PAGE_SIZE` to a page, with their number
in all; the map shows them all.

Places in the data are ``{base}id/place/{code}`` with the gazetteer's codes (``KG-C``, a P-code,
``KZ``), so their centroids and labels come from the gazetteer (:mod:`server.terms`) rather than
from a query: a region named in many reports has its triples repeated in each report's graph.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from server import page_queries
from server.labels import pick_lang, primary
from server.links import Link, data_href, link
from server.literals import format_date
from server.maps import Map, draw
from server.page_queries import Row
from server.paging import page_of
from server.resources import ResourceView
from server.terms import term_index

_POINT = re.compile(r"POINT\s*\(\s*([-\d.]+)\s+([-\d.]+)\s*\)", re.IGNORECASE)
GEO_WKT = "http://www.opengis.net/ont/geosparql#asWKT"


@dataclass(frozen=True)
class EventItem:
    link: Link
    date: str
    date_value: str
    town: Link | None
    total: int | None


@dataclass(frozen=True)
class RecommendationItem:
    position: int
    link: Link
    text: str
    lang: str
    event: Link
    date: str


def place_code(iri: str) -> str:
    """The gazetteer code at the end of a data place IRI."""
    return iri.rsplit("/", 1)[-1]


def context(view: ResourceView, lang: str) -> dict[str, object]:
    resource = ox.NamedNode(view.iri)
    found = page_queries.select("page_place_events", resource=resource)
    # what the list shows about them, in one more query bound to the events found (see the .rq)
    events = _events(
        page_queries.select_each(
            "page_event_summaries", ("event",), sorted({(row["event"],) for row in found}, key=str)
        ),
        lang,
    )
    recs = _recommendations(
        page_queries.select("page_place_recommendations", resource=resource), lang
    )
    return {
        "events": page_of(events),
        "recommendations": recs,
        "map": _map(view, events, lang),
        "place": term_index().place(place_code(view.iri)),
    }


def _events(rows: Sequence[Row], lang: str) -> tuple[EventItem, ...]:
    found: dict[str, dict[str, Any]] = defaultdict(lambda: {"labels": {}})
    for row in rows:
        event = found[row["event"].value]
        if row["date"] is not None:
            event["date"] = row["date"].value
        if row["label"] is not None:
            event["labels"].setdefault(primary(row["label"].language), row["label"].value)
        if row["settlement"] is not None:
            event["town"] = row["settlement"].value
        if row["total"] is not None and row["total"].value.isdigit():
            event["total"] = int(row["total"].value)
    items = [
        EventItem(
            link=link(iri, lang, e["labels"]),
            date=format_date(e.get("date", ""), lang),
            date_value=e.get("date", ""),
            town=link(e["town"], lang) if "town" in e else None,
            total=e.get("total"),
        )
        for iri, e in found.items()
    ]
    # newest first; a day without a year ("--04-11") comes after the dated events
    dated = [i for i in items if i.date_value[:1].isdigit()]
    undated = [i for i in items if not i.date_value[:1].isdigit()]
    return tuple(sorted(dated, key=lambda i: i.date_value, reverse=True) + undated)


def _recommendations(rows: Sequence[Row], lang: str) -> tuple[RecommendationItem, ...]:
    items = {}
    event_labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row["eventLabel"] is not None:
            label = row["eventLabel"]
            event_labels[row["event"].value].setdefault(primary(label.language), label.value)
    # a recommendation may be worded in several languages: show the reader's, else the fallback
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row["text"] is not None:
            texts[row["rec"].value].setdefault(primary(row["text"].language), row["text"].value)
    for row in rows:
        rec = row["rec"].value
        if rec in items:
            continue
        text, text_lang = pick_lang(texts[rec], lang)
        position = row["position"]
        date = row["date"].value if row["date"] is not None else ""
        items[rec] = RecommendationItem(
            position=int(position.value) if position is not None else 0,
            link=link(rec, lang, texts[rec] or None),
            text=text or "",
            lang=text_lang,
            event=link(row["event"].value, lang, event_labels[row["event"].value]),
            date=date,
        )
    return tuple(sorted(items.values(), key=lambda r: (r.date, r.event.iri, r.position)))


def _map(view: ResourceView, events: Sequence[EventItem], lang: str) -> Map:
    index = term_index()
    counts = Counter(place_code(e.town.iri) for e in events if e.town is not None)
    points = []
    here = place_code(view.iri)
    for code, count in counts.items():
        place = index.place(code)
        if place is not None and place.centroid is not None:
            href = data_href(f"{view.iri.rsplit('/', 1)[0]}/{code}")
            points.append((place.centroid, count, place.label(lang), href, code == here))
    if here not in counts:
        centroid = _centroid(view, index.place(here))
        if centroid is not None:
            points.append((centroid, 0, view.label, None, True))
    return draw(points)


def _centroid(view: ResourceView, place: Any) -> tuple[float, float] | None:
    if place is not None and place.centroid is not None:
        return place.centroid  # type: ignore[no-any-return]
    for child in view.children:
        for value in child.values(GEO_WKT):
            match = _POINT.search(value.text.value if value.text else "")
            if match:
                return float(match[1]), float(match[2])
    return None
