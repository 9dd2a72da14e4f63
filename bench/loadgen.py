"""A bounded load generator on 127.0.0.1: ``wrk`` when installed, else multi-process Python.

Each run is ``clients`` keep-alive connections sending the same GET for ``seconds``, and gives
requests per second and p50/p99 latency. ``wrk`` (Debian package ``wrk``, C, event loop) is
preferred: a Python client spends more CPU per request than the fastest server it measures, so it
would cap the peers' figures on a two-core machine. The Python fallback runs one process per
client (no GIL between them) and is said to be the generator in the results.
"""

from __future__ import annotations

import http.client
import multiprocessing
import re
import shutil
import subprocess
import time
import urllib.parse
from dataclasses import dataclass

from bench.stats import percentile

__all__ = ["Run", "generator_name", "run_load"]

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class Run:
    """One run's figures: completed requests, rate, latency (ms), and failed requests."""

    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def generator_name() -> str:
    if shutil.which("wrk"):
        version = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
        return (version.stdout or version.stderr).split(" Copyright")[0].strip() or "wrk"
    return "python (multi-process http.client)"


def run_load(url: str, accept: str, *, seconds: float, clients: int = 4) -> Run:
    """Send GET ``url`` from ``clients`` connections for ``seconds`` (127.0.0.1 only)."""
    host = urllib.parse.urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"the load generator only targets this machine, not {host}")
    if shutil.which("wrk"):
        return _wrk(url, accept, seconds, clients)
    return _python(url, accept, seconds, clients)


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not m:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(m[1]) * _UNITS[m[2]]


def _wrk(url: str, accept: str, seconds: float, clients: int) -> Run:
    threads = min(2, clients)
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{clients}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "--timeout",
            "60s",
            "-H",
            f"Accept: {accept}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)[1])  # type: ignore[index]
    duration = _ms(re.search(r"requests in ([\d.]+\w+)", out)[1]) / 1000  # type: ignore[index]
    latencies = dict(re.findall(r"^\s+(\d+)%\s+([\d.]+\w+)", out, re.MULTILINE))
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(m[1])
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(x) for x in m.groups())
    return Run(
        requests=requests,
        seconds=duration,
        rps=requests / duration if duration else 0.0,
        p50_ms=_ms(latencies["50"]) if requests else 0.0,
        p99_ms=_ms(latencies["99"]) if requests else 0.0,
        errors=errors,
    )


def _client(args: tuple[str, str, float]) -> tuple[list[float], int]:
    url, accept, seconds = args
    parts = urllib.parse.urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    times: list[float] = []
    errors = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t = time.perf_counter()
        conn.request("GET", target, headers={"Accept": accept})
        response = conn.getresponse()
        response.read()
        times.append(time.perf_counter() - t)
        errors += response.status >= 400
    conn.close()
    return times, errors


def _python(url: str, accept: str, seconds: float, clients: int) -> Run:
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        outcomes = pool.map(_client, [(url, accept, seconds)] * clients)
    times = [t for ts, _ in outcomes for t in ts]
    return Run(
        requests=len(times),
        seconds=seconds,
        rps=len(times) / seconds,
        p50_ms=percentile(times, 50) * 1000,
        p99_ms=percentile(times, 99) * 1000,
        errors=sum(e for _, e in outcomes),
    )
