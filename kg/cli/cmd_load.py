"""``kg load``: validate reports and store each in its own named graph, atomically."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from kg.cli.options import StoreSpec, base_option, shacl_engine_option, store_options
from kg.inputs import expand_paths
from kg.loading import LoadOutcome, load_inputs, load_vocabularies, vocabulary_graph_iri
from kg.shacl_runner import engine_name


@click.command("load")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--vocabularies/--no-vocabularies",
    default=True,
    show_default=True,
    help="Also write the ontology and vocabularies into {base}graph/vocabularies "
    "(only when they changed).",
)
@click.option("--warnings", "show_warnings", is_flag=True, help="Print each report's warnings too.")
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Print a line for each report as it is stored (its graph and triples), for logs and "
    "pipes, where no progress bar is shown.",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes that read and validate reports (one per core is fastest); "
    "this one alone writes.",
)
@shacl_engine_option
@base_option
@store_options
def command(
    inputs: tuple[Path, ...],
    vocabularies: bool,
    show_warnings: bool,
    verbose: bool,
    jobs: int,
    shacl_engine: str,
    base: str,
    store: StoreSpec,
) -> None:
    """Validate records, report texts or RDF files and load them into the store.

    Each report replaces its own named graph in one atomic step, so loading again changes nothing.
    A report with a SHACL violation is rejected with its violations and nothing of it is written;
    the run goes on and ends with a summary. Exit status 1 when any report was rejected or could
    not be read.
    """
    if not inputs and not vocabularies:
        raise click.UsageError("nothing to load: give inputs, or leave --vocabularies on")
    paths = list(expand_paths(inputs))
    engine = engine_name(shacl_engine)  # the workers of --jobs are told the same one

    def report(outcome: LoadOutcome) -> None:
        if outcome.status == "unreadable":
            click.echo(f"unreadable: {outcome.error}", err=True)
        elif outcome.status == "rejected":
            if outcome.report is not None:
                click.echo(f"rejected: {outcome.report.text}", err=True)
        else:
            if verbose:
                # written once the store has taken the report: a line here means it is stored
                click.echo(
                    f"loaded: {outcome.path} → <{outcome.graph_iri}> ({outcome.triples} triples)",
                    err=True,
                )
            if show_warnings and outcome.report is not None and outcome.report.warnings:
                click.echo(outcome.report.text, err=True)

    with store.open() as target:
        if vocabularies:
            written = load_vocabularies(target, base=base)
            if written:
                click.echo(
                    f"vocabularies: {written:,} triples → <{vocabulary_graph_iri(base)}>", err=True
                )
        # a bar only for a person watching: never in a pipe, a log or a test
        bar = (
            click.progressbar(paths, label="loading", file=sys.stderr, show_pos=True, show_eta=True)
            if sys.stderr.isatty() and len(paths) > 1
            else nullcontext(paths)
        )
        with bar as items:
            summary = load_inputs(
                target, items, base=base, on_outcome=report, jobs=jobs, engine=engine
            )
    click.echo(f"{store.describe()}: {summary.text}")
    if not summary.ok:
        sys.exit(1)
