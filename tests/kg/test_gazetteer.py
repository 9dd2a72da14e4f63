"""The gazetteer: its codes checked against ISO 3166 (pycountry), and names found in text."""

from __future__ import annotations

import re

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import NotFound
from kg.gazetteer import load_gazetteer
from kg.inflection import fold

PCODE_RE = re.compile(r"^KG\d{11}$")
VERIFICATION = {"verified", "single-source", "unverified"}
LEILEK, ALAI, UZGEN, NARYN_DISTRICT = (
    "KG05236000000",
    "KG06207000000",
    "KG06255000000",
    "KG04245000000",
)
JALAL_ABAD_CITY, NARYN_TOWN = "KG03410000010", "KG04400000010"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# --- codes ------------------------------------------------------------------------------------


def test_oblasts_and_cities_are_exactly_the_iso_3166_2_subdivisions(gaz):
    ours = {p.iso3166 for p in gaz.places() if p.kind in ("oblast", "city")}
    iso = {s.code for s in pycountry.subdivisions.get(country_code="KG")}
    assert ours == iso
    assert {p.code for p in gaz.places("city")} == {"KG-GB", "KG-GO"}


def test_country_codes_agree_with_iso_3166_1(gaz):
    countries = list(gaz.places("country"))
    assert {"KG", "TJ", "KZ", "UZ", "CN"} <= {c.code for c in countries}
    for country in countries:
        record = pycountry.countries.get(alpha_2=country.code)
        assert record is not None, country.code
        assert country.iso3166 == country.code
        # M49 codes of countries are the ISO 3166-1 numeric codes
        assert country.m49 == record.numeric


def test_pcodes_have_the_cod_ab_pattern_and_are_unique(gaz):
    pcodes = [p.pcode for p in gaz.places() if p.pcode]
    assert all(PCODE_RE.match(c) for c in pcodes), [c for c in pcodes if not PCODE_RE.match(c)]
    assert len(pcodes) == len(set(pcodes))
    assert gaz.get("KG-J").pcode == "KG03000000000"


def test_every_district_lies_in_an_oblast(gaz):
    districts = list(gaz.places("district"))
    assert len(districts) == 40
    for d in districts:
        assert d.pcode == d.code
        assert gaz.get(d.parent).kind == "oblast"
        assert d.region == d.parent
        assert d.country == "KG"


@pytest.mark.parametrize("kind", ["town", "village"])
def test_every_settlement_has_a_parent_region_and_country(gaz, kind):
    for place in gaz.places(kind):
        assert place.parent is not None
        assert gaz.get(place.region).kind in ("oblast", "city")
        assert place.country == "KG"


def test_regions_and_countries_point_at_themselves(gaz):
    assert gaz.get("KG-J").region == "KG-J"
    assert gaz.get("KG-GB").region == "KG-GB"
    assert gaz.get("TJ").country == "TJ"
    assert gaz.get("TJ").region is None
    isfana = gaz.get("KG05236610010")
    assert (isfana.parent, isfana.region) == (LEILEK, "KG-B")


def test_every_code_carries_a_verification_mark(gaz):
    for place in gaz.places():
        assert set(place.verification.values()) <= VERIFICATION, place.code
        for key, value in (("iso3166", place.iso3166), ("pcode", place.pcode), ("m49", place.m49)):
            if value:
                assert key in place.verification, (place.code, key)
        if place.centroid:
            assert "centroid" in place.verification


def test_verification_follows_interop_marks(gaz):
    assert gaz.get("KG-J").verification["iso3166"] == "verified"
    assert gaz.get("KG-J").verification["pcode"] == "single-source"
    assert gaz.get(LEILEK).verification["pcode"] == "single-source"
    assert gaz.get(UZGEN).verification["pcode"] == "verified"  # HDX names it as its example
    assert gaz.get("KG").verification["wikidata"] == "verified"
    assert "wikidata" not in gaz.get("KZ").verification


def test_centroids_of_kyrgyz_places_lie_in_kyrgyzstan(gaz):
    for place in gaz.places():
        if place.centroid and place.country == "KG":
            lon, lat = place.centroid
            assert 69.2 <= lon <= 80.3, place.code
            assert 39.1 <= lat <= 43.3, place.code


def test_every_place_has_labels_in_three_languages(gaz):
    for place in gaz.places():
        assert set(place.labels) == {"ky", "ru", "en"}, place.code
        assert place.concept.endswith("/" + place.code)


def test_unknown_code_raises_not_found(gaz):
    with pytest.raises(NotFound, match="KG-X"):
        gaz.get("KG-X")


