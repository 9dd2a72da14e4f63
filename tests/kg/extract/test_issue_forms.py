"""Issue lists in the genre's wordings: plain lines after a colon, residents' questions, short
nouns, a list closed by "и т.д.", and the instructions that close a meeting."""

from __future__ import annotations

import pytest

from kg.extract import extract_text


def _issues(text: str) -> list[str]:
    return [i.text for i in extract_text(text).record.issues_raised]


def test_unmarked_lines_after_a_colon() -> None:
    text = (
        "Бүгүн, 5-мартта аким Кара-Суу айылынын тургундары менен жолугушту. "
        "Жолугушууда төмөнкү "
        "маселелер каралды:\nМектептин имаратын оңдоо;\nИчүүчү суу түтүктөрүн алмаштыруу;\n"
        "Жаштардын жумуштуулугу.\nАким ар бир суроого жооп берип, тиешелүү кызматтарга "
        "тапшырма берди.\n"
    )
    record = extract_text(text).record
    assert [i.text for i in record.issues_raised] == [
        "Мектептин имаратын оңдоо",
        "Ичүүчү суу түтүктөрүн алмаштыруу",
        "Жаштардын жумуштуулугу",
    ]
    assert record.outcome == "Аким ар бир суроого жооп берип, тиешелүү кызматтарга тапшырма берди"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Бүгүн, 5-мартта аким Кара-Суу айылынын тургундары менен жолугушту. Айылдыктар "
            "жер, жол жана "
            "көпүрө тууралуу суроо беришти. Мындан тышкары бир катар экологиялык көйгөйлөр да "
            "айтылды.",
            ["жер", "жол", "көпүрө", "бир катар экологиялык көйгөйлөр"],
        ),
        (
            "Бүгүн, 5-мартта аким Кара-Суу айылынын тургундары менен жолугушту. Мындан тышкары "
            "ал бала бакча, "
            "көчө жарыгы жана таштанды боюнча суроолорго да жооп берди.",
            ["бала бакча", "көчө жарыгы", "таштанды"],
        ),
        (
            "Встреча прошла в Оше 4 мая 2023 года. Жители спрашивали о ремонте школы, уличном "
            "освещении и "
            "вывозе мусора; все предложения записаны.",
            ["ремонте школы", "уличном освещении", "вывозе мусора"],
        ),
        (
            "Встреча прошла в Оше 4 мая 2023 года. Жители подняли вопросы местного значения, "
            "которые давно "
            "ждут решения.",
            [],
        ),
        (
            "A hearing was held in Osh on 4 May 2023. At the hearing, participants talked "
            "about the lack of "
            "street lighting, the state of local roads and the need for a new school.",
            [
                "the lack of street lighting",
                "the state of local roads",
                "the need for a new school",
            ],
        ),
        (
            "A hearing was held in Osh on 4 May 2023. Residents asked about the repair of the "
            "bridge and the "
            "schedule of buses.",
            ["the repair of the bridge", "the schedule of buses"],
        ),
    ],
)
def test_issue_wordings(text: str, expected: list[str]) -> None:
    assert _issues(text) == expected


def test_a_list_closed_by_etc_ends_its_sentence() -> None:
    record = extract_text(
        "Встреча прошла в Оше 4 мая 2023 года. Среди обсуждавшихся вопросов: ремонт дорог; "
        "нехватка воды "
        "и т.д. Все предложения будут включены в повестку дня сессии городского кенеша.\n"
    ).record
    assert [i.text for i in record.issues_raised] == ["ремонт дорог", "нехватка воды"]
    assert record.outcome == (
        "Все предложения будут включены в повестку дня сессии городского кенеша"
    )


def test_a_number_of_issues_is_no_list() -> None:
    assert (
        _issues(
            "Бүгүн аким Кара-Суу айылынын тургундары менен жолугушту. Маалыматка караганда, "
            "жолугушууда жалпы 40ка жакын маселелер көтөрүлдү."
        )
        == []
    )
