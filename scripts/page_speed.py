"""Event-page speed, in process and served, beside a floor measured in the same run.

``python scripts/page_speed.py STORE [--events N] [--seconds S]``: STORE is an embedded store
folder (opened read-only; e.g. the benchmark's 1M-triple store). It prints

* in-process milliseconds per event page through Flask's test client: the first request of each
  page (nothing cached) and a repeat of the same pages (from the page cache);
* after one request for each page, with ``wrk`` and 4 connections against
  ``kg serve --read-only``: event pages rotating over N events, one event page again and again,
  and ``/sparql?query=DESCRIBE <that event>`` (the floor: kg's own answer for the same
  resource), with p50/p99; with the page cache and without it.

The machine is shared, so read the pages' figures as ratios to the floor of the same run.
"""

# ruff: noqa: T201, S603, S310
# (a measuring script: it prints, and starts kg serve and wrk on 127.0.0.1)
from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

BASE = "https://example.org/kg/"
EVENT_QUERY = (
    "SELECT ?e WHERE { ?e a <https://w3id.org/kg-events/ontology#Event> } ORDER BY ?e LIMIT %d"
)
ROTATE = """
paths = {%s}
i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = "text/html"})
end
"""


def _events(store: str, n: int) -> list[str]:
    import pyoxigraph as ox

    found = ox.Store.read_only(store).query(EVENT_QUERY % n, use_default_graph_as_union=True)
    return ["/kg/" + row["e"].value[len(BASE) :] for row in found]  # type: ignore[index,union-attr]


def in_process(store: str, paths: list[str]) -> tuple[float, float]:
    from server import create_app

    app = create_app({"STORE_PATH": store, "STORE_READ_ONLY": True})
    client = app.test_client()
    client.get(paths[0], headers={"Accept": "text/html"})  # templates, vocabularies
    times = []
    for _ in range(2):
        start = time.perf_counter()
        for path in paths:
            response = client.get(path, headers={"Accept": "text/html"})
            assert response.status_code == 200, path
        times.append((time.perf_counter() - start) * 1000 / len(paths))
    return times[0], times[1]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wrk(
    url: str, seconds: int, script: str | None = None, accept: str = "text/html"
) -> tuple[float, float, float]:
    """``(requests/s, p50 ms, p99 ms)`` with 4 connections on 2 threads."""
    args = ["wrk", "-t2", "-c4", f"-d{seconds}s", "--latency", "-H", f"Accept: {accept}", url]
    if script:
        args[1:1] = ["-s", script]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]

    def ms(pct: str) -> float:
        value, unit = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    if "Non-2xx" in out:
        raise SystemExit(f"errors from {url}:\n{out}")
    return rate, ms("50"), ms("99")


def served(
    store: str, paths: list[str], seconds: int, cache_mb: int
) -> dict[str, tuple[float, float, float]]:
    port = _port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("kg")), "serve", "--store", store, "--read-only",
         "--port", str(port), "--threads", "4"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "KG_PAGE_CACHE_MB": str(cache_mb)},
    )  # fmt: skip
    root = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{root}{paths[0]}", timeout=30).read()
                break
            except OSError:
                time.sleep(0.1)
        for path in paths:  # warm: each page once (rendered, and kept when the cache is on)
            request = urllib.request.Request(f"{root}{path}", headers={"Accept": "text/html"})
            urllib.request.urlopen(request, timeout=60).read()
        iri = BASE + paths[0][len("/kg/") :]
        describe = urllib.parse.quote(f"DESCRIBE <{iri}>")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(ROTATE % ", ".join(f'"{p}"' for p in paths))
        return {
            "floor: /sparql DESCRIBE": wrk(
                f"{root}/sparql?query={describe}", seconds, accept="text/turtle"
            ),
            "one event page": wrk(f"{root}{paths[0]}", seconds),
            f"{len(paths)} event pages": wrk(root, seconds, lua.name),
        }
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    paths = _events(args.store, args.events)
    first, again = in_process(args.store, paths)
    print(f"in process: {first:.1f} ms/page first, {again:.1f} ms/page again ({len(paths)} events)")
    for cache_mb in (64, 0):
        for name, (rate, p50, p99) in served(args.store, paths, args.seconds, cache_mb).items():
            print(
                f"served, 4 clients, PAGE_CACHE_MB={cache_mb}: {name}: "
                f"{rate:.0f}/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms"
            )


if __name__ == "__main__":
    main()
