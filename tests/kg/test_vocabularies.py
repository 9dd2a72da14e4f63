"""Event kinds and themes found in text, their SDG targets, and SDG labels."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from kg.namespaces import KIND, SDG, THEME
from kg.vocabularies import event_kind, event_kinds, sdg_label, tag_themes, themes


def targets(text: str, lang: str | None = "ky") -> set[str]:
    """The SDG notations ("8.7") of every theme named in ``text``."""
    return {t.removeprefix(str(SDG)) for m in tag_themes(text, lang=lang) for t in m.sdg_targets}


# --- event kinds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ачык маектешүү аянтчасы", "open-dialogue-platform"),
        ("ачык маектешүү аянтчасында", "open-dialogue-platform"),
        ("Диалог аянтчасында", "open-dialogue-platform"),
        ("тегерек столдо", "round-table"),
        ("тегерек столдун катышуучулары", "round-table"),
        ("круглый стол", "round-table"),
        ("круглого стола", "round-table"),
        ("на круглых столах", "round-table"),
        ("a round table", "round-table"),
        ("Round tables", "round-table"),
        ("тренерлер үчүн тренинг уюштуруп", "training-of-trainers"),
        ("training of trainers", "training-of-trainers"),
        ("ToT", "training-of-trainers"),
        ("тренинг", "training"),
        ("тренингде", "training"),
        ("элдик жыйын болуп", "peoples-assembly"),
        ("сход граждан", "peoples-assembly"),
        ("Жыйындын аягында", "meeting"),
        ("встреча", "meeting"),
        ("встречу с журналистами", "meeting"),
        ("Форум", "forum"),
        ("форумдун ачылышын", "forum"),
        ("публичных слушаниях", "public-hearing"),
        ("пресс-конференция", "press-conference"),
        ("семинарда", "seminar"),
        ("иш-чаранын катышуучулары", "event"),
    ],
)
def test_event_kind_reads_kinds_as_reports_write_them(text, kind):
    found = event_kind(text)
    assert found is not None, text
    assert found.iri == str(KIND[kind])


@pytest.mark.parametrize("text", ["", "   ", "тот самый человек", "столдо отурушту", "2021"])
def test_event_kind_is_none_when_no_kind_is_named(text):
    assert event_kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Бүгүн элдик жыйын болду. Жыйын график боюнча өттү.", "peoples-assembly"),
        ("Meetings were held. A round table took place in Baetovo.", "round-table"),
        ("Тренинг өттү: тренерлер үчүн тренинг.", "training-of-trainers"),
        ("мероприятие прошло в формате круглого стола", "round-table"),
    ],
)
def test_event_kind_prefers_the_most_specific_kind(text, kind):
    assert event_kind(text).iri == str(KIND[kind])


def test_the_gold_kinds_resolve_to_their_english_gloss(shared):
    checked = 0
    for path in sorted((shared / "gold").glob("*.yaml")):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))["event"]
        gloss = event.get("kind_en") or event["kind"]
        found = event_kind(event["kind"])
        assert found is not None, path.name
        assert found.labels["en"] == gloss, path.name
        checked += 1
    assert checked >= 11


def test_the_kind_of_every_corpus_report(shared):
    for path in sorted((shared / "gold").glob("*.yaml")):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))["event"]
        report = next((shared / "corpus").glob(f"{path.stem}.*.md"))
        text = report.read_text(encoding="utf-8").split("\n", 1)[1]  # line 1 names the source
        found = event_kind(text)
        assert found is not None, report.name
        assert found.labels["en"] == (event.get("kind_en") or event["kind"]), report.name


def test_every_kind_has_three_labels():
    kinds = list(event_kinds())
    assert len(kinds) >= 15
    for kind in kinds:
        assert set(kind.labels) == {"ky", "ru", "en"}, kind.iri


# --- themes and SDG targets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("улгайган адамдарга карата зомбулук көйгөйлөрү", {"16.1"}),
        ("балдарды эмгекке тартуу", {"8.7"}),
        ("кулчулук", {"8.7"}),
        ("көптөгөн жарандардын кетишине байланыштуу улуттук коопсуздуктун абалы", {"16"}),
        (
            "Тажикстан менен чек арадагы көйгөйлөргө байланыштуу Лейлек районуна инвестицияларды "
            "багыттоо керек",
            {"11.a"},
        ),
    ],
)
def test_seed_issues_get_exactly_the_targets_a_reader_expects(text, expected):
    assert targets(text) == expected


def test_seed_issues_and_recommendations_get_their_targets(seed_gold):
    seed = yaml.safe_load(seed_gold.read_text(encoding="utf-8"))
    issues = [i["text"] for i in seed["issues_raised"]]
    recs = [r["text"] for r in seed["recommendations"]]
    assert targets(seed["event"]["topic"]) == {"10.7"}
    assert targets(issues[0]) == {"16.1"}  # violence against older people
    assert targets(issues[1]) == {"8.7"}  # child labour
    assert targets(issues[3]) == {"8.7"}  # slavery
    assert {"10.7", "4.1"} <= targets(issues[4])  # migration and the level of education
    assert {"4.4", "8.6"} <= targets(recs[0])  # budget programmes to train young specialists
    assert "11.a" in targets(recs[1])  # investment in border regions
    assert {"10.7", "17.18", "16.10"} <= targets(recs[2])  # analysis, informing citizens
    assert "4.1" in targets(recs[3])  # state-funded education
    assert {"16.10", "16.7"} <= targets(seed["event"]["goal"])  # media, public councils


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("детский труд", "ru", {"8.7"}),
        ("эксплуатации детского труда", "ru", {"8.7"}),
        ("торговля людьми", "ru", {"8.7"}),
        ("человек стал жертвой торговли людьми", "ru", {"8.7"}),
        ("насилие в отношении женщин", "ru", {"5.2", "16.1"}),
        ("ранние браки и похищение невест", "ru", {"5.3"}),
        ("государственных закупок", "ru", {"12.7"}),
        ("Child labour and human trafficking", "en", {"8.7"}),
        ("the Water Users Association", "en", {"6.5", "6.b"}),
        ("таза ичүүчү суу", "ky", {"6.1"}),
        ("электр энергиясы менен камсыздоо", "ky", {"7.1"}),
        ("гендердик тенчилик", "ky", {"5.1"}),  # typed without ң
        ("ЖМКнын ролу", "ky", {"16.10"}),
        ("Айылдык кеңештерде аялдар үчүн 30%дык квота", "ky", {"5.5", "16.6"}),
    ],
)
def test_themes_in_three_languages(text, lang, expected):
    assert targets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("трудности детей", "ru"),  # not child labour
        ("дорожная карта проекта", "ru"),  # not roads
        ("конфликт интересов", "ru"),  # not peacebuilding
        ("алар качып кетишти", "ky"),  # not bride kidnapping
        ("адамдар дүкөндөн сатып алышат", "ky"),  # buying, not trafficking
        ("тот самый жмк", "ru"),  # abbreviations match only in capitals
        ("жолдорун издөө", "ky"),  # "ways", not roads
        ("", None),
    ],
)
def test_ordinary_words_are_not_themes(text, lang):
    assert tag_themes(text, lang=lang) == []


def test_theme_matches_carry_spans_labels_and_targets():
    text = "Сессияларда улгайган адамдарга карата зомбулук, балдарды эмгекке тартуу талкууланды."
    found = tag_themes(text, lang="ky")
    by_iri = {m.iri: m for m in found}
    older = by_iri[str(THEME["violence-against-older-people"])]
    assert older.surface == "улгайган адамдарга карата зомбулук"
    assert older.labels["en"] == "violence against older people"
    assert older.sdg_targets == (str(SDG["16.1"]),)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert text[m.start : m.end] == m.surface


def test_every_theme_has_labels_and_an_sdg_target_or_a_note():
    found = list(themes())
    assert len(found) >= 40
    unmapped = {t.iri for t in found if not t.sdg_targets}
    assert unmapped == {str(THEME.family)}
    for theme in found:
        assert set(theme.labels) == {"ky", "ru", "en"}, theme.iri


@given(st.text(max_size=200))
def test_theme_spans_always_point_at_the_surface(text):
    for m in tag_themes(text):
        assert text[m.start : m.end] == m.surface


# --- SDG labels -------------------------------------------------------------------------------


def test_sdg_labels_are_the_official_english_ones():
    label = sdg_label(str(SDG["8.7"]))
    assert label.startswith("Take immediate and effective measures to eradicate forced labour")
    assert label == label.strip()
    assert sdg_label(str(SDG["10.7"]), "en").startswith("Facilitate orderly, safe, regular")
    assert sdg_label("http://metadata.un.org/sdg/codes/sex/F") == "Female"


def test_sdg_labels_fall_back_to_english_and_goals_have_short_titles():
    assert sdg_label(str(SDG["8.7"]), "ky") == sdg_label(str(SDG["8.7"]), "en")
    assert sdg_label(str(SDG["4"]), "ru") == "Качественное образование"
    assert sdg_label(str(SDG["99.9"])) is None
