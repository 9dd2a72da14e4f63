"""The cache of rendered pages: kept while the data stays the same, dropped when it changes."""

from __future__ import annotations

import os
from typing import Any

import pytest

from kg.store import embedded
from kg.store.embedded import EmbeddedStore
from server.page_cache import PageCache
from tests.conftest import make_app
from tests.server import pages_data

EVENT = f"{pages_data.BASE}id/event/{pages_data.HIGHLIGHTED}"
PATH = pages_data.path_of(EVENT)
HTML = {"Accept": "text/html"}
NEW_LABEL = "A label written after the first visit"


def _relabel(store: Any, *, through_store: bool) -> None:
    update = (
        f"INSERT DATA {{ GRAPH <{pages_data.BASE}graph/{pages_data.HIGHLIGHTED}> "
        f'{{ <{EVENT}> <http://www.w3.org/2000/01/rdf-schema#label> "{NEW_LABEL}"@ky }} }}'
    )
    if through_store:
        store.update(update)
    else:
        store.store.update(update)  # behind the store's back: its generation cannot see it


@pytest.fixture
def fresh(example_graphs: Any) -> Any:
    return pages_data.pages_store(example_graphs)


def test_a_write_through_the_store_shows_on_the_next_page(fresh: Any) -> None:
    client = make_app(store=fresh).test_client()
    first = client.get(PATH, headers=HTML)
    assert first.status_code == 200
    assert NEW_LABEL not in first.get_data(as_text=True)
    _relabel(fresh, through_store=True)
    again = client.get(PATH, headers=HTML)
    assert NEW_LABEL in again.get_data(as_text=True)
    turtle = client.get(f"{PATH}.ttl")
    assert NEW_LABEL in turtle.get_data(as_text=True)


def test_a_page_is_kept_per_language_and_format(fresh: Any) -> None:
    client = make_app(store=fresh).test_client()
    pages = {lang: client.get(f"{PATH}?lang={lang}", headers=HTML) for lang in ("ky", "ru", "en")}
    # the same data, so the kept page is the one rendered: a write the store does not see is
    # not seen by the pages either
    _relabel(fresh, through_store=False)
    for lang, page in pages.items():
        again = client.get(f"{PATH}?lang={lang}", headers=HTML)
        assert again.data == page.data
        assert again.headers["Content-Language"] == lang
        assert again.headers["Link"] == page.headers["Link"]
        assert set(again.vary) == set(page.vary)
    assert len({p.data for p in pages.values()}) == 3
    assert client.get(f"{PATH}.ttl").data != pages["ky"].data


def test_without_a_cache_every_page_is_rendered(fresh: Any) -> None:
    client = make_app({"PAGE_CACHE_MB": 0}, store=fresh).test_client()
    assert NEW_LABEL not in client.get(PATH, headers=HTML).get_data(as_text=True)
    _relabel(fresh, through_store=False)
    assert NEW_LABEL in client.get(PATH, headers=HTML).get_data(as_text=True)


def test_a_404_is_never_kept(fresh: Any) -> None:
    client = make_app(store=fresh).test_client()
    missing = f"{pages_data.BASE}id/event/not-yet"
    assert client.get(pages_data.path_of(missing), headers=HTML).status_code == 404
    fresh.update(
        f"INSERT DATA {{ GRAPH <{pages_data.BASE}graph/x> {{ <{missing}> a "
        f"<https://w3id.org/kg-events/ontology#Event> }} }}"
    )
    assert client.get(pages_data.path_of(missing), headers=HTML).status_code == 200


def test_a_write_by_another_process_changes_a_folders_generation(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "store"
    writer = EmbeddedStore(folder)
    writer.update("INSERT DATA { GRAPH <http://e.org/g> { <http://e.org/s> <http://e.org/p> 1 } }")
    writer.close()
    reader = EmbeddedStore(folder, read_only=True)
    monkeypatch.setattr(embedded, "GENERATION_CHECK", 0.0)
    before = reader.generation()
    assert reader.generation() == before
    # what a write by `kg load` does to the folder: its write-ahead log is appended to
    log = next(p for p in folder.iterdir() if p.name.endswith(".log"))
    stat = log.stat()
    os.utime(log, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert reader.generation() != before
    reader.close()


def test_the_cache_keeps_to_its_size() -> None:
    cache = PageCache(max_bytes=10)
    cache.get(("a",), 1)  # takes generation 1
    for key in "abc":
        cache.put((key,), 1, b"1234", "text/plain")
    assert cache.get(("a",), 1) is None
    assert cache.get(("c",), 1) == (b"1234", "text/plain")
    cache.put(("z",), 1, b"x" * 11, "text/plain")
    assert cache.get(("z",), 1) is None
    assert cache.get(("c",), 2) is None  # a new generation empties it


def test_a_remote_store_has_no_generation() -> None:
    from kg.store.remote import RemoteStore

    assert RemoteStore("http://127.0.0.1:9/query").generation() is None
    assert isinstance(EmbeddedStore(None).generation(), tuple)


def test_void_is_kept_until_the_store_changes(fresh: Any) -> None:
    client = make_app(store=fresh).test_client()
    first = client.get("/void")
    assert first.status_code == 200
    assert first.mimetype == "text/turtle"
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    assert first.headers["Content-Disposition"].startswith("inline;")
    _relabel(fresh, through_store=False)  # unseen by the store's generation: the kept copy
    assert client.get("/void").data == first.data
    _relabel(fresh, through_store=True)  # one more triple, seen: counted again
    assert client.get("/void").data != first.data
