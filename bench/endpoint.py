"""The SPARQL endpoint under concurrent load: kg against raw Oxigraph and rdflib-endpoint.

The example queries are those of ``kg/queries`` that the query page offers (every runnable one
but ``export_*``), plus ``describe_resource`` bound to one event. Each query is first sent once to
every server, to check that each answers 200 with the same number of rows or triples; then the
servers take turns, round after round (the order rotates), under the same load, so that a
ratio compares two runs a few seconds apart on the same machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench.loadgen import run_load
from bench.servers import Server, start_server

__all__ = ["Query", "example_queries", "measure_endpoints"]

RESULTS_JSON = "application/sparql-results+json"
TURTLE = "text/turtle"
MAX_SECONDS = 20.0
"""The longest run for one server and query (rdflib-endpoint can take seconds per request)."""


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    accept: str


def example_queries(event_iri: str, folder: Path | None = None) -> list[Query]:
    """The example queries (from ``folder``, default the installed ``kg/queries``)."""
    files = (
        sorted(folder.glob("*.rq"))
        if folder is not None
        else sorted(
            (f for f in resources.files("kg.queries").iterdir() if f.name.endswith(".rq")),
            key=lambda f: f.name,
        )
    )
    queries = []
    for f in files:
        name = f.name.removesuffix(".rq")
        if name.startswith(("export_", "ask_")):
            continue
        text = f.read_text(encoding="utf-8")
        if name == "describe_resource":
            # as kg.sparql.bind does: a VALUES clause after the query
            text += f"\nVALUES (?resource) {{ (<{event_iri}>) }}\n"
        elif re.search(r"(?im)^#\s*Parameters:\s*\?", text):
            continue  # a template with a required parameter
        form = re.search(r"(?im)^\s*(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", _strip_comments(text))
        accept = TURTLE if form and form[1].upper() in ("CONSTRUCT", "DESCRIBE") else RESULTS_JSON
        queries.append(Query(name, text, accept))
    return queries


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _url(server: Server, query: Query) -> str:
    return f"{server.sparql}?{urllib.parse.urlencode({'query': query.text})}"


def drain(server: Server, *, limit: float = 300.0) -> float:
    """Wait until ``server`` answers a trivial query at once again; returns the seconds waited.

    A load run ends with queries still running on the server (the clients' last requests, and
    queries it cannot stop), which would slow the next run or server: each run starts idle.
    """
    started = time.perf_counter()
    ping = Query("ping", "ASK { ?s ?p ?o }", RESULTS_JSON)
    while time.perf_counter() - started < limit:
        server.check_alive()
        t = time.perf_counter()
        check = _answer_size(server, ping, limit)
        if check["status"] == 200 and time.perf_counter() - t < 0.5:
            break
        time.sleep(0.5)
    return time.perf_counter() - started


def _answer_size(server: Server, query: Query, timeout: float) -> dict[str, Any]:
    """One request: status, bytes, and rows (SELECT) or triples (CONSTRUCT) in the answer."""
    request = urllib.request.Request(_url(server, query), headers={"Accept": query.accept})  # noqa: S310
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        return {
            "status": exc.code,
            "bytes": 0,
            "rows": None,
            "error": exc.read()[:200].decode("utf-8", "replace"),
        }
    except TimeoutError:
        return {
            "status": "timeout",
            "bytes": 0,
            "rows": None,
            "error": f"no answer in {timeout:g} s",
        }
    seconds = time.perf_counter() - started
    if query.accept == RESULTS_JSON:
        data = json.loads(body)
        rows = len(data["results"]["bindings"]) if "results" in data else 1  # ASK: one boolean
    else:
        rows = len(list(ox.parse(body, format=ox.RdfFormat.TURTLE)))
    return {"status": status, "bytes": len(body), "rows": rows, "first_s": round(seconds, 4)}


def measure_endpoints(
    servers: list[Server],
    queries: list[Query],
    *,
    seconds: float,
    rounds: int,
    clients: int,
    size: dict[str, Any],
    log: Any,
    first_timeout: float = 30.0,
    max_seconds: float = MAX_SECONDS,
) -> Iterator[dict[str, Any]]:
    """Rows of figures: one per query, server and round, plus one check row per query and server.

    A server whose first answer to a query fails or takes longer than ``first_timeout`` is left
    out of that query's runs (its check row says why): a query that takes minutes at this size
    cannot be run under load in a benchmark of reasonable length.
    """
    for query in queries:
        durations = {}
        first: dict[str, float] = {}
        for server in servers:
            for other in servers:  # every server idle: they share the cores
                drain(other)
            check = _answer_size(server, query, first_timeout)
            yield {
                "stage": "endpoint-check",
                **size,
                "query": query.name,
                "server": server.name,
                **check,
            }
            log(f"{size['dataset']} {query.name} {server.name}: {check}")
            if check["status"] != 200:
                continue
            # a slow server gets a longer run, so that enough requests complete to give a rate
            durations[server.name] = max(seconds, min(max_seconds, 12 * check.get("first_s", 0)))
            first[server.name] = check.get("first_s", 0)
        answered = [s for s in servers if s.name in durations]
        for r in range(rounds if answered else 0):
            order = answered[r % len(answered) :] + answered[: r % len(answered)]
            for server in order:
                load = os.getloadavg()[0]
                for other in servers:
                    drain(other)
                run = run_load(
                    _url(server, query),
                    query.accept,
                    seconds=durations[server.name],
                    clients=clients,
                )
                server.check_alive()  # failed requests from a dead server are not a figure
                row = {
                    "stage": "endpoint",
                    **size,
                    "query": query.name,
                    "server": server.name,
                    "round": r,
                    # no request finished within the run: the rate of one request at a time,
                    # an upper bound for a server that answers one query at a time
                    "rps": run.rps or (1 / first[server.name] if first[server.name] else 0.0),
                    "estimated": run.requests == 0,
                    "p50_ms": run.p50_ms,
                    "p99_ms": run.p99_ms,
                    "requests": run.requests,
                    "errors": run.errors,
                    "load1": load,
                }
                log(
                    f"  r{r} {server.name:>16} {run.rps:9.1f}/s p50 {run.p50_ms:7.2f} ms "
                    f"p99 {run.p99_ms:7.2f} ms err {run.errors} (load {load:.2f})"
                )
                yield row


@contextlib.contextmanager
def started(specs: list[dict[str, Any]]) -> Iterator[list[Server]]:
    """Start every server of ``specs`` (:func:`start_server` arguments); stop them after."""
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(start_server(**spec)) for spec in specs]
