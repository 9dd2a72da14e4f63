"""The stages measured in a child process each, so that peak memory (``ru_maxrss``) is their own.

``python -m bench.stages STAGE JSON-ARGS`` runs one stage and prints its figures as one JSON line:

- ``extract``: extract every report text of a folder (``kg.extract.extract_file``);
- ``load``: validate and load the first ``n`` records of a folder into a fresh embedded store, as
  ``kg load --jobs N`` does (``kg.loading.load_inputs``);
- ``validate``: SHACL validation of mapped reports, one at a time, each timed, by one engine
  (``turbo`` or ``pyshacl``: :mod:`kg.shacl_runner`).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stats import percentile

__all__ = ["run_stage"]


def _peak_mb() -> float:
    # Linux gives ru_maxrss in kilobytes
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds of this process and of its finished children (``kg load --jobs`` workers).

    On a shared machine the wall-clock rate depends on what else runs; the CPU time per report is
    about what one idle core would take.
    """
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def extract(args: dict[str, Any]) -> dict[str, Any]:
    from kg.extract import extract_file

    paths = sorted(Path(args["folder"]).glob("*.md"))[: args["n"]]
    extract_file(paths[0])  # rules and gazetteer read once, outside the timing
    base_mb = _peak_mb()
    failed = 0
    times = []
    started, cpu = time.perf_counter(), _cpu_s()
    for path in paths:
        t = time.perf_counter()
        try:
            extract_file(path)
        except Exception:
            failed += 1
        times.append(time.perf_counter() - t)
    seconds, cpu = time.perf_counter() - started, _cpu_s() - cpu
    return {
        "reports": len(paths),
        "failed": failed,
        "seconds": seconds,
        "reports_per_s": len(paths) / seconds,
        "cpu_ms_per_report": cpu / len(paths) * 1000,
        "p50_ms": percentile(times, 50) * 1000,
        "p99_ms": percentile(times, 99) * 1000,
        "peak_mb": _peak_mb(),
        "start_mb": base_mb,
    }


def load(args: dict[str, Any]) -> dict[str, Any]:
    from kg.store import open_store

    paths = sorted(Path(args["folder"]).glob("*.yaml"))[: args["n"]]
    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as tmp:
        store = open_store(Path(tmp) / "store")
        from kg.loading import load_inputs

        # the shapes, vocabularies and gazetteer are read once per process: not part of the rate
        load_inputs(store, paths[:1])
        base_mb = _peak_mb()
        started, cpu = time.perf_counter(), _cpu_s()
        summary = load_inputs(store, paths, jobs=args.get("jobs", 1), engine=args.get("engine"))
        seconds, cpu = time.perf_counter() - started, _cpu_s() - cpu
        quads = store.quad_count()
        store.close()
    return {
        "reports": len(paths),
        "jobs": args.get("jobs", 1),
        "loaded": summary.loaded,
        "rejected": summary.rejected,
        "triples": summary.triples,
        "quads_in_store": quads,
        "seconds": seconds,
        "reports_per_s": len(paths) / seconds,
        "triples_per_s": summary.triples / seconds,
        "cpu_ms_per_report": cpu / len(paths) * 1000,
        "peak_mb": _peak_mb(),
        # the worker processes of --jobs, the largest of them
        "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "start_mb": base_mb,
    }


def validate(args: dict[str, Any]) -> dict[str, Any]:
    from kg.inputs import read_input
    from kg.shacl_runner import engine_name
    from kg.validation import validate_graph

    engine = engine_name(args.get("engine"))
    paths = sorted(Path(args["folder"]).glob("*.yaml"))[: args["n"]]
    graphs = [r.graph for p in paths for r in read_input(p).reports]
    validate_graph(graphs[0], engine=engine)  # shapes parsed once, outside the timing
    times = []
    conforming = 0
    cpu = _cpu_s()
    for graph in graphs:
        t = time.perf_counter()
        report = validate_graph(graph, engine=engine)
        times.append(time.perf_counter() - t)
        conforming += report.conforms
    cpu = _cpu_s() - cpu
    return {
        "engine": engine,
        "reports": len(graphs),
        "conforming": conforming,
        "triples_per_report": sum(len(g) for g in graphs) / len(graphs),
        "mean_ms": sum(times) / len(times) * 1000,
        "cpu_ms_per_report": cpu / len(graphs) * 1000,
        "p50_ms": percentile(times, 50) * 1000,
        "p99_ms": percentile(times, 99) * 1000,
        "peak_mb": _peak_mb(),
    }


STAGES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "extract": extract,
    "load": load,
    "validate": validate,
}


def run_stage(stage: str, args: dict[str, Any], *, timeout: float | None = None) -> dict[str, Any]:
    """Run ``stage`` in a fresh Python process and return its figures."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.stages", stage, json.dumps(args)],
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


if __name__ == "__main__":
    print(json.dumps(STAGES[sys.argv[1]](json.loads(sys.argv[2]))))
