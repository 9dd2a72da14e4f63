"""Quoted titles: «...», “...”, "...", „...“, nested or mismatched as real reports write them.

A title opened with « may close with ” (a typing slip) or not at all before the sentence ends; a
nested «...» inside keeps its own quotes ("Закона КР «Об ...»").
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN = "«“„"
CLOSE = "»”“"
STRAIGHT = "\"'"


@dataclass(frozen=True)
class Quote:
    """A quoted stretch: ``start``/``end`` of the content (quotes excluded)."""

    start: int
    end: int
    open_at: int
    close_at: int | None


def find_quotes(view: str, start: int, end: int) -> list[Quote]:
    """Top-level quotes in ``view[start:end]``; an unclosed one runs to the end of its sentence."""
    out: list[Quote] = []
    i = start
    while i < end:
        c = view[i]
        if c in OPEN or (c == '"' and _opens(view, i)):
            q = _close(view, i, end)
            out.append(q)
            i = (q.close_at + 1) if q.close_at is not None else q.end
            continue
        i += 1
    return out


def _opens(view: str, i: int) -> bool:
    before = view[i - 1] if i > 0 else " "
    after = view[i + 1] if i + 1 < len(view) else " "
    return (before.isspace() or before in "(:—–-,") and not after.isspace()


def _close(view: str, i: int, end: int) -> Quote:
    opener = view[i]
    depth = 1
    j = i + 1
    last_inner_close = None
    while j < end:
        c = view[j]
        if c == "\n" and view[j + 1 : j + 2] == "\n":
            break
        if c == "«" or (c == "„"):
            depth += 1
        elif c in "»”" or (c == "“" and opener != "„" and depth > 1 and opener == "«"):
            depth -= 1
            if depth == 0:
                return Quote(i + 1, j, i, j)
            last_inner_close = j
        elif c == "“" and opener in "„“":
            if opener == "“":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return Quote(i + 1, j, i, j)
        elif (c == '"' and opener == '"' and depth == 1 and not _opens(view, j)) or (c == '"' and opener != '"' and depth == 1 and not _opens(view, j)):
            return Quote(i + 1, j, i, j)
        j += 1
    # never closed: up to the end of the sentence, keeping any inner closing quote
    stop = j
    k = i + 1
    while k < stop:
        if view[k] in ".!?" and (k + 1 >= stop or view[k + 1].isspace()):
            stop = k
            break
        k += 1
    if last_inner_close is not None and last_inner_close < stop:
        stop = max(stop, last_inner_close + 1)
    return Quote(i + 1, stop, i, None)


def quote_text(view: str, q: Quote) -> str:
    return " ".join(view[q.start : q.end].split()).strip(" .")


__all__ = ["Quote", "find_quotes", "quote_text"]
