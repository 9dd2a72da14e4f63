"""The SHACL engines kg runs a report graph through: pyshacl-turbo by default, pyshacl on request.

Two engines read the same shapes (``shapes/``) and give the same ``sh:ValidationReport`` graph:

``turbo``
    `pyshacl-turbo <https://pypi.org/project/pyshacl-turbo/>`_: a SHACL engine written in Rust
    behind pyshacl's own API (MIT or Apache-2.0; wheels for Linux, macOS and Windows). It passes
    pyshacl's test suite and evaluates SHACL-SPARQL with Oxigraph's engine, the one kg stores in.
    A report of a few hundred triples takes about 3 ms, against 30 to 75 ms in pyshacl, so it is
    what makes ``kg load`` fast (``python -m bench --stages validate`` measures both).
``pyshacl``
    `pyshacl <https://pypi.org/project/pyshacl/>`_, pure Python over rdflib: the reference.
    ``tests/kg/test_shacl_engines.py`` runs both engines on good reports and on hundreds of
    broken ones and asserts the same verdicts and the same results.

``auto`` (the default, or ``KG_SHACL_ENGINE``) picks ``turbo`` when it can be imported, else
``pyshacl``. The engines word their *default* messages differently (for a constraint whose shape
has no ``sh:message``); :mod:`kg.shacl_messages` writes kg's own for those, so what a person
reads does not depend on the engine.

Shapes are compiled once per process (and, for pyshacl, per thread: it does not say its
compiled shapes may be shared; turbo's ``CompiledShapes`` are immutable and documented as
reusable).
"""

from __future__ import annotations

import functools
import os
import threading
from typing import Any

import pyshacl
from rdflib import Graph

from kg.errors import KGError

try:  # pyshacl ≥ 0.30 wraps data graphs in DataGraph; without it, fall back to validate()
    from pyshacl.graph_abstraction import DataGraph
except ImportError:  # pragma: no cover - older pyshacl
    DataGraph = None

__all__ = ["ENGINES", "engine_name", "run_shacl"]

ENGINES = ("auto", "turbo", "pyshacl")
ENGINE_VARIABLE = "KG_SHACL_ENGINE"

_OPTIONS: dict[str, Any] = {
    "inference": "none",
    "allow_warnings": True,
    "allow_infos": True,
}
_compiled = threading.local()


@functools.cache
def _turbo() -> Any:
    """The pyshacl_turbo module, or None where it is not installed (or its wheel does not load)."""
    try:
        import pyshacl_turbo
    except ImportError:
        return None
    return pyshacl_turbo


def engine_name(requested: str | None = None) -> str:
    """The engine that runs: ``turbo`` or ``pyshacl``.

    :param requested: ``auto``, ``turbo`` or ``pyshacl``; ``None`` reads ``KG_SHACL_ENGINE``
        (default ``auto``)
    :raises KGError: an unknown name, or ``turbo`` asked for where it is not installed
    """
    name = (requested or os.environ.get(ENGINE_VARIABLE) or "auto").strip().lower()
    if name not in ENGINES:
        raise KGError(
            f"unknown SHACL engine {name!r} (from {ENGINE_VARIABLE} or --shacl-engine); "
            f"choose one of {', '.join(ENGINES)}"
        )
    if name == "auto":
        return "turbo" if _turbo() is not None else "pyshacl"
    if name == "turbo" and _turbo() is None:
        raise KGError(
            "the SHACL engine 'turbo' is not installed (pip install pyshacl-turbo), "
            "or choose --shacl-engine pyshacl"
        )
    return name


def run_shacl(data: Graph, shapes: Graph, *, engine: str | None = None) -> tuple[bool, Graph]:
    """Validate ``data`` against ``shapes``: ``(conforms, results graph)`` as the engine gives them.

    ``data`` is not changed by ``turbo``; ``pyshacl`` runs in place (no second copy of the
    graph), so the caller passes a copy of its own when ``engine_name(engine)`` is ``pyshacl``.
    """
    if engine_name(engine) == "turbo":
        compiled = _turbo_shapes(shapes)
        conforms, results, _ = compiled.validate(data, allow_warnings=True, allow_infos=True)
        return bool(conforms), results
    return _run_pyshacl(data, shapes)


_turbo_lock = threading.Lock()
_turbo_compiled: dict[int, tuple[Graph, Any]] = {}


def _turbo_shapes(shapes: Graph) -> Any:
    key = id(shapes)
    found = _turbo_compiled.get(key)
    if found is not None and found[0] is shapes:
        return found[1]
    with _turbo_lock:
        compiled = _turbo().compile_shapes(shapes)
        _turbo_compiled[key] = (shapes, compiled)
    return compiled


def _run_pyshacl(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """pyshacl's own ``Validator``, given the compiled ``ShapesGraph`` of this thread's first run.

    ``pyshacl.validate`` turns the shapes graph into its ``Shape`` objects on every call: for a
    report of a few hundred triples that is about a quarter of the run. Each run still gets a
    fresh validator and its own data graph, so the results are ``pyshacl.validate``'s
    (``tests/kg/test_shacl_runner.py`` compares them).
    """
    options = {**_OPTIONS, "inplace": True}
    if DataGraph is None:
        conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, **options)
        return bool(conforms), results
    validator = pyshacl.Validator(DataGraph.from_rdflib(data), shacl_graph=shapes, options=options)
    cache: dict[int, Any] = _compiled.__dict__.setdefault("shapes", {})
    key = id(shapes)
    if key in cache and cache[key][0] is shapes:
        validator.shacl_graph = cache[key][1]
    else:
        cache[key] = (shapes, validator.shacl_graph)
    conforms, results, _ = validator.run()
    return bool(conforms), results
