"""``/sparql``: the SPARQL 1.1 Protocol (query, update), its service description and the query UI.

Protocol: https://www.w3.org/TR/sparql11-protocol/. A query comes as ``GET ?query=``, as a
form-encoded ``POST`` (``query=``) or as a ``POST`` of ``application/sparql-query``; an update only
as a ``POST`` (``update=`` or ``application/sparql-update``) with the configured bearer token.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable

from flask import Blueprint, Response, current_app, g, render_template, request, url_for
from werkzeug.exceptions import BadRequest, MethodNotAllowed, UnsupportedMediaType

from kg.errors import InputError, QueryRefused
from kg.formats import FORMATS
from kg.sparql_text import QueryText, allowed_service, check_nesting, read_query
from kg.store import QueryResult, Store
from server import examples
from server.errors import QueryTooLong, ServiceRefused, UpdateRefused
from server.execution import run_query
from server.fast_path import ERROR_KEY
from server.negotiation import (
    FORM_TYPES,
    KIND_TYPES,
    RDF_TYPES,
    SOLUTIONS_TYPES,
    choose_format,
    content_type,
    negotiate_format,
    not_acceptable,
    prefers_html,
)
from server.service_description import service_description
from server.store import get_store, writes_results_itself

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
RDFLIB_FORMATS = {f.media_type: f.rdflib for f in FORMATS.values()}
"""rdflib's name of each RDF media type, for the (small) service description."""
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*")


@bp.before_request
def raise_fast_path_error() -> None:
    """Raise the error of a query :mod:`server.fast_path` ran, for Flask's handlers to answer."""
    error = request.environ.pop(ERROR_KEY, None)
    if error is not None:
        raise error


@bp.route("/sparql", methods=["GET", "POST"])
def query() -> Response:
    """Answer a query or an update; without either, describe the service (or show the UI)."""
    text, is_update = _operation()
    if text is None:
        if request.method == "POST":
            raise BadRequest("Send a 'query' or an 'update'.")
        return _describe()
    if is_update:
        return _update(text)
    return _query(text)


def _operation() -> tuple[str | None, bool]:
    """``(text, is_update)`` of the request, checked against the protocol's rules."""
    mimetype = request.mimetype
    if request.method == "POST" and mimetype in (QUERY_TYPE, UPDATE_TYPE):
        if "query" in request.args or "update" in request.args:
            raise BadRequest("Send the operation either in the body or in the URL, not both.")
        return request.get_data(as_text=True), mimetype == UPDATE_TYPE
    if request.method == "POST" and mimetype != FORM:
        raise UnsupportedMediaType(
            f"POST {FORM} (query= or update=), {QUERY_TYPE} or {UPDATE_TYPE}."
        )
    values = request.form if request.method == "POST" else request.args
    queries, updates = values.getlist("query"), values.getlist("update")
    if len(queries) + len(updates) > 1:
        raise BadRequest("Send exactly one 'query' or one 'update'.")
    if updates and request.method != "POST":
        raise MethodNotAllowed(["POST"], "SPARQL Update must be sent with POST.")
    if updates:
        return updates[0], True
    return (queries[0] if queries else None), False


def _graph_uris(name: str) -> tuple[str, ...]:
    # in the URL for GET and a direct POST; in the body for a form POST (the URL is read too)
    uris = tuple(request.args.getlist(name))
    if request.method == "POST" and request.mimetype == FORM:
        uris += tuple(request.form.getlist(name))
    for uri in uris:
        if not _IRI.fullmatch(uri):
            raise InputError(f"{name}: {uri!r} is not an absolute IRI")
    return uris


def _check(text: str) -> QueryText:
    """Refuse what the settings forbid, before the engine sees it."""
    check_nesting(text)  # also for a remote store, whose engine may crash the same way
    found = read_query(text)
    allowed = current_app.config["ALLOWED_SERVICES"]
    for target in found.services:
        if not allowed_service(target, allowed):
            raise ServiceRefused(
                f"SERVICE {target} is not allowed on this server"
                + (f"; allowed: {', '.join(allowed)}" if allowed else " (federation is off)")
            )
    return found


