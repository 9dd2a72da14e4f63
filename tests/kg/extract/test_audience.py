"""Audience categories read from the sentences that say who came, in the genre's wordings."""

from __future__ import annotations

import pytest

from kg.extract import extract_text


def _audience(text: str) -> tuple[str, ...]:
    return extract_text(text).record.event.audience


def test_kyrgyz_sources_in_the_ablative_share_their_head() -> None:
    """ "X-тен, Y-тен жана Z-тен өкүлдөр": one "... өкүлдөр" per source; "ошондой эле" joins the list
    and the kind in the dative before it is not part of it."""
    assert _audience(
        "Тегерек столго Талас шаардык кеңешинен, акимчиликтен жана жарандык коомдон өкүлдөр, "
        "мектептердин директорлору, ошондой эле шаардын тургундары келишти."
    ) == (
        "Талас шаардык кеңешинен өкүлдөр",
        "акимчиликтен өкүлдөр",
        "жарандык коомдон өкүлдөр",
        "мектептердин директорлору",
        "шаардын тургундары",
    )


def test_the_people_an_official_meets_are_the_audience() -> None:
    """ "<post> <Name> X менен жолугушту": X is who came; the official, the day, an approximate count
    and a place after the name stay out of it."""
    record = extract_text(
        "Бүгүн, 5-мартта Талас облусунун акими Асан Токтогулов Бакай-Ата районунун 200дөн ашуун "
        "тургундары менен жолугушту."
    ).record
    assert record.event.audience == ("Бакай-Ата районунун тургундары",)
    assert [s.name.family for s in record.speakers] == ["Токтогулов"]
    assert record.event.participants.total is None
    assert _audience(
        "Бүгүн, 5-мартта аким Кара-Суу шаарынын жана Арал районунун эли менен жолугушту."
    ) == ("Кара-Суу шаарынын эли", "Арал районунун эли")


def test_kyrgyz_participle_and_invitation_cues() -> None:
    assert _audience("Айылда жергиликтүү тургундар катышкан жыйын болду.") == (
        "жергиликтүү тургундар",
    )
    assert _audience(
        "Семинарга Талас райондук администрациясынын жана айыл өкмөттөрүнүн "
        "кызматкерлери чакырылды."
    ) == ("Талас райондук администрациясынын кызматкерлери", "айыл өкмөттөрүнүн кызматкерлери")


def test_russian_split_participation_phrase() -> None:
    assert _audience(
        "Участие в работе семинара принимают представители местных органов власти, "
        "неправительственных "
        "организаций, члены молодежных комитетов и сотрудники ЮНИСЕФ."
    ) == (
        "представители местных органов власти",
        "представители неправительственных организаций",
        "члены молодежных комитетов",
        "сотрудники ЮНИСЕФ",
    )


def test_english_attendance_phrases() -> None:
    assert _audience(
        "A round table was held in Osh. Among those attending were deputies of the city council, "
        "representatives of NGOs and civil society."
    ) == ("deputies of the city council", "representatives of NGOs", "civil society")


@pytest.mark.parametrize(
    "text",
    [
        "Форумга Талас облусунун акиминин орун басары Айгүл Токтосунова жана ЮНИСЕФтин "
        "өкүлү Марат Исаков "
        "катышты.",
        "Круглый стол прошел в Нарыне. На нем присутствовали депутат городского кенеша "
        "Бакыт Осмонов и "
        "советник мэра Нина Ким.",
        "A forum was held in Naryn. It was attended by Aida Bekova, Head of the Naryn "
        "city council.",
    ],
)
def test_people_listed_as_present_are_not_speakers(text: str) -> None:
    assert extract_text(text).record.speakers == ()


def test_a_present_person_who_speaks_is_a_speaker() -> None:
    record = extract_text(
        "Форумга облустун акими Айгүл Токтосунова катышып, куттуктоо сөз сүйлөдү."
    ).record
    assert [s.name.family for s in record.speakers] == ["Токтосунова"]


def test_english_list_with_a_shared_trailing_head() -> None:
    assert _audience(
        "A training course began on 3 May in Naryn. Taking part are 25 young teachers from rural "
        "schools, together with civil society and media representatives."
    ) == (
        "young teachers from rural schools",
        "civil society representatives",
        "media representatives",
    )


def test_questions_among_which_are_not_people() -> None:
    assert _audience(
        "Бүгүн, 5-мартта аким Кара-Суу айылынын тургундары менен жолугушту. Алардын арасында жол, "
        "таштанды жана суу көйгөйлөрү айтылды."
    ) == ("Кара-Суу айылынын тургундары",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Таласе прошел семинар. В семинаре участвовали депутаты местного кенеша, глава и "
            "аппарат айыл окмоту.",
            ("депутаты местного кенеша", "глава айыл окмоту", "аппарат айыл окмоту"),
        ),
        (
            "Тренинг прошел в Таласе. Участниками стали главы и сотрудники айыл окмоту, депутаты "
            "местных кенешей.",
            ("главы айыл окмоту", "сотрудники айыл окмоту", "депутаты местных кенешей"),
        ),
        # a category of its own joined by "и" keeps its words
        (
            "Тренинг прошел в Таласе. Участниками стали учителя, архитекторы и представители "
            "общественных организаций.",
            ("учителя", "архитекторы", "представители общественных организаций"),
        ),
    ],
)
def test_russian_nouns_sharing_a_complement(text: str, expected: tuple[str, ...]) -> None:
    assert _audience(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Фонд Каракол шаарында мэрия кызматкерлери үчүн тренинг өткөрдү.",
            ("мэрия кызматкерлери",),
        ),
        # letters typed with look-alikes (Greek γ, Old Cyrillic ѳ) read as the Kyrgyz ones
        (
            "Фонд Каракол шаарында мэрия кызматкерлери γчγн тренинг ѳткѳрдγ.",
            ("мэрия кызматкерлери",),
        ),
        (
            "В Оше прошел тренинг для молодых журналистов по вопросам безопасности.",
            ("молодых журналистов",),
        ),
        (
            "NARYN, 3 May 2023 - Training courses supported by UNICEF for school teachers and "
            "representatives of parents' committees, which are being held in Naryn, end today.",
            ("school teachers", "representatives of parents' committees"),
        ),
        # a training of trainers names its kind, not its audience
        ("Талас шаарында тренерлер үчүн тренинг өткөрүлдү.", ()),
    ],
)
def test_whom_the_event_was_for(text: str, expected: tuple[str, ...]) -> None:
    assert _audience(text) == expected
