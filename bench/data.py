"""The benchmark datasets: the synthetic archive mapped to N-Quads, and stores loaded from them.

A dataset of about ``target`` triples is every report of the archive from the first on, mapped
with :func:`kg.mapping.map_record` into its named graph, until the count is reached, plus the
vocabularies' graph (``{base}graph/vocabularies``), as ``kg load`` would write them. It is written
once as N-Quads and reused by later runs (the file name holds the size and the archive's seed).
Every server of a run reads the same file, so they answer over the same quads.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from bench.corpus import Archive
from kg.iris import DEFAULT_BASE
from kg.mapping import map_record
from kg.paths import ontology_dir
from kg.store.terms import to_ox

__all__ = ["Dataset", "build_dataset", "oxigraph_store"]

CHUNK = 200
"""Reports per job of the mapping pool (fewer for small datasets, so they do not overshoot)."""


class Dataset:
    """An N-Quads file of the archive and what is in it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        self.reports: int = meta["reports"]
        self.quads: int = meta["quads"]
        self.event: str = meta["event"]

    def __repr__(self) -> str:
        return f"Dataset({self.path.name}: {self.reports} reports, {self.quads} quads)"


def _quads(graph: Graph, graph_iri: str) -> list[ox.Quad]:
    g = ox.NamedNode(graph_iri)
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]  # type: ignore[arg-type]


def _chunk(args: tuple[int, int, int]) -> tuple[bytes, int]:
    seed, start, end = args
    archive = _archive(seed)
    quads: list[ox.Quad] = []
    for i in range(start, end):
        mapped = map_record(archive.record(archive.spec(i)))
        quads += _quads(mapped.graph, str(mapped.graph_iri))
    body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert body is not None
    return body, len(quads)


_ARCHIVES: dict[int, Archive] = {}


def _archive(seed: int) -> Archive:
    if seed not in _ARCHIVES:
        _ARCHIVES[seed] = Archive(seed)
    return _ARCHIVES[seed]


def _vocabularies(base: str) -> tuple[bytes, int]:
    graph = Graph()
    for resource in sorted(ontology_dir().iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".ttl"):
            graph.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    quads = _quads(graph, f"{base}graph/vocabularies")
    body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert body is not None
    return body, len(quads)


def build_dataset(folder: Path, target: int, *, seed: int = 2024, processes: int = 2) -> Dataset:
    """The dataset of about ``target`` quads in ``folder``, built unless it is already there."""
    path = folder / f"archive-{seed}-{target}.nq"
    if path.exists() and path.with_suffix(".json").exists():
        return Dataset(path)
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    vocab, quads = _vocabularies(DEFAULT_BASE)
    reports = 0
    chunk = max(5, min(CHUNK, target // 5000))
    with partial.open("wb") as out, multiprocessing.get_context("spawn").Pool(processes) as pool:
        out.write(vocab)
        start = 0
        while quads < target:
            # a few chunks at a time, so the last batch does not overshoot the target by much
            batch = [
                (seed, s, s + chunk) for s in range(start, start + chunk * processes * 2, chunk)
            ]
            for body, n in pool.imap(_chunk, batch):
                if quads >= target:
                    break
                out.write(body)
                quads += n
                reports += chunk
            start += chunk * processes * 2
            print(f"bench: {path.name}: {reports} reports, {quads:,} quads", file=sys.stderr)
    first = _archive(seed).spec(0)
    meta = {"reports": reports, "quads": quads, "event": f"{DEFAULT_BASE}id/event/{first.slug}"}
    path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    partial.rename(path)
    return Dataset(path)


def oxigraph_store(dataset: Dataset, folder: Path) -> Path:
    """A RocksDB folder holding ``dataset``, loaded with ``oxigraph load`` (the CLI, bulk)."""
    location = folder / f"{dataset.path.stem}.oxigraph"
    done = location / ".kg-bench-loaded"
    if done.exists():
        return location
    subprocess.run(
        [_oxigraph(), "load", "--location", str(location), "--file", str(dataset.path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    done.write_text(str(dataset.quads), encoding="utf-8")
    return location


def _oxigraph() -> str:
    """The ``oxigraph`` command next to this Python (PyPI's ``oxigraph`` package)."""
    candidate = Path(sys.executable).with_name("oxigraph")
    return str(candidate) if candidate.exists() else "oxigraph"


def main() -> None:
    """``python -m bench.data FOLDER TARGET``: build a dataset (for a run in the background)."""
    folder, target = Path(sys.argv[1]), int(float(sys.argv[2]))
    dataset = build_dataset(folder, target)
    print(dataset, oxigraph_store(dataset, folder))


if __name__ == "__main__":
    main()
