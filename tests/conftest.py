"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
"""The read-only material beside the repository: corpus, gold records, the reference scorer."""
DATA = Path(__file__).resolve().parent / "data"

# store fixtures (`any_store`, `oxigraph_server`) shared by the store, load and query tests
pytest_plugins = ["tests.kg.stores"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="also run the long variants")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="long variant: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared``; tests that need it skip when the checkout has no such sibling."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (corpus and gold records) is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> Path:
    return shared / "gold" / "jalal-abad-2021-04-22.yaml"
