"""Labelled fields (bold, plain, table rows), the language and the kind of event."""

from __future__ import annotations

import pytest

from kg.extract import extract_text
from kg.extract.document import read_document
from kg.extract.fields import classify_label, find_fields
from kg.extract.kinds import choose_kind
from kg.extract.language import detect_language


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Катышуучулар", "audience"),
        ("Катышуучулардын саны", "count"),
        ("Максаты", "goal"),
        ("Тренингдин негизги максаты", "goal"),
        ("Модератор", "moderator"),
        ("Иш-чаранын күнү, жери", "date_place"),
        ("Участники", "audience"),
        ("Цель", "goal"),
        ("Дата и место проведения", "date_place"),
        ("Количество участников", "count"),
        ("Participants", "audience"),
        ("Date and venue", "date_place"),
        ("Objective", "goal"),
        ("Recommendations", "recommendations"),
        ("Бул жерде узун сүйлөм турат жана ал энбелги эмес болот", None),
    ],
)
def test_labels(label: str, name: str | None) -> None:
    assert classify_label(label) == name


@pytest.mark.parametrize(
    "text",
    [
        "**Цель:** обсудить бюджет.\n",
        "Цель: обсудить бюджет.\n",
        "Цель\tобсудить бюджет.\n",
        "| Цель | обсудить бюджет. |\n",
    ],
)
def test_field_layouts(text: str) -> None:
    doc = read_document(text, "ru")
    (field,) = find_fields(doc)
    assert field.name == "goal"
    assert doc.at(field.value).rstrip(".") == "обсудить бюджет"


def test_structured_report_fields() -> None:
    text = (
        "**Модератор:** *Асанов Бакыт Маратович*, эксперт, профессор.\n\n"
        "**Дата и место проведения:** 22.04.2021, г. Нарын, гостиница «Ала-Тоо»\n\n"
        "**Количество участников:** 30, из них 18 женщин.\n\n"
        "Семинар прошел успешно.\n"
    )
    record = extract_text(text).record
    assert record.event.date == "2021-04-22"
    assert (record.event.city, record.event.region, record.event.venue) == (
        "Нарын",
        "KG-N",
        "гостиница «Ала-Тоо»",
    )
    assert (record.event.participants.total, record.event.participants.women) == (30, 18)
    assert record.moderators[0].roles == ("эксперт", "профессор")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Катышуучулар жана эксперттер менен жолугушуу болду.", "ky"),
        ("Катышуучулар жана эксперттер менен жолугушуу болду, тенчилик учун.", "ky"),
        ("Участники обсудили вопросы и предложения.", "ru"),
        ("Participants discussed the budget.", "en"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Naryn hosts meetings. A round table was held.", "en", "round table"),
        ("13-15-августта тренерлер үчүн тренинг өттү.", "ky", "тренерлер үчүн тренинг"),
        ("Глава города провел встречу с жителями.", "ru", "встреча"),
        ("Открытие Форума по прозрачности", "ru", "форум"),
    ],
)
def test_kind(text: str, lang: str, kind: str) -> None:
    found = choose_kind(text, lang, 0, len(text))
    assert found is not None
    assert found.name == kind
