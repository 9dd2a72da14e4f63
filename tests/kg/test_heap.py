"""Freed heap memory handed back to the system (glibc's malloc_trim), and a no-op elsewhere."""

from __future__ import annotations

import platform

import pytest

from kg import heap


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))


@pytest.mark.skipif(platform.system() != "Linux", reason="glibc's malloc_trim is Linux's")
def test_freed_memory_goes_back_to_the_system() -> None:
    # many small blocks, one in ten kept: the freed nine tenths lie between blocks still in use,
    # where glibc does not give them back by itself (it only trims the free top of the heap)
    blocks = [bytearray(3000) for _ in range(60_000)]
    kept = blocks[::10]
    del blocks
    before = _rss_kb()
    assert heap.release_free_memory()
    after = _rss_kb()
    assert after < before - 50_000, (before, after)  # most of the 160 MB freed came back
    assert len(kept) == 6_000


def test_without_malloc_trim_it_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    assert heap.release_free_memory() is False
