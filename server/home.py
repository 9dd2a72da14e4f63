"""The home page: every event, filtered by region, year, theme and SDG target, sorted, paged.

One query (``page_events``) reads what the list needs about every event, once until the data
changes (:mod:`server.kept`: 0.6 s at a million triples, for each page and filter before); the
filters, counts per filter value, sorting and paging happen here, so the filters are plain values
compared in Python and never reach a query. The map and the figures come with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.namespaces import SDG, THEME
from server import page_queries
from server.kept import kept
from server.labels import pick_lang, primary
from server.links import Link, base_iri, data_href, link
from server.literals import format_date
from server.maps import Map, draw
from server.terms import term_index

PAGE_SIZE = 20
SORTS = ("date_desc", "date_asc", "title", "participants")
FILTERS = ("region", "year", "theme", "sdg")


@dataclass
class EventRow:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)
    date: str = ""
    kinds: dict[str, str] = field(default_factory=dict)  # as the report names it, by language
    kind_iri: str = ""
    region: str = ""
    settlement: str = ""
    total: int | None = None
    themes: set[str] = field(default_factory=set)
    sdgs: set[str] = field(default_factory=set)

    @property
    def year(self) -> str:
        return self.date[:4] if self.date[:4].isdigit() else ""

    def matches(self, chosen: Mapping[str, str]) -> bool:
        have = {
            "region": {self.region},
            "year": {self.year},
            "theme": self.themes,
            "sdg": self.sdgs,
        }
        return all(value in have[name] for name, value in chosen.items())


@dataclass(frozen=True)
class ListedEvent:
    link: Link
    date: str
    kind: str
    place: Link | None
    total: int | None
    themes: tuple[Link, ...]


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Listing:
    events: tuple[ListedEvent, ...]
    matching: int
    total_events: int
    page: int
    pages: int
    sort: str
    chosen: Mapping[str, str]
    facets: Mapping[str, tuple[Option, ...]]
    map: Map
    stats: Mapping[str, int]


def listing(args: Mapping[str, str], lang: str) -> Listing:
    """The home page's list for the request's ``args`` (``region``, ``year``, ``theme``, ``sdg``,
    ``sort``, ``page``); unknown values simply match nothing."""
    rows = kept("home_events", lambda: _events(page_queries.select("page_events")))
    chosen = {name: args[name] for name in FILTERS if args.get(name)}
    matching = [e for e in rows if e.matches(chosen)]
    sort = args.get("sort") if args.get("sort") in SORTS else "date_desc"
    matching.sort(key=_sort_key(sort, lang), reverse=sort in ("date_desc", "participants"))
    pages = max(1, -(-len(matching) // PAGE_SIZE))
    page = min(max(_int(args.get("page"), 1), 1), pages)
    shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return Listing(
        events=tuple(_listed(e, lang) for e in shown),
        matching=len(matching),
        total_events=len(rows),
        page=page,
        pages=pages,
        sort=sort,
        chosen=chosen,
        facets=_facets(rows, chosen, lang),
        map=_map(matching, lang),
        stats=_stats(rows),
    )


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _events(rows: Sequence[page_queries.Row]) -> list[EventRow]:
    events: dict[str, EventRow] = {}
    for row in rows:
        iri = row["event"].value
        event = events.get(iri) or events.setdefault(iri, EventRow(iri))
        if row["date"] is not None:
            event.date = row["date"].value
        elif row["label"] is not None:
            event.labels.setdefault(primary(row["label"].language), row["label"].value)
        elif row["kind"] is not None:
            event.kind_iri = row["kind"].value
        elif row["kindLabel"] is not None:
            label = row["kindLabel"]
            event.kinds.setdefault(primary(label.language), label.value)
        elif row["region"] is not None:
            event.region = _code(row["region"].value)
        elif row["settlement"] is not None:
            event.settlement = _code(row["settlement"].value)
        elif row["total"] is not None:
            event.total = _int(row["total"].value, 0)
        elif row["theme"] is not None:
            event.themes.add(row["theme"].value.removeprefix(str(THEME)))
        elif row["sdg"] is not None:
            event.sdgs.add(row["sdg"].value.removeprefix(str(SDG)))
    return list(events.values())


def _code(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _sort_key(sort: str, lang: str) -> Any:
    if sort == "title":
        return lambda e: (pick_lang(e.labels, lang)[0] or "").casefold()
    if sort == "participants":
        return lambda e: e.total or 0
    # a day without a year ("--04-11") sorts as the oldest
    return lambda e: e.date if e.date[:1].isdigit() else "0000" + e.date


def _place_link(code: str, lang: str) -> Link | None:
    if not code:
        return None
    place = term_index().place(code)
    return link(f"{base_iri()}id/place/{code}", lang, dict(place.labels) if place else None)


def _listed(event: EventRow, lang: str) -> ListedEvent:
    return ListedEvent(
        link=link(event.iri, lang, event.labels),
        date=format_date(event.date, lang),
        # the vocabulary's name in the reader's language, else the report's own words
        kind=(term_index().label(event.kind_iri, lang) if event.kind_iri else None)
        or pick_lang(event.kinds, lang)[0]
        or "",
        place=_place_link(event.settlement or event.region, lang),
        total=event.total,
        themes=tuple(link(f"{THEME}{t}", lang) for t in sorted(event.themes)),
    )


def _facets(
    rows: Sequence[EventRow], chosen: Mapping[str, str], lang: str
) -> dict[str, tuple[Option, ...]]:
    index = term_index()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for event in rows:
        # each facet counts the events the *other* chosen filters leave, as portals do
        for name in FILTERS:
            others = {k: v for k, v in chosen.items() if k != name}
            if not event.matches(others):
                continue
            values = {
                "region": {event.region},
                "year": {event.year},
                "theme": event.themes,
                "sdg": event.sdgs,
            }[name]
            counts[name].update(v for v in values if v)

    def label(name: str, value: str) -> str:
        if name == "region":
            place = index.place(value)
            return place.label(lang) if place else value
        if name == "theme":
            return index.label(f"{THEME}{value}", lang) or value
        if name == "sdg":
            return value
        return value

    facets = {}
    for name in FILTERS:
        options = [
            Option(value, label(name, value), n, chosen.get(name) == value)
            for value, n in counts[name].items()
        ]
        if name == "year":
            options.sort(key=lambda o: o.value, reverse=True)
        elif name == "sdg":
            options.sort(key=lambda o: [_int(p, 0) for p in o.value.split(".")])
        else:
            options.sort(key=lambda o: o.label.casefold())
        facets[name] = tuple(options)
    return facets


def _map(events: Sequence[EventRow], lang: str) -> Map:
    index = term_index()
    counts = Counter(e.settlement or e.region for e in events if e.settlement or e.region)
    points = []
    for code, count in counts.items():
        place = index.place(code)
        if place is None or place.centroid is None:
            continue
        href = data_href(f"{base_iri()}id/place/{code}")
        points.append((place.centroid, count, place.label(lang), href, False))
    return draw(points)


def _stats(rows: Sequence[EventRow]) -> dict[str, int]:
    return {
        "events": len(rows),
        "participants": sum(e.total or 0 for e in rows),
        "regions": len({e.region for e in rows if e.region}),
    }
