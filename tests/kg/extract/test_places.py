"""Where the event was: city, oblast and country through the gazetteer."""

from __future__ import annotations

import pytest

from kg.extract import extract_text


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        ("Жалал-Абад облусундагы Жалал-Абад шаарында тегерек стол өттү.", "Жалал-Абад", "KG-J"),
        ("Ош шаарында жыйын болду.", "Ош", "KG-GO"),
        ("Вчера в г. Оше прошел круглый стол.", "Ош", "KG-GO"),
        (
            "В городе Чолпон-Ата (Иссык-Кульская область) работал круглый стол.",
            "Чолпон-Ата",
            "KG-Y",
        ),
        ("A round table was held in the village of Baetovo, Naryn region.", "Baetovo", "KG-N"),
    ],
)
def test_event_city_and_region(text: str, city: str, region: str) -> None:
    event = extract_text(text).record.event
    assert (event.city, event.region, event.country) == (city, region, "KG")


def test_region_implied_by_a_district() -> None:
    event = extract_text(
        "Бүгүн Чоң-Алай районундагы айылдардын тургундары менен элдик жыйын болду."
    ).record.event
    assert (event.city, event.region) == (None, "KG-O")


def test_place_in_an_organisations_name_does_not_locate_the_event() -> None:
    event = extract_text(
        "A round table was organized by the Resource Center in Talas at the Park Hotel in Kyrgyzstan."
    ).record.event
    assert event.city is None
    assert event.region is None
    assert (event.venue, event.country) == ("Park Hotel", "KG")


def test_dateline_city_of_a_news_agency_is_not_the_venue() -> None:
    event = extract_text(
        "Бишкек, 03.11.22. /Кабар/. Ош шаарында аялдардын укуктары боюнча жыйын болду."
    ).record.event
    assert (event.city, event.date) == ("Ош", None)


def test_recommendation_places() -> None:
    record = extract_text(
        "Нарын шаарында тегерек стол өттү.\n\nСунуштар:\n\n"
        "1. Тажикстан менен чек арадагы Лейлек районуна, ошондой эле Алайга инвестиция багыттоо;\n"
        "2. окууларды уюштуруу.\n"
    ).record
    assert record.recommendations[0].regions == ("Лейлек", "Алай")
    assert record.recommendations[0].countries == ("TJ",)
    assert record.recommendations[1].regions == ()


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # Kyrgyz: the place phrase in the nominative; a hotel by its quoted name
        (
            "2023-жылдын 5-майында Ат-Башы айыл өкмөтүнүн жыйындар залында жыйын өттү.",
            "Ат-Башы айыл өкмөтүнүн жыйындар залы",
        ),
        ("Нарын шаарындагы «Жаштар» борборунда тренинг өттү.", "Жаштар борбору"),
        ("Нарын шаарындагы «Кең-Сай» мейманканасында тренинг өттү.", "Кең-Сай"),
        # Russian: the phrase after "в", head and adjectives in the nominative
        (
            "3 мая 2023 года в малом зале городской библиотеки прошел семинар.",
            "малый зал городской библиотеки",
        ),
        ("В Оше (конференц-зал гостиницы «Алай») прошел форум.", "конференц-зал гостиницы «Алай»"),
        # English
        ("A round table was held at the Pamir Guest House in Osh.", "Pamir Guest House"),
    ],
)
def test_venue_phrases(text: str, venue: str) -> None:
    assert extract_text(text).record.event.venue == venue


def test_the_venue_phrase_names_the_town() -> None:
    event = extract_text(
        "5 мая 2023 года в актовом зале мэрии города Балыкчы прошли общественные слушания."
    ).record.event
    assert (event.city, event.region, event.venue) == (
        "Балыкчы",
        "KG-Y",
        "актовый зал мэрии города Балыкчы",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Бүгүн, 5-мартта Таластагы Б.Осмонов атындагы маданият үйүндө тургундар менен "
            "жолугушуу өттү.",
            "Б.Осмонов атындагы маданият үйү",
        ),
        (
            "Сегодня в Оше в театре имени С.Ибраимова проходит форум молодежи.",
            "театр имени С.Ибраимова",
        ),
    ],
)
def test_a_venue_named_after_a_person_keeps_the_initial(text: str, expected: str) -> None:
    assert extract_text(text).record.event.venue == expected


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        (
            "15 марта 2023 года в с.Кызыл-Дыйкан Ноокенского района прошел сельский сход.",
            "Кызыл-Дыйкан",
            "KG-J",
        ),
        (
            "Бүгүн Талас районундагы Беш-Таш айылында тургундар менен жолугушуу болду.",
            "Беш-Таш",
            "KG-T",
        ),
    ],
)
def test_an_unlisted_village_is_the_place(text: str, city: str, region: str) -> None:
    event = extract_text(text).record.event
    assert (event.city, event.region) == (city, region)


@pytest.mark.parametrize(
    "text",
    [
        "Фонд Каракол жана Нарын шаарларында мэрия кызматкерлери үчүн тренинг өткөрдү.",
        "NARYN, 3 May 2023 - Seminars for teachers are being held in Naryn, Talas and Osh "
        "provinces this month.",
    ],
)
def test_an_event_held_in_several_places_has_no_single_city(text: str) -> None:
    event = extract_text(text).record.event
    assert (event.city, event.region) == (None, None)
