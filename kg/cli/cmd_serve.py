"""``kg serve``: the SPARQL endpoint and the linked-data pages, under waitress."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any

import click


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@click.command("serve")
@click.option(
    "--store",
    "store",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the embedded store [default: setting STORE_PATH, else ./kg-data].",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Serve a remote SPARQL endpoint instead of the embedded store.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 256), help="Request threads."
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes, each with --threads (Linux, macOS); more than one needs --read-only "
    "or --endpoint. One per core serves many small requests fastest.",
)
@click.option(
    "--read-only",
    is_flag=True,
    default=False,
    help="Open the store folder read-only (no updates; nothing else may write to it meanwhile).",
)
def command(
    store: Path | None,
    endpoint: str | None,
    host: str,
    port: int,
    threads: int,
    workers: int,
    read_only: bool,
) -> None:
    """Serve the data: SPARQL 1.1 endpoint at /sparql, pages at /.

    Settings come from the defaults, the TOML file named by KG_CONFIG and KG_* environment
    variables (README, "Settings"); --store and --endpoint win over them.
    """
    if store is not None and endpoint is not None:
        raise click.UsageError("give --store or --endpoint, not both")
    # Flask is imported only here: `kg` itself never needs the web server
    from waitress import create_server  # type: ignore[import-untyped]  # waitress has no types

    from server import create_app

    config: dict[str, Any] = {}
    if store is not None:
        config["STORE_PATH"] = str(store)
    if endpoint is not None:
        config["SPARQL_ENDPOINT"] = endpoint
    if read_only:
        config["STORE_READ_ONLY"] = True
    if workers > 1:
        _serve_forked(config, host=host, port=port, threads=threads, workers=workers)
        return
    app = create_app(config)
    _warn_if_exposed(host)
    server = create_server(app, host=host, port=port, threads=threads, ident="kg")
    # the port the server really has (--port 0 lets the system choose one)
    _announce(host, server.effective_port)
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("kg: stopped", err=True)
    finally:
        server.close()


def _warn_if_exposed(host: str) -> None:
    if not _is_loopback(host):
        click.echo(
            f"warning: listening on {host}, reachable from other machines; "
            "put a reverse proxy with TLS in front (README, 'Serving')",
            err=True,
        )


def _announce(host: str, port: int, workers: int = 1) -> None:
    where = f"[{host}]" if ":" in host else host
    processes = f", {workers} processes" if workers > 1 else ""
    click.echo(
        f"kg: serving on http://{where}:{port}/ (SPARQL at /sparql{processes}); Ctrl-C stops",
        err=True,
    )


def _serve_forked(
    config: dict[str, Any], *, host: str, port: int, threads: int, workers: int
) -> None:
    """Several processes on one socket (server.prefork); each opens the store read-only."""
    from flask import Flask

    from server import create_app
    from server.config import load_config

    # the settings as each worker will read them (file, environment, options), checked once here
    checked = Flask("kg-settings")
    load_config(checked, config)
    settings = checked.config
    if not settings["SPARQL_ENDPOINT"] and not settings["STORE_READ_ONLY"]:
        raise click.UsageError(
            "--workers needs a store every process can open: add --read-only (no updates; "
            "load first, then serve) or serve a remote --endpoint"
        )
    from server.prefork import serve_forked

    _warn_if_exposed(host)
    status = serve_forked(
        lambda: create_app(config),
        host=host,
        port=port,
        threads=threads,
        workers=workers,
        on_ready=lambda bound: _announce(host, bound, workers),
    )
    click.echo("kg: stopped", err=True)
    if status:
        raise click.ClickException("a worker process stopped; see its message above")
