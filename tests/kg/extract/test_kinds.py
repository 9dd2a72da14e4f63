"""Kinds of event named as the report names them, in the nominative."""

from __future__ import annotations

import pytest

from kg.extract.kinds import choose_kind


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Райондук кеңеште бюджет боюнча коомдук талкуусу өттү.", "ky", "коомдук талкуу"),
        (
            "«Маалымат коопсуздугу» аттуу окуу семинарына 20 кызматкер катышты.",
            "ky",
            "окуу семинары",
        ),
        ("Бишкекте II Элдик курултай ачылды.", "ky", "элдик курултай"),
        (
            "В Караколе прошла стратегическая сессия общественного совета.",
            "ru",
            "стратегическая сессия",
        ),
        ("В селе прошел итоговый сельский сход жителей.", "ru", "сельский сход"),
        ("Слушания по проекту бюджета прошли в городском театре.", "ru", "слушания"),
        ("Протокол заседания общественного совета министерства.", "ru", "заседание"),
        ("The Third Roundtable of the regional dialogue opened in Naryn.", "en", "round table"),
        (
            "A five-day training course for local councillors began in Talas.",
            "en",
            "training course",
        ),
        ("A two-day training session on budgets ended in Osh.", "en", "training session"),
    ],
)
def test_kind_names(text: str, lang: str, expected: str) -> None:
    kind = choose_kind(text, lang, 0, len(text))
    assert kind is not None
    assert kind.name == expected
