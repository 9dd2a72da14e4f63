"""A person's role phrase split into the post and the organisation the person represents.

The organisation is the outermost *named* body of the phrase, as written: in Kyrgyz the genitive
chain in front of the post ("«Жаштар үнү» коомдук бирикмесинин | координатору"), in Russian the
genitive after it ("директор | МП «Шаар-Сервис»", "руководитель проекта «...» | общественного
объединения «...»"), in English the "of" phrase ("head of the finance department | of Talas City
Hall"). Units inside the body stay in the post ("ДМЧА ... Башкармалыгынын начальниги" of a
ministry). A body needs a name (a quote, a capitalised word, an abbreviation): "Райондук
маданият бөлүмүнүн башчысы" is a post. A territorial government's own head or deputy holds a post
kept whole ("... администрациясынын башчысы — аким", "Deputy Governor of ... Region"). A project is
the organisation only when no other body is named. When words follow the body ("представитель
Посольства США по ... вопросам") the post is the whole phrase. A minister's post names the ministry
as organisation only when the report names that ministry itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.lexicon import rules, words

KY_GENITIVE = re.compile(r"(?:[нд][ыиуү]н|т[ыиуү]н)$", re.I)
RU_ADJECTIVE = re.compile(
    r"(?:ого|его|ому|ему|ой|ей|ый|ий|ая|яя|ое|ее|ые|ие|ых|их|ым|им|ую|юю)$", re.I
)
TOKEN = re.compile(r"[«“„\"][^«»“”„\"]*[»”“\"]|[^\s,;]+")


@dataclass(frozen=True)
class Affiliation:
    post: str | None
    organisation: str | None


@dataclass(frozen=True)
class Body:
    """A body named in a role phrase: character offsets into the phrase and its kind."""

    start: int
    end: int
    head_end: int
    kind: str  # organisation, project, territorial


@functools.cache
def _stems(lang: str, kind: str) -> tuple[str, ...]:
    return tuple(
        sorted(
            (str(s).lower() for s in rules("people")["bodies"][lang].get(kind, [])),
            key=len,
            reverse=True,
        )
    )


@functools.cache
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(str(a) for a in rules("people")["bodies"][lang].get("abbreviations", []))


@functools.cache
def _post_words(lang: str) -> frozenset[str]:
    return frozenset(words("people", "posts", lang))


def body_kind(word: str, lang: str) -> str | None:
    """The kind of body a word names, or ``None``."""
    w = word.lower().strip('«»“”„"(),.;:')
    if not w or w in _post_words(lang):
        return None
    if lang == "ru" and RU_ADJECTIVE.search(w) and not re.search(r"[^нкв][ое]й$", w):
        return None  # "центральной", "школьные": adjectives, not heads (but "службой" is a noun)
    for kind in ("territorial", "project", "organisation"):
        for stem in _stems(lang, kind):
            if lang == "en":
                if re.fullmatch(rf"{re.escape(stem)}s?", w):
                    return kind
            elif w.startswith(stem):
                return kind
    bare = re.sub(r"[-‑]?(?:[нд][ыиуү]н|т[ыиуү]н)$", "", word.strip('«»“”„"(),.;:'))
    if bare in _abbreviations(lang):
        return "organisation"
    return None


def split_role(
    text: str, lang: str, *, sentence_initial: bool = False, whole_text: str = ""
) -> Affiliation:
    """Post and organisation of a role phrase (collapsed whitespace).

    ``sentence_initial``: the phrase opens its sentence, so its first capital is no name.
    ``whole_text``: the report, searched for a ministry that a minister's post implies.

    >>> split_role("«Жаштар үнү» коомдук бирикмесинин координатору", "ky")
    Affiliation(post='координатору', organisation='«Жаштар үнү» коомдук бирикмесинин')
    >>> split_role("директор МП «Шаар-Сервис»", "ru")
    Affiliation(post='директор', organisation='МП «Шаар-Сервис»')
    >>> split_role("head of the finance department of Talas City Hall", "en")
    Affiliation(post='head of the finance department', organisation='Talas City Hall')
    """
    text = " ".join(text.split()).strip(" ,;:.—–-")
    if not text:
        return Affiliation(None, None)
    bodies = _bodies(text, lang)
    chosen = _choose(text, bodies, lang, sentence_initial)
    if chosen is not None:
        org = text[chosen.start : chosen.end].strip(" ,")
        if lang == "ky":
            post = text[chosen.end :].strip(" ,—–-")
        else:
            post = (
                text[: chosen.start].strip(" ,—–-")
                if chosen.end >= len(text.rstrip(" ."))
                else text
            )
            post = re.sub(r"\s+(?:of|at|with)(?:\s+the)?$", "", post, flags=re.I)
        if post and org:
            return Affiliation(post, org)
    return Affiliation(text, _ministry(text, lang, whole_text))


def _bodies(text: str, lang: str) -> list[Body]:
    out: list[Body] = []
    tokens = list(TOKEN.finditer(text))
    for i, tok in enumerate(tokens):
        word = tok.group()
        kind = body_kind(word, lang)
        if kind is None and lang == "en" and i + 1 < len(tokens):
            pair = f"{word} {tokens[i + 1].group()}"
            kind = body_kind(pair, lang)
            if kind is not None:
                tok = tokens[i + 1]
        if kind is None:
            continue
        if lang == "ky":
            if not KY_GENITIVE.search(word.strip('«»“”"')) and i + 1 < len(tokens):
                continue  # a body in front of a post stands in the genitive
            out.append(Body(0, tok.end(), tok.end(), kind))
        elif lang == "ru":
            start = tok.start()
            j = i - 1
            while j >= 0 and _ru_modifier(tokens[j].group()):
                start = tokens[j].start()
                j -= 1
            if j >= 0 and tokens[j].group() in _abbreviations(lang):
                start = tokens[j].start()
            end = _ru_end(text, tok.end())
            out.append(Body(start, end, tok.end(), kind))
        else:
            of = None
            for m in re.finditer(r"\b(?:of|at|with)\s+(?:the\s+)?", text[: tok.start()], re.I):
                of = m
            start = of.end() if of else 0
            out.append(Body(start, len(text), tok.end(), kind))
    for m in re.finditer(
        r"(?<![\w«“])([A-ZА-ЯЁӨҮҢ]{2,5})\s+[«“„\"]", text
    ):  # "ОФ «...»", "NGO “...”"
        if m.group(1) in _abbreviations(lang) and not any(
            b.start <= m.start() < b.head_end for b in out
        ):
            end = _quote_end(text, m.end() - 1)
            if lang == "ky":
                out.append(
                    Body(0, _ky_word_end(text, end), _ky_word_end(text, end), "organisation")
                )
            else:
                out.append(
                    Body(
                        m.start(1),
                        _ru_end(text, end) if lang == "ru" else len(text),
                        end,
                        "organisation",
                    )
                )
    out.sort(key=lambda b: b.start)
    return out


def _ru_modifier(word: str) -> bool:
    """An adjective in front of a Russian body head belongs to its name ("общественного",
    "Кыргызско-Российского Славянского")."""
    w = word.lower()
    return len(w) > 3 and bool(RU_ADJECTIVE.search(w)) and w not in _post_words("ru")


def _ru_end(text: str, pos: int) -> int:
    """Where a Russian body's name ends: before a preposition or comma that starts a qualifier."""
    m = re.search(r"\s(?:по|для|с|со|на)\s|,", text[pos:])
    return pos + m.start() if m else len(text)


