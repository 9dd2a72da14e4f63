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

_Texts = tuple[str, str]
"""English and Kyrgyz."""


def declares_message(shapes: Graph, shape: Node | None, constraint: Node | None) -> bool:
    """Whether the result's shape (or, for SHACL-SPARQL, its constraint) has an ``sh:message``."""
    return any(
        node is not None and (node, SH.message, None) in shapes for node in (shape, constraint)
    )


def default_messages(shapes: Graph, shape: Node | None, component: Node | None) -> dict[str, str]:
    """``{"en": …, "ky": …}`` for a result of ``component`` raised by ``shape``."""
    name = str(component).rsplit("#", 1)[-1] if component is not None else ""
    write = _WRITERS.get(name)
    if write is None or shape is None:
        en, ky = "The value does not meet a constraint of the shapes", "Маани шартка туура келбейт"
    else:
        en, ky = write(_Parameters(shapes, shape))
    return {"en": en, "ky": ky}


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


def _datatype(p: _Parameters) -> _Texts:
    dt = p.value(SH.datatype)
    return f"A value is not a literal of datatype {dt}", f"Маани {dt} түрүндөгү литерал эмес"


def _language_in(p: _Parameters) -> _Texts:
    langs = p.items(SH.languageIn)
    return f"A value's language tag is not one of {langs}", f"Маанинин тили {langs} эмес"


def _unique_lang(_: _Parameters) -> _Texts:
    return "More than one value has the same language tag", "Бир тилде бирден ашык маани бар"


def _min_count(p: _Parameters) -> _Texts:
    n = p.value(SH.minCount)
    return f"Fewer than {n} value(s)", f"Маанилер жетишсиз (эң аз дегенде {n})"


def _max_count(p: _Parameters) -> _Texts:
    n = p.value(SH.maxCount)
    return f"More than {n} value(s)", f"Маанилер өтө көп (эң көп {n})"


def _class(p: _Parameters) -> _Texts:
    cls = p.value(SH["class"])
    return f"A value is not of class {cls}", f"Маани {cls} классынан эмес"


_NODE_KINDS = {
    "IRI": ("an IRI", "IRI"),
    "BlankNode": ("a blank node", "бош түйүн"),
    "Literal": ("a literal", "литерал"),
    "BlankNodeOrIRI": ("an IRI or a blank node", "IRI же бош түйүн"),
    "BlankNodeOrLiteral": ("a blank node or a literal", "бош түйүн же литерал"),
    "IRIOrLiteral": ("an IRI or a literal", "IRI же литерал"),
}


def _node_kind(p: _Parameters) -> _Texts:
    kind = str(p.shapes.value(p.shape, SH.nodeKind) or "").rsplit("#", 1)[-1]
    en, ky = _NODE_KINDS.get(kind, (kind or "?", kind or "?"))
    return f"A value is not {en}", f"Маани {ky} эмес"


def _pattern(p: _Parameters) -> _Texts:
    pattern = p.value(SH.pattern)
    return f"A value does not match {pattern}", f"Маани үлгүгө дал келбейт: {pattern}"


def _in(p: _Parameters) -> _Texts:
    allowed = p.items(SH["in"])
    return f"A value is not one of {allowed}", f"Маани тизмеде жок: {allowed}"


def _min_inclusive(p: _Parameters) -> _Texts:
    n = p.value(SH.minInclusive)
    return f"A value is less than {n}", f"Маани өтө кичине (эң кичине {n})"


def _has_value(p: _Parameters) -> _Texts:
    v = p.value(SH.hasValue)
    return f"The value {v} is missing", f"{v} мааниси жок"


def _or(_: _Parameters) -> _Texts:
    return "A value meets none of the alternatives", "Маани эч бир вариантка туура келбейт"


def _node(p: _Parameters) -> _Texts:
    shape = p.value(SH.node)
    return f"A value does not conform to {shape}", f"Маани {shape} формасына туура келбейт"


def _qualified_min(p: _Parameters) -> _Texts:
    n = p.value(SH.qualifiedMinCount)
    return (
        f"Fewer than {n} value(s) conform to the qualified shape",
        f"Талапка ылайык маанилер жетишсиз (эң аз дегенде {n})",
    )


def _less_than_or_equals(p: _Parameters) -> _Texts:
    other = p.value(SH.lessThanOrEquals)
    return (
        f"A value is greater than the value of {other}",
        f"Маани {other} маанисинен чоң",
    )


def _sparql(_: _Parameters) -> _Texts:
    return "A SPARQL rule of the shapes is not met", "Формалардын SPARQL эрежеси аткарылган жок"


_WRITERS: dict[str, Callable[[_Parameters], _Texts]] = {
    "DatatypeConstraintComponent": _datatype,
    "LanguageInConstraintComponent": _language_in,
    "UniqueLangConstraintComponent": _unique_lang,
    "MinCountConstraintComponent": _min_count,
    "MaxCountConstraintComponent": _max_count,
    "ClassConstraintComponent": _class,
    "NodeKindConstraintComponent": _node_kind,
    "PatternConstraintComponent": _pattern,
    "InConstraintComponent": _in,
    "MinInclusiveConstraintComponent": _min_inclusive,
    "HasValueConstraintComponent": _has_value,
    "OrConstraintComponent": _or,
    "NodeConstraintComponent": _node,
    "QualifiedMinCountConstraintComponent": _qualified_min,
    "LessThanOrEqualsConstraintComponent": _less_than_or_equals,
    "SPARQLConstraintComponent": _sparql,
}
