"""People's names: parts, order, initials, declension, honorifics, verbs kept out."""

from __future__ import annotations

import pytest

from kg.extract import extract_text
from kg.extract.names import find_names, strip_ky_case
from kg.extract.people import merged_name
from kg.record import PersonName


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Жумалиев Эрлан Маратович, профессор", "ky", ("Жумалиев", "Эрлан", "Маратович")),
        ("Нурлан Асанович Бекешов, вице-мэри", "ky", ("Бекешов", "Нурлан", "Асанович")),
        ("орун басары Сапарова Гүлнара чыкты.", "ky", ("Сапарова", "Гүлнара", None)),
        ("орун басары Б.Асанованын төрагалыгында", "ky", ("Асанова", "Б.", None)),
        ("Asanbekov S., Manager", "en", ("Asanbekov", "S.", None)),
        ("Dzhumaliev Zh., a representative", "en", ("Dzhumaliev", "Zh.", None)),
        ("led by B. Toktosunova put", "en", ("Toktosunova", "B.", None)),
        ("Азамат Бакыт уулу, эксперт", "ky", ("Бакыт уулу", "Азамат", None)),
        ("төрагасы Асан уулу Бакыт жана", "ky", ("Асан уулу", "Бакыт", None)),
        ("эксперт Нурбек кызы Айзада.", "ky", ("Нурбек кызы", "Айзада", None)),
    ],
)
def test_name_parts(text: str, lang: str, expected: tuple[str | None, ...]) -> None:
    names = find_names(text, 0, len(text), lang)
    assert names[0].name.parts() == expected


def test_honorifics_are_not_name_parts() -> None:
    text = "Mr. Nurlan Abdykadyrov, Deputy Governor, said. Dr. Timur Alievich Sadykov spoke."
    assert [n.name.parts() for n in find_names(text, 0, len(text), "en")] == [
        ("Abdykadyrov", "Nurlan", None),
        ("Sadykov", "Timur", "Alievich"),
    ]


def test_kyrgyz_case_endings() -> None:
    assert strip_ky_case("Бакировдун") == "Бакиров"
    assert strip_ky_case("Асанованын") == "Асанова"
    assert strip_ky_case("Бишкекте") == "Бишкекте"


def test_russian_genitive_back_to_nominative() -> None:
    text = "заместитель министра г-н Бакиров. По словам заместителя министра Азамата Бакирова, всё хорошо."
    mentions = [n for n in find_names(text, 0, len(text), "ru") if n.name.family]
    assert merged_name(mentions, "ru") == PersonName("Бакиров", "Азамат", None)
    text = "под председательством акима Кубанычбека Саматовича Ормонова."
    assert merged_name(find_names(text, 0, len(text), "ru"), "ru") == PersonName(
        "Ормонов", "Кубанычбек", "Саматович"
    )


def test_verb_after_name_and_unnamed_officials() -> None:
    record = extract_text(
        "Бишкек шаарында тегерек стол өттү. Куттуктоо сөзү менен долбоордун координатору Асанова Айгүл чыкты. "
        "Шаардын мэри да сөз сүйлөдү."
    ).record
    assert [s.name.parts() for s in record.speakers] == [("Асанова", "Айгүл", None)]
