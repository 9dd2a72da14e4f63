"""The venue: the hall, building or hotel where the event took place, without quotes.

Read from a date-and-place field (the part that is neither date nor settlement) or from a sentence
about the event. The venue is the whole place phrase ("конференц-зал гостиницы «...»", "актовый зал
мэрии ...", "райондук маданият үйү", "Youth Resource Center"), Kyrgyz and Russian heads put back in
the nominative; a hotel named in Kyrgyz by its quoted name ("«...» мейманканасында") is that name,
as the development set's gold gives it. Head nouns are data (``rules/cues.yaml``: ``venue``).
"""

from __future__ import annotations

import functools
import re

from kg.extract.document import Document
from kg.extract.lexicon import rules

CAP = r"[A-ZА-ЯЁӨҮҢ][\w&'’.-]*"
QUOTED = r"[\"«“][^\"«»“”\n]{2,80}[\"»”]"
KY_STOP = re.compile(
    r"(?:[дт][аеоө]|нд[аеоө]|[дт][аеоө]г[ыи]|нд[аеоө]г[ыи]|[гк][аеоө]|[ыиуү]?н[аеоө]|[дт][аеоө]н|н[аеоө]н|"
    r"[ыиуү]п|ды|ди|ду|дү|ты|ти|ту|тү)$",
    re.I,
)
KY_GENITIVE = re.compile(r"(?:[нд][ыиуү]н|т[ыиуү]н)$", re.I)
RU_VERB = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|ет|ют|ит|ят)$", re.I)


@functools.cache
def _cues() -> dict:  # type: ignore[type-arg]
    return rules("cues")["venue"]


