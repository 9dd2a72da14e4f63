"""The query page's example queries, from kg/queries/*.rq and their headers."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import NotFound
from server.examples import _needs_parameter, _runnable_queries, example_queries


def test_every_runnable_query_has_a_title_and_parses():
    queries = _runnable_queries()
    assert queries, "kg/queries holds no query a reader can run"
    for example in queries.values():
        assert example.title, example.name
        ox.Store().query(example.text)  # raises SyntaxError for a query that does not parse


def test_by_default_the_export_queries_are_not_offered():
    assert all(not e.name.startswith("export_") for e in example_queries())


def test_named_examples_come_in_the_order_given():
    names = sorted(_runnable_queries())[:2][::-1]
    assert [e.name for e in example_queries(tuple(names))] == names


def test_an_unknown_example_name_is_an_error():
    with pytest.raises(NotFound, match="no_such_query"):
        example_queries(("no_such_query",))


@pytest.mark.parametrize(
    ("line", "needed"),
    [
        ("Parameters: ?resource = the IRI of an event", True),
        ("param ?event", True),
        ("?resource = the IRI to describe", True),
        ("$region: a region's IRI", True),
        ("Parameters: none. Assumes the default graph is the union.", False),
        ("Parameters: ?event (optional) = the IRI of one event; unbound, every event.", False),
        ("Events by region and year", False),
        ("Returns: ?event ?year ?region, sorted", False),
    ],
)
def test_queries_that_need_a_parameter_are_not_offered(line, needed):
    assert _needs_parameter(line) is needed
