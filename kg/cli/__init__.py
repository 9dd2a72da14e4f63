"""The ``kg`` command line: one click group, one module per subcommand.

Commands stay thin (parse, call one library function, echo). A :class:`kg.errors.KGError` becomes a
one-line message and exit status 1; usage errors keep click's status 2. ``kg`` never imports the
web server except inside ``kg serve``.
"""

from __future__ import annotations

import logging
from typing import Any

import click

from kg import __version__
from kg.errors import KGError


class KGGroup(click.Group):
    """A group that turns library errors into clean CLI errors (no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """kg: event reports to linked data (extract, map, validate, load, query, serve, export)."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _register() -> None:
    # Each command lives in its own module; they are imported here, once, in a fixed order that is
    # also the order of `kg --help`.
    from kg.cli import (
        cmd_eval,
        cmd_export,
        cmd_extract,
        cmd_load,
        cmd_map,
        cmd_query,
        cmd_serve,
        cmd_validate,
    )

    modules: tuple[Any, ...] = (
        cmd_extract,
        cmd_map,
        cmd_validate,
        cmd_load,
        cmd_query,
        cmd_eval,
        cmd_export,
        cmd_serve,
    )
    for module in modules:
        cli.add_command(module.command)


_register()
