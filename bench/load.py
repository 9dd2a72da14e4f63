"""Benchmark of validation and loading: time per report, reports/s, triples/s and peak memory.

    python bench/load.py [--counts 100 1000] [--keep DIR]

For each count N it writes N varied records (bench/generate_records.py), then runs
``kg load DIR --store STORE`` in a child process, and reads the child's peak resident memory from
``getrusage(RUSAGE_CHILDREN)`` (a fresh child per count, so each peak is its own). Flat peaks across
counts show that loading streams. Validation alone is timed in this process over the first 200
records (read and map excluded). Results go to bench/results/load.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_records import DEFAULT_SEED_RECORD, settlements, vary

from kg.inputs import read_input
from kg.record_yaml import dumps_record, load_record
from kg.validation import validate_input

ROOT = Path(__file__).resolve().parents[1]
KG = Path(sys.executable).parent / "kg"


def write_records(n: int, out: Path) -> None:
    rng = random.Random(1)
    seed = load_record(DEFAULT_SEED_RECORD)
    places = settlements()
    out.mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        (out / f"bench-{i:05d}.yaml").write_text(
            dumps_record(vary(seed, i, rng, places)), encoding="utf-8"
        )


def load_in_child(records: Path, store: Path) -> dict[str, float]:
    """Run `kg load` in a child; its peak RSS is the largest of the children waited for so far, so
    the caller runs one measurement per fresh Python process (see main)."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(KG), "load", str(records), "--store", str(store)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kg load failed:\n{done.stdout}\n{done.stderr}")
    m = re.search(r"loaded (\d+), rejected (\d+), unreadable (\d+); ([\d,]+) triples", done.stdout)
    assert m, done.stdout
    import resource

    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    loaded, triples = int(m[1]), int(m[4].replace(",", ""))
    return {
        "reports": loaded,
        "triples": triples,
        "seconds": round(seconds, 2),
        "reports_per_s": round(loaded / seconds, 1),
        "triples_per_s": round(triples / seconds),
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }


def time_validation(records: Path, limit: int = 200) -> dict[str, float]:
    times = []
    for path in sorted(records.glob("*.yaml"))[:limit]:
        item = read_input(path)
        (report,) = validate_input(item)
        assert report.conforms, report.text
        times.append(report.seconds)
    times = times[1:]  # the first pays for parsing the shapes once
    return {
        "reports": len(times),
        "mean_ms": round(1000 * statistics.mean(times), 1),
        "median_ms": round(1000 * statistics.median(times), 1),
        "p95_ms": round(1000 * sorted(times)[int(0.95 * len(times)) - 1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--child", nargs=2, metavar=("RECORDS", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        # one measurement per process: RUSAGE_CHILDREN keeps the largest child ever waited for
        print(json.dumps(load_in_child(Path(args.child[0]), Path(args.child[1]))))
        return
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for n in args.counts:
            records = Path(tmp) / f"records-{n}"
            write_records(n, records)
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(records), str(Path(tmp) / f"store-{n}")],
                capture_output=True,
                text=True,
                check=True,
            )
            results[f"load_{n}"] = json.loads(out.stdout)
            print(f"kg load, {n} records: {results[f'load_{n}']}", flush=True)
        results["validation"] = time_validation(Path(tmp) / f"records-{args.counts[-1]}")
        print(f"validation per report: {results['validation']}")
    target = ROOT / "bench" / "results"
    target.mkdir(exist_ok=True)
    (target / "load.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
