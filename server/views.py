"""Which page a resource gets: a template per class, chosen from a fallback list.

An event gets ``pages/event.html``, a region ``pages/region.html``, a person or organisation
``pages/agent.html``, anything else ``pages/resource.html`` (house style §14: special cases come
from fallback lists, not ``if`` chains). Each special page may add context through a builder.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
from flask import render_template

from kg.namespaces import KG
from server import agent_page, event_page, page_queries, place_page
from server.documents import alternates
from server.labels import primary
from server.links import data_href, link
from server.resources import ResourceView, describe

Builder = Callable[[ResourceView, str], dict[str, object]]

PAGES: tuple[tuple[str, str, Builder | None], ...] = (
    # (class, template, builder of extra context), most specific first
    (f"{KG}Event", "pages/event.html", event_page.context),
    (f"{KG}Region", "pages/region.html", place_page.context),
    (f"{KG}Person", "pages/agent.html", agent_page.context),
    (f"{KG}Organization", "pages/agent.html", agent_page.context),
)


def render_resource(iri: str, lang: str) -> str | None:
    """The HTML page of ``iri``, or ``None`` when the data says nothing about it."""
    view = describe(iri, lang)
    if view is None:
        return None
    types = view.type_iris
    templates = []
    extra: dict[str, object] = {}
    for cls, template, builder in PAGES:
        if cls in types:
            templates.append(template)
            if builder is not None and not extra:
                extra = builder(view, lang)
    templates.append("pages/resource.html")
    href = data_href(iri)
    return render_template(
        templates, view=view, page_href=href, alternates=alternates(href), **extra
    )


def render_graph(iri: str, lang: str) -> str | None:
    """The page of a named graph: how many triples, which event and report it holds."""
    rows = page_queries.select("page_graph_summary", resource=ox.NamedNode(iri))
    if not rows:
        return None
    count = 0
    items: dict[str, dict[str, dict[str, str]]] = {"event": {}, "report": {}}
    for row in rows:
        what = row["what"].value
        if what == "triple":
            count += 1
        elif row["item"] is not None:
            labels = items[what].setdefault(row["item"].value, {})
            if row["label"] is not None:
                labels.setdefault(primary(row["label"].language), row["label"].value)
    if count == 0:
        return None
    href = data_href(iri)
    return render_template(
        "pages/graph.html",
        iri=iri,
        triples=count,
        events=[link(i, lang, labels) for i, labels in items["event"].items()],
        reports=[link(i, lang, labels) for i, labels in items["report"].items()],
        page_href=href,
        alternates=alternates(href),
    )
