"""The ontology, vocabularies, gazetteer and shapes: they parse, and they keep the house rules.

Rules checked: every kg: term that a vocabulary, a shape or the code uses is declared in kg.ttl,
with a label and a comment in en, ky and ru; no literal is tagged ``kg`` (Kongo); a concept has at
most one prefLabel per language; every SDG concept a theme uses is in sdg.ttl; every file has a
header.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.namespaces import DCTYPE, KG, QB, SDG

ROOT = Path(__file__).resolve().parents[1]
TTL_FILES = sorted([*(ROOT / "ontology").glob("*.ttl"), *(ROOT / "shapes").glob("*.ttl")])
VOCABULARIES = ("event-kinds.ttl", "themes.ttl", "gazetteer.ttl", "sdg.ttl")
LANGS = {"en", "ky", "ru"}
DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    RDFS.Datatype,
    QB.DataSet,
    QB.DataStructureDefinition,
    SKOS.ConceptScheme,
    SKOS.Concept,
}


def parse(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {path.name: parse(path) for path in TTL_FILES}


@pytest.fixture(scope="module")
def ontology(graphs: dict[str, Graph]) -> Graph:
    return graphs["kg.ttl"]


def kg_terms(graph: Graph) -> set[URIRef]:
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(KG))
    }


def declared(ontology: Graph) -> set[URIRef]:
    return {s for s, o in ontology.subject_objects(RDF.type) if o in DECLARATION_TYPES}


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_every_turtle_file_parses(path):
    assert len(parse(path)) > 0


def test_the_expected_files_are_there():
    names = {p.name for p in TTL_FILES}
    assert {"kg.ttl", *VOCABULARIES} <= names


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_every_file_has_a_header_with_a_title(graphs, path):
    graph = graphs[path.name]
    titled = set(graph.subjects(DCTERMS.title, None))
    headers = {
        s
        for s, o in graph.subject_objects(RDF.type)
        if o in (OWL.Ontology, SKOS.ConceptScheme, DCTYPE.Dataset)
    }
    assert titled & headers, f"{path.name} has no header resource with dct:title"


def test_the_ontology_header(ontology):
    [header] = ontology.subjects(RDF.type, OWL.Ontology)
    for prop in (DCTERMS.title, OWL.versionInfo, DCTERMS.license, DCTERMS.creator):
        assert ontology.value(header, prop) is not None, prop
    assert {t.language for t in ontology.objects(header, DCTERMS.title)} == LANGS


def test_every_kg_term_the_mapper_names_in_ontology_terms_is_declared(ontology):
    # the terms of notes/ontology-terms.md that the mapper emits
    names = str.split(
        "Event Stakeholder Person Organization Participation RoleKind Issue Recommendation "
        "Presentation Place Region Venue Report EventKind Theme participantsBySex "
        "participantsBySexStructure moderatorRole speakerRole title kind kindLabel date endDate "
        "venue settlement region country goal audience participantCount femaleParticipantCount "
        "maleParticipantCount participation moderator speaker agent roleKind post onBehalfOf "
        "position familyName givenName patronymic name presentation raisedIssue text "
        "recommendation namesPlace outcome themeDiscussed theme sdgTarget isoCode pcode m49 "
        "adminLevel verification sourceFile sha256 event participants field"
    )
    missing = [n for n in names if (KG[n], None, None) not in ontology]
    assert missing == []


@pytest.mark.parametrize("name", [n for n in VOCABULARIES] + ["shapes"])
def test_every_kg_term_a_vocabulary_or_shape_uses_is_declared(ontology, graphs, name):
    used: set[URIRef] = set()
    for file, graph in graphs.items():
        if file == name or (name == "shapes" and file.endswith(".shapes.ttl")):
            used |= kg_terms(graph)
    assert sorted(used - declared(ontology)) == []


def test_every_kg_term_the_code_uses_is_declared(ontology):
    used = set()
    for path in (ROOT / "kg").rglob("*.py"):
        used |= set(re.findall(r"\bKG\.([A-Za-z_][A-Za-z0-9_]*)", path.read_text(encoding="utf-8")))
    assert sorted(n for n in used if KG[n] not in declared(ontology)) == []


def test_every_class_and_property_has_labels_and_comments_in_three_languages(ontology):
    terms = [t for t in declared(ontology) if t.startswith(str(KG))]
    assert len(terms) > 60
    for term in terms:
        for prop in (
            (RDFS.label, RDFS.comment) if not _is_concept(ontology, term) else (RDFS.label,)
        ):
            langs = {o.language for o in ontology.objects(term, prop)}
            assert langs >= LANGS, f"{term} {prop}: {langs}"


def _is_concept(graph: Graph, term: URIRef) -> bool:
    types = set(graph.objects(term, RDF.type))
    return bool(types & {SKOS.Concept, SKOS.ConceptScheme})


def test_alignment_axioms_never_use_owl_same_as(ontology):
    assert list(ontology.triples((None, OWL.sameAs, None))) == []
    assert (KG.Event, RDFS.subClassOf, URIRef("http://linkedevents.org/ontology/Event")) in ontology
    assert (
        KG.patronymic,
        RDFS.subPropertyOf,
        URIRef("http://www.w3.org/ns/person#patronymicName"),
    ) in ontology


def test_the_data_cube_structure(ontology):
    sex = URIRef("http://metadata.un.org/sdg/codes/sex")
    dims = set(ontology.objects(None, QB.dimension))
    assert dims == {KG.event, sex}
    assert set(ontology.objects(None, QB.measure)) == {KG.participants}
    assert (sex, RDF.type, QB.DimensionProperty) in ontology
    assert (KG.participantsBySex, QB.structure, KG.participantsBySexStructure) in ontology


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_no_literal_is_tagged_kongo(graphs, path):
    graph = graphs[path.name]
    tags = {o.language for o in graph.objects() if isinstance(o, Literal) and o.language}
    assert tags <= LANGS | {"fr", "es"}, tags
    assert "kg" not in tags


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_at_most_one_pref_label_per_language(graphs, path):
    graph = graphs[path.name]
    seen: dict[tuple[object, str | None], int] = {}
    for concept, label in graph.subject_objects(SKOS.prefLabel):
        key = (concept, label.language)
        seen[key] = seen.get(key, 0) + 1
    assert [k for k, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("name", ["event-kinds.ttl", "themes.ttl", "gazetteer.ttl"])
def test_every_concept_has_a_pref_label_in_ky_ru_and_en(graphs, name):
    graph = graphs[name]
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts
    for concept in concepts:
        langs = {label.language for label in graph.objects(concept, SKOS.prefLabel)}
        assert langs == LANGS, concept


def test_every_sdg_concept_a_theme_uses_is_in_the_sdg_subset(graphs):
    sdg = graphs["sdg.ttl"]
    used = {
        o
        for o in graphs["themes.ttl"].objects()
        if isinstance(o, URIRef) and o.startswith(str(SDG))
    }
    assert used
    for iri in used:
        labels = [lbl for lbl in sdg.objects(iri, SKOS.prefLabel) if lbl.language == "en"]
        assert labels, f"{iri} is not in sdg.ttl"
        assert (iri, RDF.type, SKOS.Concept) in sdg


def test_sdg_targets_sit_under_their_goals(graphs):
    sdg = graphs["sdg.ttl"]
    sdgo = "http://metadata.un.org/sdg/ontology#"
    for target in sdg.subjects(RDF.type, URIRef(sdgo + "Target")):
        goal = sdg.value(target, SKOS.broader)
        assert goal == URIRef(str(target).rsplit(".", 1)[0]), target
        assert (goal, SKOS.narrower, target) in sdg


def test_keyword_stems_are_long_enough_or_abbreviations(graphs):
    for name in ("themes.ttl", "event-kinds.ttl"):
        for stem in graphs[name].objects(None, SKOS.hiddenLabel):
            words = str(stem).split()
            abbreviation = str(stem).upper() == str(stem) or any(c.isupper() for c in str(stem)[1:])
            assert abbreviation or len(words) > 1 or len(str(stem)) >= 4, stem


def test_every_place_code_is_marked_verified_single_source_or_unverified(graphs):
    graph = graphs["gazetteer.ttl"]
    marks = {str(o) for o in graph.objects(None, KG.verification)}
    assert marks <= {"verified", "single-source", "unverified"}
    assert len(set(graph.objects(None, KG.codeVerification))) > 100
