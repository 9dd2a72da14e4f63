"""Errors → HTTP statuses, and error bodies in the format the client reads (HTML, JSON or text).

The server's own refusals are :class:`kg.errors.QueryRefused` subclasses declared here, so the
library keeps knowing nothing about HTTP. :data:`STATUS` is searched most specific class first;
anything not listed is a bug of ours: logged, and answered with a 500 that says nothing more.
Bad input is never a 500.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from flask import Flask, Response, render_template
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from kg.errors import (
    InputError,
    KGError,
    NotFound,
    QueryRefused,
    QuerySyntaxError,
    StoreError,
    ValidationFailed,
)
from server.negotiation import HTML, JSON, error_media_type

log = logging.getLogger(__name__)


class QueryTooLong(QueryRefused):
    """A query longer than ``MAX_QUERY_LENGTH``."""


class ServiceRefused(QueryRefused):
    """A query that calls ``SERVICE`` on an endpoint not in ``ALLOWED_SERVICES``."""


class UpdateRefused(QueryRefused):
    """SPARQL Update without the configured token (or with none configured)."""


class QueryTimedOut(QueryRefused):
    """A query that did not finish within ``QUERY_TIMEOUT``."""


class PageTimedOut(QueryTimedOut):
    """A page whose queries did not finish within ``PAGE_QUERY_TIMEOUT`` (a 503 page)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the page's queries did not finish within {seconds:g} s")


STATUS: dict[type[KGError], int] = {
    QuerySyntaxError: 400,
    InputError: 400,
    NotFound: 404,
    QueryTooLong: 413,
    ValidationFailed: 422,
    # Fuseki answers a timed-out query with 503 too: the query may succeed on a quieter server
    QueryTimedOut: 503,
    QueryRefused: 403,
    StoreError: 503,
}


def status_for(exc: KGError) -> int:
    """The status of the most specific class in :data:`STATUS` that ``exc`` is an instance of."""
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def error_response(status: int, title: str, message: str, headers: Any = None) -> Response:
    """An error body in the negotiated format (HTML page, JSON object or plain text)."""
    media_type = error_media_type()
    if media_type == HTML:
        body = render_template("error.html", status=status, title=title, message=message)
    elif media_type == JSON:
        body = json.dumps(
            {"status": status, "error": title, "message": message}, ensure_ascii=False
        )
    else:
        body = f"{status} {title}\n\n{message}\n"
    response = Response(body, status=status, headers=headers, mimetype=media_type)
    response.vary.add("Accept")
    return response


def _handle_kg_error(exc: KGError) -> Response:
    status = status_for(exc)
    if status >= 500:
        log.error("%s: %s", type(exc).__name__, exc, exc_info=status == 500)
    return error_response(status, HTTP_STATUS_CODES.get(status, "Error"), str(exc))


def _handle_http_exception(exc: HTTPException) -> Response:
    code = exc.code or 500
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    return error_response(code, exc.name, exc.description or exc.name, headers)


def _handle_internal_error(exc: InternalServerError) -> Response:
    # Flask passes unhandled exceptions here wrapped, and has already logged them
    return error_response(500, "Internal Server Error", "The server failed; the error is logged.")


def init_app(app: Flask) -> None:
    """Register the handlers on ``app``."""
    app.register_error_handler(KGError, _handle_kg_error)
    app.register_error_handler(InternalServerError, _handle_internal_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
