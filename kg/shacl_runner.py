"""One pyshacl run per report graph, with the shapes compiled once per process and thread.

``pyshacl.validate`` turns the shapes graph into its ``Shape`` objects on every call: for a
report of a few hundred triples that is about a quarter of the run (``python -m bench`` measured
240 ms → 175 ms per report without it). The objects depend on the shapes graph alone, so this
module runs pyshacl's own ``Validator`` and hands it the compiled ``ShapesGraph`` of the first run
again. Each run still gets a fresh validator and its own data graph, so the results are the same
(``tests/kg/test_shacl_runner.py`` compares them with ``pyshacl.validate`` on good and broken
reports). Compiled shapes are kept per thread: pyshacl does not say they may be shared.
"""

from __future__ import annotations

import threading
from typing import Any

import pyshacl
from rdflib import Graph

try:  # pyshacl ≥ 0.30 wraps data graphs in DataGraph; without it, fall back to validate()
    from pyshacl.graph_abstraction import DataGraph
except ImportError:  # pragma: no cover - older pyshacl
    DataGraph = None

__all__ = ["run_shacl"]

_OPTIONS: dict[str, Any] = {
    "inference": "none",
    "allow_warnings": True,
    "allow_infos": True,
    # the caller's data graph is its own copy, so pyshacl need not clone it again
    "inplace": True,
}
_compiled = threading.local()


def run_shacl(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """Validate ``data`` against ``shapes``: ``(conforms, results graph)`` as pyshacl gives them.

    ``data`` may be changed (pyshacl runs in place); pass a copy.
    """
    if DataGraph is None:
        conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, **_OPTIONS)
        return bool(conforms), results
    validator = pyshacl.Validator(
        DataGraph.from_rdflib(data), shacl_graph=shapes, options=dict(_OPTIONS)
    )
    cache: dict[int, Any] = _compiled.__dict__.setdefault("shapes", {})
    key = id(shapes)
    if key in cache and cache[key][0] is shapes:
        validator.shacl_graph = cache[key][1]
    else:
        cache[key] = (shapes, validator.shacl_graph)
    conforms, results, _ = validator.run()
    return bool(conforms), results
