"""What the query page offers: the installed YASGUI and the example queries of ``kg/queries``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
_PARAMETER = re.compile(r"(?i)param(eter)?s?\b|[?$]\w+\s*[:=]")
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
def example_queries() -> tuple[Example, ...]:
    """Every ``kg/queries/*.rq`` that runs as it is, titled by its ``#`` header, by name.

    Queries whose header names a parameter (``# Parameters: ...`` or ``# ?resource = IRI``) are
    left out: they are templates for the pages, not questions a reader can run unchanged.
    """
    try:
        folder = resources.files("kg.queries")
    except ModuleNotFoundError:
        return ()
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        header = _header(text)
        if any(_PARAMETER.match(line) for line in header):
            continue
        name = entry.name.removesuffix(".rq")
        title = header[0] if header else name.replace("_", " ")
        found.append(Example(name, title, " ".join(header[1:]), text))
    return tuple(found)


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
