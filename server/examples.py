"""What the query page offers: the installed YASGUI and the example queries of ``kg/queries``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from kg.errors import NotFound

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
_PARAMETER = re.compile(r"(?i)param(?:eter)?s?\s*:?|(?=[?$]\w+\s*[:=])")
"""Where ``make install`` copies YASGUI from ``node_modules`` (not in git)."""


@dataclass(frozen=True)
class YasguiFiles:
    """The installed YASGUI build, named with its version as ``static/vendor/yasgui-<v>.min.*``."""

    version: str
    js: str
    css: str


@dataclass(frozen=True)
class Example:
    """An example query: its file name (without ``.rq``), title, description and text."""

    name: str
    title: str
    description: str
    text: str


def yasgui_files(folder: Path = VENDOR) -> YasguiFiles | None:
    """The YASGUI build in ``folder`` (``static/vendor``); ``None`` before the npm step."""
    for js in sorted(folder.glob("yasgui-*.min.js"), reverse=True):
        version = js.name.removeprefix("yasgui-").removesuffix(".min.js")
        css = js.with_name(f"yasgui-{version}.min.css")
        if css.is_file():
            return YasguiFiles(version, f"vendor/{js.name}", f"vendor/{css.name}")
    return None


@cache
def example_queries(names: tuple[str, ...] = ()) -> tuple[Example, ...]:
    """The example queries of the query page, from ``kg/queries/*.rq``, titled by their header.

    The project's headers read ``# <name>: <what it answers>``, then ``# Parameters: ...`` and
    ``# Returns: ...``. A query with a required parameter (a template for the pages) is never
    offered, as a reader cannot run it unchanged.

    :param names: the queries to offer, in this order (the ``EXAMPLE_QUERIES`` setting); empty,
        every runnable query except those that feed ``kg export`` (``export_*``)
    :raises NotFound: a name in ``names`` with no runnable query
    """
    available = _runnable_queries()
    if names:
        missing = [name for name in names if name not in available]
        if missing:
            raise NotFound(f"EXAMPLE_QUERIES names no runnable query in kg/queries: {missing}")
        return tuple(available[name] for name in names)
    return tuple(q for name, q in sorted(available.items()) if not name.startswith("export_"))


def _runnable_queries() -> dict[str, Example]:
    try:
        folder = resources.files("kg.queries")
    except ModuleNotFoundError:
        return {}
    found = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".rq"):
            continue
        name = entry.name.removesuffix(".rq")
        text = entry.read_text(encoding="utf-8")
        header = _header(text)
        if any(_needs_parameter(line) for line in header):
            continue
        title = header[0].removeprefix(f"{name}:").strip() if header else ""
        # the title is what the query answers, up to the first colon: "events by region and year"
        title = title.split(": ")[0].rstrip(".") or name.replace("_", " ")
        found[name] = Example(name, title[0].upper() + title[1:], " ".join(header[1:]), text)
    return found


def _needs_parameter(line: str) -> bool:
    """Whether a header line declares a parameter the query cannot run without."""
    match = _PARAMETER.match(line)
    if not match:
        return False
    rest = line[match.end() :].strip().lower()
    return not (rest.startswith("none") or "optional" in rest)


def _header(text: str) -> list[str]:
    """The ``#`` comment lines at the top of a query, without the ``#``."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        content = stripped.lstrip("#").strip()
        if content:
            lines.append(content)
    return lines
