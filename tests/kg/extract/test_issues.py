"""Issues raised: cues in three languages, lists before or after them, after a colon, in a field."""

from __future__ import annotations

import pytest

from kg.extract import extract_text


def issues(text: str) -> list[str]:
    return [i.text for i in extract_text(text).record.issues_raised]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kyrgyz: the list before the cue, the subject and an adverbial left out
        (
            "Тегерек стол өттү. Катышуучулар жолдордун начардыгы, таза суунун жетишсиздиги жана "
            "жумушсуздук маселелерин көтөрүштү.",
            ["жолдордун начардыгы", "таза суунун жетишсиздиги", "жумушсуздук"],
        ),
        (
            "Жыйын өттү. Айыл тургундары малдын ууруланышына жана жайыттын тарылышына нааразычылыгын билдиришти.",
            ["малдын ууруланышына", "жайыттын тарылышына"],
        ),
        # after a colon: the rest of the sentence
        (
            "Жыйын өттү. Тургундар көптөн бери чечилбей келген маселелерди айтышты: көпүрөнүн бузулушу, "
            "мектептин жылуулук системасы.",
            ["көпүрөнүн бузулушу", "мектептин жылуулук системасы"],
        ),
        # a relative clause before the noun is no list
        ("Жыйын өттү. Тургундар жыйынга катышып, элди тынчсыздандырган маселелерди айтышты.", []),
        # Russian: a repeated preposition marks the items, "и" inside an item stays
        (
            "Прошла встреча. Жители задали вопросы о ремонте школы и детского сада, о ценах на уголь и о "
            "вывозе мусора.",
            ["ремонте школы и детского сада", "ценах на уголь", "вывозе мусора"],
        ),
        (
            "Прошел семинар. Участники обсудили проблемы оттока молодежи из Нарынской и Иссык-Кульской областей "
            "и нехватки врачей.",
            ["оттока молодежи из Нарынской и Иссык-Кульской областей", "нехватки врачей"],
        ),
        # a cue of noting counts only before a problem
        (
            "Прошел круглый стол. Участники отметили нехватку учителей, отсутствие интернета в селах.",
            ["нехватку учителей", "отсутствие интернета в селах"],
        ),
        ("Прошел круглый стол. Участники отметили важность диалога с властями.", []),
        # English: reported speech enumerating clauses; a semicolon list
        (
            "A forum was held. Residents said that the road is unsafe, that buses are rare and crowded, and "
            "that the clinic closes early.",
            ["the road is unsafe", "buses are rare and crowded", "the clinic closes early"],
        ),
        (
            "A round table was held. Participants raised the following problems: poor roads; the lack of "
            "doctors and nurses; high prices.",
            ["poor roads", "the lack of doctors and nurses", "high prices"],
        ),
        # plans are not issues raised
        (
            "A round table will be held tomorrow. Participants will raise concerns about water and roads.",
            [],
        ),
    ],
)
def test_issue_lists(text: str, expected: list[str]) -> None:
    assert issues(text) == expected


def test_issues_listed_below_a_colon() -> None:
    text = (
        "Прошел тренинг.\n\nУчастники назвали основные проблемы:\n- нехватка кадров;\n"
        "- низкие зарплаты, особенно в селах;\n- плохие дороги.\n"
    )
    assert issues(text) == ["нехватка кадров", "низкие зарплаты, особенно в селах", "плохие дороги"]


def test_issues_from_a_labelled_field() -> None:
    text = (
        "| Иш-чаранын түрү | Тегерек стол |\n|---|---|\n"
        "| Көтөрүлгөн маселелер | суунун тартыштыгы; жолдордун абалы |\n"
    )
    assert issues(text) == ["суунун тартыштыгы", "жолдордун абалы"]
