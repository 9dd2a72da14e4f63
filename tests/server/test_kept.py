"""What the server keeps per store generation (the list of events) follows the data: a write
through the server, or into the store, is seen by the next request."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from rdflib import Dataset

from tests.conftest import make_app, memory_store
from tests.server.pages_data import crowded_trig


@pytest.fixture(params=[64, 0], ids=["page-cache", "no-page-cache"])
def growing(request: pytest.FixtureRequest) -> tuple[Any, Any]:
    store = memory_store(crowded_trig(3))
    return store, make_app({"PAGE_CACHE_MB": request.param}, store=store).test_client()


def _events_listed(client: Any) -> int:
    soup = BeautifulSoup(client.get("/", query_string={"lang": "en"}).data, "html.parser")
    return int(soup.select_one("ul.stats strong").get_text(strip=True))


def test_the_home_page_sees_a_report_added_after_it(growing: tuple[Any, Any]) -> None:
    store, client = growing
    assert _events_listed(client) == 3
    added = Dataset().parse(data=crowded_trig(4).decode("utf-8"), format="trig")
    graph = next(g for g in added.graphs() if str(g.identifier).endswith("crowded-3"))
    store.replace_graph(str(graph.identifier), graph)
    assert _events_listed(client) == 4


def test_a_report_removed_is_no_longer_listed(growing: tuple[Any, Any]) -> None:
    store, client = growing
    assert _events_listed(client) == 3
    store.delete_graph("https://example.org/kg/graph/crowded-1")
    assert _events_listed(client) == 2