def _quote_end(text: str, opener: int) -> int:
    m = re.search(r"[»”“\"]", text[opener + 1 :])
    return opener + 1 + m.end() if m else len(text)


def _ky_word_end(text: str, pos: int) -> int:
    m = re.match(r"(?:\s+[^\s,;]+)*?\s+[^\s,;]*(?:[нд][ыиуү]н|т[ыиуү]н)(?=\s|$)", text[pos:])
    return pos + m.end() if m else pos


def _named(text: str, start: int, end: int, sentence_initial: bool) -> bool:
    segment = text[start:end]
    if re.search(r"[«“„\"]", segment):
        return True
    for m in re.finditer(r"[^\W\d_][\w'’-]*", segment):
        word = m.group()
        if start + m.start() == 0 and sentence_initial and not _place_word(segment[m.start() :]):
            continue  # a capital that only opens the sentence; a place's name is a name anywhere
        if word[:1].isupper() and word.lower() not in {"the"}:
            return True
    return False


def _place_word(text: str) -> bool:
    from kg.extract.places import gazetteer

    first = text.split()[:2]
    return any(
        gazetteer().lookup(" ".join(first[:n])) is not None for n in (1, 2) if len(first) >= n
    )


def _choose(text: str, bodies: list[Body], lang: str, sentence_initial: bool) -> Body | None:
    def name_span(i: int, b: Body) -> tuple[int, int]:
        if lang != "ru":
            return b.start, b.head_end
        nxt = bodies[i + 1].start if i + 1 < len(bodies) else b.end
        return b.start, max(b.head_end, min(b.end, nxt))

    named = [b for i, b in enumerate(bodies) if _named(text, *name_span(i, b), sentence_initial)]
    if not named:
        return None
    if lang == "ky":
        first = named[0]
        if first.kind == "project":
            first = next((b for b in named if b.kind != "project"), first)
        if first.kind == "territorial" and not any(
            b.kind != "territorial" for b in _bodies(text[first.end :], lang)
        ):
            return None  # the territory's own head or deputy: a territorial post
        return first
    pool = [b for b in named if b.kind != "project"] or named
    chosen = pool[0]
    if chosen.kind == "territorial" and not any(
        b.start < chosen.start and b.kind != "territorial" for b in bodies
    ):
        return None
    return chosen


