"""One benchmark run: every stage, side by side, into ``results.json`` and ``results.md``."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import results
from bench.corpus import Archive
from bench.data import build_dataset, oxigraph_store
from bench.endpoint import example_queries, measure_endpoints, started
from bench.machine import describe
from bench.pages import busiest_region, measure_pages
from bench.servers import available_peers
from bench.stages import run_stage

__all__ = ["Options", "run"]

STAGES = ("extract", "validate", "load", "endpoint", "pages")


@dataclass
class Options:
    """What to measure and how long (the defaults are the full run of BENCHMARKS.md)."""

    out: Path = Path("bench-results")
    work: Path = Path("bench-work")
    stages: tuple[str, ...] = STAGES
    extract_reports: int = 1000
    validate_reports: int = 200
    validate_engines: tuple[str, ...] = ("turbo", "pyshacl")
    """SHACL engines timed side by side on the same reports (kg.shacl_runner)."""
    load_sizes: tuple[int, ...] = (1000, 10_000, 100_000)
    load_jobs: tuple[int, ...] = (1, 2)
    """``kg load --jobs`` variants measured at each size."""
    endpoint_sizes: tuple[int, ...] = (1_000_000, 10_000_000)
    rdflib_sizes: tuple[int, ...] = (50_000,)
    kg_workers: tuple[int, ...] = (1, 2)
    kg_query_workers: tuple[int, ...] = ()
    """Also serve kg (one process) with each of these ``QUERY_WORKERS`` (the default is 4)."""
    seconds: float = 5.0
    rounds: int = 2
    clients: int = 4
    floor: bool = True
    """Also serve the store with :mod:`bench.floor_app` (waitress + pyoxigraph, nothing else)."""
    first_timeout: float = 30.0
    """A query whose first answer takes longer on a server is not run under load there."""
    max_run_seconds: float = 20.0
    """The longest load run for a slow server (a slow query gets longer runs than ``seconds``)."""
    queries: Path | None = None
    kg_before: Path | None = None
    """Also serve the kg of this source tree, as ``kg (before)``: a change measured in one run."""
    seed: int = 2024
    quick: bool = False
    notes: list[str] = field(default_factory=list)

    @classmethod
    def quick_run(cls, out: Path) -> Options:
        """A run of under two minutes, for CI: small sizes, one round of one second."""
        return cls(
            out=out,
            work=out / "work",
            extract_reports=10,
            validate_reports=5,
            load_sizes=(5, 15),
            load_jobs=(1,),
            endpoint_sizes=(),
            rdflib_sizes=(20_000,),
            kg_workers=(1,),
            seconds=1.0,
            max_run_seconds=2.0,
            floor=False,
            first_timeout=10.0,
            rounds=1,
            quick=True,
        )


def _log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run(options: Options) -> Path:
    """Run the stages of ``options``; returns the path of ``results.json``."""
    options.out.mkdir(parents=True, exist_ok=True)
    options.work.mkdir(parents=True, exist_ok=True)
    archive = Archive(options.seed)
    rows: list[dict[str, Any]] = []
    skipped: dict[str, str] = {}
    started_at = time.time()
    machine = describe()
    _log(f"{machine['cpu']}, {machine['cores']} cores, load {machine['load_average_at_start']}")

    def add(row: dict[str, Any]) -> None:
        rows.append(row)
        # written as it goes, so an interrupted run keeps what it measured
        results.write(options.out, machine, asdict_options(options), rows, skipped)

    if "extract" in options.stages:
        folder = options.work / "texts"
        list(archive.write_texts(folder, options.extract_reports))
        figures = run_stage("extract", {"folder": str(folder), "n": options.extract_reports})
        _log(f"extract: {figures}")
        add({"stage": "extract", "load1": os.getloadavg()[0], **figures})

    records = options.work / "records"
    # as many records as the stages run here use (the folder is shared between runs)
    needed = max(
        [
            *(options.load_sizes if "load" in options.stages else ()),
            options.validate_reports if "validate" in options.stages else 0,
        ]
    )
    if "load" in options.stages or "validate" in options.stages:
        _log(f"writing {needed} records to {records}")
        list(archive.write_records(records, needed))

    if "validate" in options.stages:
        for engine in options.validate_engines:
            args = {"folder": str(records), "n": options.validate_reports, "engine": engine}
            figures = run_stage("validate", args)
            _log(f"validate ({engine}): {figures}")
            add({"stage": "validate", "load1": os.getloadavg()[0], **figures})

    if "load" in options.stages:
        for n in options.load_sizes:
            for jobs in options.load_jobs:
                figures = run_stage("load", {"folder": str(records), "n": n, "jobs": jobs})
                _log(f"load {n} --jobs {jobs}: {figures}")
                add({"stage": "load", "size": n, "load1": os.getloadavg()[0], **figures})

    if "endpoint" in options.stages:
        peers = available_peers()
        for peer, why in peers.items():
            if why:
                skipped[peer] = why
        sizes = sorted(set(options.endpoint_sizes) | set(options.rdflib_sizes))
        for target in sizes:
            dataset = build_dataset(options.work, target, seed=options.seed)
            location = oxigraph_store(dataset, options.work)
            size = {
                "dataset": f"{dataset.quads:,} quads",
                "quads": dataset.quads,
                "reports": dataset.reports,
            }
            specs: list[dict[str, Any]] = [
                {
                    "kind": "kg",
                    "store": location,
                    "workers": w,
                    "name": _kg_name(w),
                    "query_timeout": options.first_timeout,
                }
                for w in options.kg_workers
            ]
            specs += [
                {
                    "kind": "kg",
                    "store": location,
                    "name": f"kg QUERY_WORKERS={n}",
                    "query_timeout": options.first_timeout,
                    "settings": {"KG_QUERY_WORKERS": str(n)},
                }
                for n in options.kg_query_workers
            ]
            if options.kg_before is not None:
                specs.append(
                    {
                        "kind": "kg",
                        "store": location,
                        "name": "kg (before)",
                        "source": options.kg_before,
                        "query_timeout": options.first_timeout,
                    }
                )
            if options.floor:
                specs.append({"kind": "python-floor", "store": location})
            if not peers["oxigraph"]:
                specs.append({"kind": "oxigraph", "store": location})
            if not peers["rdflib-endpoint"] and target in options.rdflib_sizes:
                specs.append({"kind": "rdflib-endpoint", "nquads": dataset.path})
            queries = example_queries(dataset.event, options.queries)
            _log(
                f"endpoint at {dataset}: {[s.get('name', s['kind']) for s in specs]}, "
                f"{[q.name for q in queries]}"
            )
            with started(specs) as servers:
                for row in measure_endpoints(
                    servers,
                    queries,
                    seconds=options.seconds,
                    rounds=options.rounds,
                    clients=options.clients,
                    size=size,
                    log=_log,
                    first_timeout=options.first_timeout,
                    max_seconds=options.max_run_seconds,
                ):
                    add(row)

    if "pages" in options.stages:
        if importlib.util.find_spec("server.pages") is None:
            skipped["pages"] = "the linked-data pages (server/pages.py) have not landed yet"
        else:
            for target in sorted(set(options.endpoint_sizes) | set(options.rdflib_sizes)):
                for row in _pages_at(options, target):
                    add(row)

    results.write(
        options.out,
        machine,
        asdict_options(options),
        rows,
        skipped,
        seconds=time.time() - started_at,
    )
    _log(f"results in {options.out / 'results.json'} and {options.out / 'results.md'}")
    return options.out / "results.json"


def _pages_at(options: Options, target: int) -> Iterator[dict[str, Any]]:
    """The event and region pages of the dataset of about ``target`` quads, on each kg server."""
    dataset = build_dataset(options.work, target, seed=options.seed)
    location = oxigraph_store(dataset, options.work)
    size = {
        "dataset": f"{dataset.quads:,} quads",
        "quads": dataset.quads,
        "reports": dataset.reports,
    }
    pages = {"event": dataset.event}
    if region := busiest_region(location):
        pages["region"] = region
    specs = [
        {"kind": "kg", "store": location, "workers": w, "name": _kg_name(w)}
        for w in options.kg_workers
    ]
    _log(f"pages at {dataset}: {pages}")
    with started(specs) as servers:
        yield from measure_pages(
            servers,
            pages,
            seconds=options.seconds,
            rounds=options.rounds,
            clients=options.clients,
            size=size,
            log=_log,
            first_timeout=options.first_timeout,
        )


def _kg_name(workers: int) -> str:
    return "kg" if workers == 1 else f"kg --workers {workers}"


def asdict_options(options: Options) -> dict[str, Any]:
    return json.loads(json.dumps(asdict(options), default=str))