def test_names_lists_folded_labels(gaz):
    names = {(name, place.code) for name, place in gaz.names()}
    assert ("жалал-абад облусу", "KG-J") in names
    assert ("leylek district", LEILEK) in names
    assert all(name == fold(name) for name, _ in names)


# --- lookup -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # Kyrgyz: case and possessive endings on the name or on its qualifier
        ("Жалал-Абад облусундагы", "KG-J"),
        ("Жалал-Абад ш.", JALAL_ABAD_CITY),
        ("Жалал-Абад ш", JALAL_ABAD_CITY),
        ("Жалал-Абад шаарынын", JALAL_ABAD_CITY),
        ("Ош шаарында", "KG-GO"),
        ("Ош облусунун", "KG-O"),
        ("Оштон", "KG-O"),
        ("Лейлек районуна", LEILEK),
        ("Алайга", ALAI),
        ("Чоң-Алай районундагы", "KG06259000000"),
        ("Чон-Алай", "KG06259000000"),  # typed without ң
        ("Ысык-Кол облусунда", "KG-Y"),
        ("Бишкекте", "KG-GB"),
        ("Тажикстан менен", "TJ"),
        ("Тажикстандын", "TJ"),
        ("Кыргыз Республикасынын", "KG"),
        ("КРда", "KG"),
        ("Нарын", "KG-N"),
        ("Нарын району", NARYN_DISTRICT),
        ("Нарын шаарында", NARYN_TOWN),
        # Russian: declension, adjectives, abbreviations before the name
        ("в г. Джалал-Абаде", JALAL_ABAD_CITY),
        ("в г. Оше", "KG-GO"),
        ("Ошской области", "KG-O"),
        ("Джалал-Абадская область", "KG-J"),
        ("Иссык-Кульской области", "KG-Y"),
        ("Лейлекского района", LEILEK),
        ("в Нарынском районе", NARYN_DISTRICT),
        ("в городе Чолпон-Ата", "KG02215600010"),
        ("Таджикистана", "TJ"),
        ("Кыргызской Республики", "KG"),
        ("Нарыне", "KG-N"),
        ("Нарына", "KG-N"),
        ("к Ошу", "KG-O"),
        ("за Ошем", "KG-O"),
        ("в Ошскую область", "KG-O"),
        ("Таласская область", "KG-T"),
        ("Узгенский р-н", UZGEN),
        ("Китая", "CN"),
        ("в Российской Федерации", "RU"),
        # English
        ("Naryn region", "KG-N"),
        ("Naryn city", NARYN_TOWN),
        ("Ak-Taalinsky district", "KG04210000000"),
        ("Leylek", LEILEK),
        ("Jalalabat", "KG-J"),
        ("the village of Baetovo", "baetovo"),
        ("Tajikistan", "TJ"),
        ("Tajikistan's", "TJ"),
        ("Chüy Region", "KG-C"),
    ],
)
def test_lookup_resolves_names_as_reports_write_them(gaz, name, code):
    place = gaz.lookup(name)
    assert place is not None, name
    assert place.code == code


@pytest.mark.parametrize(
    ("name", "lang", "code"),
    [
        ("Нарында", "ky", "KG-N"),
        ("Нарыне", "ru", "KG-N"),
        ("Naryn", "en", "KG-N"),
        ("Оша", "ru", "KG-O"),
    ],
)
def test_lookup_with_a_language(gaz, name, lang, code):
    assert gaz.lookup(name, lang=lang).code == code


@pytest.mark.parametrize(
    "name",
    [
        "алайда",  # "however", not "in Alai"
        "Ошондой эле",  # "also": ош + -ондой is no Kyrgyz ending
        "ошол",
        "ошону",
        "Нарынбаев",  # surnames built on place names
        "Таласбек",
        "Ошол күнү",  # "that day"
        "Ошентип",
        "Ошо жерде",
        "Ошибка",  # Russian "error"
        "Кантор",
        "Manas University",
        "Kant's philosophy",
        "Мамлекеттик органдардын өкүлдөрү",
        "Москвада",  # Moscow, not the Moskva district of Chüy
        "Манас",  # the epic hero; the district needs "району"
        "Кант",  # sugar, or the philosopher
        "",
        "   ",
    ],
)
def test_lookup_returns_none_for_words_that_are_not_places(gaz, name):
    assert gaz.lookup(name) is None


