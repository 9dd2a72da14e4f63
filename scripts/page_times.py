"""Fresh page renders, page by page and query by query, in process (the page cache off).

``python scripts/page_times.py STORE [--repeat N] [--only WORD]``: STORE is an embedded store
folder, opened read-only (e.g. the benchmark's 1M-triple store). The app runs with
``PAGE_CACHE_MB = 0`` and is asked through Flask's test client, so every request renders its page
afresh. It picks from the data an event, the busiest and a typical person (the median number of
roles), the busiest organisation, the busiest region (most events in it and its towns), a
settlement and a district, and prints for each page and RDF document the best of N requests in
milliseconds (and the first request's, when it was much slower: it may build what the server
keeps until the data changes), with the milliseconds of each query that request sent through
:mod:`server.page_queries` (the one place pages send SPARQL). Searches: a common and a rare
word, in Cyrillic and in Latin. A request that takes over 5 s is not repeated.

One request at a time, no load: for rates under load see ``scripts/page_speed.py``.
"""

# ruff: noqa: T201
# (a measuring script: it prints)
from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

BASE = "https://example.org/kg/"
KG = "https://w3id.org/kg-events/ontology#"
SEARCHES = {
    "search, common word (Cyrillic)": "зомбулук",
    "search, common word (Latin)": "violence",
    "search, rare word (Cyrillic)": "Кочкор-Ата",
    "search, rare word (Latin)": "Daroot-Korgon",
}
SLOW_MS = 5000
"""A page slower than this is asked once, not ``--repeat`` times (the machine is shared)."""
TRACED = ("select", "select_each", "ask", "construct", "construct_triples", "construct_over")


def _first(store: ox.Store, text: str) -> str:
    rows = list(store.query(text, use_default_graph_as_union=True))  # type: ignore[arg-type]
    return rows[0][0].value  # type: ignore[no-any-return]


def _pick(store: ox.Store) -> dict[str, str]:
    """One IRI per kind of page, found in the data."""
    per_person = list(
        store.query(  # type: ignore[arg-type]
            f"SELECT ?a (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p <{KG}agent> ?a }} "
            "GROUP BY ?a ORDER BY DESC(?n) ?a",
            use_default_graph_as_union=True,
        )
    )
    median = per_person[len(per_person) // 2]
    return {
        "event": _first(store, f"SELECT ?e WHERE {{ ?e a <{KG}Event> }} ORDER BY ?e LIMIT 1"),
        "person, busiest": per_person[0][0].value,  # type: ignore[index]
        f"person, typical ({median[1].value} roles)": median[0].value,  # type: ignore[index]
        "organisation, busiest": _first(
            store,
            f"SELECT ?a WHERE {{ ?p <{KG}onBehalfOf> ?a }} "
            "GROUP BY ?a ORDER BY DESC(COUNT(DISTINCT ?p)) LIMIT 1",
        ),
        "region, busiest": _first(
            store,
            f"SELECT ?r WHERE {{ ?e <{KG}region> ?r }} "
            "GROUP BY ?r ORDER BY DESC(COUNT(DISTINCT ?e)) LIMIT 1",
        ),
        "settlement, busiest": _first(
            store,
            f"SELECT ?r WHERE {{ ?e <{KG}settlement> ?r }} "
            "GROUP BY ?r ORDER BY DESC(COUNT(DISTINCT ?e)) LIMIT 1",
        ),
        "district": _first(
            store,
            "SELECT ?d WHERE { ?t <https://schema.org/containedInPlace> ?d . "
            f'?d <{KG}pcode> ?code FILTER(STRENDS(?code, "000000")) }} '
            "GROUP BY ?d ORDER BY DESC(COUNT(DISTINCT ?t)) ?d LIMIT 1",
        ),
    }


class Trace:
    """The queries the pages send, with their milliseconds (``server.page_queries`` wrapped)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float]] = []

    @contextmanager
    def installed(self) -> Iterator[None]:
        from server import page_queries

        saved = {name: getattr(page_queries, name) for name in TRACED}
        for name, function in saved.items():
            setattr(page_queries, name, self._wrap(name, function))
        try:
            yield
        finally:
            for name, function in saved.items():
                setattr(page_queries, name, function)

    def _wrap(self, kind: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                name = args[0] if isinstance(args[0], str) else "+".join(args[1])
                self.calls.append((name, (time.perf_counter() - start) * 1000))

        return timed


def _path(iri: str) -> str:
    return "/kg/" + iri[len(BASE) :]


def measure(
    client: Any, path: str, accept: str, repeat: int
) -> tuple[float, list, int, int, float]:
    """``(best ms, that request's queries, status, bytes, first ms)``; one try past 5 s."""
    best: tuple[float, list, int, int] | None = None
    first = None
    for _ in range(repeat):
        if best is not None and best[0] > SLOW_MS:
            break
        trace = Trace()
        with trace.installed():
            start = time.perf_counter()
            reply = client.get(path, headers={"Accept": accept})
            ms = (time.perf_counter() - start) * 1000
        first = ms if first is None else first
        if best is None or ms < best[0]:
            best = (ms, trace.calls, reply.status_code, len(reply.data))
    assert best is not None
    assert first is not None
    return (*best, first)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="only the pages whose name contains this")
    parser.add_argument("--no-documents", action="store_true", help="pages only, no .ttl/.jsonld")
    args = parser.parse_args()

    from server import create_app

    start = time.perf_counter()
    picked = _pick(ox.Store.read_only(args.store))
    print(f"picked the resources in {(time.perf_counter() - start) * 1000:.0f} ms")
    app = create_app({"STORE_PATH": args.store, "STORE_READ_ONLY": True, "PAGE_CACHE_MB": 0})
    client = app.test_client()
    client.get("/ontology", headers={"Accept": "text/html"})  # templates, vocabularies, gazetteer

    pages: list[tuple[str, str, str]] = []
    for name, iri in picked.items():
        pages.append((f"{name}: {iri.removeprefix(BASE)}", _path(iri), "text/html"))
    pages += [
        ("home page", "/", "text/html"),
        ("regions list", "/regions", "text/html"),
        ("ontology page", "/ontology", "text/html"),
    ]
    for name, words in SEARCHES.items():
        pages.append((f"{name}: {words}", f"/search?q={quote(words)}", "text/html"))
    if not args.no_documents:
        for name, iri in picked.items():
            for suffix, accept in ((".ttl", "text/turtle"), (".jsonld", "application/ld+json")):
                pages.append((f"{name} {suffix}", _path(iri) + suffix, accept))

    totals = []
    for name, path, accept in pages:
        if args.only and args.only not in name:
            continue
        ms, calls, status, size, first = measure(client, path, accept, args.repeat)
        totals.append(ms)
        # the first request may also build what the server keeps per store generation
        again = f" (first {first:.0f} ms)" if first > 1.5 * ms and first - ms > 20 else ""
        print(f"{ms:9.1f} ms  {status}  {size / 1024:7.1f} KB  {name}  ({path}){again}")
        for query, query_ms in calls:
            print(f"{'':14}{query_ms:9.1f} ms  {query}")
    if totals:
        print(f"median of the pages: {statistics.median(totals):.1f} ms")


if __name__ == "__main__":
    main()
