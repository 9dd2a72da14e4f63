"""``kg validate``: check records, report texts or RDF files against the SHACL shapes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rdflib import Graph

from kg.cli.options import base_option, shacl_engine_option
from kg.errors import InputError
from kg.inputs import expand_paths, read_input
from kg.namespaces import bind_prefixes
from kg.shacl_runner import engine_name
from kg.validation import ValidationReport, validate_input


@click.command("validate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
    help="text for people; json, or the SHACL report graph in Turtle, for machines.",
)
@shacl_engine_option
@base_option
def command(inputs: tuple[Path, ...], fmt: str, shacl_engine: str, base: str) -> None:
    """Validate event records (YAML), report texts or RDF files against the SHACL shapes.

    Every report is checked, even after one fails. Each result names the node, the property, the
    value, the message and, where it can be told, the record field and its line. Warnings (no date,
    no place) do not fail a report. Exit status: 0 when all conform, 1 when any does not (or cannot
    be read), 2 on a usage error.
    """
    engine = engine_name(shacl_engine)
    reports: list[ValidationReport] = []
    errors: list[str] = []
    for path in expand_paths(inputs):
        try:
            item = read_input(path, base=base)
        except InputError as exc:
            errors.append(str(exc))
            click.echo(f"{exc}", err=True)
            continue
        for report in validate_input(item, engine=engine):
            reports.append(report)
            if fmt == "text":
                click.echo(report.text)
    ok = not errors and all(r.conforms for r in reports)
    if fmt == "json":
        doc = {
            "conforms": ok,
            "engine": engine,
            "reports": [r.to_json() for r in reports],
            "errors": errors,
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif fmt == "turtle":
        union = bind_prefixes(Graph())
        for report in reports:
            union += report.results_graph
        sys.stdout.buffer.write(union.serialize(format="turtle", encoding="utf-8"))
    elif len(reports) > 1 or errors:
        failed = sum(not r.conforms for r in reports)
        click.echo(
            f"{len(reports)} report(s): {len(reports) - failed} conform, {failed} do not, "
            f"{len(errors)} unreadable"
        )
    if not ok:
        sys.exit(1)
