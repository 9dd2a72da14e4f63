"""Fixtures of the extractor tests: the shared development set and our own test reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docx_builder import build_docx

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
REPORTS = REPO / "tests" / "data" / "reports"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``: skip cleanly when the checkout has no such sibling."""
    if not (SHARED / "gold").is_dir() or not (SHARED / "corpus").is_dir():
        pytest.skip("../shared (corpus and gold records) is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def dev_reports(shared_dir: Path) -> list[Path]:
    return sorted(p for p in (shared_dir / "corpus").glob("*.*.md"))


@pytest.fixture(scope="session")
def own_reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Our test reports, with the .docx one built from its text spec."""
    out = tmp_path_factory.mktemp("reports")
    paths = []
    for p in sorted(REPORTS.iterdir()):
        if p.suffix == ".yaml":
            continue
        if p.name.endswith(".docx.txt"):
            paths.append(build_docx(p, out / p.name.removesuffix(".txt")))
        else:
            paths.append(p)
    return paths
