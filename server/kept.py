"""Values derived from the whole store (the search index, the events), kept until it changes.

A value is built at the first request that needs it and kept for one
:meth:`~kg.store.Store.generation` of the store, as :mod:`server.page_cache` keeps pages: the
first request after the data changed builds it again. A store that cannot tell when its data
changes (a remote endpoint) gets it built for every request. One request builds while the others
that need the same value wait for it, within their page's budget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app

from server import page_queries
from server.errors import PageTimedOut
from server.store import get_store

T = TypeVar("T")
EXTENSION = "kg_kept"


class _Kept:
    """The value of one generation of the store, and the lock it is built under."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.state: tuple[object, Any] | None = None


def kept(name: str, build: Callable[[], T]) -> T:
    """The value ``build`` makes of the store's data as it is now, built again once it changed.

    :raises PageTimedOut: when it cannot be built, or another request's build waited for, within
        the page's budget
    """
    generation = get_store().generation()
    if generation is None:
        return build()
    values: dict[str, _Kept] = current_app.extensions.setdefault(EXTENSION, {})
    holder = values.setdefault(name, _Kept())
    state = holder.state  # read once: another thread may replace it meanwhile
    if state is not None and state[0] == generation:
        return state[1]  # type: ignore[no-any-return]
    if not holder.lock.acquire(timeout=page_queries.remaining()):
        raise PageTimedOut(current_app.config["PAGE_QUERY_TIMEOUT"])
    try:
        state = holder.state
        if state is None or state[0] != generation:
            # a failed build (PageTimedOut) keeps nothing: the next request tries again
            state = holder.state = (generation, build())
        return state[1]  # type: ignore[no-any-return]
    finally:
        holder.lock.release()
