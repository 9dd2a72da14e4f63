"""CSVW metadata (``<table>.csv-metadata.json``) that maps each HXL table back to RDF.

W3C CSV on the Web (https://www.w3.org/TR/tabular-metadata/): ``aboutUrl`` names each row's
subject with the same IRIs as the graph (``{base}id/event/{event_id}``), ``propertyUrl`` the
property of each column, ``valueUrl`` the resource a code stands for, ``datatype`` and ``lang``
type the cells. The HXL hashtag row is row 2: the dialect declares two header rows
(``headerRowCount``, §5.9 of the metadata spec) and ``#`` as the comment prefix, so a processor
that reads only one header row (the ``csvw`` package does) still skips the hashtags as a comment.

SDG targets are a list in one cell (``8.7 10.7``). CSVW gives a list only literals (a
``valueUrl`` makes one IRI per cell, csv2rdf §4.6), so they map to ``dct:subject "8.7"``, the
form DCMI allows when a subject is given by its code; the graph holds the target IRIs.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from kg.exports.options import ExportOptions
from kg.exports.tables import RDF_TYPE, SDG_TARGET_NOTE, TABLES, Column, Table

MEDIA_TYPE = "application/csvm+json"
"""The media type CSVW registers for metadata files (tabular-metadata §C)."""
CSVW_CONTEXT = "http://www.w3.org/ns/csvw"
"""Not a document to fetch: CSVW processors know this context by name (tabular-metadata §5.2)."""


def _absolute(template: str, options: ExportOptions) -> str:
    return template if template.startswith(("http://", "https://")) else options.base + template


def _column(column: Column, table: Table, options: ExportOptions) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "name": column.name,
        # both header rows, so a processor that reads two header rows finds its titles
        "titles": [column.title, column.hashtag],
        "datatype": column.datatype,
    }
    if column.property is None:
        spec["suppressOutput"] = True
    else:
        spec["propertyUrl"] = column.property
    if column.about:
        spec["aboutUrl"] = _absolute(column.about, options)
    if column.value_url:
        spec["valueUrl"] = _absolute(column.value_url, options)
    if column.lang:
        spec["lang"] = column.lang
    if column.separator:
        spec["separator"] = column.separator
    if column.name == "sdg_target":
        spec["dc:description"] = SDG_TARGET_NOTE
    return spec


def _type_columns(table: Table) -> list[dict[str, Any]]:
    """Virtual columns that give each row's subject its classes."""
    classes = list(table.types) + ([table.type_template] if table.type_template else [])
    return [
        {"name": f"type_{i}", "virtual": True, "propertyUrl": RDF_TYPE, "valueUrl": cls}
        for i, cls in enumerate(classes, start=1)
    ]


def csvw_metadata(name: str, options: ExportOptions) -> dict[str, Any]:
    """The CSVW metadata of the HXL table ``name`` (``events`` or ``statements``), as JSON data.

    The ``url`` is relative (the CSV beside the metadata file), so the pair can be served or
    copied anywhere together.
    """
    table = TABLES[name.removesuffix(".csv")]
    return {
        "@context": [CSVW_CONTEXT, {"@language": "en"}],
        "url": table.filename,
        "dc:title": table.title,
        "dc:license": {"@id": options.licence},
        "dc:publisher": options.publisher,
        "dc:conformsTo": {"@id": "https://hxlstandard.org/standard/1-1final/"},
        "dialect": {
            "encoding": "utf-8",
            "header": True,
            "headerRowCount": 2,
            "commentPrefix": "#",
        },
        "tableSchema": {
            "aboutUrl": _absolute(table.about, options),
            "columns": [_column(c, table, options) for c in table.columns] + _type_columns(table),
        },
    }


def write_csvw_metadata(name: str, out: BinaryIO, options: ExportOptions) -> str:
    """Write the CSVW metadata of the HXL table ``name`` to ``out``.

    :returns: the media type, ``application/csvm+json``
    """
    doc = csvw_metadata(name, options)
    out.write(json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    out.write(b"\n")
    return MEDIA_TYPE