def test_a_qualifier_makes_an_ambiguous_name_specific(gaz):
    assert gaz.lookup("Москва районунда").code == "KG08217000000"
    assert gaz.lookup("Манас району").code == "KG07225000000"
    assert gaz.lookup("г. Кант").code == "KG08206600010"


def test_a_name_written_in_full_beats_a_shorter_name_with_an_ending(gaz):
    # "Кочкорка" is the village; read as "Кочкор" + dative "-ка" it would be the district
    assert gaz.lookup("Кочкорка").code == "kochkor"


# --- find -------------------------------------------------------------------------------------

RECOMMENDATION_2 = (
    "Тажикстан менен чек арадагы көйгөйлөргө байланыштуу Лейлек районуна инвестицияларды "
    "багыттоо керек, ошондой эле инвестициялар башка чек ара региондоруна, мисалы Нарын, Алайга "
    "багытталышы керек"
)


def test_find_reads_the_seed_recommendation_on_border_regions(gaz):
    mentions = gaz.find(RECOMMENDATION_2, lang="ky")
    assert [m.place.code for m in mentions] == ["TJ", LEILEK, "KG-N", ALAI]
    assert [m.surface for m in mentions] == ["Тажикстан", "Лейлек районуна", "Нарын", "Алайга"]
    for m in mentions:
        assert RECOMMENDATION_2[m.start : m.end] == m.surface


def test_find_includes_qualifiers_before_and_after(gaz):
    text = "Встреча прошла в г. Оше, а затем в Ошской области и в с. Баетово."
    found = [(m.surface, m.place.code) for m in gaz.find(text)]
    assert found == [("г. Оше", "KG-GO"), ("Ошской области", "KG-O"), ("с. Баетово", "baetovo")]


def test_find_gives_a_shared_qualifier_to_every_name_of_a_list(gaz):
    text = (
        "Топтор Талас, Нарын жана Чуй областтарында түзүлөт; Москва жана Сокулук райондорунда да."
    )
    found = [m.place.code for m in gaz.find(text)]
    assert found == ["KG-T", "KG-N", "KG-C", "KG08217000000", "KG08222000000"]
    villages = gaz.find("Кара-Мык жана Жекенди айылдарынын тургундары")
    assert [m.place.code for m in villages] == ["kara-myk", "jekendi"]
    assert villages[1].surface == "Жекенди айылдарынын"


def test_find_needs_capitals_and_skips_homographs_at_sentence_start(gaz):
    assert gaz.find("койлор жана кочкор сатылды") == []
    assert gaz.find("Алайда, жолугушуу болгон жок.") == []
    assert gaz.find("жолугушуу алайда болгон жок.") == []
    mid = gaz.find("Жолугушуу Алайда өттү.")
    assert [m.place.code for m in mid] == [ALAI]


def test_find_in_english_text(gaz):
    text = "a round table in the village of Baetovo, Ak-Taalinsky district, Naryn region."
    found = [(m.surface, m.place.code) for m in gaz.find(text, lang="en")]
    assert found == [
        ("village of Baetovo", "baetovo"),
        ("Ak-Taalinsky district", "KG04210000000"),
        ("Naryn region", "KG-N"),
    ]


def test_find_does_not_take_a_year_abbreviation_for_a_city(gaz):
    [m] = gaz.find("2021 г. Ош шаарында")
    assert (m.surface, m.place.code) == ("Ош шаарында", "KG-GO")


def test_find_in_the_seed_report(gaz, shared):
    text = (shared / "corpus" / "jalal-abad-2021-04-22.ky.md").read_text(encoding="utf-8")
    text = text.split("\n", 1)[1]  # the first line names the source, it is not the report
    codes = [m.place.code for m in gaz.find(text, lang="ky")]
    assert codes[0] == "KG-J"
    assert JALAL_ABAD_CITY in codes
    assert codes[-4:] == ["TJ", LEILEK, "KG-N", ALAI]


@given(st.text(max_size=200))
def test_find_offsets_always_point_at_the_surface(text):
    gaz = load_gazetteer()
    previous_end = 0
    for m in gaz.find(text):
        assert text[m.start : m.end] == m.surface
        assert m.start >= previous_end
        previous_end = m.end


@given(st.text(max_size=100))
def test_folding_keeps_the_length(text):
    assert len(fold(text)) == len(text)


def test_russian_text_names_an_indeclinable_place() -> None:
    """A name ending in a vowel Russian does not decline ("Балыкчы") is found in Russian text."""
    found = load_gazetteer().find("Органам МСУ города Балыкчы поручено", lang="ru")
    assert [m.place.labels["en"] for m in found] == ["Balykchy"]
