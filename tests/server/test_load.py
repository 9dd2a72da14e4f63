"""A bounded load test: 8 client threads against `kg serve` on 127.0.0.1, mixing requests.

Each client sends, on one keep-alive connection, a fixed mix in turn: SPARQL queries in several
forms and formats (GET and POST), the service description, the query page, a static file, the
linked-data pages (home with filters, search, regions, an event as HTML and Turtle, a region, a
graph, the ontology, the exports list, VoID), and requests that must be refused (a malformed
query, SERVICE, an update without the token, unknown pages). Every answer must have its expected
status (so zero 5xx), and the server's log must hold no error. Latency p50/p99 and the rate are
printed (``pytest -s``).

The short run (3 s) is part of the suite; ``--runslow`` adds the long one (30 s, or
``LOAD_TEST_SECONDS``).
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.inputs import read_inputs
from kg.loading import load_vocabularies
from kg.store.embedded import EmbeddedStore
from tests.conftest import ROOT

pytestmark = pytest.mark.live

CLIENTS = 8
EVENT = "kara-balta-2023-03-14"
PREFIX = "PREFIX kg: <https://w3id.org/kg-events/ontology#> PREFIX schema: <https://schema.org/> "


@dataclass(frozen=True)
class Call:
    name: str
    method: str
    target: str
    status: int
    accept: str = "*/*"
    body: bytes | None = None
    content_type: str | None = None


def _get(name: str, query: str, accept: str, status: int = 200) -> Call:
    return Call(name, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), status, accept)


def _post(name: str, field_name: str, text: str, status: int, accept: str = "*/*") -> Call:
    body = urllib.parse.urlencode({field_name: text}).encode()
    return Call(name, "POST", "/sparql", status, accept, body, "application/x-www-form-urlencoded")


MIX = [
    _get(
        "events",
        PREFIX + "SELECT ?e ?date WHERE { ?e a kg:Event ; schema:startDate ?date } "
        "ORDER BY ?date LIMIT 20",
        "application/sparql-results+json",
    ),
    _get(
        "count by type",
        "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY DESC(?n)",
        "text/csv",
    ),
    _get("ask", "ASK { ?s ?p ?o }", "application/sparql-results+xml"),
    _post(
        "construct",
        "query",
        PREFIX + "CONSTRUCT { ?e ?p ?o } WHERE { ?e a kg:Event ; ?p ?o }",
        200,
        "text/turtle",
    ),
    _get("describe", PREFIX + "DESCRIBE ?e WHERE { ?e a kg:Event } LIMIT 1", "application/ld+json"),
    _get(
        "text search",
        "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'Кара')) } LIMIT 50",
        "text/tab-separated-values",
    ),
    Call("service description", "GET", "/sparql", 200, "text/turtle"),
    Call("query page", "GET", "/sparql", 200, "text/html"),
    Call("static", "GET", "/static/style.css", 200, "text/css"),
    # the linked-data pages
    Call("home", "GET", "/", 200, "text/html"),
    Call("home filtered", "GET", "/?region=KG-C&sort=title&page=1", 200, "text/html"),
    Call("search", "GET", "/search?q=" + urllib.parse.quote("Кара-Балта"), 200, "text/html"),
    Call("regions", "GET", "/regions?lang=ru", 200, "text/html"),
    Call("event page", "GET", f"/kg/id/event/{EVENT}", 200, "text/html"),
    Call("event as Turtle", "GET", f"/kg/id/event/{EVENT}", 200, "text/turtle"),
    Call("region page", "GET", "/kg/id/place/KG-C?lang=en", 200, "text/html"),
    Call("graph page", "GET", f"/kg/graph/{EVENT}.jsonld", 200, "application/ld+json"),
    Call("unknown event", "GET", "/kg/id/event/no-such-event", 404, "text/html"),
    Call("ontology", "GET", "/ontology", 200, "text/html"),
    Call("exports", "GET", "/exports/", 200, "text/html"),
    Call("void", "GET", "/void", 200, "text/turtle"),
    Call("unknown page", "GET", "/no/such/page", 404, "text/html"),
    _get("malformed", "SELECT * WHERE { ?s ?p }", "text/plain", 400),
    _get(
        "service",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "text/plain",
        403,
    ),
    _post("update without token", "update", "CLEAR ALL", 403, "text/plain"),
]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    by_call: dict[str, list[float]] = field(default_factory=dict)


def _client(base: str, seconds: float, offset: int, tally: Tally, lock: threading.Lock) -> None:
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    wrong: list[str] = []
    by_call: dict[str, list[float]] = {}
    end = time.monotonic() + seconds
    i = offset
    try:
        while time.monotonic() < end:
            call = MIX[i % len(MIX)]
            i += 1
            headers = {"Accept": call.accept}
            if call.content_type:
                headers["Content-Type"] = call.content_type
            started = time.perf_counter()
            connection.request(call.method, call.target, body=call.body, headers=headers)
            response = connection.getresponse()
            response.read()
            latencies.append(time.perf_counter() - started)
            by_call.setdefault(call.name, []).append(latencies[-1])
            statuses[response.status] += 1
            if response.status != call.status:
                wrong.append(f"{call.name}: {response.status}, not {call.status}")
    finally:
        connection.close()
        with lock:
            tally.latencies += latencies
            tally.statuses += statuses
            tally.wrong += wrong
            for name, times in by_call.items():
                tally.by_call.setdefault(name, []).extend(times)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_load(base: str, seconds: float, clients: int = CLIENTS) -> Tally:
    tally, lock = Tally(), threading.Lock()
    threads = [
        threading.Thread(target=_client, args=(base, seconds, n * 3, tally, lock))
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


@pytest.fixture(scope="module")
def kg_serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`kg serve` (waitress, 8 threads) over the bundled examples; yields its URL and log file."""
    folder = tmp_path_factory.mktemp("load")
    with EmbeddedStore(folder / "data") as store:
        # as kg load writes them (test_loading.py checks they validate), vocabularies included
        for item in read_inputs(sorted((ROOT / "examples").glob("*.yaml"))):
            for report in item.reports:
                store.replace_graph(str(report.graph_iri), report.graph)
        load_vocabularies(store)
    log = folder / "serve.log"
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    kg = str(Path(sys.executable).with_name("kg"))
    command = [kg, "serve", "--store", str(folder / "data"), "--read-only", "--port", "0"]
    with (
        log.open("w") as out,
        subprocess.Popen(
            command, cwd=ROOT, stderr=subprocess.PIPE, stdout=out, text=True, env=environ
        ) as process,
    ):
        assert process.stderr is not None
        first = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert match, first
        # the rest of standard error goes to the log, read after the run
        copier = threading.Thread(target=lambda: out.writelines(process.stderr), daemon=True)
        copier.start()
        try:
            yield match.group(0), log
        finally:
            process.terminate()
            process.wait(timeout=30)
            copier.join(timeout=30)


