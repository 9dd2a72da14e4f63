"""Report files to text: format (Markdown, plain text, HTML, .docx, PDF) and encoding, NFC-normalised.

What the offsets of an extraction refer to: the string :func:`read_report` returns. For Markdown and
plain text that is the file's own text (decoded, NFC) with every HTML comment blanked out by spaces
of the same length, so an offset is also a character offset into the decoded file. For HTML, .docx
and PDF it is the plain text made from the document (block elements become line breaks, table cells
are separated by tabs); :func:`read_report` is the one way to get it again.

Limits, so that a 10 MB file is read in bounded time and memory: at most :data:`MAX_FILE_BYTES` are
read; text beyond :data:`MAX_TEXT_CHARS` characters is cut off with a logged warning (a report of the
genre is a few thousand characters); a PDF is read for at most :data:`MAX_PDF_PAGES` pages.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ReportParseError
from kg.html_text import html_to_text

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 16_000_000
"""Larger files are refused outright; reading stops here in any case."""
MAX_TEXT_CHARS = 200_000
"""The extractor looks at this many characters at most (about 50 pages of prose)."""
MAX_PDF_PAGES = 60
MAX_DOCX_XML_BYTES = 50_000_000
"""Uncompressed size of a .docx's XML parts; more is refused (a zip bomb, not a report)."""

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


@dataclass(frozen=True)
class ReportText:
    """A report read from a file: its text and where it came from.

    :param text: NFC text that every extracted span points into
    :param format: ``markdown``, ``text``, ``html``, ``docx`` or ``pdf``
    :param encoding: the encoding the bytes were read in (``utf-8``, ``cp1251``, ...), or the
        container's for .docx/PDF
    :param sha256: digest of the whole file's bytes
    :param truncated: the text was cut at :data:`MAX_TEXT_CHARS`
    """

    text: str
    path: str
    format: str
    encoding: str
    sha256: str
    truncated: bool = False
    warnings: tuple[str, ...] = field(default=())


def read_report(path: str | Path) -> ReportText:
    """Read a report file into NFC text.

    :raises ReportParseError: the file is missing, empty, binary, of an unsupported kind, not
        UTF-8 or Windows-1251 text, or a damaged .docx/PDF (the message names the file)
    """
    p = Path(path)
    name = str(p)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise ReportParseError("is not a file", path=name)
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ReportParseError(f"cannot read the file: {exc.strerror or exc}", path=name) from exc
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        raise ReportParseError(
            f"is {size:,} bytes; reports larger than {MAX_FILE_BYTES:,} bytes are not read",
            path=name,
        )
    if not raw.strip():
        raise ReportParseError("is empty", path=name)
    digest = hashlib.sha256(raw).hexdigest()
    kind = _sniff(raw, p.suffix.lower(), name)
    warnings: list[str] = []
    if kind == "pdf":
        text, encoding = _pdf_text(raw, name), "pdf"
    elif kind == "docx":
        text, encoding = _docx_text(raw, name), "docx"
    else:
        text, encoding = decode_text(raw, name, warnings)
        if kind == "html":
            text = html_to_text(text)
        else:
            text = blank_comments(unicodedata.normalize("NFC", text))
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ReportParseError("holds no text", path=name)
    truncated = len(text) > MAX_TEXT_CHARS
    if truncated:
        message = f"only the first {MAX_TEXT_CHARS:,} of {len(text):,} characters are read"
        log.warning("%s: %s", name, message)
        warnings.append(message)
        text = text[:MAX_TEXT_CHARS]
    return ReportText(text, name, kind, encoding, digest, truncated, tuple(warnings))


def _sniff(raw: bytes, suffix: str, name: str) -> str:
    """The file's kind from its first bytes, then its name; refuse what is not a report."""
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        if suffix in {".docx", ""} or _is_docx(raw):
            return "docx"
        raise ReportParseError("is a zip archive, not a report (.docx is read)", path=name)
    if suffix in {".pdf", ".docx"}:
        raise ReportParseError(f"is named {suffix} but is not a {suffix[1:]} file", path=name)
    if suffix in {".doc", ".odt", ".rtf", ".xls", ".xlsx", ".pptx", ".zip", ".png", ".jpg"}:
        raise ReportParseError(
            f"{suffix} files are not supported (use .md, .txt, .html, .docx or .pdf)", path=name
        )
    head = raw[:4096]
    bom_utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not bom_utf16:
        raise ReportParseError("is a binary file, not a text report", path=name)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix not in TEXT_SUFFIXES:
        raise ReportParseError(
            f"{suffix} files are not supported (use .md, .txt, .html, .docx or .pdf)", path=name
        )
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "markdown" if suffix in {".md", ".markdown"} else "text"


