"""Reading report files: formats, encodings, comments, and bad or huge input."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from kg.errors import ReportParseError
from kg.sources import MAX_TEXT_CHARS, read_report

TEXT = "Ош шаарында 2021-жылдын 22-апрелинде тегерек стол өттү.\n"


def test_markdown_utf8_with_bom_and_comment_blanked(tmp_path: Path) -> None:
    path = tmp_path / "r.ky.md"
    comment = "<!-- source: https://example.org/2020-01-01 Бишкек -->"
    path.write_bytes(("\ufeff" + comment + "\n" + TEXT).encode("utf-8"))
    report = read_report(path)
    assert report.text == " " * len(comment) + "\n" + TEXT
    assert report.encoding == "utf-8"
    assert report.format == "markdown"
    assert len(report.sha256) == 64


def test_text_is_nfc(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("о\u0308зго\u0308н", encoding="utf-8")  # о + combining diaeresis
    assert read_report(path).text == "ӧзгӧн"


def test_cp1251_is_read_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "r.ru.txt"
    path.write_bytes("В Оше прошел круглый стол, участники обсудили бюджет.".encode("cp1251"))
    with caplog.at_level(logging.WARNING, logger="kg.sources"):
        report = read_report(path)
    assert report.text.startswith("В Оше прошел")
    assert report.encoding == "cp1251"
    assert report.warnings
    assert "Windows-1251" in caplog.text


def test_koi8_text_is_refused_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("В Оше прошел круглый стол, участники обсудили бюджет.".encode("koi8_r"))
    with pytest.raises(ReportParseError, match=r"r\.txt:1: .*neither UTF-8 nor Windows-1251"):
        read_report(path)


def test_html_tags_stripped_blocks_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_text(
        "<html><head><title>T</title><script>var x = 1;</script></head><body><!-- c -->"
        "<h1>Круглый стол</h1><p><b>Цель:</b> обсудить</p><ol><li>один</li><li>два</li></ol>"
        "<table><tr><td>Дата</td><td>22.04.2021</td></tr></table></body></html>",
        encoding="utf-8",
    )
    report = read_report(path)
    assert report.format == "html"
    assert report.text == "Круглый стол\n\nЦель: обсудить\n\n1. один\n2. два\nДата\t22.04.2021"


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Тегерек стол")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Максаты:"
    table.rows[0].cells[1].text = "талкуулоо"
    document.add_paragraph("Бүттү.")
    path = tmp_path / "r.docx"
    document.save(str(path))
    report = read_report(path)
    assert report.format == "docx"
    assert report.text.split("\n") == ["Тегерек стол", "Максаты:\tталкуулоо", "", "Бүттү."]


def test_pdf_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="A round table was held in Osh on April 22, 2021.")
    path = tmp_path / "r.pdf"
    pdf.output(str(path))
    report = read_report(path)
    assert report.format == "pdf"
    assert "round table was held in Osh" in report.text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ReportParseError, match="without a text layer"):
        read_report(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "is empty"),
        ("blank.md", b"  \n\n", "is empty"),
        ("binary.md", b"\x00\x01\x02ELF\x00" * 10, "binary"),
        ("image.png", b"\x89PNG\r\n", "not supported"),
        ("fake.pdf", b"hello", "not a pdf"),
        ("fake.docx", b"hello", "not a docx"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "not a readable PDF"),
        ("notes.xyz", b"text", "not supported"),
    ],
)
def test_bad_input_names_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportParseError, match=message) as info:
        read_report(path)
    assert name in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportParseError, match="cannot read"):
        read_report(tmp_path / "nothing.md")


def test_ten_megabytes_read_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "huge.ru.md"
    sentence = "В Оше прошел круглый стол, участники обсудили бюджет города и вопросы воды. "
    path.write_text(sentence * (10_000_000 // len(sentence.encode("utf-8"))), encoding="utf-8")
    started = time.perf_counter()
    report = read_report(path)
    assert report.truncated
    assert len(report.text) == MAX_TEXT_CHARS
    assert time.perf_counter() - started < 5
