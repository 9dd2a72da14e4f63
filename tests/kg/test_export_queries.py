"""The export queries: each parses (rdflib and pyoxigraph), opens with a ``#`` header, and runs."""

from __future__ import annotations

from importlib import resources

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.exports.source import load_query

NAMES = sorted(
    p.name.removesuffix(".rq")
    for p in resources.files("kg.queries").iterdir()
    if p.name.startswith("export_") and p.name.endswith(".rq")
)


def test_there_are_export_queries() -> None:
    assert len(NAMES) >= 12


@pytest.mark.parametrize("name", NAMES)
def test_each_query_parses_and_runs_on_an_empty_store(name) -> None:
    text = load_query(name)
    assert text.startswith(f"# {name}:"), "each query opens with a header naming it"
    prepareQuery(text)
    result = ox.Store().query(text, use_default_graph_as_union=True)
    assert list(result) == [] or name in (
        "export_void_totals",
        "export_dcat_summary",
        "export_void_entities",
    )
