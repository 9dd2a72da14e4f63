"""The Flask web server of kg: SPARQL endpoint, linked-data pages and exports (``create_app``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from kg.store import Store


def create_app(config: Mapping[str, Any] | None = None, *, store: Store | None = None) -> Flask:
    """Create the app: settings, the store, error handlers and one blueprint per URL area.

    :param config: settings that win over the file and the environment (tests, ``kg serve``);
        see :mod:`server.config` for the order and the README's "Settings" for the keys
    :param store: an already open :class:`kg.store.Store` to serve instead of opening the one
        the settings name (tests, embedding)
    :raises InputError: for a bad setting
    :raises StoreError: when the store cannot be opened
    """
    # imported here so that `import server` stays cheap and free of side effects
    from server import config as settings
    from server import errors, execution, exports, fast_path, ontology, pages, sparql
    from server import store as kg_store

    app = Flask(__name__)
    settings.load_config(app, config)
    errors.init_app(app)
    kg_store.init_app(app, store)
    execution.init_app(app)
    # One blueprint per URL area; add new areas (pages, exports) to this tuple.
    for blueprint in (sparql.bp, pages.bp, ontology.bp, exports.bp):
        app.register_blueprint(blueprint)
    # plain query GETs skip Flask's request machinery (see server.fast_path for why and how)
    app.wsgi_app = fast_path.FastQueries(app)  # type: ignore[method-assign]
    return app
