"""The store behind the app: opened once in ``create_app``, reached through ``get_store``."""

from __future__ import annotations

from flask import Flask, current_app

from kg.store import Store, open_store
from kg.store.remote import RemoteStore

EXTENSION = "kg"


def init_app(app: Flask, store: Store | None = None) -> None:
    """Open the store the settings name (or take ``store``) and keep it in ``app.extensions``.

    A remote endpoint (``SPARQL_ENDPOINT``) wins over the embedded store (``STORE_PATH``).

    :param store: an already open :class:`kg.store.Store`, for tests and for embedding the app
    :raises StoreError: when the store cannot be opened
    """
    if store is None:
        config = app.config
        if config["SPARQL_ENDPOINT"]:
            store = open_store(
                endpoint=config["SPARQL_ENDPOINT"],
                update_endpoint=config["SPARQL_UPDATE_ENDPOINT"],
                gsp_endpoint=config["GSP_ENDPOINT"],
            )
        else:
            store = open_store(config["STORE_PATH"], read_only=config["STORE_READ_ONLY"])
    app.extensions[EXTENSION] = store


def get_store() -> Store:
    """The store of the current app (inside a request or an app context)."""
    store: Store = current_app.extensions[EXTENSION]
    return store


def writes_results_itself(store: Store) -> bool:
    """Whether pyoxigraph writes the store's results in this process (the embedded store).

    A remote store passes on what its server wrote, so the server cannot rely on pyoxigraph's
    layout of JSON and CSV when it counts rows (:mod:`server.execution`), and the query must carry
    its own HTTP timeout.
    """
    return not isinstance(store, RemoteStore)