def _check(tally: Tally, log: Path, seconds: float) -> str:
    assert tally.latencies, "no request completed"
    assert not [s for s in tally.statuses if s >= 500], tally.statuses
    assert not tally.wrong, Counter(tally.wrong).most_common(5)
    text = log.read_text()
    assert not re.search(r"Traceback|ERROR|Exception", text), text[-2000:]
    n = len(tally.latencies)
    return (
        f"{CLIENTS} clients, {seconds:.0f} s: {n} requests ({n / seconds:.0f}/s), "
        f"p50 {percentile(tally.latencies, 50) * 1000:.1f} ms, "
        f"p99 {percentile(tally.latencies, 99) * 1000:.1f} ms, "
        f"max {max(tally.latencies) * 1000:.0f} ms; "
        f"statuses {dict(sorted(tally.statuses.items()))}; "
        f"slowest (p50): {', '.join(_slowest(tally))}"
    )


def _slowest(tally: Tally, n: int = 4) -> list[str]:
    medians = {name: percentile(times, 50) for name, times in tally.by_call.items()}
    ranked = sorted(medians.items(), key=lambda item: -item[1])[:n]
    return [f"{name} {ms * 1000:.0f} ms" for name, ms in ranked]


def test_a_short_mixed_load_gets_no_5xx_and_logs_no_error(kg_serve) -> None:
    url, log = kg_serve
    seconds = 3.0
    print(_check(run_load(url, seconds), log, seconds))  # noqa: T201 - the figures (pytest -s)


@pytest.mark.slow
def test_a_long_mixed_load_gets_no_5xx_and_logs_no_error(kg_serve) -> None:
    url, log = kg_serve
    seconds = float(os.environ.get("LOAD_TEST_SECONDS", "30"))
    print(_check(run_load(url, seconds), log, seconds))  # noqa: T201 - the figures (pytest -s)
