"""Audience categories, issues raised, recommendations, presentations, topic, outcome."""

from __future__ import annotations

from kg.extract import extract_text


def test_audience_shared_head_noun_is_distributed() -> None:
    ky = extract_text(
        "Форумга өкмөттүн, жарандык коомдун жана эл аралык уюмдардын өкүлдөрү, журналисттер катышты."
    ).record.event.audience
    assert ky == (
        "өкмөттүн өкүлдөрү",
        "жарандык коомдун өкүлдөрү",
        "эл аралык уюмдардын өкүлдөрү",
        "журналисттер",
    )
    ru = extract_text(
        "В семинаре приняли участие представители правительства, научных кругов и средств массовой информации."
    ).record.event.audience
    assert ru == (
        "представители правительства",
        "представители научных кругов",
        "представители средств массовой информации",
    )


def test_audience_drops_counts_and_approximations() -> None:
    ru = extract_text(
        "На встречу пришли порядка 40 руководителей СМИ и активисты города."
    ).record.event
    assert ru.audience == ("руководители СМИ", "активисты города")
    assert ru.participants.total is None


def test_issues_raised() -> None:
    ky = extract_text(
        "Тегерек стол өттү. Сессиялардын жүрүшүндө зомбулук көйгөйлөрү, балдарды эмгекке тартуу, "
        "кулчулук жөнүндө суроолор көтөрүлдү."
    ).record
    assert [i.text for i in ky.issues_raised] == [
        "зомбулук көйгөйлөрү",
        "балдарды эмгекке тартуу",
        "кулчулук",
    ]
    ru = extract_text(
        "Прошла встреча. Речь шла о развитии туризма, кадровым вопросам и выборам."
    ).record
    assert [i.text for i in ru.issues_raised] == [
        "развитии туризма",
        "кадровым вопросам",
        "выборам",
    ]


def test_numbered_recommendations_and_outcome() -> None:
    record = extract_text(
        "A training was held in Osh.\n\nRecommendations:\n\n1. train young specialists;\n"
        "2. publish budgets.\n\nAt the end of the training, the participants adopted an action plan.\n"
    ).record
    assert [r.text for r in record.recommendations] == [
        "train young specialists",
        "publish budgets",
    ]
    assert record.outcome == "At the end of the training, the participants adopted an action plan"


def test_topic_and_presentations() -> None:
    record = extract_text(
        "«Жаштар жана шайлоо» темасындагы тегерек стол өттү. «Шайлоо мыйзамынын жаңы редакциясы» "
        "аттуу презентация угулду."
    ).record
    assert record.event.topic == "Жаштар жана шайлоо"
    assert record.presentations == ("Шайлоо мыйзамынын жаңы редакциясы",)


def test_nested_and_mismatched_quotes_in_topics() -> None:
    ru = extract_text(
        "Прошел круглый стол на тему: «Реализация Закона «О выборах». Итоги подвели."
    ).record
    assert ru.event.topic == "Реализация Закона «О выборах»"
    ky = extract_text("Тренинг «Аялдардын ролу” деп аталды.").record
    assert ky.event.topic == "Аялдардын ролу"


def test_future_closing_sentence_is_not_an_outcome() -> None:
    record = extract_text("В Оше прошел форум. Участники будут встречаться ежеквартально.").record
    assert record.outcome is None


def test_audience_after_a_count_and_a_colon() -> None:
    ru = extract_text(
        "Прошел форум. В форуме участвовали 80 человек: студенты колледжей, представители "
        "акиматов и местных кенешей."
    ).record.event.audience
    assert ru == ("студенты колледжей", "представители акиматов", "представители местных кенешей")
    en = extract_text(
        "A forum was held. Thirty people came from three districts: teachers and school "
        "nurses, heads of aiyl okmotu and members of youth councils."
    ).record.event.audience
    assert en == ("teachers and school nurses", "heads of aiyl okmotu", "members of youth councils")


def test_counted_group_is_the_audience_and_a_sentence_is_no_label() -> None:
    record = extract_text(
        "Тренинг өттү. Тренингге эки райондон келген 18 жаш мугалим катышты, алардын 12си кыздар.\n\n"
        "Катышуучулар төмөнкү көйгөйлөрдү белгилешти: китептердин жетишсиздиги, интернеттин жоктугу."
    ).record
    assert record.event.audience == ("жаш мугалим",)
    assert [i.text for i in record.issues_raised] == [
        "китептердин жетишсиздиги",
        "интернеттин жоктугу",
    ]


def test_topic_before_a_described_kind_and_not_after_a_declined_one() -> None:
    record = extract_text(
        "2024-жылы Ош шаарында «Таза аба: жаштардын демилгеси» аттуу эки күндүк тренинг өттү. "
        "Тренингди «Жашыл Ош» коомдук фонду уюштурду."
    ).record
    assert record.event.topic == "Таза аба: жаштардын демилгеси"
    assert record.presentations == ()


def test_phrase_topic_is_read_in_the_lead_not_the_headline() -> None:
    record = extract_text(
        "Общественные слушания по бюджету района\n\n"
        "10 мая 2023 года в Кочкоре состоялись общественные слушания по проекту бюджета на 2024 год."
    ).record
    assert record.event.topic == "проекту бюджета на 2024 год"


def test_talks_listed_below_a_colon_and_a_title_that_asks() -> None:
    record = extract_text(
        "В Оше прошла конференция.\n\nС докладами выступили:\n"
        "– Асанов Б.К., эксперт – «Что ждёт малые города?»;\n"
        "– Петрова А.А., юрист ОФ «Право» – «Земельные споры в селах».\n"
    ).record
    assert record.presentations == ("Что ждёт малые города?", "Земельные споры в селах")
    assert [s.name.family for s in record.speakers] == ["Асанов", "Петрова"]
