"""The report's language: Kyrgyz, Russian or English (``ky``, ``ru``, ``en``)."""

from __future__ import annotations

import re

from kg.extract.lexicon import words

KYRGYZ_LETTERS = set("өүңӨҮҢ")


def detect_language(text: str) -> str:
    """``ky``, ``ru`` or ``en`` by script, Kyrgyz letters and frequent function words.

    Kyrgyz typed without ө/ү/ң (a common habit) is still told from Russian by its function
    words ("жана", "менен", "боюнча").

    >>> detect_language("Катышуучулар жана эксперттер менен жолугушуу болду.")
    'ky'
    >>> detect_language("Участники обсудили вопросы и предложения.")
    'ru'
    """
    sample = text[:20_000]
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    if latin > 2 * cyrillic:
        return "en"
    tokens = re.findall(r"[\w-]+", sample.lower())
    ky_words = set(words("language", "ky"))
    ru_words = set(words("language", "ru"))
    ky = sum(t in ky_words for t in tokens) * 2
    ky += sum(c in KYRGYZ_LETTERS for c in sample)
    ru = sum(t in ru_words for t in tokens) * 2
    return "ky" if ky > ru else "ru"


__all__ = ["detect_language"]
