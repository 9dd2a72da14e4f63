"""``/exports/…``, ``/void`` and ``/.well-known/void``: the dataset's files and its descriptions.

The files are the ones :data:`kg.exports.files.EXPORT_FILES` lists (and DCAT's
``dcat:downloadURL`` and VoID's ``void:dataDump`` point to), written from the store on request by
:mod:`kg.exports`. Only those exact names are served: any other path, ``..`` included, is a 404.
VoID's well-known address (https://www.w3.org/TR/void/#well-known) serves the same description as
``/void``.
"""

from __future__ import annotations

import io
import tempfile
from typing import IO

from flask import Blueprint, Response, current_app, render_template, request, send_file
from werkzeug.exceptions import NotFound

from kg.exports import ExportOptions, write_export
from kg.exports.csvw import write_csvw_metadata
from kg.exports.files import EXPORT_FILES, METADATA_FILES, ExportFile
from kg.exports.hxl import write_hxl_csv
from kg.exports.source import StoreSource
from server.labels import current_language
from server.page_cache import cached
from server.store import get_store

bp = Blueprint("exports", __name__)

SPOOL = 8 * 1024 * 1024
"""Bytes of an export kept in memory before it goes to a temporary file."""
_METADATA = {path: name for name, path in METADATA_FILES.items()}
_FILES = {f.path: f for f in EXPORT_FILES}


def options() -> ExportOptions:
    """Where the exports say the data lives: ``PUBLIC_URL``, else the address asked for."""
    public = current_app.config["PUBLIC_URL"] or request.url_root
    return ExportOptions(base=current_app.config["BASE_IRI"], public_url=public)


@bp.route("/exports/")
def index() -> Response:
    lang = current_language()
    response = Response(
        render_template("exports/index.html", files=EXPORT_FILES, metadata=METADATA_FILES)
    )
    response.vary.update(("Accept-Language", "Cookie"))
    response.headers["Content-Language"] = lang
    return response


@bp.route("/exports/<path:name>")
def download(name: str) -> Response:
    """One export file, written now from the store."""
    if name in _METADATA:
        return _send(name, lambda out: write_export(_source(), _METADATA[name], out, options()))
    file = _FILES.get(name)
    if file is None:
        raise NotFound(f"There is no export named {name!r}; see /exports/.")
    return _send(name, lambda out: _write(file, out))


@bp.route("/void")
@bp.route("/.well-known/void")
def void() -> Response:
    """The VoID description of the dataset (Turtle), kept in the page cache until the store
    changes: its statistics are counted over the whole store, seconds on a large one."""
    name = METADATA_FILES["void"].rsplit("/", 1)[-1]

    def render() -> Response:
        out = io.BytesIO()
        media_type = write_export(_source(), "void", out, options())
        return Response(out.getvalue(), mimetype=media_type.split(";", 1)[0].strip())

    response = cached("turtle", "", render)
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _source() -> StoreSource:
    return StoreSource(get_store())


def _write(file: ExportFile, out: IO[bytes]) -> str:
    source = _source()
    if file.export != "hxl":
        return write_export(source, file.export, out, options())
    table = file.path.removeprefix("hxl/")
    if table.endswith("-metadata.json"):
        return write_csvw_metadata(table.removesuffix("-metadata.json"), out, options())
    return write_hxl_csv(source, table.removesuffix(".csv"), out, options())


def _send(name: str, write: object) -> Response:
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 - send_file closes it
    try:
        media_type = write(out)  # type: ignore[operator]
    except BaseException:
        out.close()
        raise
    out.seek(0)
    # Werkzeug adds "; charset=utf-8" to text/* itself; the JSON types get it here
    media_type = media_type.split(";", 1)[0].strip()
    if media_type.endswith("json"):
        media_type += "; charset=utf-8"
    response = send_file(
        out,  # type: ignore[arg-type]
        mimetype=media_type,
        as_attachment=True,
        download_name=name.rsplit("/", 1)[-1],
        conditional=False,
        etag=False,
    )
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
