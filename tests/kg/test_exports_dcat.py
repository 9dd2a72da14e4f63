"""The DCAT-AP 3 catalogue record, checked by pyshacl with shapes/dcat-ap.shapes.ttl."""

from __future__ import annotations

import io
from datetime import date

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS
from rdflib.namespace import SH as SHACL

from kg.exports import ExportOptions, write_export
from kg.exports.dcat import catalogue_graph
from kg.paths import shapes_file
from tests.kg.exports_data import mapped_dataset, record_paths, store_of

OPTIONS = ExportOptions(
    public_url="https://kg.example.net/",
    publisher="Example civic network",
    publisher_type="http://purl.org/adms/publishertype/NonProfitOrganisation",
    contact="data@kg.example.net",
)
DATASET = URIRef("https://example.org/kg/dataset")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(source=str(shapes_file("dcat-ap.shapes.ttl")), format="turtle")


@pytest.fixture(scope="module")
def record(seed_gold) -> Graph:
    source = store_of(mapped_dataset(record_paths(seed_gold)))
    out = io.BytesIO()
    assert write_export(source, "dcat", out, OPTIONS) == "text/turtle"
    return Graph().parse(data=out.getvalue(), format="turtle")


def _validate(graph: Graph, shapes: Graph) -> tuple[bool, Graph]:
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes)
    return conforms, results


def test_the_record_conforms_to_the_mandatory_and_recommended_properties(record, shapes) -> None:
    conforms, results = _validate(record, shapes)
    assert conforms, results.serialize(format="turtle")


def test_a_record_without_titles_or_access_urls_is_rejected(record, shapes) -> None:
    broken = Graph()
    for triple in record:
        broken.add(triple)
    broken.remove((DATASET, DCTERMS.title, None))
    dist = next(broken.objects(DATASET, DCAT.distribution))
    broken.remove((dist, DCAT.accessURL, None))
    conforms, results = _validate(broken, shapes)
    assert not conforms
    violations = {
        (results.value(r, SHACL.focusNode), results.value(r, SHACL.resultPath))
        for r in results.subjects(SHACL.resultSeverity, SHACL.Violation)
    }
    assert violations == {(DATASET, DCTERMS.title), (dist, DCAT.accessURL)}


def test_a_missing_recommended_property_is_a_warning(seed_gold, shapes) -> None:
    source = store_of(mapped_dataset(record_paths(seed_gold)))
    graph = catalogue_graph(source, ExportOptions(), today=date(2026, 1, 1))  # no publisher type
    conforms, results = _validate(graph, shapes)
    assert not conforms
    assert set(results.objects(None, SHACL.resultSeverity)) == {SHACL.Warning}


def test_the_record_describes_the_data(record) -> None:
    assert {t.language for t in record.objects(DATASET, DCTERMS.title)} >= {"en", "ky"}
    themes = set(record.objects(DATASET, DCAT.theme))
    assert URIRef("http://metadata.un.org/sdg/8.7") in themes
    assert URIRef("http://metadata.un.org/sdg/10.7") in themes
    assert URIRef("http://publications.europa.eu/resource/authority/data-theme/SOCI") in themes
    assert URIRef("https://example.org/kg/id/place/KG-J") in set(
        record.objects(DATASET, DCTERMS.spatial)
    )
    period = record.value(DATASET, DCTERMS.temporal)
    assert str(record.value(period, DCAT.startDate)) == "2021-04-22"
    downloads = {str(u) for u in record.objects(None, DCAT.downloadURL)}
    assert "https://kg.example.net/exports/kg-events.ttl" in downloads
    assert "https://kg.example.net/exports/hxl/events.csv" in downloads
    assert set(record.objects(None, DCAT.endpointURL)) == {URIRef("https://kg.example.net/sparql")}
