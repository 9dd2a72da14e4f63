"""A DCAT-AP 3 catalogue record of the dataset: Catalog → Dataset → Distributions, and the
SPARQL endpoint as a DataService.

What the data says fills the record (temporal and spatial coverage, SDG targets as themes,
keywords, languages); the options say who publishes it, under which licence and where the files
are. ``shapes/dcat-ap.shapes.ttl`` checks the mandatory and recommended properties of DCAT-AP
3.0.1. Controlled values come from the lists DCAT-AP names: EU file types, languages, data
themes and planned availability; IANA media types.
"""

from __future__ import annotations

from datetime import date
from typing import BinaryIO

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, XSD

from kg.exports.files import EXPORT_FILES, FILE_TYPE, ExportFile
from kg.exports.options import ExportOptions
from kg.exports.source import ExportSource, load_query
from kg.namespaces import DCATAP, EU_AUTHORITY, SDG_CODES, THEME, VCARD, bind_prefixes

MEDIA_TYPE = "text/turtle"
IANA = "https://www.iana.org/assignments/media-types/"
EU_LANGUAGES = {"ky": "KIR", "ru": "RUS", "en": "ENG"}
"""The three report languages in the EU language list (codes from that list)."""
DATA_THEMES = ("SOCI", "GOVE")
"""EU data themes: population and society; government and public sector. DCAT-AP asks for at
least one theme from this list (§ controlled vocabularies); the SDG targets follow it."""
STABLE = EU_AUTHORITY["planned-availability/STABLE"]
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")

TITLE = {
    "en": "Civic event reports from Kyrgyzstan as linked data",
    "ky": "Кыргызстандагы жарандык иш-чаралардын отчеттору (байланышкан маалыматтар)",
    "ru": "Отчёты о гражданских мероприятиях в Кыргызстане (связанные данные)",
}
CATALOGUE_TITLE = {
    "en": "Catalogue of civic event reports from Kyrgyzstan",
    "ky": "Кыргызстандагы жарандык иш-чаралардын отчетторунун каталогу",
    "ru": "Каталог отчётов о гражданских мероприятиях в Кыргызстане",
}
DESCRIPTION = {
    "en": "Events (dialogue platforms, round tables, trainings, forums, people's assemblies) "
    "read from short reports in Kyrgyz, Russian and English: when and where they took place, "
    "who spoke, how many women and men took part, the issues raised and the recommendations "
    "made, linked to the targets of the UN Sustainable Development Goals.",
    "ky": "Кыргыз, орус жана англис тилдериндеги кыска отчеттордон алынган иш-чаралар (диалог "
    "аянтчалары, тегерек столдор, тренингдер, форумдар, эл курултайлары): качан жана кайда "
    "өткөнү, ким сөз сүйлөгөнү, канча аял жана эркек катышканы, көтөрүлгөн маселелер жана "
    "сунуштар, БУУнун Туруктуу өнүгүү максаттарынын милдеттерине байланыштары менен.",
    "ru": "Мероприятия (диалоговые площадки, круглые столы, тренинги, форумы, народные "
    "курултаи), извлечённые из коротких отчётов на кыргызском, русском и английском языках: "
    "когда и где они прошли, кто выступал, сколько женщин и мужчин участвовало, поднятые "
    "проблемы и рекомендации, со связями с задачами Целей устойчивого развития ООН.",
}


def _texts(g: Graph, node: URIRef, prop: URIRef, texts: dict[str, str]) -> None:
    for lang, text in texts.items():
        g.add((node, prop, Literal(text, lang=lang)))


def _agent(g: Graph, options: ExportOptions) -> URIRef:
    agent = URIRef(options.publisher_url or f"{options.base}dataset#publisher")
    g.add((agent, RDF.type, FOAF.Agent))
    g.add((agent, FOAF.name, Literal(options.publisher, lang="en")))
    if options.publisher_type:
        g.add((agent, DCTERMS.type, URIRef(options.publisher_type)))
    return agent


def _contact(g: Graph, options: ExportOptions) -> URIRef:
    contact = URIRef(f"{options.base}dataset#contact")
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal(options.publisher)))
    where = options.contact or options.root
    if "@" in where and not where.startswith(("http://", "https://", "mailto:")):
        g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{where}")))
    else:
        g.add((contact, VCARD.hasURL, URIRef(where)))
    return contact


def _distribution(g: Graph, file: ExportFile, options: ExportOptions) -> URIRef:
    dist = URIRef(f"{options.base}dataset/distribution/{file.key}")
    url = URIRef(options.download_url(file.path))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCTERMS.title, Literal(file.path, lang="en")))
    g.add((dist, DCTERMS.description, Literal(file.title, lang="en")))
    g.add((dist, DCAT.accessURL, url))
    g.add((dist, DCAT.downloadURL, url))
    g.add((dist, DCAT.mediaType, URIRef(IANA + file.media_type)))
    g.add((dist, DCTERMS["format"], FILE_TYPE[file.file_type]))
    g.add((dist, DCTERMS.conformsTo, URIRef(file.conforms_to)))
    g.add((dist, DCTERMS.license, URIRef(options.licence)))
    g.add((dist, DCATAP.availability, STABLE))
    return dist


