"""``python -m bench``: run the benchmark suite (``--quick`` for the two-minute CI run)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.harness import STAGES, Options, run


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(float(x)) for x in text.split(",") if x.strip())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one short round (CI)")
    parser.add_argument("--out", type=Path, default=Path("bench-results"), help="results folder")
    parser.add_argument("--work", type=Path, help="datasets and stores, reused by later runs")
    parser.add_argument("--stages", help=f"comma-separated subset of {','.join(STAGES)}")
    parser.add_argument("--extract-reports", type=int)
    parser.add_argument("--validate-reports", type=int)
    parser.add_argument("--load-sizes", type=_sizes, help="e.g. 1000,10000,100000")
    parser.add_argument("--load-jobs", type=_sizes, help="kg load --jobs variants, e.g. 1,2")
    parser.add_argument("--endpoint-sizes", type=_sizes, help="quads, e.g. 1e6,1e7")
    parser.add_argument("--rdflib-sizes", type=_sizes, help="quads served to rdflib-endpoint too")
    parser.add_argument("--kg-workers", type=_sizes, help="kg serve --workers variants, e.g. 1,2")
    parser.add_argument(
        "--kg-query-workers", type=_sizes, help="also kg with these QUERY_WORKERS, e.g. 2"
    )
    parser.add_argument("--seconds", type=float, help="length of one load run")
    parser.add_argument("--rounds", type=int, help="rounds of interleaved runs")
    parser.add_argument("--clients", type=int, help="concurrent connections")
    parser.add_argument("--first-timeout", type=float, help="seconds a first answer may take")
    parser.add_argument("--no-floor", action="store_true", help="leave out bench.floor_app")
    parser.add_argument("--queries", type=Path, help="folder of .rq files (default: kg/queries)")
    parser.add_argument(
        "--kg-before",
        type=Path,
        help="a kg source tree (git archive of an earlier commit), served as 'kg (before)'",
    )
    args = parser.parse_args(argv)
    options = Options.quick_run(args.out) if args.quick else Options(out=args.out)
    if args.work:
        options.work = args.work
    if args.stages:
        options.stages = tuple(s.strip() for s in args.stages.split(","))
    for name in (
        "extract_reports",
        "validate_reports",
        "load_sizes",
        "load_jobs",
        "endpoint_sizes",
        "rdflib_sizes",
        "kg_workers",
        "kg_query_workers",
        "seconds",
        "rounds",
        "clients",
        "first_timeout",
        "queries",
        "kg_before",
    ):
        if (value := getattr(args, name)) is not None:
            setattr(options, name, value)
    if args.no_floor:
        options.floor = False
    run(options)


if __name__ == "__main__":
    main()
