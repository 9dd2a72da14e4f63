"""The two HXL tables, column by column: header, HXL hashtag, and how CSVW maps the cell to RDF.

This is the data dictionary of the CSV exports, written once: :mod:`kg.exports.hxl` writes the
headers and hashtags from it, :mod:`kg.exports.csvw` the ``*.csv-metadata.json`` beside each CSV.

The hashtags are those of interop.md §7, in that order; a few columns follow them that §7 does not
list, because without them a Russian report's text or a statement's identity would be lost:
``#event+name+i_ru``, ``#date+end`` and ``#adm2+code+v_pcodes`` in the events table;
``#meta+id``, ``#meta+type``, ``#description+i_ru``, ``#adm1+name`` and ``#country+name`` in the
statements table.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.namespaces import KG, SCHEMA

DCT_SUBJECT = "http://purl.org/dc/terms/subject"
DCT_SOURCE = "http://purl.org/dc/terms/source"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Column:
    """One column of an HXL table and its CSVW description.

    :param name: the CSVW column name, also the variable in URI templates
    :param title: the human header (row 1)
    :param hashtag: the HXL hashtag with attributes (row 2)
    :param property: the ``propertyUrl``; ``None`` keeps the column out of the RDF
        (``suppressOutput``), for cells that only help to build IRIs or that RDF holds elsewhere
    :param about: the ``aboutUrl`` template, relative to the base IRI (default: the row's subject)
    :param value_url: a ``valueUrl`` template relative to the base IRI, for a cell naming a resource
    :param datatype: a CSVW built-in datatype name; ``lang`` the language tag of a text cell
    :param separator: the separator of a list-valued cell
    """

    name: str
    title: str
    hashtag: str
    property: str | None = None
    about: str | None = None
    value_url: str | None = None
    datatype: str = "string"
    lang: str | None = None
    separator: str | None = None


@dataclass(frozen=True)
class Table:
    """An HXL table: its file name, the row subject's ``aboutUrl`` and its columns."""

    filename: str
    title: str
    about: str
    columns: tuple[Column, ...]
    types: tuple[str, ...] = ()
    type_template: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


PLACE_OF_ADM1 = "id/place/{adm1_iso}"
PLACE_OF_ADM2 = "id/place/{adm2_pcode}"
SDG_TARGET_NOTE = (
    "SDG targets as codes (8.7 10.7), space-separated; the target's IRI is "
    "http://metadata.un.org/sdg/<code>"
)

EVENTS = Table(
    filename="events.csv",
    title="Events",
    about="id/event/{event_id}",
    types=(str(SCHEMA.Event), str(KG.Event)),
    columns=(
        Column("event_id", "Event", "#event+id"),
        Column("name_ky", "Title (Kyrgyz)", "#event+name+i_ky", str(SCHEMA.name), lang="ky"),
        Column("name_en", "Title (English)", "#event+name+i_en", str(SCHEMA.name), lang="en"),
        Column("start_date", "Start date", "#date+start", str(SCHEMA.startDate), datatype="date"),
        Column("country_iso3", "Country", "#country+code+v_iso3"),
        Column(
            "adm1_pcode", "Oblast P-code", "#adm1+code+v_pcodes", str(KG.pcode), about=PLACE_OF_ADM1
        ),
        Column(
            "adm1_iso",
            "Oblast ISO 3166-2",
            "#adm1+code+v_iso2",
            str(KG.region),
            value_url=PLACE_OF_ADM1,
        ),
        Column(
            "adm1_name_en",
            "Oblast",
            "#adm1+name+i_en",
            str(SCHEMA.name),
            about=PLACE_OF_ADM1,
            lang="en",
        ),
        Column(
            "adm2_name_en",
            "District or town",
            "#adm2+name+i_en",
            str(SCHEMA.name),
            about=PLACE_OF_ADM2,
            lang="en",
        ),
        Column("loc_name", "Venue or village", "#loc+name"),
        Column("organizer", "Organiser", "#org+name+impl"),
        Column("event_type", "Kind of event", "#event+type", str(KG.kindLabel), lang="en"),
        Column(
            "reached",
            "Participants",
            "#reached+ind",
            str(KG.participantCount),
            datatype="nonNegativeInteger",
        ),
        Column(
            "reached_f",
            "Women",
            "#reached+ind+f",
            str(KG.femaleParticipantCount),
            datatype="nonNegativeInteger",
        ),
        Column(
            "reached_m",
            "Men",
            "#reached+ind+m",
            str(KG.maleParticipantCount),
            datatype="nonNegativeInteger",
        ),
        Column("sdg_target", "SDG targets", "#meta+sdg_target", DCT_SUBJECT, separator=" "),
        Column(
            "source_url",
            "Source",
            "#meta+source+url",
            DCT_SOURCE,
            about="id/report/{event_id}",
            datatype="anyURI",
        ),
        Column("name_ru", "Title (Russian)", "#event+name+i_ru", str(SCHEMA.name), lang="ru"),
        Column("end_date", "End date", "#date+end", str(SCHEMA.endDate), datatype="date"),
        Column(
            "adm2_pcode",
            "District or town P-code",
            "#adm2+code+v_pcodes",
            str(KG.pcode),
            about=PLACE_OF_ADM2,
        ),
    ),
)

STATEMENTS = Table(
    filename="statements.csv",
    title="Issues raised and recommendations",
    about="id/{+statement_id}",
    type_template=str(KG) + "{statement_type}",
    columns=(
        Column("event_id", "Event", "#event+id"),
        Column("text_ky", "Text (Kyrgyz)", "#description+i_ky", str(KG.text), lang="ky"),
        Column("text_en", "Text (English)", "#description+i_en", str(KG.text), lang="en"),
        Column("sdg_target", "SDG targets", "#meta+sdg_target", DCT_SUBJECT, separator=" "),
        Column("adm2_name", "Districts and towns named", "#adm2+name", separator="; "),
        Column("statement_id", "Statement", "#meta+id"),
        Column("statement_type", "Issue or recommendation", "#meta+type"),
        Column("text_ru", "Text (Russian)", "#description+i_ru", str(KG.text), lang="ru"),
        Column("adm1_name", "Oblasts named", "#adm1+name", separator="; "),
        Column("country_name", "Countries named", "#country+name", separator="; "),
    ),
)

TABLES = {"events": EVENTS, "statements": STATEMENTS}
