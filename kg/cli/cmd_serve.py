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
def command(store: Path | None, endpoint: str | None, host: str, port: int, threads: int) -> None:
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
    app = create_app(config)
    if not _is_loopback(host):
        click.echo(
            f"warning: listening on {host}, reachable from other machines; "
            "put a reverse proxy with TLS in front (README, 'Serving')",
            err=True,
        )
    server = create_server(app, host=host, port=port, threads=threads, ident="kg")
    # the port the server really has (--port 0 lets the system choose one)
    where = f"[{host}]" if ":" in host else host
    click.echo(
        f"kg: serving on http://{where}:{server.effective_port}/ (SPARQL at /sparql); Ctrl-C stops",
        err=True,
    )
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("kg: stopped", err=True)
    finally:
        server.close()
