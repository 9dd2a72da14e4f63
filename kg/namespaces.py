"""The one prefix map of the project: every namespace kg writes or reads is declared here."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

KG = Namespace("https://w3id.org/kg-events/ontology#")
"""Our own ontology. Fixed, independent of where the data is served (architecture.md)."""

VOCAB = Namespace("https://w3id.org/kg-events/vocab/")
"""Our controlled vocabularies (SKOS), also fixed: ``vocab/kind/…``, ``vocab/theme/…``, ``vocab/place/…``.

Data IRIs (events, people, places as used in reports) live under a configurable base instead; see
:mod:`kg.iris`. A data place links to its gazetteer concept with ``skos:exactMatch``.
"""
KIND = Namespace(str(VOCAB) + "kind/")
THEME = Namespace(str(VOCAB) + "theme/")
GAZ = Namespace(str(VOCAB) + "place/")

SCHEMA = Namespace("https://schema.org/")
LODE = Namespace("http://linkedevents.org/ontology/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
PERSON = Namespace("http://www.w3.org/ns/person#")
OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDG = Namespace("http://metadata.un.org/sdg/")
SDGO = Namespace("http://metadata.un.org/sdg/ontology#")
SDG_CODES = Namespace("http://metadata.un.org/sdg/codes/")
SDG_SEX = Namespace("http://metadata.un.org/sdg/codes/sex/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
CSVW = Namespace("http://www.w3.org/ns/csvw#")
DCTYPE = Namespace("http://purl.org/dc/dcmitype/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
"""DCAT-AP's own terms (``dcatap:availability``, ``dcatap:applicableLegislation``)."""
LIME = Namespace("http://www.w3.org/ns/lemon/lime#")
EU_AUTHORITY = Namespace("http://publications.europa.eu/resource/authority/")
"""The EU Vocabularies named authority lists DCAT-AP asks for (file types, languages, licences,
data themes, planned availability)."""

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "kind": KIND,
    "theme": THEME,
    "gaz": GAZ,
    "schema": SCHEMA,
    "lode": LODE,
    "sem": SEM,
    "org": ORG,
    "person": PERSON,
    "foaf": Namespace(str(FOAF)),
    "prov": Namespace(str(PROV)),
    "oa": OA,
    "qb": QB,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdg": SDG,
    "sdgo": SDGO,
    "sdgcodes": SDG_CODES,
    "geo": GEO,
    "skos": Namespace(str(SKOS)),
    "dct": Namespace(str(DCTERMS)),
    "dctype": DCTYPE,
    "dcat": Namespace(str(DCAT)),
    "void": Namespace(str(VOID)),
    "csvw": CSVW,
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "sh": SH,
    "sd": SD,
    "vcard": VCARD,
    "dcatap": DCATAP,
    "lime": LIME,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every project prefix on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