def _query(text: str) -> Response:
    limit = current_app.config["MAX_QUERY_LENGTH"]
    if len(text) > limit:
        raise QueryTooLong(f"the query has {len(text)} characters; at most {limit} are accepted")
    found = _check(text)
    if found.form == "UPDATE":
        raise InputError("this is an update: POST it as update= or as application/sparql-update")
    # With no acceptable format the query still goes to the engine, which parses it first: a
    # malformed query is a 400 whatever the Accept header says; a well-formed one then gets a 406.
    sent, media_type = choose_format(FORM_TYPES.get(found.form, SOLUTIONS_TYPES)) or ("", "")
    store = get_store()
    evaluate = _evaluator(
        store, text, _graph_uris("default-graph-uri"), _graph_uris("named-graph-uri"), media_type
    )
    answer = run_query(evaluate, media_type, native=writes_results_itself(store))
    response = Response(answer.body, content_type=content_type(sent))
    response.vary.add("Accept")
    if answer.truncated == "rows":
        # Virtuoso's header for results cut off at its ResultSetMaxRows
        response.headers["X-SPARQL-MaxRows"] = str(current_app.config["MAX_RESULT_ROWS"])
    elif answer.truncated == "bytes":
        response.headers["X-KG-MaxBytes"] = str(current_app.config["MAX_RESULT_BYTES"])
    return response


def _evaluator(
    store: Store,
    text: str,
    default_graphs: tuple[str, ...],
    named_graphs: tuple[str, ...],
    media_type: str,
) -> Callable[[], QueryResult]:
    # The embedded store runs the query on our worker, which keeps the time; a remote one needs
    # the timeout on its HTTP request.
    timeout = None if writes_results_itself(store) else current_app.config["QUERY_TIMEOUT"]

    def evaluate() -> QueryResult:
        result = store.query(
            text, default_graph_uris=default_graphs, named_graph_uris=named_graphs, timeout=timeout
        )
        offered = KIND_TYPES[result.kind]
        if media_type not in offered:
            raise not_acceptable(offered)
        return result

    return evaluate


def _update(text: str) -> Response:
    g.kg_update = True
    token = current_app.config["UPDATE_TOKEN"]
    if not token or current_app.config["STORE_READ_ONLY"]:
        raise UpdateRefused("SPARQL Update is disabled on this server")
    auth = request.authorization
    sent = auth.token if auth is not None and auth.type == "bearer" else None
    if not sent or not hmac.compare_digest(sent.encode(), token.encode()):
        raise UpdateRefused(
            "SPARQL Update needs 'Authorization: Bearer <token>' with the right token"
        )
    if _graph_uris("using-graph-uri") or _graph_uris("using-named-graph-uri"):
        raise InputError("using-graph-uri and using-named-graph-uri are not supported: write USING")
    found = _check(text)
    if found.loads:
        # the engine would fetch the source itself (an HTTP GET from the server to any address):
        # the server makes no request on a client's behalf, as with SERVICE
        raise QueryRefused(
            f"LOAD <{found.loads[0]}> is not allowed on this server: it fetches nothing from the "
            "network; send the data in INSERT DATA, or load files with kg load"
        )
    get_store().update(text)
    return Response(status=204)


def _describe() -> Response:
    config = current_app.config
    if config["SHOW_QUERY_UI"] and prefers_html(RDF_TYPES):
        response = Response(_query_page())
        # the page's machine-readable twin: the service description at the same URL
        endpoint = url_for("sparql.query", _external=True)
        response.headers["Link"] = f'<{endpoint}>; rel="alternate"; type="text/turtle"'
        response.vary.add("Accept")
        return response
    sent, media_type = negotiate_format(RDF_TYPES)
    graph = service_description(
        url_for("sparql.query", _external=True),
        update=bool(config["UPDATE_TOKEN"]) and not config["STORE_READ_ONLY"],
        federation=bool(config["ALLOWED_SERVICES"]),
    )
    rdflib_format = RDFLIB_FORMATS[media_type]
    response = Response(
        graph.serialize(format=rdflib_format, encoding="utf-8"), content_type=content_type(sent)
    )
    response.vary.add("Accept")
    return response


def _query_page() -> str:
    return render_template(
        "sparql/query.html",
        endpoint=url_for("sparql.query", _external=True),
        yasgui=examples.yasgui_files(),
        examples=examples.example_queries(current_app.config["EXAMPLE_QUERIES"]),
    )


@bp.after_request
def _cors(response: Response) -> Response:
    """CORS for reads (https://fetch.spec.whatwg.org/#http-cors-protocol), never for updates."""
    origin = current_app.config["CORS_ORIGIN"]
    if origin and not g.get("kg_update"):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = "X-SPARQL-MaxRows, X-KG-MaxBytes"
        if request.method == "OPTIONS":
            # Authorization is not allowed: a browser cannot send an update cross-origin
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response.headers["Access-Control-Max-Age"] = "86400"
        if origin != "*":
            response.vary.add("Origin")
    return response
