"""A VoID description of the dataset, with statistics, modelled on the UN SDG KOS ``void.ttl``.

The dataset (``{base}dataset``, the same IRI the DCAT record describes) gets its SPARQL endpoint,
its dumps, its URI space and example resources; counts of triples, entities, classes, properties,
distinct subjects and objects; a class partition and a property partition; one subset per named
graph (one per source report); and a ``lime:LexicalizationSet`` per label language (ky, ru, en).
"""

from __future__ import annotations

from typing import BinaryIO

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, VOID, XSD

from kg.exports.dcat import DESCRIPTION, TITLE
from kg.exports.files import EXPORT_FILES, METADATA_FILES
from kg.exports.options import ExportOptions
from kg.exports.source import ExportSource, load_query
from kg.namespaces import KG, LIME, bind_prefixes

MEDIA_TYPE = "text/turtle"
FORMATS = "http://www.w3.org/ns/formats/"
FEATURES = {"turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD", "trig": "TriG"}
"""W3C format IRIs (https://www.w3.org/ns/formats/) of the dumps, as ``void:feature``."""


def _count(value: object) -> Literal:
    return Literal(int(str(value or 0)), datatype=XSD.integer)


def _namespace(iri: str) -> str:
    """The vocabulary a term belongs to: its IRI up to the last ``#`` or ``/``."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _statistics(g: Graph, source: ExportSource, dataset: URIRef) -> None:
    totals = source.select(load_query("export_void_totals"))[0]
    g.add((dataset, VOID.triples, _count(totals["triples"])))
    g.add((dataset, VOID.properties, _count(totals["properties"])))
    g.add((dataset, VOID.distinctSubjects, _count(totals["subjects"])))
    g.add((dataset, VOID.distinctObjects, _count(totals["objects"])))
    vocabularies: set[str] = set()
    for row in source.select(load_query("export_void_classes")):
        part = BNode()
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], row["class"]))  # type: ignore[arg-type]
        g.add((part, VOID.entities, _count(row["entities"])))
        vocabularies.add(_namespace(str(row["class"])))
    for row in source.select(load_query("export_void_properties")):
        part = BNode()
        g.add((dataset, VOID.propertyPartition, part))
        g.add((part, VOID.property, row["property"]))  # type: ignore[arg-type]
        g.add((part, VOID.triples, _count(row["triples"])))
        g.add((part, VOID.distinctSubjects, _count(row["subjects"])))
        g.add((part, VOID.distinctObjects, _count(row["objects"])))
        vocabularies.add(_namespace(str(row["property"])))
    for vocabulary in sorted(v for v in vocabularies if v):
        g.add((dataset, VOID.vocabulary, URIRef(vocabulary)))


def _entities(g: Graph, source: ExportSource, dataset: URIRef) -> None:
    for row in source.select(load_query("export_void_entities")):
        if row["entities"] is not None:
            g.add((dataset, VOID.entities, _count(row["entities"])))
            g.add((dataset, VOID.classes, _count(row["classes"])))
        elif row["lang"] is not None:
            lexicalization = URIRef(f"{dataset}#labels-{row['lang']}")
            g.add((dataset, VOID.subset, lexicalization))
            g.add((lexicalization, RDF.type, LIME.LexicalizationSet))
            g.add((lexicalization, LIME.language, Literal(str(row["lang"]))))
            g.add((lexicalization, LIME.lexicalizationModel, URIRef(str(RDFS))))
            g.add((lexicalization, LIME.referenceDataset, dataset))
            g.add((lexicalization, LIME.lexicalizations, _count(row["labels"])))
            g.add((lexicalization, LIME.references, _count(row["labelled"])))
        elif row["example"] is not None:
            g.add((dataset, VOID.exampleResource, row["example"]))  # type: ignore[arg-type]


def _subsets(g: Graph, source: ExportSource, dataset: URIRef) -> None:
    """One subset per named graph: the graph IRI names both the graph and the subset."""
    for row in source.select(load_query("export_void_graphs")):
        graph = URIRef(str(row["graph"]))
        g.add((dataset, VOID.subset, graph))
        g.add((graph, RDF.type, VOID.Dataset))
        g.add((graph, VOID.triples, _count(row["triples"])))
        g.add((graph, VOID.distinctSubjects, _count(row["subjects"])))
        g.add((graph, VOID.distinctObjects, _count(row["objects"])))
        if row["event"] is not None:
            g.add((graph, FOAF.primaryTopic, row["event"]))  # type: ignore[arg-type]


def void_graph(source: ExportSource, options: ExportOptions) -> Graph:
    """The VoID description of the dataset as an rdflib graph."""
    g = bind_prefixes(Graph())
    g.bind("lime", LIME)
    dataset = URIRef(options.dataset_iri)
    description = URIRef(options.download_url(METADATA_FILES["void"]))
    g.add((description, RDF.type, VOID.DatasetDescription))
    g.add(
        (
            description,
            DCTERMS.title,
            Literal("VoID description of the kg-events dataset", lang="en"),
        )
    )
    g.add((description, FOAF.primaryTopic, dataset))

    g.add((dataset, RDF.type, VOID.Dataset))
    for lang, text in TITLE.items():
        g.add((dataset, DCTERMS.title, Literal(text, lang=lang)))
    for lang, text in DESCRIPTION.items():
        g.add((dataset, DCTERMS.description, Literal(text, lang=lang)))
    g.add((dataset, DCTERMS.license, URIRef(options.licence)))
    g.add((dataset, DCTERMS.publisher, Literal(options.publisher)))
    g.add((dataset, FOAF.homepage, URIRef(options.root)))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(options.endpoint)))
    g.add((dataset, VOID.uriSpace, Literal(f"{options.base}id/")))
    g.add((dataset, RDFS.seeAlso, URIRef(options.download_url(METADATA_FILES["dcat"]))))
    g.add((dataset, DCTERMS.conformsTo, URIRef(str(KG).rstrip("#"))))
    for file in EXPORT_FILES:
        if file.dump:
            g.add((dataset, VOID.dataDump, URIRef(options.download_url(file.path))))
            g.add((dataset, VOID.feature, URIRef(FORMATS + FEATURES[file.export])))
    _statistics(g, source, dataset)
    _entities(g, source, dataset)
    _subsets(g, source, dataset)
    return g


def write_void(source: ExportSource, out: BinaryIO, options: ExportOptions) -> str:
    """Write the VoID description as Turtle to ``out``.

    :returns: the media type, ``text/turtle``
    """
    out.write(void_graph(source, options).serialize(format="turtle", encoding="utf-8"))
    return MEDIA_TYPE
