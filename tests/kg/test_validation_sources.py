"""Validation's way back to the sources: span annotations agree with the report's text, and
results name the record field and its line."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.mapping import MappedReport, map_record
from kg.namespaces import KG, OA
from kg.record import Span
from kg.record_fields import field_lines, line_of, record_field
from kg.record_yaml import load_record
from kg.validation import validate_graph
from tests.kg.validation_cases import BASE, EXAMPLE, ROOT, changed, mapped_example, violations


@pytest.fixture(scope="module")
def good() -> MappedReport:
    return mapped_example()


# ---- provenance annotations ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def located() -> MappedReport:
    """The example with spans and its text, so it carries annotations and quote selectors."""
    from dataclasses import replace

    record = load_record(EXAMPLE)
    text = (ROOT / "examples" / "kara-balta-2023-03-14.ru.md").read_text(encoding="utf-8")
    start = text.index("14")
    record = replace(record, spans={"event.date": Span(start, start + 2)})
    return map_record(record, source_text=text)


def test_annotated_graph_conforms(located) -> None:
    assert validate_graph(located.graph).results == ()


def test_a_quote_that_is_not_the_text_at_its_position_is_rejected(located) -> None:
    quote = next(located.graph.subjects(RDF.type, OA.TextQuoteSelector))
    g = changed(located, remove=[(quote, OA.exact, None)], add=[(quote, OA.exact, Literal("15"))])
    assert ("SPARQLConstraintComponent", None) in violations(g)


def test_a_position_must_not_end_before_it_starts(located) -> None:
    position = next(located.graph.subjects(RDF.type, OA.TextPositionSelector))
    end = located.graph.value(position, OA.end)
    g = changed(
        located,
        remove=[(position, OA.start, None)],
        add=[(position, OA.start, Literal(int(end) + 1, datatype=XSD.nonNegativeInteger))],
    )
    assert ("LessThanOrEqualsConstraintComponent", "oa:start") in violations(g)


def test_an_annotation_names_a_record_field(located) -> None:
    ann = next(located.graph.subjects(RDF.type, OA.Annotation))
    g = changed(
        located, remove=[(ann, KG.field, None)], add=[(ann, KG.field, Literal("Event Date!"))]
    )
    assert ("PatternConstraintComponent", "kg:field") in violations(g)


# ---- the way back to the record ------------------------------------------------------------------


def test_results_name_the_record_field_and_its_line(good) -> None:
    g = changed(
        good,
        remove=[(good.event, KG.maleParticipantCount, None)],
        add=[(good.event, KG.maleParticipantCount, Literal(12, datatype=XSD.nonNegativeInteger))],
    )
    lines = field_lines(EXAMPLE.read_text(encoding="utf-8"))
    report = validate_graph(g, source="x.yaml", record_lines=lines)
    (result,) = [r for r in report.violations if r.path == "kg:participantCount"]
    assert result.field == "event.participants.total"
    assert result.line == lines["event.participants.total"] == 15
    assert "x.yaml:15" in report.text


@pytest.mark.parametrize(
    ("iri", "path", "field"),
    [
        (f"{BASE}recommendation/kara-balta-2023-03-14-3", None, "recommendations[2]"),
        (
            f"{BASE}recommendation/kara-balta-2023-03-14-2",
            KG.namesPlace,
            "recommendations[1].regions",
        ),
        (f"{BASE}issue/kara-balta-2023-03-14-1", KG.text, "issues_raised[0]"),
        (f"{BASE}presentation/kara-balta-2023-03-14-2", None, "presentations[1]"),
        (f"{BASE}participation/kara-balta-2023-03-14-1", KG.post, "moderators[0].roles"),
        (f"{BASE}participation/kara-balta-2023-03-14-3", KG.onBehalfOf, "speakers[1].organisation"),
        (f"{BASE}observation/kara-balta-2023-03-14-M", None, "event.participants.men"),
        (f"{BASE}person/seydakmatov-erkin", None, "speakers[2].name"),
        (f"{BASE}place/KG-C", None, "event.region"),
    ],
)
def test_record_field_follows_the_mapping_layout(good, iri, path, field) -> None:
    assert record_field(good.graph, URIRef(iri), path) == field


def test_line_of_accepts_the_single_moderator_form() -> None:
    lines = field_lines("event:\n  kind: x\nmoderator:\n  name: [A, B, null]\n")
    assert line_of(lines, "moderators[0].name") == 4
    assert line_of(lines, "speakers[3].role") is None


def test_an_issue_no_event_raised_is_rejected_and_shown_with_an_inverse_path(good) -> None:
    stray = URIRef(f"{BASE}issue/stray")
    g = changed(
        good,
        add=[
            (stray, RDF.type, KG.Issue),
            (stray, KG.text, Literal("x", lang="ru")),
            (stray, KG.position, Literal(1, datatype=XSD.positiveInteger)),
        ],
    )
    assert ("MinCountConstraintComponent", "^kg:raisedIssue") in violations(g)


def test_a_participation_positioned_by_an_iri_is_reported_not_a_crash(good) -> None:
    # an RDF input may put anything in kg:position; naming the record field once raised ValueError
    part = URIRef(f"{BASE}participation/kara-balta-2023-03-14-1")
    g = changed(
        good,
        remove=[(part, KG.position, None)],
        add=[(part, KG.position, URIRef(f"{BASE}x/2"))],
    )
    report = validate_graph(g)
    assert not report.conforms
    bad = [r for r in report.violations if r.path == "kg:position"]
    assert bad, report.text
    assert all(r.field is None for r in bad), report.text