def _ministry(text: str, lang: str, whole_text: str) -> str | None:
    if not whole_text:
        return None
    rule = rules("people")["minister_to_ministry"][lang]
    if lang == "ky":
        m = re.search(rf"(\S+)\s+{rule['post']}\b", text, re.I)
        org = f"{m.group(1)} {rule['org']}" if m else None
    elif lang == "ru":
        m = re.search(rf"\b{rule['post']}\s+(\w+)", text)
        org = f"{rule['org']} {m.group(1)}" if m else None
    else:
        m = re.search(rf"\b{rule['post']}\s+(.+)$", text, re.I)
        org = f"{rule['org']} {m.group(1)}" if m else None
    if org is None:
        return None
    return _as_written(org, lang, " ".join(whole_text.split()))


MINISTRY_TAIL = {
    "ru": r"(?:,?\s+(?:и\s+)?[а-яё-]+(?:ия|ии|ы|и|а|я|ого|его|ой|ей|ых|их|ов|ев)(?![\w-]))*"
    r"(?:\s+(?:Кыргызской\s+Республики|КР)(?![\w-]))?",
    "en": r"(?:,?\s+(?:and\s+)?[A-Z][\w-]*(?![\w-]))*",
    "ky": r"",
}


def _as_written(org: str, lang: str, text: str) -> str | None:
    """The ministry's name where the report writes it, with the rest of its enumeration
    ("Министерство труда, социального обеспечения и миграции Кыргызской Республики")."""
    m = re.search(rf"(?<![\w-]){re.escape(org)}(?![\w-]){MINISTRY_TAIL[lang]}", text, re.I)
    if m is None:
        return None
    name = m.group()
    return name


__all__ = ["Affiliation", "body_kind", "split_role"]
