"""``kg extract REPORT``: read one report and print its event record as YAML."""

from __future__ import annotations

from pathlib import Path

import click

from kg.extract import extract_file
from kg.record_yaml import dumps_record


@click.command("extract")
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the YAML here instead of to standard output.",
)
@click.option("--no-spans", is_flag=True, help="Leave out the character offsets of each fact.")
def command(report: Path, output: Path | None, no_spans: bool) -> None:
    """Extract the event record of REPORT (.md, .txt, .html, .docx or .pdf).

    The record has the shape of gold/SCHEMA.md, plus `spans` (each fact's character offsets in
    the report's NFC text) and `source` (file and SHA-256).
    """
    extraction = extract_file(report)
    text = dumps_record(extraction.record, with_spans=not no_spans)
    if output is None:
        click.echo(text, nl=False)
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)  # nothing half-written if the run fails
