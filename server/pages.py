"""The linked-data pages: every data IRI, the home page with its list of events, and search.

Data IRIs are answered at the path of ``BASE_IRI`` on whatever host the server is reached at
(``https://example.org/kg/id/event/x`` at ``/kg/id/event/x``), so a local ``kg serve`` resolves
every IRI its data holds. Those routes are added when the blueprint is registered, as their prefix
comes from the settings.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from werkzeug.wrappers import Response as BaseResponse

from server import documents, home, page_queries, search, views
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
    listing = home.listing(request.args, lang)
    return _html(render_template("pages/home.html", listing=listing))


@bp.route("/regions")
def regions_page() -> Response:
    """The regions with events, on the map and as a list."""
    lang = current_language()
    listing = home.listing({}, lang)

    def region_href(code: str) -> str:
        return data_href(f"{base_iri()}id/place/{code}")

    return _html(render_template("pages/regions.html", listing=listing, region_href=region_href))


@bp.route("/search")
def search_page() -> Response:
    lang = current_language()
    found = search.search(request.args.get("q", ""), lang)
    return _html(render_template("pages/search.html", found=found))


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
        page = (views.render_graph if is_graph else views.render_resource)(iri, lang)
        if page is None:
            return documents.not_found(iri, media_type, lang)
        response = _html(page)
        response.headers["Link"] = documents.link_header(href, html=True)
        return response
    exists = "page_graph_exists" if is_graph else "page_exists"
    if not page_queries.ask(exists, resource=resource_term):
        return documents.not_found(iri, media_type, lang)
    name = "page_graph" if is_graph else "page_describe"
    body = page_queries.construct(name, media_type, resource=resource_term)
    response = Response(body, content_type=documents.content_type(sent))
    response.headers["Link"] = documents.link_header(href, html=False)
    if not explicit:
        response.vary.add("Accept")
    return response


def _html(body: str) -> Response:
    response = Response(body, content_type="text/html; charset=utf-8")
    # the page's language follows Accept-Language and the lang cookie; its format follows Accept
    response.vary.update(("Accept", "Accept-Language", "Cookie"))
    response.headers["Content-Language"] = current_language()
    return response
