"""Builds a .docx report from a plain-text spec (paragraph lines, "|"-separated table rows)."""

from __future__ import annotations

from pathlib import Path

import docx


def build_docx(spec: Path, target: Path) -> Path:
    """Write ``target`` from ``spec``: each line a paragraph, ``| a | b |`` lines a table row."""
    document = docx.Document()
    table = None
    for line in spec.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if table is None:
                table = document.add_table(rows=0, cols=len(cells))
            row = table.add_row().cells
            for cell, value in zip(row, cells, strict=True):
                cell.text = value
            continue
        table = None
        document.add_paragraph(line)
    document.save(str(target))
    return target
