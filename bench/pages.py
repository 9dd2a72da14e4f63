"""Linked-data page latency: an event page and a region page as HTML, under the same load.

The pages are ``kg serve``'s answers to a browser at a data IRI's path (``/kg/id/event/…``,
``/kg/id/place/KG-J``). The event is the dataset's first; the region is the oblast the most
triples point to, so its page lists the most events. Each page is fetched once first (it must be
a 200 in HTML), loaded for one unmeasured second (every process of the server has rendered it
then), then loaded round after round like the endpoint's queries: the figures are of pages served
warm, from the page cache.
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench.endpoint import drain
from bench.loadgen import run_load
from bench.servers import Server

__all__ = ["busiest_region", "measure_pages", "page_path"]

HTML = "text/html"
WARM_SECONDS = 1.0
"""The unmeasured load before a page's rounds."""
_REGIONS = """
SELECT ?place (COUNT(*) AS ?n) WHERE {
  ?place a <https://w3id.org/kg-events/ontology#Region> .
  FILTER(REGEX(STR(?place), "/id/place/KG-[A-Z]+$"))
  ?s ?p ?place .
} GROUP BY ?place ORDER BY DESC(?n) LIMIT 1
"""


def busiest_region(location: Path) -> str | None:
    """The IRI of the oblast the most triples of the store point to."""
    store = ox.Store.read_only(str(location))
    for row in store.query(_REGIONS, use_default_graph_as_union=True):  # type: ignore[union-attr]
        return str(row["place"].value)  # type: ignore[index, union-attr]
    return None


def page_path(iri: str) -> str:
    """The path a local server answers ``iri`` at (the IRI's own path, on any host)."""
    return urllib.parse.urlsplit(iri).path


def _fetch(url: str, timeout: float) -> dict[str, Any]:
    request = urllib.request.Request(url, headers={"Accept": HTML})  # noqa: S310 - 127.0.0.1
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
            kind = response.headers.get("Content-Type", "")
            status = response.status
    except urllib.error.HTTPError as exc:
        return {"status": exc.code, "bytes": 0}
    except TimeoutError:
        return {"status": "timeout", "bytes": 0}
    return {
        "status": status if kind.startswith(HTML) else f"{status} {kind}",
        "bytes": len(body),
        "first_s": round(time.perf_counter() - started, 4),
    }


def measure_pages(
    servers: list[Server],
    pages: dict[str, str],
    *,
    seconds: float,
    rounds: int,
    clients: int,
    size: dict[str, Any],
    log: Any,
    first_timeout: float = 30.0,
) -> Iterator[dict[str, Any]]:
    """Rows of figures: per page (name → IRI), server and round, plus a check row for each."""
    for name, iri in pages.items():
        answered = []
        for server in servers:
            drain(server)
            url = server.root + page_path(iri)
            check = _fetch(url, first_timeout)
            log(f"{size['dataset']} page {name} {server.name}: {check}")
            yield {"stage": "pages-check", **size, "page": name, "server": server.name, **check}
            if check["status"] == 200:
                answered.append((server, url, check["first_s"]))
                # one unmeasured second of the same load: with --workers N each process renders
                # and caches its own first copy, and the check above reached only one of them
                run_load(url, HTML, seconds=WARM_SECONDS, clients=clients)
        for r in range(rounds if answered else 0):
            for server, url, first in answered[r % len(answered) :] + answered[: r % len(answered)]:
                load = os.getloadavg()[0]
                drain(server)
                run = run_load(url, HTML, seconds=seconds, clients=clients)
                log(
                    f"  r{r} {name} {server.name:>16} {run.rps:9.1f}/s p50 {run.p50_ms:7.2f} ms "
                    f"p99 {run.p99_ms:7.2f} ms err {run.errors} (load {load:.2f})"
                )
                yield {
                    "stage": "pages",
                    **size,
                    "page": name,
                    "server": server.name,
                    "round": r,
                    # no page finished within the run: one page at a time, an upper bound
                    "rps": run.rps or 1 / first,
                    "estimated": run.requests == 0,
                    "p50_ms": run.p50_ms,
                    "p99_ms": run.p99_ms,
                    "requests": run.requests,
                    "errors": run.errors,
                    "load1": load,
                }
