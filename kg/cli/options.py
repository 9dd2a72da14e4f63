"""Options several commands share, declared once so they read the same everywhere."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from kg.formats import FORMATS
from kg.iris import DEFAULT_BASE
from kg.shacl_runner import ENGINE_VARIABLE, ENGINES
from kg.store import DEFAULT_STORE_PATH, Store, open_store

base_option = click.option(
    "--base",
    "base",
    default=DEFAULT_BASE,
    show_default=True,
    envvar="KG_BASE_IRI",
    help="Base IRI of the data (env KG_BASE_IRI).",
)

shacl_engine_option = click.option(
    "--shacl-engine",
    "shacl_engine",
    type=click.Choice(ENGINES),
    default="auto",
    show_default=True,
    envvar=ENGINE_VARIABLE,
    help="SHACL engine: turbo (pyshacl-turbo, Rust), pyshacl (the reference, pure Python) or "
    f"auto, turbo where installed; both give the same results (env {ENGINE_VARIABLE}).",
)

rdf_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default=None,
    help="RDF format; by default taken from -o's extension, else Turtle.",
)


@dataclass(frozen=True)
class StoreSpec:
    """Where the data lives, as the store options gave it: a folder, or a remote server's URLs."""

    path: Path | None = None
    endpoint: str | None = None
    update_endpoint: str | None = None
    gsp_endpoint: str | None = None
    user: str | None = None
    password: str | None = None
    auth_scheme: str = "basic"

    def open(self, *, read_only: bool = False) -> Store:
        """The store (:func:`kg.store.open_store`); the folder default is ``./kg-data``."""
        auth = (self.user, self.password or "") if self.user else None
        return open_store(
            self.path,
            endpoint=self.endpoint,
            update_endpoint=self.update_endpoint,
            gsp_endpoint=self.gsp_endpoint,
            auth=auth,
            auth_scheme=self.auth_scheme,
            read_only=read_only,
        )

    def describe(self) -> str:
        return self.endpoint or str(self.path or DEFAULT_STORE_PATH)


_STORE_OPTIONS = (
    click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="KG_STORE",
        help=f"Folder of the embedded store (default ./{DEFAULT_STORE_PATH}; env KG_STORE).",
    ),
    click.option(
        "--endpoint",
        envvar="KG_ENDPOINT",
        help="SPARQL 1.1 query endpoint of a remote store, not a folder (env KG_ENDPOINT).",
    ),
    click.option(
        "--update-endpoint",
        envvar="KG_UPDATE_ENDPOINT",
        help="Its SPARQL 1.1 update endpoint (default: the query one; env KG_UPDATE_ENDPOINT).",
    ),
    click.option(
        "--gsp-endpoint",
        envvar="KG_GSP_ENDPOINT",
        help="Its Graph Store Protocol endpoint; graphs are then PUT (env KG_GSP_ENDPOINT).",
    ),
    click.option(
        "--store-user",
        envvar="KG_STORE_USER",
        help="HTTP user for the remote store (env KG_STORE_USER).",
    ),
    click.option(
        "--store-password",
        envvar="KG_STORE_PASSWORD",
        help="Its password; safer in the environment (KG_STORE_PASSWORD) than as an option.",
    ),
    click.option(
        "--store-auth",
        type=click.Choice(["basic", "digest"]),
        default="basic",
        show_default=True,
        envvar="KG_STORE_AUTH",
        help="HTTP authentication of the remote store (Virtuoso's -auth endpoints use digest).",
    ),
)


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--store DIR | --endpoint URL [--update-endpoint] [--gsp-endpoint] [--store-user]
    [--store-password] [--store-auth]`` and pass them to ``command`` as one ``store: StoreSpec``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        store_path: Path | None,
        endpoint: str | None,
        update_endpoint: str | None,
        gsp_endpoint: str | None,
        store_user: str | None,
        store_password: str | None,
        store_auth: str,
        **kwargs: Any,
    ) -> Any:
        if store_path is not None and endpoint:
            raise click.UsageError("give either --store or --endpoint, not both")
        spec = StoreSpec(
            store_path,
            endpoint,
            update_endpoint,
            gsp_endpoint,
            store_user,
            store_password,
            store_auth,
        )
        return command(*args, store=spec, **kwargs)

    for option in reversed(_STORE_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
