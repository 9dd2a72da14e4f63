"""kg's own messages for SHACL results whose shape gives none, in English and Kyrgyz.

Most constraints in ``shapes/`` carry an ``sh:message``; the engine copies it into the result and
kg shows it. For the others every engine writes a default message of its own: pyshacl says
"Value is not Literal with datatype rdf:langString", pyshacl-turbo says
"DatatypeConstraintComponent violated at <…>". So that a person reads the same text whichever
engine ran (:mod:`kg.shacl_runner`), a result whose shape and constraint declare no message gets
one written here from the constraint component and the shape's parameter (the datatype, the
count, the languages), with the property in prefixed form.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.namespaces import SH

__all__ = ["declares_message", "default_messages"]


def declares_message(shapes: Graph, shape: Node | None, constraint: Node | None) -> bool:
    """Whether the result's shape (or, for SHACL-SPARQL, its constraint) has an ``sh:message``."""
    return any(
        node is not None and (node, SH.message, None) in shapes for node in (shape, constraint)
    )


def default_messages(shapes: Graph, shape: Node | None, component: Node | None) -> dict[str, str]:
    """``{"en": …, "ky": …}`` for a result of ``component`` raised by ``shape``."""
    name = str(component).rsplit("#", 1)[-1] if component is not None else ""
    template = _TEMPLATES.get(name)
    if template is None or shape is None:
        return {
            "en": "The value does not meet a constraint of the shapes",
            "ky": "Маани шартка туура келбейт",
        }
    parameter, show, en, ky = template
    shown = show(_Parameters(shapes, shape), parameter) if parameter is not None else ""
    return {"en": en.format(p=shown), "ky": ky.format(p=shown)}


class _Parameters:
    """A shape's parameters, shown as a person reads them (prefixed names, lists joined)."""

    def __init__(self, shapes: Graph, shape: Node) -> None:
        self.shapes = shapes
        self.shape = shape

    def value(self, parameter: URIRef) -> str:
        term = self.shapes.value(self.shape, parameter)
        return self.show(term) if term is not None else "?"

    def items(self, parameter: URIRef) -> str:
        head = self.shapes.value(self.shape, parameter)
        if head is None:
            return "?"
        return ", ".join(self.show(t) for t in Collection(self.shapes, head))

    def show(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return term.n3(self.shapes.namespace_manager)
        return str(term)


_Show = Callable[[_Parameters, URIRef], str]

_TEMPLATES: dict[str, tuple[URIRef | None, _Show, str, str]] = {
    # component: the parameter shown as {p}, how it is shown, English, Kyrgyz
    "DatatypeConstraintComponent": (
        SH.datatype, _Parameters.value,
        "A value is not a literal of datatype {p}", "Маани {p} түрүндөгү литерал эмес",
    ),
    "LanguageInConstraintComponent": (
        SH.languageIn, _Parameters.items,
        "A value's language tag is not one of {p}", "Маанинин тили {p} эмес",
    ),
    "UniqueLangConstraintComponent": (
        None, _Parameters.value,
        "More than one value has the same language tag", "Бир тилде бирден ашык маани бар",
    ),
    "MinCountConstraintComponent": (
        SH.minCount, _Parameters.value,
        "Fewer than {p} value(s)", "Маанилер жетишсиз (эң аз дегенде {p})",
    ),
    "MaxCountConstraintComponent": (
        SH.maxCount, _Parameters.value,
        "More than {p} value(s)", "Маанилер өтө көп (эң көп {p})",
    ),
    "ClassConstraintComponent": (
        SH["class"], _Parameters.value,
        "A value is not of class {p}", "Маани {p} классынан эмес",
    ),
    "NodeKindConstraintComponent": (
        SH.nodeKind, _Parameters.value,
        "A value is not of node kind {p}", "Маани {p} түрүндө эмес",
    ),
    "PatternConstraintComponent": (
        SH.pattern, _Parameters.value,
        "A value does not match {p}", "Маани үлгүгө дал келбейт: {p}",
    ),
    "InConstraintComponent": (
        SH["in"], _Parameters.items,
        "A value is not one of {p}", "Маани тизмеде жок: {p}",
    ),
    "MinInclusiveConstraintComponent": (
        SH.minInclusive, _Parameters.value,
        "A value is less than {p}", "Маани өтө кичине (эң кичине {p})",
    ),
    "HasValueConstraintComponent": (
        SH.hasValue, _Parameters.value,
        "The value {p} is missing", "{p} мааниси жок",
    ),
    "OrConstraintComponent": (
        None, _Parameters.value,
        "A value meets none of the alternatives", "Маани эч бир вариантка туура келбейт",
    ),
    "NodeConstraintComponent": (
        SH.node, _Parameters.value,
        "A value does not conform to {p}", "Маани {p} формасына туура келбейт",
    ),
    "QualifiedMinCountConstraintComponent": (
        SH.qualifiedMinCount, _Parameters.value,
        "Fewer than {p} value(s) conform to the qualified shape",
        "Талапка ылайык маанилер жетишсиз (эң аз дегенде {p})",
    ),
    "LessThanOrEqualsConstraintComponent": (
        SH.lessThanOrEquals, _Parameters.value,
        "A value is greater than the value of {p}", "Маани {p} маанисинен чоң",
    ),
    "SPARQLConstraintComponent": (
        None, _Parameters.value,
        "A SPARQL rule of the shapes is not met", "Формалардын SPARQL эрежеси аткарылган жок",
    ),
}  # fmt: skip
