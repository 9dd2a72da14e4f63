"""A run's results: every measured row in ``results.json``, tables and ratios in ``results.md``.

A ratio compares two servers measured in the same round (a few seconds apart), and the median over
the rounds is reported, so a change of load on the machine between rounds moves both sides.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.stats import geomean, median

__all__ = ["endpoint_ratios", "summary", "write"]

FLOOR = "python-floor"
BEFORE = "kg (before)"
"""kg served from an earlier source tree (``--kg-before``), to measure a change in one run."""
TARGETS = {
    "endpoint_vs_oxigraph_min": 0.7,
    "endpoint_vs_rdflib_geomean": 10.0,
    "load_reports_per_s": 200.0,
    "load_memory_ratio": 1.5,
    "pages_per_s": 500.0,
    "pages_p99_ms": 20.0,
}


def endpoint_ratios(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, float]]:
    """(dataset, kg server, peer) → query → median over rounds of kg's rate / the peer's."""
    first = {
        (r["dataset"], r["query"], r["server"]): r.get("first_s")
        for r in rows
        if r["stage"] == "endpoint-check"
    }
    runs: dict[tuple[str, str, str, int], float] = {}
    for row in rows:
        if row["stage"] == "endpoint":
            rps = row["rps"]
            seconds = first.get((row["dataset"], row["query"], row["server"]))
            if rps <= 0 and seconds:
                rps = 1 / seconds  # nothing finished in the run: one request at a time at best
            runs[(row["dataset"], row["query"], row["server"], row["round"])] = rps
    per: dict[tuple[str, str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for (dataset, query, server, rnd), rps in runs.items():
        # kg against each peer, and the Python floor against the Rust server (what Python allows)
        if not server.startswith(("kg", FLOOR)):
            continue
        for (d2, q2, peer, r2), peer_rps in runs.items():
            if (d2, q2, r2) != (dataset, query, rnd) or peer_rps <= 0:
                continue
            # kg servers are not compared with each other, but with kg before a change
            if peer.startswith("kg") and (peer != BEFORE or server == BEFORE):
                continue
            if server == FLOOR and peer != "oxigraph":
                continue
            if server != FLOOR or peer != FLOOR:
                per[(dataset, server, peer)][query].append(rps / peer_rps)
    return {key: {q: median(v) for q, v in queries.items()} for key, queries in per.items()}


def summary(rows: list[dict[str, Any]], skipped: dict[str, str]) -> list[str]:
    """The summary lines (``endpoint/oxigraph throughput ratio: 0.83`` ...) and the targets."""
    lines: list[str] = []
    for (dataset, server, peer), ratios in sorted(endpoint_ratios(rows).items()):
        worst = min(ratios, key=ratios.__getitem__)
        g = geomean(list(ratios.values()))
        name = "python-floor" if server == FLOOR else "endpoint"
        lines.append(
            f"{name}/{peer} throughput ratio: {_num(g)} "
            f"(geometric mean of {len(ratios)} queries; "
            f"{server} at {dataset}; lowest {_num(ratios[worst])} on {worst})"
        )
        if server == FLOOR:
            continue
        if peer == "oxigraph":
            met = ratios[worst] >= TARGETS["endpoint_vs_oxigraph_min"]
            lines.append(
                f"target endpoint ≥ 0.7× oxigraph on every query ({server}, {dataset}): "
                f"{'met' if met else 'NOT met'}"
            )
        elif peer == "rdflib-endpoint":
            met = g >= TARGETS["endpoint_vs_rdflib_geomean"]
            lines.append(
                f"target endpoint ≥ 10× rdflib-endpoint, geometric mean ({server}, {dataset}): "
                f"{'met' if met else 'NOT met'}"
            )
    for row in rows:
        if row["stage"] == "extract":
            lines.append(
                f"extraction: {row['reports_per_s']:.1f} reports/s, peak {row['peak_mb']:.0f} MB"
                + _cpu(row)
            )
        if row["stage"] == "validate":
            lines.append(
                f"SHACL validation ({row.get('engine', 'pyshacl')}): {row['mean_ms']:.1f} ms per "
                f"report (mean; p99 {row['p99_ms']:.1f} ms)" + _cpu(row)
            )
    engines = {r.get("engine"): r for r in rows if r["stage"] == "validate"}
    if "turbo" in engines and "pyshacl" in engines:
        ratio = engines["pyshacl"]["cpu_ms_per_report"] / engines["turbo"]["cpu_ms_per_report"]
        lines.append(f"validation pyshacl/turbo CPU time ratio: {_num(ratio)}")
    all_loads = [r for r in rows if r["stage"] == "load"]
    for jobs in sorted({r.get("jobs", 1) for r in all_loads}):
        loads = [r for r in all_loads if r.get("jobs", 1) == jobs]
        lines += _load_lines(loads, f"kg load --jobs {jobs}")
    for page in page_figures(rows):
        met = page["rps"] >= TARGETS["pages_per_s"] and page["p99_ms"] <= TARGETS["pages_p99_ms"]
        lines.append(
            f"{page['page']} page ({page['server']}, {page['dataset']}): "
            f"{page['rps']:.3g} pages/s, p50 {page['p50_ms']:.1f} ms, p99 {page['p99_ms']:.1f} ms; "
            f"target ≥ 500 pages/s with p99 ≤ 20 ms: {'met' if met else 'NOT met'}"
        )
    for what, why in skipped.items():
        lines.append(f"not measured: {what}: {why}")
    return lines


def page_figures(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per dataset, page and server: the median over rounds of pages/s, p50 and p99."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["stage"] == "pages":
            groups[(row["dataset"], row["page"], row["server"])].append(row)
    return [
        {
            "dataset": dataset,
            "page": page,
            "server": server,
            "rps": median([r["rps"] for r in runs]),
            "p50_ms": median([r["p50_ms"] for r in runs]),
            "p99_ms": median([r["p99_ms"] for r in runs]),
            "errors": sum(r["errors"] for r in runs),
            "load1": median([r["load1"] for r in runs]),
        }
        for (dataset, page, server), runs in groups.items()
    ]


def _cpu(row: dict[str, Any]) -> str:
    """The CPU time per report, when measured: what one idle core would take."""
    cpu = row.get("cpu_ms_per_report")
    return "" if cpu is None else f"; {cpu:.0f} ms CPU per report ({1000 / cpu:.1f}/CPU-s)"


def _load_lines(loads: list[dict[str, Any]], what: str) -> list[str]:
    lines = [
        f"{what}, {row['size']:,} reports: {row['reports_per_s']:.1f} reports/s, "
        f"{row['triples_per_s']:,.0f} triples/s, peak {row['peak_mb']:.0f} MB"
        + _cpu(row)
        + (f" (+ workers {row['workers_peak_mb']:.0f} MB each)" if row.get("jobs", 1) > 1 else "")
        for row in loads
    ]
    largest = max(loads, key=lambda r: r["size"])
    met = largest["reports_per_s"] >= TARGETS["load_reports_per_s"]
    lines.append(
        f"target load with validation ≥ 200 reports/s ({what}): {'met' if met else 'NOT met'} "
        f"({largest['reports_per_s']:.1f} at {largest['size']:,})"
    )
    if len(loads) > 1:
        small = min(loads, key=lambda r: r["size"])
        ratio = largest["peak_mb"] / small["peak_mb"]
        lines.append(
            f"{what} peak memory {largest['size']:,}/{small['size']:,} reports: {ratio:.2f} "
            f"(target ≤ 1.5: {'met' if ratio <= TARGETS['load_memory_ratio'] else 'NOT met'})"
        )
    return lines


def _num(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.0f}"


def _endpoint_table(rows: list[dict[str, Any]]) -> list[str]:
    runs = [r for r in rows if r["stage"] == "endpoint"]
    checks = {
        (r["dataset"], r["query"], r["server"]): r for r in rows if r["stage"] == "endpoint-check"
    }
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in runs:
        grouped[(r["dataset"], r["query"], r["server"])].append(r)
    out = [
        "| dataset | query | server | requests/s | p50 ms | p99 ms | rows | errors | load |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (dataset, query, server), rs in grouped.items():
        check = checks.get((dataset, query, server), {})
        out.append(
            f"| {dataset} | {query} | {server} | "
            f"{'≤ ' if any(r.get('estimated') for r in rs) else ''}"
            f"{median([r['rps'] for r in rs]):,.2f} | "
            f"{median([r['p50_ms'] for r in rs]):.2f} | {median([r['p99_ms'] for r in rs]):.2f} | "
            f"{check.get('rows', '')} | {sum(r['errors'] for r in rs)} | "
            f"{median([r['load1'] for r in rs]):.2f} |"
        )
    return out


SERVERS = (BEFORE, "kg", "kg --workers 2", FLOOR, "oxigraph", "rdflib-endpoint")


def compact_table(rows: list[dict[str, Any]], dataset: str) -> list[str]:
    """One line per query: each server's requests/s and kg's ratio to each peer (BENCHMARKS.md)."""
    rows = [r for r in rows if r.get("dataset") == dataset]
    checks = {(r["query"], r["server"]): r for r in rows if r["stage"] == "endpoint-check"}
    present = [s for s in SERVERS if any(server == s for _, server in checks)]
    present += sorted({server for _, server in checks} - set(present))
    ratios = endpoint_ratios(rows)
    pairs = [(s, p) for s in present for p in present if (dataset, s, p) in ratios]
    head = ["query", *(f"{s} req/s" for s in present), *(f"{s}/{p}" for s, p in pairs)]
    out = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for query in sorted({q for q, _ in checks}):
        cells = [query]
        for server in present:
            check = checks.get((query, server), {})
            runs = [
                r
                for r in rows
                if r["stage"] == "endpoint" and (r["query"], r["server"]) == (query, server)
            ]
            if not runs:
                cells.append(f"no answer ({check.get('status', '—')})" if check else "—")
                continue
            first = check.get("first_s") or 0
            rates = [r["rps"] if r["rps"] > 0 else (1 / first if first else 0.0) for r in runs]
            bound = "≤ " if any(r["rps"] <= 0 or r.get("estimated") for r in runs) else ""
            cells.append(bound + _num(median(rates)))
        for server, peer in pairs:
            value = ratios[(dataset, server, peer)].get(query)
            cells.append("—" if value is None else _num(value))
        out.append("| " + " | ".join(cells) + " |")
    return out


def _ratio_table(rows: list[dict[str, Any]]) -> list[str]:
    out = ["| dataset | kg server | peer | query | kg/peer throughput |", "|---|---|---|---|---:|"]
    for (dataset, server, peer), ratios in sorted(endpoint_ratios(rows).items()):
        for query, ratio in ratios.items():
            out.append(f"| {dataset} | {server} | {peer} | {query} | {_num(ratio)} |")
    return out


def _simple_table(rows: list[dict[str, Any]], stage: str, columns: tuple[str, ...]) -> list[str]:
    chosen = [r for r in rows if r["stage"] == stage]
    if not chosen:
        return []
    out = ["| " + " | ".join(columns) + " |", "|" + "---:|" * len(columns)]
    for r in chosen:
        cells = [
            (f"{r[c]:,.1f}" if isinstance(r.get(c), float) else str(r.get(c, ""))) for c in columns
        ]
        out.append("| " + " | ".join(cells) + " |")
    return out


def write(
    out: Path,
    machine: dict[str, Any],
    options: dict[str, Any],
    rows: list[dict[str, Any]],
    skipped: dict[str, str],
    *,
    seconds: float | None = None,
) -> None:
    """Write ``results.json`` and ``results.md`` in ``out`` (again after every row)."""
    lines = summary(rows, skipped)
    data = {
        "machine": machine,
        "options": options,
        "seconds": seconds,
        "summary": lines,
        "skipped": skipped,
        "rows": rows,
    }
    (out / "results.json").write_text(
        json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    md = [
        "# kg benchmark results",
        "",
        "```",
        json.dumps(machine, indent=1, ensure_ascii=False),
        "```",
        "",
        "## Summary",
        "",
        *(f"    {line}" for line in lines),
        "",
    ]
    sections = [
        (
            "Extraction",
            _simple_table(
                rows,
                "extract",
                (
                    "reports",
                    "failed",
                    "reports_per_s",
                    "p50_ms",
                    "p99_ms",
                    "cpu_ms_per_report",
                    "peak_mb",
                    "load1",
                ),
            ),
        ),
        (
            "SHACL validation per report",
            _simple_table(
                rows,
                "validate",
                (
                    "engine",
                    "reports",
                    "conforming",
                    "triples_per_report",
                    "mean_ms",
                    "p50_ms",
                    "p99_ms",
                    "cpu_ms_per_report",
                    "peak_mb",
                    "load1",
                ),
            ),
        ),
        (
            "Load with validation (embedded store)",
            _simple_table(
                rows,
                "load",
                (
                    "size",
                    "jobs",
                    "loaded",
                    "rejected",
                    "triples",
                    "reports_per_s",
                    "triples_per_s",
                    "cpu_ms_per_report",
                    "start_mb",
                    "peak_mb",
                    "workers_peak_mb",
                    "load1",
                ),
            ),
        ),
        *(
            (f"Endpoint at {dataset}: requests/s and ratios", compact_table(rows, dataset))
            for dataset in dict.fromkeys(r["dataset"] for r in rows if r["stage"] == "endpoint")
        ),
        ("Endpoint: throughput ratios (median over rounds)", _ratio_table(rows)),
        (
            "Linked-data pages (HTML, median over rounds)",
            _simple_table(
                [{"stage": "pages", **f} for f in page_figures(rows)],
                "pages",
                ("dataset", "page", "server", "rps", "p50_ms", "p99_ms", "errors", "load1"),
            ),
        ),
        ("Endpoint: requests/s and latency (median over rounds)", _endpoint_table(rows)),
    ]
    for title, table in sections:
        if len(table) > 2:  # a header and its rule are not a table
            md += [f"## {title}", "", *table, ""]
    (out / "results.md").write_text("\n".join(md), encoding="utf-8")
