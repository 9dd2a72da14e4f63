"""Long lists on the pages, cut into numbered pages (``?page=2``) with the whole count kept.

A region may have hundreds of events, a person hundreds of roles; a page lists
:data:`PAGE_SIZE` of them, newest first, and says how many there are in all. The page number
comes from the request (``page``); anything that is not a number in range shows the nearest page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from flask import request

T = TypeVar("T")
PAGE_SIZE = 50


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, its number (from 1), how many pages and items in all."""

    items: tuple[T, ...]
    number: int
    pages: int
    total: int

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0


def page_of(items: Sequence[T], *, size: int = PAGE_SIZE, number: int | None = None) -> Page[T]:
    """The page of ``items`` the request asks for (``?page=``), or page ``number``.

    >>> page = page_of(range(120), number=3)
    >>> page.items[0], len(page), page.pages, page.total
    (100, 20, 3, 120)
    """
    pages = max(1, -(-len(items) // size))
    wanted = requested_page() if number is None else number
    current = min(max(wanted, 1), pages)
    start = (current - 1) * size
    return Page(tuple(items[start : start + size]), current, pages, len(items))


def requested_page() -> int:
    """The ``page`` the request names, 1 when it names none or no number."""
    try:
        return int(request.args.get("page", "1"))
    except ValueError:
        return 1
