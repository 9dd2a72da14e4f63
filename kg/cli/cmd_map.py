"""``kg map``: event records (or report texts, or RDF) to one RDF file."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rdflib import Dataset

from kg.cli.options import base_option, rdf_format_option
from kg.formats import format_for, serialize
from kg.inputs import read_inputs
from kg.namespaces import bind_prefixes


@click.command("map")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write here (default: stdout)."
)
@rdf_format_option
@base_option
def command(inputs: tuple[Path, ...], output: Path | None, fmt: str | None, base: str) -> None:
    """Map event records (YAML), report texts or RDF files to RDF.

    Each report becomes its own named graph; .trig and .nq keep the graphs apart, the other formats
    hold their union. Nothing is written when an input fails.
    """
    rdf_format = format_for(output, fmt)
    dataset = bind_prefixes(Dataset())
    reports = triples = 0
    for item in read_inputs(inputs, base=base):
        for report in item.reports:
            graph = dataset.graph(report.graph_iri)
            for triple in report.graph:
                graph.add(triple)
            reports += 1
            triples += len(report.graph)
    data = serialize(dataset, rdf_format)
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        return
    # written whole at the end, through a temporary file, so a failed run leaves no partial file
    tmp = output.with_name(f".{output.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(output)
    click.echo(f"mapped {reports} report(s), {triples} triples → {output}", err=True)
