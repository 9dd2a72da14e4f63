"""SHACL validation: real records conform, and each shape rule rejects a graph that breaks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.mapping import MappedReport, map_record
from kg.namespaces import KG, QB, SCHEMA
from kg.record_yaml import load_record
from kg.validation import shapes_graph, validate_graph
from tests.kg.validation_cases import (
    BASE,
    ROOT,
    changed,
    mapped_example,
    violations,
)

RECORDS = sorted(
    [*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "data" / "heldout").glob("*.yaml")]
)
SEX = URIRef("http://metadata.un.org/sdg/codes/sex")


@pytest.fixture(scope="module")
def good() -> MappedReport:
    return mapped_example()


# ---- what must pass ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_every_sample_and_held_out_record_conforms(path: Path) -> None:
    mapped = map_record(load_record(path))
    report = validate_graph(mapped.graph, source=path.name)
    assert report.conforms, report.text


def test_the_gold_records_conform(shared: Path) -> None:
    failing = []
    for path in sorted((shared / "gold").glob("*.yaml")):
        report = validate_graph(map_record(load_record(path)).graph, source=path.name)
        if not report.conforms:
            failing.append(report.text)
    assert not failing, "\n".join(failing)


def test_the_example_has_no_results_at_all(good) -> None:
    report = validate_graph(good.graph)
    assert report.results == (), report.text


def test_validation_leaves_the_graph_unchanged(good) -> None:
    before = changed(good)
    validate_graph(good.graph)
    assert isomorphic(before, good.graph)


def test_shapes_are_parsed_once() -> None:
    assert shapes_graph() is shapes_graph()


def test_every_report_shapes_file_is_loaded() -> None:
    from kg.paths import shapes_dir
    from kg.validation import REPORT_SHAPES

    on_disk = {r.name for r in shapes_dir().iterdir() if r.name.endswith(".shapes.ttl")}
    # dcat-ap.shapes.ttl checks catalogue records (kg export), not report graphs
    assert set(REPORT_SHAPES) == on_disk - {"dcat-ap.shapes.ttl"}


# ---- warnings: stated when missing, never a rejection --------------------------------------------


def test_an_event_without_a_date_only_warns(good) -> None:
    g = changed(good, remove=[(good.event, KG.date, None), (good.event, SCHEMA.startDate, None)])
    report = validate_graph(g)
    assert report.conforms
    assert [(w.path, w.field) for w in report.warnings] == [("kg:date", "event.date")]


def test_an_event_without_a_place_only_warns(good) -> None:
    g = changed(good, remove=[(good.event, SCHEMA.location, None)])
    report = validate_graph(g)
    assert report.conforms
    assert [w.path for w in report.warnings] == ["schema:location"]


# ---- one test per rule that must hold ------------------------------------------------------------


def test_a_label_tagged_kongo_is_rejected(good) -> None:
    g = changed(good, add=[(good.event, KG.title, Literal("Коопсуз жол", lang="kg"))])
    assert ("LanguageInConstraintComponent", "kg:title") in violations(g)


def test_two_titles_in_one_language_are_rejected(good) -> None:
    g = changed(good, add=[(good.event, KG.title, Literal("Другое название", lang="ru"))])
    assert ("UniqueLangConstraintComponent", "kg:title") in violations(g)


def test_a_date_that_is_a_plain_string_is_rejected(good) -> None:
    g = changed(
        good,
        remove=[(good.event, KG.date, None)],
        add=[(good.event, KG.date, Literal("2023-03-14"))],
    )
    assert ("OrConstraintComponent", "kg:date") in violations(g)


def test_a_date_without_a_year_is_accepted(good) -> None:
    month_day = Literal("--03-14", datatype=XSD.gMonthDay)
    g = changed(good, remove=[(good.event, KG.date, None)], add=[(good.event, KG.date, month_day)])
    assert violations(g) == set()


def test_two_dates_are_rejected(good) -> None:
    g = changed(good, add=[(good.event, KG.date, Literal("2023-03-15", datatype=XSD.date))])
    assert ("MaxCountConstraintComponent", "kg:date") in violations(g)


def test_an_event_without_provenance_is_rejected(good) -> None:
    g = changed(good, remove=[(good.event, PROV.wasDerivedFrom, None)])
    assert ("MinCountConstraintComponent", "prov:wasDerivedFrom") in violations(g)


def test_provenance_must_point_at_a_report(good) -> None:
    report = next(good.graph.objects(good.event, PROV.wasDerivedFrom))
    g = changed(good, remove=[(report, RDF.type, KG.Report)])
    assert ("ClassConstraintComponent", "prov:wasDerivedFrom") in violations(g)


def test_women_and_men_must_add_up_to_the_total(good) -> None:
    g = changed(
        good,
        remove=[(good.event, KG.maleParticipantCount, None)],
        add=[(good.event, KG.maleParticipantCount, Literal(12, datatype=XSD.nonNegativeInteger))],
    )
    assert ("SPARQLConstraintComponent", "kg:participantCount") in violations(g)


def test_a_part_cannot_exceed_the_total(good) -> None:
    g = changed(
        good,
        remove=[
            (good.event, KG.femaleParticipantCount, None),
            (good.event, KG.maleParticipantCount, None),
        ],
        add=[(good.event, KG.femaleParticipantCount, Literal(30, datatype=XSD.nonNegativeInteger))],
    )
    assert ("SPARQLConstraintComponent", "kg:femaleParticipantCount") in violations(g)


def test_a_negative_or_untyped_count_is_rejected(good) -> None:
    g = changed(
        good,
        remove=[(good.event, KG.participantCount, None)],
        add=[(good.event, KG.participantCount, Literal("28"))],
    )
    assert ("DatatypeConstraintComponent", "kg:participantCount") in violations(g)


def test_recommendation_positions_are_unique_within_an_event(good) -> None:
    second = URIRef(f"{BASE}recommendation/kara-balta-2023-03-14-2")
    g = changed(
        good,
        remove=[(second, KG.position, None)],
        add=[(second, KG.position, Literal(1, datatype=XSD.positiveInteger))],
    )
    assert ("SPARQLConstraintComponent", "kg:recommendation") in violations(g)


def test_issue_positions_are_unique_within_an_event(good) -> None:
    third = URIRef(f"{BASE}issue/kara-balta-2023-03-14-3")
    g = changed(
        good,
        remove=[(third, KG.position, None)],
        add=[(third, KG.position, Literal(4, datatype=XSD.positiveInteger))],
    )
    assert ("SPARQLConstraintComponent", "kg:raisedIssue") in violations(g)


def test_observations_must_agree_with_the_plain_counts(good) -> None:
    obs = URIRef(f"{BASE}observation/kara-balta-2023-03-14-F")
    g = changed(
        good,
        remove=[(obs, KG.participants, None)],
        add=[(obs, KG.participants, Literal(14, datatype=XSD.nonNegativeInteger))],
    )
    assert ("SPARQLConstraintComponent", "kg:femaleParticipantCount") in violations(g)


def test_an_observation_needs_a_sex_code_of_the_list(good) -> None:
    obs = URIRef(f"{BASE}observation/kara-balta-2023-03-14-F")
    g = changed(good, remove=[(obs, SEX, None)], add=[(obs, SEX, URIRef(f"{SEX}/W"))])
    assert ("InConstraintComponent", "sdgcodes:sex") in violations(g)


def test_one_observation_per_event_and_sex(good) -> None:
    extra = URIRef(f"{BASE}observation/kara-balta-2023-03-14-F2")
    g = changed(
        good,
        add=[
            (extra, RDF.type, QB.Observation),
            (extra, QB.dataSet, KG.participantsBySex),
            (extra, KG.event, good.event),
            (extra, SEX, URIRef(f"{SEX}/F")),
            (extra, KG.participants, Literal(15, datatype=XSD.nonNegativeInteger)),
        ],
    )
    assert ("SPARQLConstraintComponent", None) in violations(g)


@pytest.mark.parametrize("code", ["KG-X", "KGJ", "KG-03", "kg-j"])
def test_a_kyrgyz_subdivision_code_outside_iso_3166_2_is_rejected(good, code) -> None:
    region = URIRef(f"{BASE}place/KG-C")
    g = changed(
        good, remove=[(region, KG.isoCode, None)], add=[(region, KG.isoCode, Literal(code))]
    )
    assert ("PatternConstraintComponent", "kg:isoCode") in violations(g)


def test_subdivisions_of_other_countries_are_accepted(good) -> None:
    region = URIRef(f"{BASE}place/KG-C")
    g = changed(
        good, remove=[(region, KG.isoCode, None)], add=[(region, KG.isoCode, Literal("TJ-SU"))]
    )
    assert violations(g) == set()


def test_a_country_code_must_be_alpha_2(good) -> None:
    country = URIRef(f"{BASE}place/KG")
    g = changed(
        good, remove=[(country, KG.isoCode, None)], add=[(country, KG.isoCode, Literal("KGZ"))]
    )
    assert ("PatternConstraintComponent", "kg:isoCode") in violations(g)


@pytest.mark.parametrize("code", ["KG0820900000", "KG082090000001", "KZ08209000000"])
def test_a_malformed_p_code_is_rejected(good, code) -> None:
    district = URIRef(f"{BASE}place/KG08209000000")
    g = changed(
        good, remove=[(district, KG.pcode, None)], add=[(district, KG.pcode, Literal(code))]
    )
    assert ("PatternConstraintComponent", "kg:pcode") in violations(g)


def test_a_person_with_two_names_in_one_language_is_rejected(good) -> None:
    person = next(good.graph.objects(good.event, KG.moderator))
    g = changed(good, add=[(person, RDFS.label, Literal("Ирина Кравченко", lang="ru"))])
    assert ("UniqueLangConstraintComponent", "rdfs:label") in violations(g)


def test_a_participation_needs_its_person_and_a_known_role(good) -> None:
    part = URIRef(f"{BASE}participation/kara-balta-2023-03-14-2")
    g = changed(
        good,
        remove=[(part, KG.agent, None), (part, KG.roleKind, None)],
        add=[(part, KG.roleKind, KG.guestRole)],
    )
    found = violations(g)
    assert ("MinCountConstraintComponent", "kg:agent") in found
    assert ("InConstraintComponent", "kg:roleKind") in found


def test_an_issue_needs_its_text(good) -> None:
    issue = URIRef(f"{BASE}issue/kara-balta-2023-03-14-1")
    g = changed(good, remove=[(issue, KG.text, None)])
    assert ("MinCountConstraintComponent", "kg:text") in violations(g)


def test_a_recommendation_names_places_that_are_regions(good) -> None:
    rec = URIRef(f"{BASE}recommendation/kara-balta-2023-03-14-1")
    g = changed(good, add=[(rec, KG.namesPlace, URIRef(f"{BASE}venue/nowhere"))])
    assert ("ClassConstraintComponent", "kg:namesPlace") in violations(g)


def test_a_recommendation_belongs_to_one_event(good) -> None:
    rec = URIRef(f"{BASE}recommendation/kara-balta-2023-03-14-1")
    g = changed(good, remove=[(None, KG.recommendation, rec)])
    assert ("MinCountConstraintComponent", "^kg:recommendation") in violations(g)


def test_a_presentation_needs_a_position(good) -> None:
    pres = URIRef(f"{BASE}presentation/kara-balta-2023-03-14-1")
    g = changed(good, remove=[(pres, KG.position, None)])
    assert ("MinCountConstraintComponent", "kg:position") in violations(g)


def test_an_organization_needs_a_name(good) -> None:
    org = next(o for o in good.graph.subjects(RDF.type, KG.Organization))
    g = changed(good, remove=[(org, KG.name, None)])
    assert ("MinCountConstraintComponent", "kg:name") in violations(g)


def test_a_venue_has_one_name_per_language(good) -> None:
    venue = next(good.graph.objects(good.event, KG.venue))
    g = changed(good, add=[(venue, KG.name, Literal("другой зал", lang="ru"))])
    assert ("UniqueLangConstraintComponent", "kg:name") in violations(g)


def test_the_report_language_is_never_kongo(good) -> None:
    g = changed(
        good,
        remove=[(good.event, SCHEMA.inLanguage, None)],
        add=[(good.event, SCHEMA.inLanguage, Literal("kg"))],
    )
    assert ("InConstraintComponent", "schema:inLanguage") in violations(g)


def test_a_theme_must_come_from_the_theme_vocabulary(good) -> None:
    g = changed(good, add=[(good.event, KG.theme, URIRef("http://example.net/themes/roads"))])
    assert ("PatternConstraintComponent", "kg:theme") in violations(g)


def test_a_report_digest_is_sha256_hex(good) -> None:
    report = next(good.graph.objects(good.event, PROV.wasDerivedFrom))
    g = changed(good, add=[(report, KG.sha256, Literal("not-a-digest"))])
    assert ("PatternConstraintComponent", "kg:sha256") in violations(g)


def test_a_geometry_is_one_wkt_point(good) -> None:
    geometry = next(
        iter(good.graph.subjects(URIRef("http://www.opengis.net/ont/geosparql#asWKT"), None))
    )
    wkt = URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")
    g = changed(
        good,
        remove=[(geometry, None, None)],
        add=[
            (
                geometry,
                URIRef("http://www.opengis.net/ont/geosparql#asWKT"),
                Literal("LINESTRING(1 2, 3 4)", datatype=wkt),
            )
        ],
    )
    assert ("NodeConstraintComponent", "geo:hasGeometry") in violations(g)


# ---- vocabularies --------------------------------------------------------------------------------


def test_a_vocabulary_concept_has_one_pref_label_per_language() -> None:
    g = Graph()
    concept = URIRef("https://w3id.org/kg-events/vocab/theme/example")
    g.add((concept, RDF.type, KG.Theme))
    g.add((concept, SKOS.inScheme, URIRef("https://w3id.org/kg-events/vocab/theme/")))
    g.add((concept, SKOS.prefLabel, Literal("roads", lang="en")))
    g.add((concept, SKOS.prefLabel, Literal("streets", lang="en")))
    assert ("UniqueLangConstraintComponent", "skos:prefLabel") in violations(g)
