"""schema.org JSON-LD of the events: an inline context, expanded by pyld without any network."""

from __future__ import annotations

import io
import json

import pytest
from pyld import jsonld
from rdflib import Graph, Literal, URIRef

from kg.exports import write_export
from kg.exports.schema_jsonld import CONTEXT, PYLD_OPTIONS, schema_document
from kg.namespaces import SCHEMA
from tests.kg.exports_data import SEED_EVENT, SOURCES, mapped_dataset, no_network, record_paths

S = "https://schema.org/"


@pytest.fixture(scope="module", params=sorted(SOURCES))
def source(request, seed_gold):
    return SOURCES[request.param](mapped_dataset(record_paths(seed_gold)))


@pytest.fixture(scope="module")
def document(source) -> dict:
    out = io.BytesIO()
    assert write_export(source, "schema-jsonld", out) == "application/ld+json"
    return json.loads(out.getvalue())


def _seed(expanded: list[dict]) -> dict:
    [node] = [n for n in expanded if n["@id"] == SEED_EVENT]
    return node


def test_the_context_is_inline_and_only_schema_org(document) -> None:
    assert document["@context"] == {"@vocab": S}
    assert len(document["@graph"]) == 5


def test_pyld_expands_the_seed_to_a_schema_org_event_without_network(document, monkeypatch) -> None:
    with no_network(monkeypatch) as attempts:
        expanded = jsonld.expand(document, PYLD_OPTIONS)
    assert not attempts
    seed = _seed(expanded)
    assert seed["@type"] == [S + "Event"]
    assert seed[S + "startDate"] == [{"@value": "2021-04-22"}]
    assert {"@value": "ky"} in seed[S + "inLanguage"]
    assert seed[S + "eventAttendanceMode"] == [{"@id": S + "OfflineEventAttendanceMode"}]
    about = {a["@id"] for a in seed[S + "about"]}
    assert {"http://metadata.un.org/sdg/8.7", "http://metadata.un.org/sdg/10.7"} <= about
    assert any(a.startswith("http://metadata.un.org/sdg/4.") for a in about)


def test_the_seed_is_located_at_a_place_with_a_postal_address(document) -> None:
    seed = _seed(jsonld.expand(document, PYLD_OPTIONS))
    [place] = seed[S + "location"]
    assert place["@type"] == [S + "Place"]
    [address] = place[S + "address"]
    assert address["@type"] == [S + "PostalAddress"]
    assert address[S + "addressRegion"] == [{"@value": "KG-J"}]
    assert address[S + "addressCountry"] == [{"@value": "KG"}]
    assert address[S + "addressLocality"] == [{"@value": "Жалал-Абад", "@language": "ky"}]


def test_the_moderator_and_speakers_are_roles(document) -> None:
    seed = _seed(jsonld.expand(document, PYLD_OPTIONS))
    roles = seed[S + "contributor"]
    assert len(roles) == 6
    names = {r[S + "roleName"][0]["@value"] for r in roles}
    assert names == {"moderator", "speaker"}
    assert all(r[S + "contributor"][0]["@type"] == [S + "Person"] for r in roles)


# rdflib's JSON-LD parser builds a ConjunctiveGraph inside (deprecated in rdflib 7; see
# https://github.com/RDFLib/rdflib/issues/3475 for rdflib warning about its own internals)
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_rdflib_reads_the_same_facts(document, monkeypatch) -> None:
    with no_network(monkeypatch) as attempts:
        g = Graph().parse(data=json.dumps(document), format="json-ld")
    assert not attempts
    event = URIRef(SEED_EVENT)
    assert (event, SCHEMA.startDate, Literal("2021-04-22")) in g
    assert (event, SCHEMA.about, URIRef("http://metadata.un.org/sdg/8.7")) in g
    assert (event, SCHEMA.name, Literal("Risks and consequences of migration", lang="en")) in g


def test_one_event_for_a_page(source) -> None:
    doc = schema_document(source, SEED_EVENT)
    assert doc["@context"] == CONTEXT
    assert doc["@id"] == SEED_EVENT
    assert doc["startDate"] == "2021-04-22"
    assert doc["location"]["address"]["addressRegion"] == "KG-J"


def test_a_remote_context_is_never_fetched(monkeypatch) -> None:
    remote = {"@context": "https://schema.org/", "@type": "Event", "name": "x"}
    with no_network(monkeypatch) as attempts, pytest.raises(jsonld.JsonLdError) as caught:
        jsonld.expand(remote, PYLD_OPTIONS)
    assert caught.value.code == "loading remote context failed"
    assert not attempts  # refused by our document loader, before any connection