def _is_docx(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def decode_text(raw: bytes, name: str, warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode report bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1251 if plausible.

    Windows-1251 is recognised by a heuristic rather than a statistical detector: the only
    question left once UTF-8 has failed is "is this Cyrillic in cp1251?", and a plausibility test
    answers it reliably even for a short note, where detectors such as chardet or charset-normalizer
    are known to guess KOI8-R or MacCyrillic. The test: every byte decodes, no control characters,
    most non-ASCII characters are Cyrillic letters, and most of those are lower case (KOI8-R text read
    as cp1251 comes out mostly upper case, since the two tables swap the cases).

    :raises ReportParseError: the bytes are neither (with the line of the first bad byte)
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReportParseError("is not valid UTF-16 text", path=name) from exc
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_cyrillic(text):
        message = "is not UTF-8; read as Windows-1251 (cp1251)"
        log.warning("%s: %s", name, message)
        if warnings is not None:
            warnings.append(message)
        return text, "cp1251"
    line = raw[:first_bad].count(b"\n") + 1
    raise ReportParseError(
        "is neither UTF-8 nor Windows-1251 text (save it as UTF-8)", path=name, line=line
    )


def _plausible_cyrillic(text: str) -> bool:
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text):
        return False
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    cyrillic = [c for c in non_ascii if "\u0400" <= c <= "\u04ff"]
    if len(cyrillic) < 0.8 * len(non_ascii):
        return False
    lower = sum(c.islower() for c in cyrillic)
    return lower >= 0.5 * len(cyrillic)


def blank_comments(text: str) -> str:
    """Replace each HTML comment by spaces (keeping line breaks), so offsets stay the same.

    >>> blank_comments("<!-- source: x -->\\nText")
    '                  \\nText'
    """
    return COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _docx_text(raw: bytes, name: str) -> str:
    """Paragraphs and table rows of a .docx in document order (python-docx)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            xml_size = sum(i.file_size for i in zf.infolist() if i.filename.endswith(".xml"))
    except zipfile.BadZipFile as exc:
        raise ReportParseError("is not a readable .docx file (damaged zip)", path=name) from exc
    if xml_size > MAX_DOCX_XML_BYTES:
        raise ReportParseError("is too large once unpacked to be a report", path=name)
    import docx  # imported here: python-docx loads lxml, which the other formats do not need
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises bare KeyError/ValueError/lxml errors for damage
        raise ReportParseError(f"is not a readable .docx file: {exc}", path=name) from exc
    blocks: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            blocks.append(_docx_paragraph(block))
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or value != cells[-1]:  # a merged cell repeats in each row slot
                        cells.append(value)
                blocks.append("\t".join(cells))
            blocks.append("")
    return "\n".join(blocks)


def _docx_paragraph(paragraph: object) -> str:
    text: str = paragraph.text  # type: ignore[attr-defined]
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    style = getattr(getattr(paragraph, "style", None), "name", "") or ""
    # Word keeps list numbers outside the text; mark list items so lists stay lists.
    if text.strip() and ((ppr is not None and ppr.numPr is not None) or style.startswith("List")):
        return f"- {text}"
    return text


def _pdf_text(raw: bytes, name: str) -> str:
    """The text layer of a PDF (pypdf: pure Python, no system libraries, enough for prose)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise ReportParseError("is an encrypted PDF", path=name)
        pages = []
        for i, page in enumerate(reader.pages):
            if i >= MAX_PDF_PAGES:
                log.warning("%s: only the first %d pages are read", name, MAX_PDF_PAGES)
                break
            pages.append(page.extract_text() or "")
            if sum(map(len, pages)) > MAX_TEXT_CHARS:
                break
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ReportParseError(f"is not a readable PDF: {exc}", path=name) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise ReportParseError(
            "is a PDF without a text layer (a scan?); nothing to read", path=name
        )
    return text


__all__ = ["MAX_TEXT_CHARS", "ReportText", "blank_comments", "decode_text", "read_report"]
