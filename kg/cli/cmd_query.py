"""``kg query``: run a SPARQL query (text, a file, or a named query) against the store."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rdflib import Graph
from rdflib.term import Node

from kg.cli.options import StoreSpec, store_options
from kg.errors import InputError, NotFound, QuerySyntaxError
from kg.namespaces import bind_prefixes
from kg.sparql import bind, load_query, query_names, with_name
from kg.store import QueryResult

# --format → media type, per kind of result (None: that format does not fit that kind)
FORMATS: dict[str, dict[str, str | None]] = {
    "json": {
        "solutions": "application/sparql-results+json",
        "boolean": "application/sparql-results+json",
        "graph": "application/ld+json",
    },
    "xml": {
        "solutions": "application/sparql-results+xml",
        "boolean": "application/sparql-results+xml",
        "graph": "application/rdf+xml",
    },
    "csv": {"solutions": "text/csv", "boolean": None, "graph": None},
    "tsv": {"solutions": "text/tab-separated-values", "boolean": None, "graph": None},
    "turtle": {"solutions": None, "boolean": None, "graph": "text/turtle"},
    "ntriples": {"solutions": None, "boolean": None, "graph": "application/n-triples"},
    "jsonld": {"solutions": None, "boolean": None, "graph": "application/ld+json"},
}
MAX_CELL = 60


@click.command("query")
@click.argument("query", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", *FORMATS]),
    default="table",
    show_default=True,
    help="table for people (Turtle for graphs); json, xml, csv, tsv for SELECT/ASK; "
    "turtle, ntriples, jsonld for CONSTRUCT/DESCRIBE.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help='Bind ?NAME to VALUE (an IRI, "text"@ky, or a number); repeatable.',
)
@click.option("--timeout", type=float, default=None, help="Give up after this many seconds.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@store_options
def command(
    query: str | None,
    fmt: str,
    params: tuple[str, ...],
    timeout: float | None,
    list_queries: bool,
    store: StoreSpec,
) -> None:
    """Run a SPARQL query against the store: QUERY is SPARQL text, @FILE.rq, or a named query.

    The default graph is the union of all report graphs. Named queries (see --list) live in
    kg/queries/*.rq and each runs unchanged in a SPARQL UI. A malformed query is an error with
    its line and column (exit status 1).
    """
    if list_queries:
        for name in query_names():
            title = load_query(name).title
            click.echo(f"{name:38} {title if len(title) <= 80 else title[:79] + '…'}")
        return
    if not query:
        raise click.UsageError("give a query: SPARQL text, @file.rq or a named query (see --list)")
    text, source = _query_text(query)
    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        bindings[name.strip().lstrip("?$")] = value
    text = bind(text, **bindings)
    with store.open(read_only=True) as target:
        try:
            result = target.query(text, timeout=timeout)
        except QuerySyntaxError as exc:
            raise with_name(exc, source) from exc
        _write(result, fmt)


def _query_text(query: str) -> tuple[str, str]:
    """The text of QUERY and what to call it in messages."""
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            return path.read_text(encoding="utf-8-sig"), str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the query: {exc}") from exc
    if " " not in query.strip() and "\n" not in query:
        try:
            return load_query(query).text, f"{query}.rq"
        except NotFound:
            pass
    return query, "<query>"


def _write(result: QueryResult, fmt: str) -> None:
    if fmt == "table":
        if result.kind == "solutions":
            _table(result)
        elif result.kind == "boolean":
            click.echo("yes" if result.boolean else "no")
        else:
            result.serialize("text/turtle", sys.stdout.buffer)
        return
    media_type = FORMATS[fmt][result.kind]
    if media_type is None:
        raise click.UsageError(f"--format {fmt} does not fit a {result.kind} result")
    result.serialize(media_type, sys.stdout.buffer)


def _table(result: QueryResult) -> None:
    """SELECT results as aligned columns, terms written with the project's prefixes."""
    names = list(result.variables)
    nsm = bind_prefixes(Graph()).namespace_manager
    rows = [[_cell(row.get(n), nsm) for n in names] for row in result.rows()]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    click.echo("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _cell(term: Node | None, nsm: object) -> str:
    if term is None:
        return ""
    from rdflib import Literal, URIRef

    if isinstance(term, Literal):
        text = str(term) + (f"@{term.language}" if term.language else "")
    elif isinstance(term, URIRef):
        text = term.n3(nsm)  # type: ignore[arg-type]
    else:
        text = term.n3()
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"
