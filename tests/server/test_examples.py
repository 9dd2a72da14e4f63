"""The query page's example queries: every kg/queries/*.rq a reader can run as it is."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from server.examples import _PARAMETER, example_queries


def test_every_example_has_a_title_and_parses():
    for example in example_queries():
        assert example.title, example.name
        ox.Store().query(example.text)  # raises SyntaxError for a query that does not parse


@pytest.mark.parametrize(
    ("line", "is_parameter"),
    [
        ("Parameters: ?resource, the IRI of an event", True),
        ("param ?event", True),
        ("?resource = the IRI to describe", True),
        ("$region: a region's IRI", True),
        ("Events by region and year", False),
        ("Returns ?event ?year ?region, sorted", False),
    ],
)
def test_queries_with_parameters_are_not_offered(line, is_parameter):
    assert bool(_PARAMETER.match(line)) is is_parameter
