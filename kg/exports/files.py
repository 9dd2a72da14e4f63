"""The export files a server publishes under ``/exports/``, as DCAT and VoID describe them.

One entry per file: its path under ``/exports/``, media type, the EU file type DCAT-AP asks for
in ``dct:format``, and the standard it conforms to. The server routes these paths; DCAT's
``dcat:downloadURL`` and VoID's ``void:dataDump`` point at them (through
:meth:`kg.exports.options.ExportOptions.download_url`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace

from kg.namespaces import EU_AUTHORITY

FILE_TYPE = Namespace(EU_AUTHORITY["file-type/"])


@dataclass(frozen=True)
class ExportFile:
    """A file under ``/exports/``.

    :param export: the ``kg export --format`` name that writes it
    :param path: its path under ``/exports/``
    :param dump: whether it holds the whole dataset as RDF (a VoID ``void:dataDump``)
    """

    export: str
    path: str
    title: str
    media_type: str
    file_type: str
    conforms_to: str
    dump: bool = False

    @property
    def key(self) -> str:
        """A short name for IRIs: ``hxl/events.csv`` → ``hxl-events-csv``."""
        return self.path.replace("/", "-").replace(".", "-")


EXPORT_FILES: tuple[ExportFile, ...] = (
    ExportFile(
        "turtle",
        "kg-events.ttl",
        "All reports as Turtle (the union of the report graphs)",
        "text/turtle",
        "RDF_TURTLE",
        "https://www.w3.org/TR/turtle/",
        dump=True,
    ),
    ExportFile(
        "ntriples",
        "kg-events.nt",
        "All reports as N-Triples",
        "application/n-triples",
        "RDF_N_TRIPLES",
        "https://www.w3.org/TR/n-triples/",
        dump=True,
    ),
    ExportFile(
        "jsonld",
        "kg-events.jsonld",
        "All reports as JSON-LD (expanded, no context to fetch)",
        "application/ld+json",
        "JSON_LD",
        "https://www.w3.org/TR/json-ld11/",
        dump=True,
    ),
    ExportFile(
        "trig",
        "kg-events.trig",
        "All reports as TriG, one named graph per report",
        "application/trig",
        "RDF_TRIG",
        "https://www.w3.org/TR/trig/",
        dump=True,
    ),
    ExportFile(
        "schema-jsonld",
        "events.schema.jsonld",
        "The events in schema.org terms (JSON-LD), as search engines read them",
        "application/ld+json",
        "JSON_LD",
        "https://schema.org/docs/data-and-datasets.html",
    ),
    ExportFile(
        "hxl",
        "hxl/events.csv",
        "The events as an HXL-tagged CSV table",
        "text/csv",
        "CSV",
        "https://hxlstandard.org/standard/1-1final/",
    ),
    ExportFile(
        "hxl",
        "hxl/statements.csv",
        "Issues raised and recommendations as an HXL-tagged CSV table",
        "text/csv",
        "CSV",
        "https://hxlstandard.org/standard/1-1final/",
    ),
    ExportFile(
        "hxl",
        "hxl/events.csv-metadata.json",
        "CSVW metadata of the events table: maps it to RDF",
        "application/csvm+json",
        "JSON",
        "https://www.w3.org/TR/tabular-metadata/",
    ),
    ExportFile(
        "hxl",
        "hxl/statements.csv-metadata.json",
        "CSVW metadata of the statements table: maps it to RDF",
        "application/csvm+json",
        "JSON",
        "https://www.w3.org/TR/tabular-metadata/",
    ),
)

METADATA_FILES = {"dcat": "catalog.ttl", "void": "void.ttl"}
"""The dataset's own descriptions, also under ``/exports/`` (not distributions of it)."""
