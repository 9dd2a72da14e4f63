"""Any report *file* gives a record or a KGError naming it, within a deadline.

test_robustness.py feeds the extractor any *text*; this feeds ``extract_file`` any bytes under
each report extension, and real .md, .html, .docx and .pdf reports damaged at random places
(bytes overwritten, the file cut short), which is what reaches kg.sources' readers (zipfile,
python-docx, pypdf, the HTML parser) before any text exists.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.extract import Extraction, extract_file
from tests.conftest import examples

SUFFIXES = (".md", ".txt", ".html", ".docx", ".pdf")
TEXT = (
    "A round table was held in Osh on April 22, 2021. 43 people took part, 21 of them women. "
    "The moderator, A. Asanov, head of the Osh city council, opened the meeting."
)
CHECKS = settings(
    max_examples=examples(60),
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """One small, readable report in each format."""
    folder = tmp_path_factory.mktemp("originals")
    document = docx.Document()
    document.add_paragraph(TEXT)
    document.save(str(folder / "r.docx"))
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(w=0, text=TEXT)
    pdf.output(str(folder / "r.pdf"))
    return {
        ".md": f"# Round table\n\n{TEXT}\n".encode(),
        ".html": f"<html><body><h1>Round table</h1><p>{TEXT}</p></body></html>".encode(),
        ".docx": (folder / "r.docx").read_bytes(),
        ".pdf": (folder / "r.pdf").read_bytes(),
    }


def _extract(path: Path) -> Extraction | KGError:
    try:
        return extract_file(path)
    except KGError as exc:
        return exc


def test_the_originals_are_read(originals: dict[str, bytes], tmp_path: Path) -> None:
    # the damaged copies start from files that work, so a failure below is the damage's
    for suffix, data in originals.items():
        path = tmp_path / f"osh-2021-04-22.en{suffix}"
        path.write_bytes(data)
        outcome = _extract(path)
        assert isinstance(outcome, Extraction), (suffix, outcome)
        assert outcome.record.event.date == "2021-04-22"


@CHECKS
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_any_bytes_under_any_report_extension(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    outcome = _extract(path)
    if isinstance(outcome, KGError):
        assert str(path) in str(outcome)


@CHECKS
@given(st.data())
def test_a_damaged_report_gives_a_record_or_an_error_naming_it(
    originals: dict[str, bytes], tmp_path: Path, data: st.DataObject
) -> None:
    suffix = data.draw(st.sampled_from(sorted(originals)))
    body = bytearray(originals[suffix])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(body) - 1))
        body[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(body) // 2, len(body)))
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(bytes(body[:cut]))
    outcome = _extract(path)
    if isinstance(outcome, KGError):
        assert str(path) in str(outcome)
