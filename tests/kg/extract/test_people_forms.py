"""Moderators and speakers in the genre's wordings: who led the event, two moderators joined by a
conjunction, a capacity given to a list of names."""

from __future__ import annotations

import pytest

from kg.extract import extract_text


def test_the_person_who_led_a_kyrgyz_seminar_is_its_moderator() -> None:
    record = extract_text(
        "Окуу семинарын Талас шаарынын мэриясынын Мамлекеттик тилди өнүктүрүү бөлүмүнүн башчысы "
        "Айгүл Токтосунова жүргүздү."
    ).record
    assert [(m.name.family, m.roles) for m in record.moderators] == [
        (
            "Токтосунова",
            ("Талас шаарынын мэриясынын Мамлекеттик тилди өнүктүрүү бөлүмүнүн башчысы",),
        )
    ]
    assert record.speakers == ()
    assert record.outcome is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Конференцию модерировали Бакыт Осмонов, председатель совета директоров ассоциации и "
            "Нина Ким, член совета директоров ассоциации.",
            [
                ("Осмонов", ("председатель совета директоров ассоциации",)),
                ("Ким", ("член совета директоров ассоциации",)),
            ],
        ),
        (
            "The forum was moderated by Aida Bekova, director of the youth centre and John Smith, "
            "adviser to the mayor.",
            [("Bekova", ("director of the youth centre",)), ("Smith", ("adviser to the mayor",))],
        ),
    ],
)
def test_two_moderators_joined_by_a_conjunction(text: str, expected: list[object]) -> None:
    assert [(m.name.family, m.roles) for m in extract_text(text).record.moderators] == expected


def test_a_capacity_given_to_a_list_of_names() -> None:
    record = extract_text(
        "В Нарыне идет стратегическая сессия. В роли экспертов выступают "
        "Бакыт Осмонов, Айгуль Исакова и Сергей Павлов."
    ).record
    assert [(s.name.family, s.role) for s in record.speakers] == [
        ("Осмонов", "эксперт"),
        ("Исакова", "эксперт"),
        ("Павлов", "эксперт"),
    ]


@pytest.mark.parametrize(
    ("text", "role", "organisation"),
    [
        # a day before the post and an object before the verb are not part of the post
        (
            "Бүгүн Талас шаарынын мэри Бакыт Осмонов волейбол клубун түзүүнү сунуштады.",
            "Талас шаарынын мэри",
            None,
        ),
        (
            "Бүгүн, 5-мартта Талас облусунун акими Асан Токтогулов тургундар менен жолугушту.",
            "Талас облусунун акими",
            None,
        ),
        # "Post with the Body"
        (
            "A forum was held in Osh. Dr Aida Bekova, Senior Economist with the World Bank, spoke "
            "about migration.",
            "Senior Economist",
            "World Bank",
        ),
        # a greeting verb ends the post
        (
            "В Оше прошел форум. Бакыт Осмонов, заведующий отделом молодежной политики мэрии Оша в "
            "приветственном слове поздравил участников.",
            "заведующий отделом молодежной политики",
            "мэрии Оша",
        ),
    ],
)
def test_speaker_posts(text: str, role: str, organisation: str | None) -> None:
    (speaker,) = extract_text(text).record.speakers
    assert (speaker.role, speaker.organisation) == (role, organisation)
