"""Rendered pages kept until the data changes: a bounded LRU cache of response bodies.

A page is keyed by what its text depends on: the site's prefix (``script_root``), the path and
query string, the format sent and the reader's language. Headers that differ per request (the
language cookie, ``Vary``) are made afresh each time; only the body and its content type are kept.

The cache is emptied whenever the store's :meth:`~kg.store.Store.generation` changes: writes
through this server, and for an embedded store folder, writes by another process (``kg load``),
seen through the folder's modification time looked at no more than once a second (see
:mod:`kg.store.embedded`). A store that cannot tell (a remote endpoint) gets no cache: its pages
are rendered every time. ``PAGE_CACHE_MB = 0`` turns the cache off.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import Response, current_app, request

from server.store import get_store

EXTENSION = "kg_page_cache"

Key = tuple[str, ...]


class PageCache:
    """At most ``max_bytes`` of bodies, the least recently used dropped first."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Key, tuple[bytes, str]] = OrderedDict()
        self._bytes = 0
        self._generation: object = None
        self._lock = threading.Lock()

    def get(self, key: Key, generation: object) -> tuple[bytes, str] | None:
        with self._lock:
            if generation != self._generation:
                self._clear(generation)
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: Key, generation: object, body: bytes, content_type: str) -> None:
        size = len(body)
        if size > self.max_bytes:
            return
        with self._lock:
            # rendered from the data of ``generation``: useless once the store has moved on
            if generation != self._generation:
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[0])
            self._entries[key] = (body, content_type)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (dropped, _type) = self._entries.popitem(last=False)
                self._bytes -= len(dropped)

    def _clear(self, generation: object) -> None:
        self._entries.clear()
        self._bytes = 0
        self._generation = generation


def cached(fmt: str, lang: str, render: Callable[[], Response]) -> Response:
    """The response ``render`` gives, or a copy of its body kept from an earlier request.

    Only 200 responses are kept; ``render`` adds its own headers each time it runs, and the
    caller adds the per-request ones to whatever this returns.
    """
    cache = _cache()
    generation = get_store().generation() if cache is not None else None
    if cache is None or generation is None:
        return render()
    key = (request.script_root, request.path, request.query_string.decode("latin-1"), fmt, lang)
    hit = cache.get(key, generation)
    if hit is not None:
        return Response(hit[0], content_type=hit[1])
    response = render()
    if response.status_code == 200 and not response.is_streamed:
        cache.put(key, generation, response.get_data(), response.content_type or "")
    return response


def _cache() -> PageCache | None:
    app = current_app
    cache: PageCache | None = app.extensions.get(EXTENSION)
    if cache is None:
        megabytes = app.config.get("PAGE_CACHE_MB", 0)
        if not megabytes:
            return None
        cache = app.extensions.setdefault(EXTENSION, PageCache(int(megabytes * 1024 * 1024)))
    return cache
