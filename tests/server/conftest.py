"""Fixtures of the linked-data page tests: apps over the examples and over hostile data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from tests.conftest import ROOT, _clean_environ, make_app
from tests.server import pages_data


@pytest.fixture(scope="session")
def example_graphs() -> list[tuple[str, Graph]]:
    return pages_data.report_graphs()


@pytest.fixture(scope="session")
def pages_store(example_graphs: list[tuple[str, Graph]]) -> Any:
    return pages_data.pages_store(example_graphs)


@pytest.fixture(scope="session")
def hostile_store(example_graphs: list[tuple[str, Graph]]) -> Any:
    return pages_data.pages_store(pages_data.hostile(example_graphs))


@pytest.fixture(scope="session")
def pages_app(pages_store: Any) -> Any:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _clean_environ(monkeypatch)
        return make_app(store=pages_store)


@pytest.fixture
def pages_client(pages_app: Any) -> Any:
    # a fresh client per test: the language cookie of one test must not leak into the next
    return pages_app.test_client()


@pytest.fixture(scope="session")
def iris(pages_store: Any) -> dict[str, str]:
    """One data IRI per kind of page, found in the examples."""
    first = pages_data.first_of
    return {
        "event": f"{pages_data.BASE}id/event/{pages_data.HIGHLIGHTED}",
        "person": first(pages_store, "Person"),
        "organization": first(pages_store, "Organization"),
        "region": f"{pages_data.BASE}id/place/KG-C",
        "recommendation": first(pages_store, "Recommendation"),
        "report": f"{pages_data.BASE}id/report/{pages_data.HIGHLIGHTED}",
        "venue": first(pages_store, "Venue"),
        "graph": f"{pages_data.BASE}graph/{pages_data.HIGHLIGHTED}",
    }


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's chromium, installed by scripts/install-system-deps (browser downloads do not work)."""
ARTIFACTS = ROOT / "tests" / "artifacts"
"""Where browser tests save their screenshots (gitignored)."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium driven by Playwright, offline; the test is skipped where it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: run scripts/install-system-deps")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