def _service(g: Graph, dataset: URIRef, options: ExportOptions) -> URIRef:
    service = URIRef(f"{options.base}dataset/sparql")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("SPARQL endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, URIRef(options.endpoint)))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((service, DCTERMS.conformsTo, SPARQL_PROTOCOL))
    g.add((service, DCTERMS.license, URIRef(options.licence)))
    return service


def _coverage(g: Graph, source: ExportSource, dataset: URIRef) -> list[URIRef]:
    """Temporal and spatial coverage, languages; returns the places (the catalogue's too)."""
    summary = source.select(load_query("export_dcat_summary"))[0]
    if summary["first"] is not None:
        period = URIRef(f"{dataset}#temporal")
        g.add((dataset, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(str(summary["first"]), datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(str(summary["last"]), datatype=XSD.date)))
    for tag in sorted(str(summary["languages"] or "").split()):
        if tag in EU_LANGUAGES:
            g.add((dataset, DCTERMS.language, EU_AUTHORITY[f"language/{EU_LANGUAGES[tag]}"]))
    places: list[URIRef] = []
    for row in source.select(load_query("export_dcat_places")):
        place = URIRef(str(row["place"]))
        places.append(place)
        g.add((place, RDF.type, DCTERMS.Location))
        if row["name_en"] is not None:
            g.add((place, RDFS.label, row["name_en"]))
        if row["m49"] is not None:
            # the UN's own IRI for the country, as the SDG data use it
            un_area = SDG_CODES[f"geoArea/{row['m49']}"]
            g.add((dataset, DCTERMS.spatial, un_area))
            g.add((un_area, RDF.type, DCTERMS.Location))
    for place in places:
        g.add((dataset, DCTERMS.spatial, place))
    return places


def _subjects(g: Graph, source: ExportSource, dataset: URIRef) -> None:
    for theme in DATA_THEMES:
        g.add((dataset, DCAT.theme, EU_AUTHORITY[f"data-theme/{theme}"]))
    for row in source.select(load_query("export_dcat_subjects")):
        if row["sdg"] is not None:
            g.add((dataset, DCAT.theme, URIRef(str(row["sdg"]))))
        if isinstance(row["keyword"], Literal) and row["keyword"].language:
            g.add(
                (
                    dataset,
                    DCAT.keyword,
                    Literal(str(row["keyword"]).lower(), lang=row["keyword"].language),
                )
            )


def catalogue_graph(
    source: ExportSource, options: ExportOptions, *, today: date | None = None
) -> Graph:
    """The DCAT-AP catalogue record as an rdflib graph.

    :param today: the record's modification date (default: the day it is made)
    """
    g = bind_prefixes(Graph())
    catalog, dataset = URIRef(f"{options.base}catalog"), URIRef(options.dataset_iri)
    licence = URIRef(options.licence)
    agent = _agent(g, options)
    modified = Literal((today or date.today()).isoformat(), datatype=XSD.date)
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))

    g.add((catalog, RDF.type, DCAT.Catalog))
    _texts(g, catalog, DCTERMS.title, CATALOGUE_TITLE)
    _texts(g, catalog, DCTERMS.description, DESCRIPTION)
    g.add((catalog, DCTERMS.publisher, agent))
    g.add((catalog, DCAT.dataset, dataset))
    g.add((catalog, FOAF.homepage, URIRef(options.root)))
    g.add((catalog, DCTERMS.license, licence))
    g.add((catalog, DCTERMS.issued, modified))
    g.add((catalog, DCTERMS.modified, modified))
    g.add((catalog, DCAT.themeTaxonomy, EU_AUTHORITY["data-theme"]))
    g.add((catalog, DCAT.themeTaxonomy, URIRef(str(THEME))))
    g.add((catalog, DCAT.service, _service(g, dataset, options)))

    g.add((dataset, RDF.type, DCAT.Dataset))
    _texts(g, dataset, DCTERMS.title, TITLE)
    _texts(g, dataset, DCTERMS.description, DESCRIPTION)
    g.add((dataset, DCTERMS.publisher, agent))
    g.add((dataset, DCAT.contactPoint, _contact(g, options)))
    g.add((dataset, DCTERMS.license, licence))
    g.add((dataset, DCTERMS.modified, modified))
    g.add((dataset, DCTERMS.conformsTo, URIRef("https://w3id.org/kg-events/ontology")))
    g.add((dataset, FOAF.page, URIRef(options.root)))
    for place in _coverage(g, source, dataset):
        g.add((catalog, DCTERMS.spatial, place))
    for code in EU_LANGUAGES.values():
        if (dataset, DCTERMS.language, EU_AUTHORITY[f"language/{code}"]) in g:
            g.add((catalog, DCTERMS.language, EU_AUTHORITY[f"language/{code}"]))
    _subjects(g, source, dataset)
    for file in EXPORT_FILES:
        g.add((dataset, DCAT.distribution, _distribution(g, file, options)))
    return g


def write_dcat(source: ExportSource, out: BinaryIO, options: ExportOptions) -> str:
    """Write the DCAT-AP catalogue record as Turtle to ``out``.

    :returns: the media type, ``text/turtle``
    """
    out.write(catalogue_graph(source, options).serialize(format="turtle", encoding="utf-8"))
    return MEDIA_TYPE
