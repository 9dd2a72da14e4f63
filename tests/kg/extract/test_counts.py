"""Participant counts: exact ones only, split by sex, also written in words."""

from __future__ import annotations

import pytest

from kg.extract import extract_text
from kg.extract.counts import parse_number, participants_from_field, participants_from_text
from kg.record import Participants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Иш-чарага 43, 21 аялдар жана 22 эркектер катышты.", Participants(43, 21, 22)),
        ("Приняли участие 43 человека, из них 21 женщина.", Participants(43, 21, None)),
        ("The event gathered 43 participants (21 women).", Participants(43, 21, None)),
        ("Региондон чогулган 20 лидер айым тренингде окушту.", Participants(20, 20, None)),
        ("Иш-чарага кырк үч катышуучу катышты.", Participants(43, None, None)),
        (
            "В семинаре приняли участие сорок три участника, из них двадцать одна женщина.",
            Participants(43, 21, None),
        ),
        ("twenty-five participants took part", Participants(25, None, None)),
    ],
)
def test_exact_counts(text: str, expected: Participants) -> None:
    assert participants_from_text(text, 0, len(text))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "На встречу пришли порядка 40 руководителей СМИ",
        "100дөн ашуун жергиликтүү кеңештин аял депутаттары келет",
        "more than 100 people came",
        "около 200 жителей собрались",
        "about 40 participants",
    ],
)
def test_approximate_counts_are_left_out(text: str) -> None:
    assert participants_from_text(text, 0, len(text))[0].is_empty()


def test_count_field() -> None:
    text = "43, 21 аялдар жана 22 эркектер."
    assert participants_from_field(text, 0, len(text))[0] == Participants(43, 21, 22)
    text = "28 (12 аял, 16 эркек)"
    assert participants_from_field(text, 0, len(text))[0] == Participants(28, 12, 16)


def test_numbers_of_things_are_not_people() -> None:
    text = "25 белгилүү бейөкмөт уюмдар жана 80 суроо"
    assert participants_from_text(text, 0, len(text))[0].is_empty()


def test_parse_number() -> None:
    assert (parse_number("отуз беш"), parse_number("сорок три"), parse_number("43")) == (35, 43, 43)
    assert parse_number("катышуучу") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Семинар өттү. Семинарга отуз бир адам катышып, алардын он тогузу аялдар болду.",
            (31, 19, None),
        ),
        (
            "Тренинг өттү. Тренингге 24 жаш лидер катышты, алардын 14ү кыздар, 10у жигиттер.",
            (24, 14, 10),
        ),
        (
            "Прошел семинар. В семинаре участвовали 52 человека: 30 женщин и 22 мужчины.",
            (52, 30, 22),
        ),
        ("Круглый стол.\nКоличество участников: 41 (женщин – 25, мужчин – 16).", (41, 25, 16)),
        (
            "A forum was held. Thirty-two participants, nineteen of them women, attended.",
            (32, 19, None),
        ),
        (
            "A public hearing was held. It brought together 47 residents of three villages, among them 19 women.",
            (47, 19, None),
        ),
    ],
)
def test_split_counts(text: str, expected: tuple[int | None, ...]) -> None:
    p = extract_text(text).record.event.participants
    assert (p.total, p.women, p.men) == expected
