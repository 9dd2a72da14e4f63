"""Dates in Kyrgyz, Russian and English, to ISO 8601 or --MM-DD."""

from __future__ import annotations

import pytest

from kg.extract.dates import find_dates, find_relative, shift


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021-жылдын 22-апрель күнү", "2021-04-22", None),
        ("2021-жылы 22-апрелде өттү", "2021-04-22", None),
        ("Шейшемби, 14-июнь, 2022-жыл", "2022-06-14", None),
        ("22-апрелде", "--04-22", None),
        ("22 апреля 2021 г.", "2021-04-22", None),
        ("22.04.2021", "2021-04-22", None),
        ("03.11.22", "2022-11-03", None),
        ("April 22, 2021", "2021-04-22", None),
        ("on 22 April 2021", "2021-04-22", None),
        ("On April 11, the centre", "--04-11", None),
        ("С 22 по 24 июля 2024 года", "2024-07-22", "2024-07-24"),
        ("13-15- августта", "--08-13", "--08-15"),
        ("from June 1 to 3, 2023", "2023-06-01", "2023-06-03"),
        ("July 22-24, 2024", "2024-07-22", "2024-07-24"),
        ("2-ноябрында", "--11-02", None),
    ],
)
def test_date_forms(text: str, start: str, end: str | None) -> None:
    found = find_dates(text)
    assert [(d.iso(), d.end_iso()) for d in found[:1]] == [(start, end)]


def test_misprinted_year_keeps_month_and_day() -> None:
    assert find_dates("13 октября 20021 года")[0].iso() == "--10-13"


def test_numbers_that_are_not_dates() -> None:
    assert find_dates("43, 21 аялдар жана 22 эркектер") == []
    assert find_dates("30%дык квота, 25 уюм") == []


def test_relative_day_against_a_dated_dateline() -> None:
    dateline = find_dates("17:27, 05 марта 2018, Бишкек")[0]
    ((_, _, days),) = find_relative("Эртең форум ачылат", 0, 18)
    assert shift(dateline, days) == "2018-03-06"
    assert [r[2] for r in find_relative("вчера и сегодня; yesterday", 0, 27)] == [-1, 0, -1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Бүгүн, 9-мартта Талас шаарында тургундар менен жолугушуу болду.", "--03-09"),
        ("Сегодня, 4 октября 2023 года в Нарыне прошел круглый стол.", "2023-10-04"),
    ],
)
def test_a_relative_day_opening_the_body_is_no_dateline(text: str, expected: str) -> None:
    """ "Бүгүн, <date> ..." opens the body: the date is the event's, not a news item's dateline."""
    from kg.extract import extract_text

    assert extract_text(text).record.event.date == expected
