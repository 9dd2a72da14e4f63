"""The outcome: a field, a result cue, or the closing sentence; none for an announcement."""

from __future__ import annotations

import pytest

from kg.extract import extract_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Таласе прошел форум. Форум завершился принятием декларации о сотрудничестве.",
            "Форум завершился принятием декларации о сотрудничестве",
        ),
        (
            "В Нарыне прошел семинар. Участники задали вопросы. Все замечания записаны в протокол; проект "
            "будет вынесен на сессию кенеша.",
            "Все замечания записаны в протокол; проект будет вынесен на сессию кенеша",
        ),
        (
            "A round table was held in Talas on 3 May 2023. The recommendations will be sent to the regional "
            "council.",
            "The recommendations will be sent to the regional council",
        ),
        # a result cue is a whole word: "жыйынтыктары менен бөлүштү" (shared the results) is none
        (
            "Талас шаарында тегерек стол өттү. Эксперт изилдөөнүн жыйынтыктары менен бөлүштү. Катышуучулар "
            "сунуштарын акимиатка тапшырышты.",
            "Катышуучулар сунуштарын акимиатка тапшырышты",
        ),
        # an announcement states no outcome
        (
            "OSH, May 2, 2024 – A forum will be held tomorrow in Osh. Its proposals will be sent to the city "
            "council.",
            None,
        ),
        # a list closes the report: the sentence before it is no closing sentence
        (
            "Прошел семинар в Нарыне. Участники отметили, что бюджеты малы.\n\nРекомендации:\n"
            "1. провести обучение;\n2. издать брошюру.\n",
            None,
        ),
    ],
)
def test_outcome(text: str, expected: str | None) -> None:
    assert extract_text(text).record.outcome == expected


def test_outcome_from_a_table_field() -> None:
    text = (
        "| Иш-чаранын түрү | Тегерек стол |\n|---|---|\n| Жыйынтык | Сунуштар кеңешке жөнөтүлөт |\n"
    )
    assert extract_text(text).record.outcome == "Сунуштар кеңешке жөнөтүлөт"