def venue_in_field(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """In "22 April 2021, Jalal-Abad, "Ала-Тоо" hotel": the part that is neither date nor place."""
    from kg.extract.dates import find_dates
    from kg.extract.places import mentions

    dated = find_dates(doc.view, start, end)
    placed = mentions(doc, start, end)
    pos = start
    pieces = []
    for m in re.finditer(r",|$", doc.view[start:end]):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    for a, b in pieces:
        a, b = doc.trim(a, b)
        if b <= a or any(a <= d.start < b or d.start <= a < d.end for d in dated):
            continue
        rest = doc.view[a:b]
        covered = sum(min(b, m.end) - max(a, m.start) for m in placed if m.start < b and a < m.end)
        if covered >= 0.6 * len(rest.strip()):
            continue
        if doc.lang == "ky":
            hotel = re.search(
                rf"[\"«“]([^\"«»“”]{{2,80}})[\"»”]\s+(?:{_alts('ky_hotel')})\w*", rest, re.I
            )
            if hotel:
                return a + hotel.start(1), a + hotel.end(1)
        return a, b
    return None


def _alts(key: str) -> str:
    return "|".join(str(x) for x in _cues()[key])


def find_venue(doc: Document, start: int, end: int) -> tuple[int, int, str] | None:
    """The venue named in ``view[start:end]``: its span and its text in the nominative."""
    if doc.lang == "ky":
        return _ky_venue(doc, start, end)
    if doc.lang == "ru":
        return _ru_venue(doc, start, end)
    return _en_venue(doc, start, end)


def _ky_venue(doc: Document, start: int, end: int) -> tuple[int, int, str] | None:
    view = doc.view
    head = re.compile(
        rf"(?<![\w-])((?:{_alts('ky_heads')})(?:[ыиуү]|с[ыиуү]))нд[аеоө](?![\w])", re.I
    )
    m = head.search(view, start, end)
    if m is None:
        return None
    quoted = re.search(rf"({QUOTED})\s*$", view[start : m.start()])
    if quoted:
        name_start = start + quoted.start(1)
        name = view[name_start + 1 : start + quoted.end(1) - 1].strip()
        if re.match(rf"(?:{_alts('ky_hotel')})", m.group(1), re.I):
            return name_start + 1, start + quoted.end(1) - 1, name
        return name_start, m.end(), f"{name} {m.group(1)}"
    words = list(re.finditer(r"[^\s,;:()]+", view[start : m.start()]))
    a = m.start()
    named_after = False
    for w in reversed(words[-5:]):
        word = w.group()
        if word.lower() == "атындагы":  # "Э.Думанаев атындагы маданият үйү": named after a person
            named_after = True
            a = start + w.start()
            continue
        if named_after:
            if re.fullmatch(r"(?:[A-ZА-ЯЁӨҮҢ]\.\s?)*[A-ZА-ЯЁӨҮҢ][\w-]+", word):
                a = start + w.start()
            break
        if re.search(r"\d", word) or (KY_STOP.search(word) and not KY_GENITIVE.search(word)):
            break
        a = start + w.start()
    text = " ".join([*view[a:m.start()].split(), m.group(1)])
    return a, m.end(), text


def _ru_venue(doc: Document, start: int, end: int) -> tuple[int, int, str] | None:
    view = doc.view
    heads = _cues()["ru_heads"]
    head_alts = "|".join(re.escape(str(h)) for h in sorted(heads, key=len, reverse=True))
    adjective = r"[а-яё-]+(?:ом|ем|ой|ей)\s+"
    initial_name = r"(?-i:[A-ZА-ЯЁ]\.\s?[A-ZА-ЯЁ][\w-]*)"  # "имени Т.Сатылганова"
    tail_word = (
        rf"(?:{QUOTED}|{initial_name}|(?-i:[A-ZА-ЯЁ][\w-]*)|"
        rf"[а-яё-]+(?:ого|его|ой|ей|ых|их|а|я|ы|и|ов|ев)(?![\w-]))"
    )
    m = re.search(
        rf"(?<![\w-])(?:в|во|на)\s+(?P<np>(?:{adjective}){{0,2}}(?P<head>{head_alts})(?![\w-])"
        rf"(?:\s+{tail_word}){{0,6}})",
        view[start:end],
        re.I,
    )
    if m is None:
        return _ru_bracketed(doc, start, end)
    a, b = start + m.start("np"), start + m.end("np")
    words = view[a:b].split()
    while len(words) > 1 and RU_VERB.search(words[-1]) and not words[-1][:1].isupper():
        b = a + view[a:b].rstrip().rfind(words[-1]) - 1
        words = words[:-1]
    a, b = doc.trim(a, b)
    return a, b, _ru_nominative(" ".join(view[a:b].split()), m.group("head").lower())


def _ru_bracketed(doc: Document, start: int, end: int) -> tuple[int, int, str] | None:
    """ "в Бишкеке (конференц-зал гостиницы «...»)": a place phrase in brackets after the city."""
    nominatives = "|".join(
        re.escape(str(v)) for v in sorted(set(_cues()["ru_heads"].values()), key=len, reverse=True)
    )
    m = re.search(
        rf"\((?P<np>(?:[а-яё-]+\s+)?(?:{nominatives})(?![\w-])[^()]{{0,100}})\)",
        doc.view[start:end],
        re.I,
    )
    if m is None:
        return None
    a, b = doc.trim(start + m.start("np"), start + m.end("np"))
    return a, b, doc.at((a, b))


def _ru_nominative(text: str, head: str) -> str:
    """ "актовом зале мэрии ..." → "актовый зал мэрии ...": the head and its adjectives."""
    nominative = str(_cues()["ru_heads"].get(head, head))
    neuter = nominative.endswith(("ие", "ое", "кафе"))
    words = text.split()
    out = []
    done = False
    for w in words:
        if not done and w.lower() == head:
            out.append(nominative)
            done = True
        elif not done:
            out.append(_ru_adjective(w, neuter))
        else:
            out.append(w)
    return " ".join(out)


def _ru_adjective(word: str, neuter: bool) -> str:
    stem, ending = word[:-2], word[-2:].lower()
    soft = stem[-1:].lower() in "кгхжшщч"
    if ending in {"ом", "ем"}:
        return stem + ("ое" if neuter else ("ий" if soft or ending == "ем" else "ый"))
    if ending in {"ой", "ей"}:
        return stem + ("яя" if ending == "ей" else "ая")
    return word


def _en_venue(doc: Document, start: int, end: int) -> tuple[int, int, str] | None:
    view = doc.view
    heads = "|".join(str(h) for h in _cues()["en_name_head"])
    name = rf"((?:{CAP}\s+){{1,4}}(?i:{heads}))(?![\w])"
    m = re.search(
        rf"(?:(?<![\w])(?:at|in)\s+the\s+{name}|(?<![\w])[Tt]he\s+{name}(?=\s+(?:hosted|was\s+the\s+venue)))",
        view[start:end],
    )
    if m is None:
        # "in the assembly hall of the X district administration": a room of a named building
        m = re.search(
            rf"(?<![\w])(?:at|in)\s+the\s+((?:[a-z-]+\s+){{0,2}}(?:{heads})\s+of\s+the\s+"
            rf"{CAP}(?:\s+(?!in\b|on\b|at\b|with\b|for\b)[\w'’-]+){{0,6}})",
            view[start:end],
        )
        if m is None:
            return None
        return start + m.start(1), start + m.end(1), doc.at((start + m.start(1), start + m.end(1)))
    group = 1 if m.group(1) else 2
    a, b = start + m.start(group), start + m.end(group)
    return a, b, doc.at((a, b))


__all__ = ["find_venue", "venue_in_field"]
