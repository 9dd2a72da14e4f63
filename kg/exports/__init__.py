"""Interoperable exports of the knowledge graph: RDF dumps, schema.org JSON-LD, HXL CSV with CSVW,
DCAT-AP and VoID.

Each export reads an :class:`~kg.exports.source.ExportSource` and writes to a binary file object
(or, for HXL, a folder), and returns the media type of what it wrote, so a web view can stream it::

    media_type = write_export(source, "void", out, ExportOptions(public_url="https://kg.example/"))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.exports.dcat import write_dcat
from kg.exports.dumps import DUMP_FORMATS, write_dump
from kg.exports.hxl import write_hxl_folder
from kg.exports.options import ExportOptions
from kg.exports.schema_jsonld import write_schema_jsonld
from kg.exports.source import ExportSource, OxigraphSource
from kg.exports.void import write_void
from kg.formats import FORMATS


@dataclass(frozen=True)
class ExportFormat:
    """One ``kg export --format`` value: what it writes and how it is named."""

    name: str
    media_type: str
    extension: str
    folder: bool = False


EXPORT_FORMATS: dict[str, ExportFormat] = {
    **{n: ExportFormat(n, FORMATS[n].media_type, FORMATS[n].extensions[0]) for n in DUMP_FORMATS},
    "schema-jsonld": ExportFormat("schema-jsonld", "application/ld+json", ".jsonld"),
    "hxl": ExportFormat("hxl", "text/csv", "", folder=True),
    "dcat": ExportFormat("dcat", "text/turtle", ".ttl"),
    "void": ExportFormat("void", "text/turtle", ".ttl"),
}


def write_export(
    source: ExportSource, name: str, out: BinaryIO, options: ExportOptions | None = None
) -> str:
    """Write the export ``name`` (any format but ``hxl``, which is a folder) to ``out``.

    :returns: the media type of what was written
    :raises InputError: for an unknown format, or ``hxl`` (use :func:`write_export_folder`)
    """
    options = options or ExportOptions()
    if name in DUMP_FORMATS:
        return write_dump(source, name, out)
    if name == "schema-jsonld":
        return write_schema_jsonld(source, out)
    if name == "dcat":
        return write_dcat(source, out, options)
    if name == "void":
        return write_void(source, out, options)
    if name == "hxl":
        raise InputError("the hxl export is a folder of CSV files: give a folder")
    raise InputError(f"unknown export format {name!r}; known: {', '.join(EXPORT_FORMATS)}")


def write_export_folder(
    source: ExportSource, name: str, folder: Path, options: ExportOptions | None = None
) -> list[Path]:
    """Write a folder export (``hxl``) into ``folder``; returns the files written."""
    if name != "hxl":
        raise InputError(f"the {name} export is one file, not a folder")
    return write_hxl_folder(source, folder, options or ExportOptions())


__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "ExportOptions",
    "ExportSource",
    "OxigraphSource",
    "write_export",
    "write_export_folder",
]
