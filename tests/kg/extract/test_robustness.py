"""Any text gives a record or an InputError, in time linear in its length (capped by the reader)."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract import extract_text

GENRE_WORDS = ["Тегерек", "стол", "өттү", "катышты", "12", "аял", "жана", "«Жаңы", "муун»", "коомдук", "бирикмесинин", "төрагасы", "Асан", "уулу", "Бакыт", "Ош", "шаарында", "2024-жылдын", "15-мартында", ":", ";", ",", ".", "–", "(", ")", '"', "»", "«", "\n", "|", "**", "1.", "•", "Модератор:", "Участники:", "подняли", "вопросы", "о", "нехватке", "в", "г.", "Каракол", "вице-мэр", "Иванов", "И.И.,", "директор", "ОФ", "Participants", "said", "that", "the", "lack", "of", "A.", "Smith,", "Head", "of", "the", "Department", "of", "Osh", "City", "Hall", "tomorrow", "Вчера,", "11", "марта", "сорок", "три", "человека,", "из", "них", "25", "женщин", "алардын", "15и", "кыздар", "Сунуштар:", "маселелерин", "көтөрүштү", "###", "Media", "contact:", "<!--"]


def _extract(text: str) -> None:
    with contextlib.suppress(InputError):  # "no event could be read": a clean error, never a crash
        extract_text(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_record_or_an_input_error(text: str) -> None:
    _extract(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(GENRE_WORDS), max_size=120))
def test_any_mix_of_genre_words_gives_a_record_or_an_input_error(words: list[str]) -> None:
    _extract(" ".join(words))


PATHOLOGICAL = {
    "one long word": "а" * 1_000_000,
    "name-like words": "Асан Бакыт Асанович " * 50_000,
    "initials": "А.Б. " * 200_000,
    "cue words": "Тегерек стол өттү, катышты 12 аял жана маселелерин " * 20_000,
    "list marks": "1, «а» – " * 110_000,
}


@pytest.mark.parametrize("name", ["one long word", "cue words"])
def test_a_pathological_line_is_read_in_bounded_time(name: str) -> None:
    started = time.perf_counter()
    _extract(PATHOLOGICAL[name][:100_000])
    assert time.perf_counter() - started < 20


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_a_one_megabyte_pathological_line_is_read_in_bounded_time(name: str) -> None:
    started = time.perf_counter()
    _extract(PATHOLOGICAL[name])
    assert time.perf_counter() - started < 60
