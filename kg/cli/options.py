"""Options several commands share, declared once so they read the same everywhere."""

from __future__ import annotations

import click

from kg.formats import FORMATS
from kg.iris import DEFAULT_BASE

base_option = click.option(
    "--base",
    "base",
    default=DEFAULT_BASE,
    show_default=True,
    envvar="KG_BASE_IRI",
    help="Base IRI of the data (env KG_BASE_IRI).",
)

rdf_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default=None,
    help="RDF format; by default taken from -o's extension, else Turtle.",
)
