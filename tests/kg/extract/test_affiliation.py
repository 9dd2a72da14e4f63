"""Posts and organisations: the outermost named body is the organisation, as written."""

from __future__ import annotations

import pytest

from kg.extract.affiliation import Affiliation, body_kind, split_role


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Kyrgyz: the genitive chain in front of the post; inner units stay in the post
        (
            "«Жаштар үнү» коомдук бирикмесинин төрагасы",
            "ky",
            ("төрагасы", "«Жаштар үнү» коомдук бирикмесинин"),
        ),
        (
            "Кыргыз Республикасынын Билим берүү министрлигинин мектепке чейинки билим берүү бөлүмүнүн адиси",
            "ky",
            (
                "мектепке чейинки билим берүү бөлүмүнүн адиси",
                "Кыргыз Республикасынын Билим берүү министрлигинин",
            ),
        ),
        (
            "Нарын облустук саламаттык сактоо башкармалыгынын башчысы",
            "ky",
            ("башчысы", "Нарын облустук саламаттык сактоо башкармалыгынын"),
        ),
        ("«Жашыл Таш» КФнун юристи", "ky", ("юристи", "«Жашыл Таш» КФнун")),
        # a territorial government's own head or deputy: one post, no organisation
        (
            "Ат-Башы райондук мамлекеттик администрациясынын башчысынын орун басары",
            "ky",
            ("Ат-Башы райондук мамлекеттик администрациясынын башчысынын орун басары", None),
        ),
        ("Кара-Жыгач айыл өкмөтүнүн башчысы", "ky", ("Кара-Жыгач айыл өкмөтүнүн башчысы", None)),
        # Russian: the body after the post, with its adjectives; a project stays in the post
        ("директор ОсОО «Ак-Суу Сервис»", "ru", ("директор", "ОсОО «Ак-Суу Сервис»")),
        (
            "координатор программы «Чистый город» общественного фонда «Жер-Эне»",
            "ru",
            ("координатор программы «Чистый город»", "общественного фонда «Жер-Эне»"),
        ),
        (
            "старший преподаватель Нарынского государственного университета",
            "ru",
            ("старший преподаватель", "Нарынского государственного университета"),
        ),
        (
            "представитель Посольства Германии по вопросам культуры",
            "ru",
            ("представитель Посольства Германии по вопросам культуры", "Посольства Германии"),
        ),
        ("вице-мэр г. Балыкчы", "ru", ("вице-мэр г. Балыкчы", None)),
        # English: the "of" phrase that carries a name
        (
            "Director of the Batken Regional Health Department",
            "en",
            ("Director", "Batken Regional Health Department"),
        ),
        (
            "head of the youth department of Karakol City Hall",
            "en",
            ("head of the youth department", "Karakol City Hall"),
        ),
        ("Deputy Governor of Talas Region", "en", ("Deputy Governor of Talas Region", None)),
    ],
)
def test_split_role(text: str, lang: str, expected: tuple[str, str | None]) -> None:
    assert split_role(text, lang) == Affiliation(*expected)


def test_an_unnamed_body_is_part_of_the_post() -> None:
    assert (
        split_role("Райондук маданият бөлүмүнүн башчысы", "ky", sentence_initial=True).organisation
        is None
    )
    assert split_role("head of the district education department", "en").organisation is None


def test_a_ministry_is_the_organisation_only_when_the_report_names_it() -> None:
    post = "заместитель министра культуры"
    assert split_role(post, "ru").organisation is None
    report = (
        "Министерство культуры провело семинар. Выступил заместитель министра культуры А. Асанов."
    )
    assert split_role(post, "ru", whole_text=report).organisation == "Министерство культуры"


@pytest.mark.parametrize(
    ("word", "lang", "kind"),
    [
        ("бирикмесинин", "ky", "organisation"),
        ("долбоорунун", "ky", "project"),
        ("мэриясынын", "ky", "territorial"),
        ("объединения", "ru", "organisation"),
        ("центральной", "ru", None),
        ("officer", "en", None),
        ("office", "en", "organisation"),
        ("ОФнун", "ky", "organisation"),
    ],
)
def test_body_kind(word: str, lang: str, kind: str | None) -> None:
    assert body_kind(word, lang) == kind
