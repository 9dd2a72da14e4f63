"""Plain SPARQL reads (``GET /sparql?query=…``) answered without Flask's per-request machinery.

Profiling ``kg serve`` under load (``python -m bench``, py-spy and cProfile) showed Flask's
request context, routing, signals and response object costing more Python time than a small
query's whole evaluation in pyoxigraph. Most requests to an endpoint are the same shape: a GET
with one ``query`` and an ``Accept`` header. This WSGI layer sits in front of the Flask app and
answers exactly those, when they are unremarkable, with the same code the view uses: the same
checks (:func:`kg.sparql_text.read_query`, the length and nesting limits), the same negotiation
(:func:`server.negotiation.format_for_accept`), the same limits, timeout and workers
(:func:`server.execution.answer_query`), and the same headers (``Vary``, CORS, the truncation
headers). Everything else goes to Flask untouched: other paths and methods, graph parameters,
updates, a query with ``SERVICE``, a form it cannot tell, no acceptable format, a remote store.

When the query fails (syntax, time, limits, a kind the format does not fit), the request goes to
Flask with the exception in the environ; the SPARQL view raises it before doing anything else
(:func:`server.sparql.raise_fast_path_error`), so the error answer is Flask's own and the query is
not run twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from flask import Flask

from kg.sparql_text import MAX_NESTING, read_query
from kg.store import Store
from server import execution
from server.negotiation import (
    FORM_TYPES,
    KIND_TYPES,
    content_type,
    format_for_accept,
    not_acceptable,
)
from server.store import EXTENSION as STORE
from server.store import writes_results_itself

__all__ = ["ERROR_KEY", "FastQueries"]

ERROR_KEY = "kg.fast_path.error"
"""The environ key that carries a failed query's exception to the Flask view."""
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_EXPOSED = "X-SPARQL-MaxRows, X-KG-MaxBytes"


class FastQueries:
    """The WSGI app: plain query GETs here, the rest to ``app``'s own ``wsgi_app``."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.flask: WSGIApp = app.wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") != "/sparql":
            return self.flask(environ, start_response)
        raw = environ.get("QUERY_STRING", "")
        text = _only_query(raw) if len(raw) <= _REMEMBERED_LENGTH else _read_only_query(raw)
        if text is None:
            return self.flask(environ, start_response)
        config = self.app.config
        store: Store = self.app.extensions[STORE]
        found = read_query(text) if text else None
        formats = FORM_TYPES.get(found.form) if found else None
        if (
            found is None
            or formats is None
            or len(text) > config["MAX_QUERY_LENGTH"]
            or found.services
            or found.nesting > MAX_NESTING  # Flask's view refuses it before the engine sees it
            or not writes_results_itself(store)
        ):
            return self.flask(environ, start_response)
        chosen = format_for_accept(environ.get("HTTP_ACCEPT", "").strip(), formats)
        if chosen is None:
            return self.flask(environ, start_response)
        sent, media_type = chosen
        try:
            answer = execution.answer_query(
                self.app.extensions[execution.EXTENSION],
                _evaluator(store, text, media_type),
                media_type,
                native=True,
                limits=execution.Limits(config["MAX_RESULT_ROWS"], config["MAX_RESULT_BYTES"]),
                timeout=config["QUERY_TIMEOUT"],
            )
        except Exception as exc:  # answered by Flask's error handlers, as any error of the view
            environ[ERROR_KEY] = exc
            return self.flask(environ, start_response)
        headers = [
            ("Content-Type", content_type(sent)),
            ("Content-Length", str(len(answer.body))),
        ]
        if answer.truncated == "rows":
            headers.append(("X-SPARQL-MaxRows", str(config["MAX_RESULT_ROWS"])))
        elif answer.truncated == "bytes":
            headers.append(("X-KG-MaxBytes", str(config["MAX_RESULT_BYTES"])))
        origin = config["CORS_ORIGIN"]
        if origin:
            headers.append(("Access-Control-Allow-Origin", origin))
            headers.append(("Access-Control-Expose-Headers", _EXPOSED))
        headers.append(("Vary", "Accept" if not origin or origin == "*" else "Accept, Origin"))
        start_response("200 OK", headers)
        return [answer.body]


_REMEMBERED_LENGTH = 16_384
"""The longest query string whose reading is remembered: 256 of them hold at most a few MB (a
longer one, up to what waitress accepts, is read every time)."""


@lru_cache(maxsize=256)
def _only_query(query_string: str) -> str | None:
    """:func:`_read_only_query`, remembered, as the query's reading is: clients repeat the same
    queries, and unquoting a long one took a tenth of a resource description's time in the app.
    """
    return _read_only_query(query_string)


def _read_only_query(query_string: str) -> str | None:
    """The text of a query string's one ``query`` parameter, else ``None`` (Flask's to read)."""
    params = parse_qs(query_string, keep_blank_values=True)
    texts = params.get("query")
    if len(params) != 1 or texts is None or len(texts) != 1:
        return None
    return texts[0]


def _evaluator(store: Store, text: str, media_type: str) -> Callable[[], Any]:
    # as the view's evaluator for the embedded store: the worker keeps the time, so no timeout
    def evaluate() -> Any:
        result = store.query(text)
        offered = KIND_TYPES[result.kind]
        if media_type not in offered:
            raise not_acceptable(offered)
        return result

    return evaluate
