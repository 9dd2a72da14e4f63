"""Where a term links to on the site, and what it is called in the reader's language.

* Data IRIs (under ``BASE_IRI``) link to this server's page for them, whatever host it is reached
  on: ``https://example.org/kg/id/event/x`` → ``/kg/id/event/x``.
* Terms of the project's ontology and vocabularies, and the SDG targets and gazetteer places they
  use, link to their entry on ``/ontology``.
* Anything else links out to its own IRI.

Labels come from the shipped vocabularies first (:mod:`server.terms`), then from labels the page's
query found in the data, then from a prefixed name or the IRI's last segment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app, g, request, url_for

from kg.namespaces import GAZ, KG, KIND, PREFIXES, SDG, THEME
from server.labels import pick_lang
from server.terms import term_index

_PREFIXES = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
DOC_NAMESPACES: dict[str, str] = {
    str(KG): "",
    str(KIND): "kind-",
    str(THEME): "theme-",
    str(SDG): "sdg-",
    str(GAZ): "place-",
}
"""Namespaces documented on ``/ontology``, and the prefix of their terms' anchors there."""


@dataclass(frozen=True)
class Link:
    """A term as a link: where it goes, what it is called, and in which language."""

    iri: str
    href: str
    label: str
    lang: str = ""
    local: bool = True


def base_iri() -> str:
    base: str = current_app.config["BASE_IRI"]
    return base


def local_prefix() -> str:
    """The path on this server that stands for ``BASE_IRI`` (``/kg/`` for the default)."""
    # a page makes hundreds of links: work the prefix out once per request
    prefix: str | None = g.get("kg_local_prefix")
    if prefix is None:
        prefix = g.kg_local_prefix = request.script_root + urlsplit(base_iri()).path
    return prefix


def _ontology_page() -> str:
    page: str | None = g.get("kg_ontology_page")
    if page is None:
        page = g.kg_ontology_page = url_for("ontology.index")
    return page


def is_data(iri: str) -> bool:
    return iri.startswith(current_app.config["BASE_IRI"])


def data_href(iri: str) -> str:
    """The local URL of a data IRI (its fragment kept)."""
    return local_prefix() + iri[len(base_iri()) :]


def iri_of_path(path: str) -> str:
    """The data IRI a local path (below :func:`local_prefix`) stands for."""
    return base_iri() + path


def ontology_anchor(iri: str) -> str | None:
    """The id of a term's entry on ``/ontology``, or ``None`` when it is not documented there."""
    for namespace, prefix in DOC_NAMESPACES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return prefix + _ANCHOR_UNSAFE.sub("-", iri[len(namespace) :])
    return None


def href(iri: str) -> tuple[str, bool]:
    """``(url, is_local)`` for an IRI."""
    if is_data(iri):
        return data_href(iri), True
    anchor = ontology_anchor(iri)
    if anchor is not None and term_index().get(iri) is not None:
        return f"{_ontology_page()}#{anchor}", True
    return iri, False


def short_name(iri: str) -> str:
    """``https://schema.org/name`` → ``schema:name``; a data IRI → its last segment."""
    if is_data(iri):
        rest = iri[len(base_iri()) :]
        return rest.rsplit("/", 1)[-1] or rest
    for namespace, prefix in _PREFIXES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def link(iri: str, lang: str, labels: Mapping[str, str] | None = None) -> Link:
    """A :class:`Link` for ``iri``: labelled from the vocabularies, else ``labels`` (from data)."""
    url, local = href(iri)
    text, text_lang = label_of(iri, lang, labels, local=local)
    return Link(iri=iri, href=url, label=text, lang=text_lang, local=local)


def label_of(
    iri: str, lang: str, labels: Mapping[str, str] | None = None, *, local: bool | None = None
) -> tuple[str, str]:
    """``(label, its language)`` of the :func:`link` for ``iri``, without working out its URL.

    For sorting many resources by what their links will say (search results), cheaply.
    """
    term = term_index().get(iri)
    text, text_lang = pick_lang(term.labels, lang) if term is not None else (None, "")
    if text is None and labels:
        text, text_lang = pick_lang(labels, lang)
    if text is None and "/id/place/" in iri and (href(iri)[1] if local is None else local):
        # a data place named by a gazetteer code: the gazetteer has its names
        place = term_index().place(iri.rsplit("/", 1)[-1])
        if place is not None:
            text, text_lang = pick_lang(place.labels, lang)
    if text is None:
        text, text_lang = short_name(iri), ""
    return text, text_lang
