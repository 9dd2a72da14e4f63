"""HXL-tagged CSV for OCHA, HDX and 3W/4W tools: an events table and a statements table.

Row 1 holds the human headers, row 2 the HXL hashtags (interop.md §7), then one row per event,
or per issue raised and recommendation. Each CSV gets a CSVW ``*.csv-metadata.json`` beside it
(:mod:`kg.exports.csvw`), which maps it back to RDF. The columns are declared in
:mod:`kg.exports.tables`.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from kg.errors import NotFound, StoreError
from kg.exports.csvw import write_csvw_metadata
from kg.exports.options import ExportOptions
from kg.exports.source import ExportSource, Row, load_query
from kg.exports.tables import EVENTS, STATEMENTS, TABLES, Table
from kg.namespaces import KG, SDG
from kg.paths import ontology_file

MEDIA_TYPE = "text/csv; charset=utf-8"


def sdg_code(iri: str) -> str:
    """``http://metadata.un.org/sdg/8.7`` → ``8.7``."""
    return iri.removeprefix(str(SDG))


def _sdg_key(code: str) -> tuple[tuple[int, int | str], ...]:
    # 4.4 < 8.7 < 10.7 < 11.a: numbers as numbers, letters after them
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in code.split("."))


def sdg_codes(targets: str | None) -> str:
    """A space-separated list of SDG IRIs as sorted target codes: ``"8.7 10.7"``."""
    codes = {sdg_code(t) for t in (targets or "").split()}
    return " ".join(sorted(codes, key=_sdg_key))


@cache
def _iso3_by_concept() -> Mapping[str, str]:
    """Alpha-3 codes of the gazetteer's countries (kept there as ``skos:notation``), by concept."""
    graph = Graph().parse(source=str(ontology_file("gazetteer.ttl")), format="turtle")
    found: dict[str, str] = {}
    for concept, notation in graph.subject_objects(SKOS.notation):
        if (
            isinstance(notation, Literal)
            and notation.datatype == KG.ISO3166Code
            and re.fullmatch(r"[A-Z]{3}", str(notation))
        ):
            found[str(concept)] = str(notation)
    return found


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _key(iri: object, options: ExportOptions) -> str:
    """The part of a data IRI after ``{base}id/``: ``event/x`` → the row key."""
    return str(iri).removeprefix(f"{options.base}id/")


def event_rows(source: ExportSource, options: ExportOptions) -> Iterator[dict[str, str]]:
    """The rows of the events table, keyed by column name."""
    for r in source.select(load_query("export_hxl_events")):
        adm2 = _text(r["adm2_name_en"])
        yield {
            "event_id": _key(r["event"], options).removeprefix("event/"),
            "name_ky": _text(r["name_ky"]),
            "name_en": _text(r["name_en"]),
            "start_date": _text(r["start"]),
            "country_iso3": _iso3_by_concept().get(_text(r["country_concept"]), ""),
            "adm1_pcode": _text(r["adm1_pcode"]),
            "adm1_iso": _text(r["adm1_iso"]),
            "adm1_name_en": _text(r["adm1_name_en"]),
            "adm2_name_en": adm2,
            # the venue; else a village or town that is not the district or town of column adm2
            "loc_name": _text(r["venue_name"])
            or (_text(r["settlement_name"]) if not r["adm2_pcode"] else ""),
            "organizer": _text(r["organizer"]),
            "event_type": _text(r["kind_en"]),
            "reached": _text(r["total"]),
            "reached_f": _text(r["women"]),
            "reached_m": _text(r["men"]),
            "sdg_target": sdg_codes(_text(r["sdg_targets"])),
            "source_url": _text(r["source_url"]),
            "name_ru": _text(r["name_ru"]),
            "end_date": _text(r["end"]),
            "adm2_pcode": _text(r["adm2_pcode"]),
        }


def _named_places(source: ExportSource) -> dict[str, dict[str, list[str]]]:
    places: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in source.select(load_query("export_hxl_statement_places")):
        name = _text(r["name_en"]) or _text(r["place"]).rsplit("/", 1)[-1]
        places[str(r["statement"])][_text(r["level"])].append(name)
    return places


def statement_rows(source: ExportSource, options: ExportOptions) -> Iterator[dict[str, str]]:
    """The rows of the statements table: every issue raised, then every recommendation."""
    places = _named_places(source)
    rows: Iterable[Row] = source.select(load_query("export_hxl_statements"))
    for r in rows:
        named = places.get(str(r["statement"]), {})
        yield {
            "event_id": _key(r["event"], options).removeprefix("event/"),
            "text_ky": _text(r["text_ky"]),
            "text_en": _text(r["text_en"]),
            "sdg_target": sdg_codes(_text(r["sdg_targets"])),
            "adm2_name": "; ".join(sorted(named.get("adm2", []))),
            "statement_id": _key(r["statement"], options),
            "statement_type": _text(r["type"]),
            "text_ru": _text(r["text_ru"]),
            "adm1_name": "; ".join(sorted(named.get("adm1", []))),
            "country_name": "; ".join(sorted(named.get("country", []))),
        }


def _rows(table: Table, source: ExportSource, options: ExportOptions) -> Iterator[dict[str, str]]:
    return (event_rows if table is EVENTS else statement_rows)(source, options)


def write_hxl_csv(source: ExportSource, name: str, out: BinaryIO, options: ExportOptions) -> str:
    """Write the HXL table ``name`` (``events`` or ``statements``) as CSV to ``out``.

    :returns: the media type, ``text/csv; charset=utf-8``
    :raises NotFound: for a table name other than ``events`` and ``statements``
    """
    table = table_named(name)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text)
        writer.writerow([c.title for c in table.columns])
        writer.writerow([c.hashtag for c in table.columns])
        for row in _rows(table, source, options):
            writer.writerow([row[c] for c in table.names])
        text.flush()
    finally:
        text.detach()  # leave ``out`` open: it belongs to the caller
    return MEDIA_TYPE


def table_named(name: str) -> Table:
    """The table ``events`` or ``statements``.

    :raises NotFound: for any other name
    """
    try:
        return TABLES[name.removesuffix(".csv")]
    except KeyError:
        raise NotFound(f"no HXL table named {name!r} (events, statements)") from None


def write_hxl_folder(source: ExportSource, folder: Path, options: ExportOptions) -> list[Path]:
    """Write ``events.csv`` and ``statements.csv``, each with its ``.csv-metadata.json``, into
    ``folder`` (made if missing). The files are written aside first and moved in at the end, so a
    failure leaves the folder as it was.

    :returns: the paths written
    :raises StoreError: when the folder cannot be written
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".hxl-") as tmp:
            names: list[str] = []
            for key, table in TABLES.items():
                with (Path(tmp) / table.filename).open("wb") as out:
                    write_hxl_csv(source, key, out, options)
                meta = f"{table.filename}-metadata.json"
                with (Path(tmp) / meta).open("wb") as out:
                    write_csvw_metadata(key, out, options)
                names += [table.filename, meta]
            for filename in names:
                shutil.move(str(Path(tmp) / filename), folder / filename)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot write the HXL tables: {exc.strerror or exc}") from exc
    return [folder / n for n in names]


__all__ = ["STATEMENTS", "sdg_codes", "write_hxl_csv", "write_hxl_folder"]
