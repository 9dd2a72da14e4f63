"""The linked-data pages: every data IRI, the home page with its list of events, and search.

Data IRIs are answered at the path of ``BASE_IRI`` on whatever host the server is reached at
(``https://example.org/kg/id/event/x`` at ``/kg/id/event/x``), so a local ``kg serve`` resolves
every IRI its data holds. Those routes are added when the blueprint is registered, as their prefix
comes from the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from werkzeug.wrappers import Response as BaseResponse

from server import documents, home, page_cache, page_queries, search, views
from server.descriptions import describe_document
from server.errors import PageTimedOut
from server.labels import LANGUAGES, current_language, remember_language
from server.links import base_iri, data_href
from server.messages import translate
from server.negotiation import HTML
from server.schema_org import script_json

bp = Blueprint("pages", __name__)


@bp.record_once
def _data_routes(state: BlueprintSetupState) -> None:
    prefix = urlsplit(state.app.config["BASE_IRI"]).path
    state.add_url_rule(f"{prefix}id/<kind>/<key>", "resource", resource)
    state.add_url_rule(f"{prefix}graph/<key>", "graph", graph)
    if prefix != "/":
        state.add_url_rule(prefix, "base", base_path)


@bp.app_context_processor
def _page_context() -> dict[str, object]:
    lang = current_language()

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    def lang_url(code: str) -> str:
        # the same address with ?lang= changed: works on every page, 404s included
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
        return f"{request.script_root}{request.path}?{urlencode([*args, ('lang', code)])}"

    return {"lang": lang, "t": t, "lang_url": lang_url, "languages": LANGUAGES}


bp.after_app_request(remember_language)
bp.add_app_template_filter(script_json, "script_json")


@bp.route("/")
def home_page() -> Response:
    """The events, filtered and sorted, with the map, the figures and the search box."""
    lang = current_language()
    return _page(
        lambda: render_template("pages/home.html", listing=home.listing(request.args, lang))
    )


@bp.route("/regions")
def regions_page() -> Response:
    """The regions with events, on the map and as a list."""
    lang = current_language()

    def region_href(code: str) -> str:
        return data_href(f"{base_iri()}id/place/{code}")

    return _page(
        lambda: render_template(
            "pages/regions.html", listing=home.listing({}, lang), region_href=region_href
        )
    )


@bp.route("/search")
def search_page() -> Response:
    lang = current_language()
    return _page(
        lambda: render_template(
            "pages/search.html", found=search.search(request.args.get("q", ""), lang)
        )
    )


def resource(kind: str, key: str) -> BaseResponse:
    """A data IRI ``{base}id/{kind}/{key}``: the page or one of its RDF documents."""
    return _answer(f"id/{kind}/", key)


def graph(key: str) -> BaseResponse:
    """A report's named graph ``{base}graph/{key}``: what it holds, and its triples as data."""
    return _answer("graph/", key)


def base_path() -> BaseResponse:
    # the base IRI itself names no resource; its readers want the site
    return redirect(url_for("pages.home_page"), code=303)


def _answer(section: str, key: str) -> BaseResponse:
    lang = current_language()
    stem, explicit = documents.split_suffix(key)
    sent, media_type = (explicit, explicit) if explicit else documents.chosen_format()
    iri = f"{base_iri()}{section}{stem}"
    href = data_href(iri)
    try:
        resource_term = page_queries.iri(iri)
    except ValueError:
        return documents.not_found(iri, media_type, lang)
    is_graph = section == "graph/"
    if media_type == HTML:

        def render_page() -> Response:
            page = (views.render_graph if is_graph else views.render_resource)(iri, lang)
            if page is None:
                return documents.not_found(iri, media_type, lang)
            return Response(page, content_type=HTML_TYPE)

        try:
            response = page_cache.cached(HTML, lang, render_page)
        except PageTimedOut as exc:
            return _html_headers(documents.unavailable(exc.seconds, HTML, lang))
        if response.status_code != 200:
            return response
        _html_headers(response)
        response.headers["Link"] = documents.link_header(href, html=True)
        return response

    def render_document() -> Response:
        exists = "page_graph_exists" if is_graph else "page_exists"
        if not page_queries.ask(exists, resource=resource_term):
            return documents.not_found(iri, media_type, lang)
        if is_graph:
            body = page_queries.construct("page_graph", media_type, resource=resource_term)
        else:
            body = describe_document(iri, media_type)
        return Response(body, content_type=documents.content_type(sent))

    # the document's text does not depend on the language; its 404 message does (never kept)
    try:
        response = page_cache.cached(f"{sent} {media_type}", "", render_document)
    except PageTimedOut as exc:
        return documents.unavailable(exc.seconds, media_type, lang)
    if response.status_code != 200:
        return response
    response.headers["Link"] = documents.link_header(href, html=False)
    if not explicit:
        response.vary.add("Accept")
    return response


HTML_TYPE = "text/html; charset=utf-8"


def _page(render: Callable[[], str]) -> Response:
    """The page ``render`` writes, or the same page kept from an earlier request."""
    lang = current_language()
    try:
        response = page_cache.cached(HTML, lang, lambda: Response(render(), content_type=HTML_TYPE))
    except PageTimedOut as exc:
        response = documents.unavailable(exc.seconds, HTML, lang)
    return _html_headers(response)


def _html_headers(response: Response) -> Response:
    # the page's language follows Accept-Language and the lang cookie; its format follows Accept
    response.vary.update(("Accept", "Accept-Language", "Cookie"))
    response.headers["Content-Language"] = current_language()
    return response
