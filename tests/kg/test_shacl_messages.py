"""kg's messages for SHACL results whose shape has none: one for every rule the shapes use."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from kg.namespaces import SH
from kg.paths import shapes_file
from kg.shacl_messages import _TEMPLATES, declares_message, default_messages
from kg.validation import shapes_graph

# the parameter that names each core constraint component in a shape
PARAMETERS = {
    SH.datatype: "DatatypeConstraintComponent",
    SH.languageIn: "LanguageInConstraintComponent",
    SH.uniqueLang: "UniqueLangConstraintComponent",
    SH.minCount: "MinCountConstraintComponent",
    SH.maxCount: "MaxCountConstraintComponent",
    SH["class"]: "ClassConstraintComponent",
    SH.nodeKind: "NodeKindConstraintComponent",
    SH.pattern: "PatternConstraintComponent",
    SH["in"]: "InConstraintComponent",
    SH.minInclusive: "MinInclusiveConstraintComponent",
    SH.hasValue: "HasValueConstraintComponent",
    SH["or"]: "OrConstraintComponent",
    SH.node: "NodeConstraintComponent",
    SH.qualifiedMinCount: "QualifiedMinCountConstraintComponent",
    SH.lessThanOrEquals: "LessThanOrEqualsConstraintComponent",
    SH.sparql: "SPARQLConstraintComponent",
}


def _all_shapes() -> Graph:
    graph = Graph()
    graph += shapes_graph()
    graph.parse(shapes_file("dcat-ap.shapes.ttl"), format="turtle")
    return graph


def test_every_rule_of_the_shapes_has_a_message_in_english_and_kyrgyz() -> None:
    shapes = _all_shapes()
    used = {p for _, p, _ in shapes if str(p).startswith(str(SH))}
    for parameter, component in PARAMETERS.items():
        if parameter not in used:
            continue
        assert component in _TEMPLATES, component
        shown = _TEMPLATES[component][0]
        for shape in shapes.subjects(parameter, None):
            # the parameter the message shows is the shape's own
            assert shown is None or shapes.value(shape, shown) is not None, component
            messages = default_messages(shapes, shape, SH[component])
            assert set(messages) == {"en", "ky"}
            assert all("{p}" not in text for text in messages.values()), messages
    # and no rule of SHACL core the shapes use is missing from the table above
    core = {SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.targetNode, SH.path}
    unknown = used - set(PARAMETERS) - core
    assert not {p for p in unknown if p in _CORE_PARAMETERS}, unknown


_CORE_PARAMETERS = {
    SH.maxLength, SH.minLength, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.equals,
    SH.disjoint, SH.lessThan, SH["not"], SH["and"], SH.xone, SH.closed, SH.qualifiedMaxCount,
}  # fmt: skip


def test_messages_name_the_parameter_as_a_person_reads_it() -> None:
    shapes = shapes_graph()
    langs = next(s for s in shapes.subjects(SH.languageIn, None))
    assert default_messages(shapes, langs, SH.LanguageInConstraintComponent) == {
        "en": "A value's language tag is not one of ky, ru, en",
        "ky": "Маанинин тили ky, ru, en эмес",
    }
    iri = next(s for s, o in shapes.subject_objects(SH.nodeKind) if o == SH.IRI)
    assert default_messages(shapes, iri, SH.NodeKindConstraintComponent)["en"] == (
        "A value is not of node kind sh:IRI"
    )


def test_a_shape_with_its_own_message_keeps_it() -> None:
    shapes = shapes_graph()
    with_message = next(shapes.subjects(SH.message, None))
    without = next(
        s for s in shapes.subjects(RDF.type, SH.NodeShape) if (s, SH.message, None) not in shapes
    )
    assert declares_message(shapes, with_message, None)
    assert declares_message(shapes, without, with_message)
    assert not declares_message(shapes, without, None)
