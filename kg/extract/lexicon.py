"""The extractor's word lists and cue patterns, read once from the YAML files in ``rules/``."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml


@functools.cache
def rules(name: str) -> dict[str, Any]:
    """The parsed ``rules/<name>.yaml`` (cached; the files are package data)."""
    text = (resources.files("kg.extract") / "rules" / f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict), name
    return data


@functools.cache
def pattern(name: str, key: str, lang: str | None = None, *, whole: bool = True) -> re.Pattern[str]:
    """One alternation of the cue patterns ``rules/<name>.yaml`` → ``key`` (→ ``lang``).

    Longer alternatives are tried first; with ``whole`` the match must start and end at word
    boundaries.
    """
    items = rules(name)[key]
    if lang is not None:
        items = items.get(lang, []) if isinstance(items, dict) else items
    if isinstance(items, dict):
        items = list(items)
    alternatives = sorted((str(i) for i in items), key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!x)x")
    # an alternative that opens with a word pattern starts at a word's start: without the
    # lookbehind the engine would try it at every letter of every word
    body = "|".join(
        f"(?:(?<![\\w-]){a})" if a.startswith(("\\w", "[^\\W")) else f"(?:{a})"
        for a in alternatives
    )
    if whole:
        body = rf"(?<![\w-])(?:{body})(?![\w])"
    return re.compile(body, re.I)


@functools.cache
def words(name: str, key: str, lang: str | None = None) -> tuple[str, ...]:
    """A plain word list from the rules, lower-cased."""
    items = rules(name)[key]
    if lang is not None:
        items = items.get(lang, [])
    return tuple(str(i).lower() for i in items)


def stems(name: str, key: str, lang: str | None = None) -> re.Pattern[str]:
    """Word stems from the rules as one pattern: a word that starts with any of them."""
    alternatives = sorted((re.escape(w) for w in words(name, key, lang)), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})[\w-]*", re.I)


__all__ = ["pattern", "rules", "stems", "words"]
