"""``/ontology``: the ontology, vocabularies and shapes documented for people, from the files."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from server.labels import current_language
from server.ontology_docs import ontology_doc

bp = Blueprint("ontology", __name__)


@bp.route("/ontology")
def index() -> Response:
    lang = current_language()
    response = Response(render_template("ontology/index.html", doc=ontology_doc(lang)))
    response.vary.update(("Accept-Language", "Cookie"))
    response.headers["Content-Language"] = lang
    return response
