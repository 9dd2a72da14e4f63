"""kill -9 during ``kg load``, and reads during a load: no report is ever seen or left in part.

Crash: ``kg load --verbose`` prints a line as each report is stored; the test reads those lines,
kills the process with SIGKILL after a random number of them (and a random extra wait on the
process, never a sleep), then opens the store and compares every report graph's quad count with
an uninterrupted load: each graph is whole or absent, and every report announced as stored is
there. Later rounds kill loads that *replace* graphs already stored. Last, the load is run again
(:func:`kg.loading.load_inputs`, what kg load runs) to its end and must give exactly the quads of
the uninterrupted load.

Reads: a second process queries every graph's size from a live SPARQL server (``oxigraph
serve``) over and over while ``kg load --endpoint`` writes to it; every size it sees is 0 or the
whole report's.

The short variants run in CI; ``--runslow`` runs the long ones (more reports, more kills).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.corpus import Archive
from kg.inputs import expand_paths
from kg.loading import load_inputs
from kg.record_yaml import dumps_record
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore
from tests.conftest import ROOT

KG = str(Path(sys.executable).with_name("kg"))  # the installed command, beside this Python
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass
class Plan:
    reports: int
    kills: int
    seed: int = 6


SHORT = Plan(reports=8, kills=2)
LONG = Plan(reports=60, kills=10)


def write_records(folder: Path, n: int) -> Path:
    """``n`` synthetic event records (the benchmark's archive), one YAML file each."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = Archive()
    for i in range(n):
        record = archive.record(archive.spec(i))
        (folder / f"{record.source.slug}.yaml").write_text(dumps_record(record), encoding="utf-8")
    return folder


def graph_counts(store: EmbeddedStore) -> dict[str, int]:
    return {str(row["g"]): int(row["n"]) for row in store.query(COUNTS).rows()}


def clean_load(records: Path, folder: Path) -> dict[str, int]:
    """Every report graph's quad count after an uninterrupted load."""
    with EmbeddedStore(folder) as store:
        summary = load_inputs(store, expand_paths([records]))
        assert summary.ok, summary.failures
        return graph_counts(store)


@dataclass
class Round:
    announced: int
    present: int
    killed_at: str
    exit: int | None = None
    partial: list[str] = field(default_factory=list)


def kill_during_load(records: Path, store: Path, after: int, extra: float) -> Round:
    """Start ``kg load``; after ``after`` "loaded:" lines and ``extra`` seconds, SIGKILL it."""
    command = [KG, "load", str(records), "--store", str(store), "--no-vocabularies", "--verbose"]
    announced: list[str] = []
    with subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None
        for line in process.stderr:
            if line.startswith("loaded: "):
                announced.append(line.split("<", 1)[1].split(">", 1)[0])
                if len(announced) >= after:
                    break
        try:
            process.wait(timeout=extra)  # a random moment: in a write, between two, or after
            killed_at = "finished before the kill"
            assert process.returncode == 0, "kg load failed on its own"
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            killed_at = f"after {len(announced)} reports + {extra:.2f} s"
        process.wait()
    outcome = Round(len(announced), 0, killed_at, process.returncode)
    outcome.partial = announced
    return outcome


@pytest.fixture(scope="module")
def short_load(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The short plan's records, and each graph's quads after an uninterrupted load."""
    folder = tmp_path_factory.mktemp("short")
    records = write_records(folder / "records", SHORT.reports)
    return records, clean_load(records, folder / "clean")


def _crash_rounds(
    plan: Plan, records: Path, expected: dict[str, int], tmp_path: Path
) -> list[Round]:
    assert len(expected) == plan.reports
    rng = random.Random(plan.seed)  # noqa: S311 - moments to kill at, not secrets
    store = tmp_path / "crashed"
    rounds = []
    for _ in range(plan.kills):
        after = rng.randrange(1, plan.reports)
        done = kill_during_load(records, store, after, rng.uniform(0.0, 0.5))
        # the store opens after the kill, and holds only whole reports
        with EmbeddedStore(store) as opened:
            found = graph_counts(opened)
        for graph, n in found.items():
            assert n == expected[graph], f"{graph}: {n} quads of {expected[graph]} ({done})"
        missing = [g for g in done.partial if g not in found]
        assert not missing, f"announced as stored, then lost: {missing}"
        done.present = len(found)
        rounds.append(done)
    # loading again to the end gives what an uninterrupted load gives (kg load's own function,
    # in this process: one start of kg less in CI)
    with EmbeddedStore(store) as opened:
        assert load_inputs(opened, expand_paths([records])).ok
        assert graph_counts(opened) == expected
        assert opened.quad_count() == sum(expected.values())
    return rounds


def _report(rounds: list[Round], plan: Plan, expected: dict[str, int]) -> None:
    quads = sum(expected.values())
    lines = [f"{plan.reports} reports ({quads:,} quads), {len(rounds)} kills:"]
    lines += [
        f"  killed {r.killed_at}: {r.present} graphs in the store, all whole, none lost"
        for r in rounds
    ]
    lines.append(f"  loaded again to the end: the same {quads:,} quads as an uninterrupted load")
    print("\n".join(lines))  # noqa: T201 - the figures RELIABILITY.md quotes (pytest -s)


def test_kill_9_during_a_load_leaves_whole_reports_and_a_rerun_completes(
    short_load: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    rounds = _crash_rounds(SHORT, *short_load, tmp_path)
    _report(rounds, SHORT, short_load[1])


@pytest.mark.slow
def test_kill_9_during_a_long_load_many_times(tmp_path: Path) -> None:
    records = write_records(tmp_path / "records", LONG.reports)
    expected = clean_load(records, tmp_path / "clean")
    rounds = _crash_rounds(LONG, records, expected, tmp_path)
    _report(rounds, LONG, expected)
    # most kills land inside the load, not after it
    assert sum(r.killed_at.startswith("after") for r in rounds) >= len(rounds) // 2


# --- a reader process during a load ---------------------------------------------------------

READER = textwrap.dedent(
    """
    import json, sys, time, urllib.parse, urllib.request
    url, query, reports = sys.argv[1], sys.argv[2], int(sys.argv[3])
    deadline = time.monotonic() + 600
    body = urllib.parse.urlencode({"query": query}).encode()
    headers = {"Accept": "application/sparql-results+json"}
    while time.monotonic() < deadline:  # reads back to back until every report is there
        request = urllib.request.Request(url, data=body, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as reply:
            rows = json.load(reply)["results"]["bindings"]
        sizes = {r["g"]["value"]: int(r["n"]["value"]) for r in rows}
        print(json.dumps(sizes), flush=True)
        if len(sizes) >= reports:
            break
    """
)


@pytest.mark.live
def test_a_reader_process_sees_only_whole_reports_during_a_load(
    oxigraph_server: str, short_load: tuple[Path, dict[str, int]]
) -> None:
    records, expected = short_load
    query_url, update_url = f"{oxigraph_server}/query", f"{oxigraph_server}/update"
    with RemoteStore(query_url, update_endpoint=update_url) as remote:
        remote.update("DROP ALL")  # the server lives for the session
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, query_url, COUNTS, str(len(expected))],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    loader = subprocess.run(
        [KG, "load", str(records), "--no-vocabularies",
         "--endpoint", query_url, "--update-endpoint", update_url],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    out, _ = reader.communicate(timeout=600)
    assert loader.returncode == 0, loader.stderr
    assert reader.returncode == 0
    reads = [json.loads(line) for line in out.splitlines()]
    for sizes in reads:
        for graph, n in sizes.items():
            assert n == expected[graph], f"a reader saw {graph} with {n} of {expected[graph]} quads"
    assert reads[-1] == expected
    # the reads were made during the load, not all before or after it
    during = [s for s in reads if 0 < len(s) < len(expected)]
    assert during, f"{len(reads)} reads, none while the load ran"
    print(f"{len(reads)} reads by another process, {len(during)} during the load")  # noqa: T201
