"""The store behind the app: opened once in ``create_app``, reached through ``get_store``."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app

EXTENSION = "kg"


def init_app(app: Flask, store: Any = None) -> None:
    """Open the store the settings name (or take ``store``) and keep it in ``app.extensions``.

    A remote endpoint (``SPARQL_ENDPOINT``) wins over the embedded store (``STORE_PATH``).

    :param store: an already open :class:`kg.store.Store`, for tests and for embedding the app
    :raises StoreError: when the store cannot be opened
    """
    if store is None:
        # imported here so that a server that is handed its store needs nothing else from kg.store
        from kg.store import open_store

        config = app.config
        if config["SPARQL_ENDPOINT"]:
            store = open_store(
                endpoint=config["SPARQL_ENDPOINT"],
                update_endpoint=config["SPARQL_UPDATE_ENDPOINT"],
                gsp_endpoint=config["GSP_ENDPOINT"],
            )
        else:
            store = open_store(config["STORE_PATH"])
    app.extensions[EXTENSION] = store


def get_store() -> Any:
    """The store of the current app.

    >>> # inside a request or an app context
    >>> # get_store().query("ASK { ?s ?p ?o }")
    """
    return current_app.extensions[EXTENSION]
