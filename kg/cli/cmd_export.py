"""``kg export``: the dataset as RDF dumps, schema.org JSON-LD, HXL CSV with CSVW, DCAT or VoID."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox

from kg.cli.options import base_option
from kg.errors import StoreError
from kg.exports import EXPORT_FORMATS, ExportOptions, write_export, write_export_folder
from kg.exports.options import CC_BY_4
from kg.exports.source import ExportSource, OxigraphSource, StoreSource
from kg.inputs import read_inputs
from kg.store import Store, open_store
from kg.store.terms import to_ox


def _from_inputs(inputs: tuple[Path, ...], base: str) -> ExportSource:
    """Records, report texts or RDF files mapped into an in-memory store, one graph per report."""
    store = ox.Store()
    for item in read_inputs(inputs, base=base):
        for report in item.reports:
            graph = ox.NamedNode(str(report.graph_iri))
            store.extend(
                ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)
                for s, p, o in report.graph
            )
    return OxigraphSource(store)


def _open(store: Path | None, endpoint: str | None) -> Store:
    if store is not None and not store.is_dir():
        raise StoreError(f"{store}: no store there (a folder made by kg load)")
    if endpoint:
        return open_store(endpoint=endpoint, read_only=True)
    return open_store(store, read_only=True)


@click.command("export")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", "store", type=click.Path(path_type=Path), help="Read this store folder.")
@click.option("--endpoint", help="Read this SPARQL endpoint instead of a store.")
@click.option(
    "--format", "fmt", required=True, type=click.Choice(list(EXPORT_FORMATS)), help="What to write."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File (or folder, for hxl); default stdout.",
)
@base_option
@click.option("--public-url", help="Where the server answers (for download links); default --base.")
@click.option("--sparql-endpoint", help="The public SPARQL endpoint; default PUBLIC_URL/sparql.")
@click.option("--publisher", default="kg-events contributors", show_default=True)
@click.option("--publisher-type", help="An ADMS publisher type IRI (DCAT-AP recommends one).")
@click.option("--contact", help="E-mail address or web page for questions about the data.")
@click.option("--licence", default=CC_BY_4, show_default=True, help="Licence IRI of the data.")
def command(
    inputs: tuple[Path, ...],
    store: Path | None,
    endpoint: str | None,
    fmt: str,
    output: Path | None,
    base: str,
    public_url: str | None,
    sparql_endpoint: str | None,
    publisher: str,
    publisher_type: str | None,
    contact: str | None,
    licence: str,
) -> None:
    """Export the data: from a store (--store), an endpoint (--endpoint), or INPUTS mapped on the
    fly (records, report texts, RDF files).

    Formats: turtle, ntriples, jsonld, trig (every triple; TriG keeps one graph per report);
    schema-jsonld (schema.org events); hxl (a folder of HXL CSV files, each with CSVW
    metadata); dcat (a DCAT-AP 3 catalogue record); void (VoID with statistics).
    """
    if sum(bool(x) for x in (inputs, store, endpoint)) != 1:
        raise click.UsageError("give exactly one of INPUTS, --store or --endpoint")
    options = ExportOptions(
        base=base,
        public_url=public_url,
        sparql_endpoint=sparql_endpoint,
        publisher=publisher,
        publisher_type=publisher_type,
        contact=contact,
        licence=licence,
    )
    if inputs:
        _write(_from_inputs(inputs, base), fmt, output, options)
        return
    with _open(store, endpoint) as opened:
        _write(StoreSource(opened), fmt, output, options)


def _write(source: ExportSource, fmt: str, output: Path | None, options: ExportOptions) -> None:
    if EXPORT_FORMATS[fmt].folder:
        if output is None or str(output) == "-":
            raise click.UsageError(f"--format {fmt} writes a folder: give it with -o")
        written = write_export_folder(source, fmt, output, options)
        click.echo(f"wrote {len(written)} files → {output}", err=True)
        return
    if output is None or str(output) == "-":
        write_export(source, fmt, sys.stdout.buffer, options)
        return
    # written aside and moved in at the end, so a failed export leaves no partial file
    tmp = output.with_name(f".{output.name}.tmp")
    try:
        with tmp.open("wb") as out:
            write_export(source, fmt, out, options)
        tmp.replace(output)
    except OSError as exc:
        raise StoreError(f"{output}: cannot write: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    click.echo(f"wrote {fmt} → {output}", err=True)
