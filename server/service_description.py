"""The SPARQL 1.1 Service Description of the endpoint (https://www.w3.org/TR/sparql11-service-description/)."""

from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.namespaces import SD, bind_prefixes

FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)


@lru_cache(maxsize=16)
def service_description(endpoint: str, *, update: bool, federation: bool) -> Graph:
    """The description of the endpoint at ``endpoint``, as a graph (cached per URL and settings).

    :param update: whether SPARQL Update is enabled (a token is configured)
    :param federation: whether some ``SERVICE`` endpoints are allowed
    """
    graph = bind_prefixes(Graph())
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, DCTERMS.title, Literal("kg SPARQL endpoint", lang="en")))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if update:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    if federation:
        graph.add((service, SD.feature, SD.BasicFederatedQuery))
    # without default-graph-uri, the default graph is the union of the reports' named graphs
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    dataset, default_graph = BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    return graph
