"""A resource's documents: which one a request asks for, their ``Link`` alternates, and 404s.

Every data IRI answers in HTML, Turtle, JSON-LD, N-Triples and RDF/XML. The format comes from an
explicit suffix (``x.ttl``) or else from ``Accept``: a browser (which names ``text/html``) gets
the page, ``*/*`` and RDF clients get Turtle. Each response lists the others in a ``Link`` header
(RFC 8288) and the page repeats them as ``<link rel="alternate">``. An IRI the data does not know
is a 404 in the format asked for, so an RDF client still gets a document it can parse; a page
whose queries run out of time (``PAGE_QUERY_TIMEOUT``) is a 503 in the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask import Response, render_template

from server.messages import translate
from server.negotiation import HTML, JSON_LD, N_TRIPLES, RDF_XML, TURTLE, negotiate_format
from server.negotiation import prefers_html as _prefers_html

RDF_FORMATS: tuple[tuple[str, str, str], ...] = (
    # (suffix, media type, name shown on pages)
    (".ttl", TURTLE, "Turtle"),
    (".jsonld", JSON_LD, "JSON-LD"),
    (".nt", N_TRIPLES, "N-Triples"),
    (".rdf", RDF_XML, "RDF/XML"),
)
SUFFIXES = {suffix: media_type for suffix, media_type, _ in RDF_FORMATS}
OFFERED = tuple(media_type for _, media_type, _ in RDF_FORMATS)
"""What ``Accept`` chooses from besides HTML; Turtle first, for ``*/*``."""


@dataclass(frozen=True)
class Alternate:
    href: str
    media_type: str
    name: str


def split_suffix(key: str) -> tuple[str, str | None]:
    """``x.ttl`` → ``("x", "text/turtle")``; ``x`` → ``("x", None)``.

    Keys the mapper mints have no dots (slugs, ISO and P-codes), so a known suffix always names a
    format.
    """
    stem, dot, ext = key.rpartition(".")
    if dot and stem and f".{ext}" in SUFFIXES:
        return stem, SUFFIXES[f".{ext}"]
    return key, None


def chosen_format() -> tuple[str, str]:
    """``(media type to send, format)`` for a request without a suffix: HTML or an RDF type.

    :raises NotAcceptable: when the client accepts none of them
    """
    if _prefers_html(OFFERED):
        return HTML, HTML
    return negotiate_format(OFFERED)


def alternates(page_href: str) -> tuple[Alternate, ...]:
    """The machine-readable twins of the page at ``page_href`` (a local path)."""
    return tuple(Alternate(f"{page_href}{s}", m, name) for s, m, name in RDF_FORMATS)


def link_header(page_href: str, *, html: bool) -> str:
    """The ``Link`` header listing the alternates (and the page itself, for RDF responses)."""
    links = [f'<{a.href}>; rel="alternate"; type="{a.media_type}"' for a in alternates(page_href)]
    if not html:
        links.insert(0, f'<{page_href}>; rel="alternate"; type="{HTML}"')
    return ", ".join(links)


def content_type(media_type: str) -> str:
    if media_type == N_TRIPLES:
        return media_type  # N-Triples is UTF-8 by definition and takes no charset parameter
    return f"{media_type}; charset=utf-8"


def not_found(iri: str, media_type: str, lang: str) -> Response:
    """A 404 for ``iri`` in ``media_type``: a page, or an empty RDF document that says why."""
    message = translate("not_found_iri", lang, iri=iri)
    return error_document(404, translate("not_found", lang), "Not Found", message, media_type)


def unavailable(seconds: float, media_type: str, lang: str) -> Response:
    """A 503 for a page or document whose queries ran past ``PAGE_QUERY_TIMEOUT`` seconds.

    In the format asked for, as a 404 is, with ``Retry-After``: the store may be busy with other
    work, and the same page often comes within the time on a quieter moment.
    """
    message = translate("timed_out_page", lang, seconds=f"{seconds:g}")
    response = error_document(
        503, translate("timed_out", lang), "Service Unavailable", message, media_type
    )
    response.headers["Retry-After"] = str(RETRY_AFTER)
    return response


RETRY_AFTER = 30
"""Seconds a client is asked to wait before it asks again for a page that timed out."""


def error_document(
    status: int, title: str, english_title: str, message: str, media_type: str
) -> Response:
    """An error in ``media_type``: a page, or an empty RDF document with the message in it."""
    if media_type == HTML:
        body = render_template("error.html", status=status, title=title, message=message)
    elif media_type == JSON_LD:
        # no context: a JSON-LD processor reads an empty graph, a person reads the message
        body = json.dumps(
            {"status": status, "error": english_title, "message": message}, ensure_ascii=False
        )
    elif media_type == RDF_XML:
        note = message.replace("--", "- -")
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f"<!-- {status} {english_title}: {note} -->\n"
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
        )
    else:
        # Turtle and N-Triples: a comment is a valid (empty) document
        body = f"# {status} {english_title}: " + " ".join(message.split()) + "\n"
    response = Response(body, status=status, content_type=content_type(media_type))
    response.vary.add("Accept")
    return response
