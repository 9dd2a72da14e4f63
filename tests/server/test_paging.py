"""Long lists on the pages come in numbered pages, with their whole number said exactly.

A region with 130 events, a speaker at all of them, and a word found in every title: each list
shows :data:`server.paging.PAGE_SIZE` (or the search's own sizes) at a time, newest first, and
the pages together show every item once.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup

from server.paging import PAGE_SIZE
from server.search import EVENTS_PER_PAGE
from tests.conftest import make_app, memory_store
from tests.server.pages_data import BUSY_PERSON, CROWDED_REGION, crowded_trig, path_of

N = 130
PAGES = -(-N // PAGE_SIZE)


@pytest.fixture(scope="module")
def crowded() -> Any:
    return make_app({"PAGE_CACHE_MB": 0}, store=memory_store(crowded_trig(N))).test_client()


def _soup(client: Any, path: str, **args: Any) -> BeautifulSoup:
    reply = client.get(path, query_string={"lang": "en", **args}, headers={"Accept": "text/html"})
    assert reply.status_code == 200, reply.data[:300]
    return BeautifulSoup(reply.data, "html.parser")


def _numbers(cells: Any) -> list[int]:
    return [int(re.search(r"(\d+)$", cell.get_text(strip=True))[1]) for cell in cells]


def _walk(client: Any, path: str, select: str, **args: Any) -> list[list[int]]:
    """The numbers of the items listed on each page, following the "next" links."""
    pages = []
    soup = _soup(client, path, **args)
    for number in range(2, 100):
        pages.append(_numbers(soup.select(select)))
        following = soup.select_one('nav.pager a[rel="next"]')
        if following is None:
            return pages
        url = urlsplit(following["href"])
        assert url.path == path
        query = dict(parse_qsl(url.query))
        assert query == {**args, "lang": "en", "page": str(number)}
        soup = _soup(client, url.path, **query)
    raise AssertionError("the pages never end")


def test_a_region_page_lists_its_events_a_page_at_a_time_newest_first(crowded: Any) -> None:
    path = path_of(CROWDED_REGION)
    soup = _soup(crowded, path)
    assert f"{N}" in soup.select_one("ul.meta").get_text(" ", strip=True)
    pages = _walk(crowded, path, "#events-here ~ table tbody tr td:nth-of-type(2)")
    assert len(pages) == PAGES
    assert [len(p) for p in pages[:-1]] == [PAGE_SIZE] * (PAGES - 1)
    # every event once, newest first
    assert [n for page in pages for n in page] == list(range(N - 1, -1, -1))
    # the map counts every event, not only those of the page
    assert soup.select_one("svg")


def test_a_person_page_lists_the_roles_a_page_at_a_time(crowded: Any) -> None:
    path = path_of(BUSY_PERSON)
    soup = _soup(crowded, path)
    assert soup.select_one("#roles").get_text(" ", strip=True).endswith(f"({N})")
    pages = _walk(crowded, path, "#roles + table tbody tr td:nth-of-type(2)")
    assert len(pages) == PAGES
    assert [n for page in pages for n in page] == list(range(N - 1, -1, -1))


def test_search_results_come_in_pages_and_count_every_event(crowded: Any) -> None:
    soup = _soup(crowded, "/search", q="crowded meeting")
    assert soup.select_one("#found-events").get_text(" ", strip=True).endswith(f"({N})")
    pages = _walk(crowded, "/search", "#found-events + ul > li h3", q="crowded meeting")
    assert len(pages) == -(-N // EVENTS_PER_PAGE)
    assert sorted([n for page in pages for n in page]) == list(range(N))


@pytest.mark.parametrize("page", ["0", "-3", "x", "999"])
def test_a_page_number_out_of_range_shows_the_nearest_page(crowded: Any, page: str) -> None:
    soup = _soup(crowded, path_of(CROWDED_REGION), page=page)
    shown = _numbers(soup.select("#events-here ~ table tbody tr td:nth-of-type(2)"))
    expected = PAGES if page == "999" else 1
    assert f"Page {expected} of {PAGES}" in soup.select_one("nav.pager").get_text(" ")
    assert len(shown) == (N - (PAGES - 1) * PAGE_SIZE if expected == PAGES else PAGE_SIZE)
