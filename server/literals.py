"""Literals as a reader sees them: dates written out in the page's language, numbers as numbers.

The value is shown as text (templates escape it); the language tag goes into a ``lang``
attribute, and the datatype is named for the reader (``date``) next to typed values that are not
dates or numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from server.labels import primary

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {
    f"{XSD}{n}" for n in ("integer", "nonNegativeInteger", "positiveInteger", "int", "decimal")
}
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    # Russian dates name the month in the genitive: "23 августа 2023 г."
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "ky": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
           "сентябрь", "октябрь", "ноябрь", "декабрь"),
}  # fmt: skip


@dataclass(frozen=True)
class Text:
    """A literal for display: the text, its language (``""`` if none) and a datatype note."""

    value: str
    lang: str = ""
    datatype: str = ""
    display: str = ""

    def __str__(self) -> str:
        return self.display or self.value


def format_date(value: str, lang: str) -> str:
    """An ``xsd:date`` or ``xsd:gMonthDay`` written out; anything else unchanged.

    >>> format_date("2023-08-23", "ru")
    '23 августа 2023 г.'
    >>> format_date("2023-08-23", "ky")
    '2023-ж. 23-август'
    >>> format_date("--04-11", "en")
    '11 April'
    """
    match = _DATE.match(value)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if not 1 <= month <= 12:
            return value
        name = MONTHS.get(lang, MONTHS["en"])[month - 1]
        if lang == "ru":
            return f"{day} {name} {year} г."
        if lang == "ky":
            return f"{year}-ж. {day}-{name}"
        return f"{day} {name} {year}"
    match = _MONTH_DAY.match(value)
    if match:
        month, day = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            return value
        name = MONTHS.get(lang, MONTHS["en"])[month - 1]
        return f"{day}-{name}" if lang == "ky" else f"{day} {name}"
    return value


def literal_text(literal: ox.Literal, lang: str) -> Text:
    """A :class:`Text` for a pyoxigraph literal."""
    datatype = literal.datatype.value
    if literal.language:
        return Text(literal.value, primary(literal.language))
    if datatype in (f"{XSD}date", f"{XSD}gMonthDay"):
        return Text(literal.value, display=format_date(literal.value, lang))
    if datatype in _NUMBERS or datatype == f"{XSD}string":
        return Text(literal.value)
    short = datatype.removeprefix(XSD) if datatype.startswith(XSD) else datatype.rsplit("#", 1)[-1]
    return Text(literal.value, datatype=short)
