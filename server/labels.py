"""The reader's language (ky, ru or en) and the choice of a label in it, with a fallback order.

The language comes from, in order: a ``?lang=`` parameter (the switcher's links; it is then kept
in a cookie), the ``lang`` cookie, the ``Accept-Language`` header, and the ``DEFAULT_LANGUAGE``
setting. A label is taken in that language if the data has it, else in the next language of
:data:`FALLBACK`, else untagged, else in any language at all, so a page never shows a bare IRI
when some label exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from flask import Response, current_app, g, request

LANGUAGES: tuple[str, ...] = ("ky", "ru", "en")
"""The languages of the pages, in the switcher's order (never ``kg``: that is Kongo)."""

FALLBACK: dict[str, tuple[str, ...]] = {
    # A reader of Kyrgyz or Russian reads the other Cyrillic language more often than English;
    # a reader of English more often reads Russian than Kyrgyz.
    "ky": ("ky", "ru", "en"),
    "ru": ("ru", "ky", "en"),
    "en": ("en", "ru", "ky"),
}
COOKIE = "lang"
COOKIE_AGE = 365 * 24 * 3600


def current_language() -> str:
    """The language of the current request (read once per request)."""
    lang: str | None = g.get("kg_lang")
    if lang is None:
        lang = _requested_language()
        g.kg_lang = lang
    return lang


def _requested_language() -> str:
    asked = request.args.get("lang", "").strip().lower()
    if asked in LANGUAGES:
        g.kg_lang_chosen = asked
        return asked
    cookie = request.cookies.get(COOKIE, "")
    if cookie in LANGUAGES:
        return cookie
    # Werkzeug's best_match prefers any exact match over a better-rated regional tag
    # ("ky-KG, ru;q=0.5" would give ru), so walk the header in order of quality instead.
    for value, _quality in request.accept_languages:
        primary = value.split("-", 1)[0].lower()
        if primary in LANGUAGES:
            return primary
    default: str = current_app.config["DEFAULT_LANGUAGE"]
    return default


def remember_language(response: Response) -> Response:
    """Keep a language chosen with ``?lang=`` in a cookie, so the next pages are in it too."""
    chosen = g.get("kg_lang_chosen")
    if chosen and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(
            COOKIE, chosen, max_age=COOKIE_AGE, samesite="Lax", secure=request.is_secure
        )
    return response


def primary(tag: str | None) -> str:
    """``ru-KG`` → ``ru``; ``None`` → ``""`` (an untagged literal)."""
    return tag.split("-", 1)[0].lower() if tag else ""


def pick(labels: Mapping[str, str], lang: str) -> str | None:
    """The label of ``labels`` (language → text) a reader of ``lang`` should see.

    >>> pick({"ru": "Нарынская область", "en": "Naryn Region"}, "ky")
    'Нарынская область'
    >>> pick({"": "KG-N"}, "en")
    'KG-N'
    """
    for code in FALLBACK.get(lang, (lang,)):
        if code in labels:
            return labels[code]
    if "" in labels:
        return labels[""]
    return next(iter(labels.values()), None)


def pick_lang(labels: Mapping[str, str], lang: str) -> tuple[str | None, str]:
    """:func:`pick`, and the language of the label picked (for a ``lang`` attribute)."""
    for code in (*FALLBACK.get(lang, (lang,)), ""):
        if code in labels:
            return labels[code], code
    for code, text in labels.items():
        return text, code
    return None, ""


def collect(pairs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """``(text, language tag)`` pairs as language → text, the first text of each language kept."""
    labels: dict[str, str] = {}
    for text, tag in pairs:
        labels.setdefault(primary(tag), text)
    return labels
