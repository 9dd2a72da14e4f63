"""Stores of report graphs: the embedded pyoxigraph folder (default) or a remote SPARQL 1.1 server.

Code against :class:`Store` (:mod:`kg.store.base` has the contract) and get one from
:func:`open_store`::

    with open_store("kg-data") as store:                          # embedded, persistent
        ...
    with open_store(endpoint="http://host/sparql",                 # any SPARQL 1.1 server
                    update_endpoint="http://host/update",
                    gsp_endpoint="http://host/store") as store:
        ...
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.store.base import RDF_MEDIA_TYPES, RESULTS_MEDIA_TYPES, QueryResult, Store
from kg.store.embedded import DEFAULT_STORE_PATH, EmbeddedStore

__all__ = [
    "DEFAULT_STORE_PATH",
    "RDF_MEDIA_TYPES",
    "RESULTS_MEDIA_TYPES",
    "EmbeddedStore",
    "QueryResult",
    "Store",
    "open_store",
]


def open_store(
    path: str | Path | None = None,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    auth: tuple[str, str] | None = None,
    auth_scheme: str = "basic",
    read_only: bool = False,
) -> Store:
    """Open the embedded store in ``path`` (default ``./kg-data``), or a remote one by its URLs.

    :param endpoint: a SPARQL 1.1 query endpoint; when given, the store is remote and ``path`` must
        not be given
    :param update_endpoint: its SPARQL 1.1 update endpoint (default: ``endpoint``; Fuseki and
        Oxigraph use a separate ``/update``)
    :param gsp_endpoint: a SPARQL 1.1 Graph Store HTTP Protocol endpoint; when given, graphs are
        replaced with one ``PUT`` each, else with one ``DROP``+``INSERT DATA`` update
    :param auth: HTTP credentials (user, password) for the remote store
    :param auth_scheme: ``basic`` or ``digest`` (Virtuoso)
    :param read_only: open the embedded folder read-only (see :mod:`kg.store.embedded`)
    :raises InputError: both a path and an endpoint, or remote URLs without an endpoint
    :raises StoreError: the store cannot be opened
    """
    if endpoint:
        if path is not None:
            raise InputError("give either a store folder or an endpoint, not both")
        from kg.store.remote import RemoteStore  # SPARQLWrapper is only loaded for remote stores

        return RemoteStore(
            endpoint,
            update_endpoint=update_endpoint,
            gsp_endpoint=gsp_endpoint,
            auth=auth,
            auth_scheme=auth_scheme,
            read_only=read_only,
        )
    if update_endpoint or gsp_endpoint:
        raise InputError(
            "--update-endpoint and --gsp-endpoint need --endpoint (the query endpoint)"
        )
    return EmbeddedStore(DEFAULT_STORE_PATH if path is None else path, read_only=read_only)
