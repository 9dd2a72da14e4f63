"""Content negotiation on ``Accept``, in one place, with Werkzeug's parser.

Media types are listed in the order the server prefers them: the first one answers ``*/*`` and a
request without ``Accept``. Each name cites the spec that registers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from flask import request
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import parse_accept_header

# SPARQL 1.1 Query Results: https://www.w3.org/TR/sparql11-results-json/ (JSON),
# https://www.w3.org/TR/rdf-sparql-XMLres/ (XML), https://www.w3.org/TR/sparql11-results-csv-tsv/
RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
RESULTS_CSV = "text/csv"
RESULTS_TSV = "text/tab-separated-values"
# RDF: https://www.w3.org/TR/turtle/, https://www.w3.org/TR/n-triples/,
# https://www.w3.org/TR/json-ld11/, https://www.w3.org/TR/rdf-syntax-grammar/
TURTLE = "text/turtle"
N_TRIPLES = "application/n-triples"
JSON_LD = "application/ld+json"
RDF_XML = "application/rdf+xml"
HTML = "text/html"
JSON = "application/json"
TEXT = "text/plain"

SOLUTIONS_TYPES: tuple[str, ...] = (RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV)
"""What a SELECT can be answered in (ASK: the first two)."""
BOOLEAN_TYPES: tuple[str, ...] = (RESULTS_JSON, RESULTS_XML)
RDF_TYPES: tuple[str, ...] = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML)
"""What a CONSTRUCT or DESCRIBE (or any RDF document) can be answered in."""
FORM_TYPES: dict[str | None, tuple[str, ...]] = {
    "SELECT": SOLUTIONS_TYPES,
    "ASK": BOOLEAN_TYPES,
    "CONSTRUCT": RDF_TYPES,
    "DESCRIBE": RDF_TYPES,
}
"""What each query form can be answered in."""
KIND_TYPES: dict[str, tuple[str, ...]] = {
    "solutions": SOLUTIONS_TYPES,
    "boolean": BOOLEAN_TYPES,
    "graph": RDF_TYPES,
}
"""What each kind of result (:attr:`kg.store.QueryResult.kind`) can be answered in."""

ALIASES: dict[str, str] = {
    # plain JSON and XML clients get the SPARQL results formats, which are JSON and XML
    JSON: RESULTS_JSON,
    "application/xml": RESULTS_XML,
    # media types still sent by older RDF clients
    "application/x-turtle": TURTLE,
    "text/n3": TURTLE,
    "application/xml+rdf": RDF_XML,
}
"""Media types a client may ask for that the server answers with the format named on the right."""


def negotiate(offered: Sequence[str]) -> str | None:
    """The media type of ``offered`` that the request's ``Accept`` likes best, or ``None``.

    A request without ``Accept`` (or with an empty one) accepts anything (RFC 9110, 12.5.1).
    """
    return _best_match(request.headers.get("Accept", "").strip(), tuple(offered))


@lru_cache(maxsize=512)
def _best_match(accept: str, offered: tuple[str, ...]) -> str | None:
    # Clients send the same few Accept headers over and over, and parsing one costs more than
    # running a small query: remember the answers (the cache is bounded; any header still works).
    if not accept:
        return offered[0]
    return parse_accept_header(accept, MIMEAccept).best_match(offered)


def choose_format(formats: Sequence[str]) -> tuple[str, str] | None:
    """``(media type to send, format it is)`` for a response that can take any of ``formats``.

    Aliases (:data:`ALIASES`) are offered after the real names, so ``application/json`` gets
    SPARQL JSON results sent as ``application/json``. ``None`` when none is acceptable.
    """
    return format_for_accept(request.headers.get("Accept", "").strip(), tuple(formats))


@lru_cache(maxsize=512)
def format_for_accept(accept: str, formats: tuple[str, ...]) -> tuple[str, str] | None:
    """:func:`choose_format` for an ``Accept`` header given as text (stripped; may be empty)."""
    offered = formats + tuple(alias for alias, real in ALIASES.items() if real in formats)
    chosen = _best_match(accept, offered)
    return None if chosen is None else (chosen, ALIASES.get(chosen, chosen))


def negotiate_format(formats: Sequence[str]) -> tuple[str, str]:
    """:func:`choose_format`, or a 406.

    :raises NotAcceptable: when the client accepts none of ``formats``; the message lists them
    """
    chosen = choose_format(formats)
    if chosen is None:
        raise not_acceptable(formats)
    return chosen


def not_acceptable(formats: Sequence[str]) -> NotAcceptable:
    """The 406 for a resource available as ``formats``."""
    return NotAcceptable(f"This resource is available as: {', '.join(formats)}.")


def prefers_html(others: Sequence[str]) -> bool:
    """Whether the client (a browser) wants HTML more than any of ``others``.

    ``*/*`` alone picks ``others``: scripts and curl get data, browsers (which name ``text/html``)
    get a page.
    """
    accept = request.headers.get("Accept", "").strip()
    return bool(accept) and _best_match(accept, (*others, HTML)) == HTML


def error_media_type() -> str:
    """The type for an error body: plain text for SPARQL clients and curl, HTML, or JSON."""
    chosen = negotiate([TEXT, HTML, JSON, RESULTS_JSON, JSON_LD])
    if chosen in (RESULTS_JSON, JSON_LD):
        return JSON
    return chosen or TEXT


def content_type(media_type: str) -> str:
    """The ``Content-Type`` for ``media_type``: text and JSON/XML types name their charset."""
    if media_type.startswith("text/") or media_type.endswith(("json", "xml")):
        return f"{media_type}; charset=utf-8"
    return media_type
