"""Issues raised: the problems and questions participants brought up, one item per issue.

Read from a labelled field ("Көтөрүлгөн маселелер", "Поднятые вопросы") or from the enumeration a
cue marks (``rules/cues.yaml``: ``issues``): in Kyrgyz the list before the cue ("X, Y жана Z
маселелери көтөрүлдү"), in Russian and English the list after it; after a colon, the rest of the
sentence or the list items on the lines below. Cues of mere noting ("отметили", "pointed to") count
only when the list opens with a word of a problem ("нехватку", "the lack of"). Items keep the case
the report uses. A semicolon list is split at semicolons only; a list whose items each open with
the same preposition or "that" ("о ..., о ... и о ...") is split there, so "и"/"and" inside an item
stays; a sentence about plans ("will discuss") raises nothing.
"""

from __future__ import annotations

import re

from kg.extract.document import Document, Unit
from kg.extract.enumerations import Item, split_items
from kg.extract.fields import Field, first
from kg.extract.lexicon import pattern, stems, words
from kg.extract.lists import LIST_REACH

ITEM_LINE = re.compile(r"[ \t]*(?:\(?\d{1,2}[.)]|[-•–*·●▪])[ \t]+")
KY_PARTICIPLE = re.compile(r"(?:[гк][аеоө]н|[гк][аеоө]н[ыиуү]н)$", re.I)
KY_PLURAL_NOUN = re.compile(
    r"(?:маселе|көйгөй|суроо|кыйынчылык)(?:лер|лөр|лор|лар|тар)(?![\w])", re.I
)
"""A problem noun in the bare plural: it closes one item rather than naming a list's kind."""
REPEATED = re.compile(r"(?:о|об|обо|на|про|about|that|on)\s", re.I)


def issues(doc: Document, fields: list[Field]) -> list[Item]:
    """The issues raised, in the report's order."""
    f = first(fields, "issues")
    if f is not None:
        if f.value.end > f.value.start:
            return _items(doc, f.value.start, f.value.end)
        return [it for line in f.block for it in _line_item(doc, line)]
    cue = pattern("cues", "issues", doc.lang)
    gated = pattern("cues", "issues_gated", doc.lang)
    future = pattern("cues", "future", doc.lang, whole=False)
    out: list[Item] = []
    for s in doc.sentences:
        if future.search(doc.view, s.start, s.end):
            continue  # an agenda, not issues raised
        found: list[Item] = []
        for m in cue.finditer(doc.view, s.start, s.end):
            found += _list_of(doc, s, m, cue)
        if not found:
            for m in gated.finditer(doc.view, s.start, s.end):
                items = _list_of(doc, s, m, gated)
                if items and _opens_with_problem(doc, items):
                    found += items
                    break
        out += found
    return out


def _list_of(doc: Document, s: Unit, m: re.Match[str], cue: re.Pattern[str]) -> list[Item]:
    view = doc.view
    colon = view.find(":", m.end(), min(s.end, m.end() + 80))
    if colon != -1 and not view[m.end() : colon].count("."):
        a, b = doc.trim(colon + 1, min(s.end, colon + LIST_REACH))
        if b > a:
            return _items(doc, a, b)
        return [it for line in _following_items(doc, s) for it in _line_item(doc, line)]
    if doc.lang == "ky":
        a, b = max(s.start, m.start() - LIST_REACH), m.start()
        for c in re.finditer(r"\w+(?:[ыиуү]п|п),\s", view[a:b]):
            a = s.start + c.end()  # "жыйынга катышып, ...": a converb clause ends before the list
        last = re.search(r"(\w+)\W*$", view[a:b])
        if last and KY_PARTICIPLE.search(last.group(1)):
            return []  # "элди тынчсыздандырган көйгөйлөр": a relative clause, not a list
        if re.search(r"\d+\S*(?:\s+(?:жакын|ашуун|ашык|чамалуу))?\s*$", view[a:b]):
            return []  # "60ка жакын маселелер көтөрүлдү": how many, not which
    else:
        a, b = m.end(), min(s.end, m.end() + LIST_REACH)
        nxt = cue.search(view, m.end(), b)
        if nxt:
            b = nxt.start()
        semi = view.find(";", a, b)
        if semi != -1 and "," in view[a:semi] and ";" not in view[semi + 1 : b]:
            b = semi  # "asked about A, B and C; the proposals were noted": a clause after the list
    a, b = doc.trim(a, b)
    a = _skip_intro(doc, a, b)
    b = _cut_tail(doc, a, b)
    a, b = doc.trim(a, b)
    if b <= a:
        return []
    items = _items(doc, a, b)
    if doc.lang == "ru" and any(re.match(r"котор", t, re.I) for _, _, t in items):
        return []  # "вопросы социального характера, которые ...": a description, not a list
    head = KY_PLURAL_NOUN.match(view, m.start()) if doc.lang == "ky" else None
    if head and len(items) == 1 and not re.search(r",|\sжана\s", view[a:b]):
        # "бир катар социалдык көйгөйлөр айтылды": one item whose noun is the cue's own plural
        x, _, _ = items[0]
        items = [(x, head.end(), " ".join(view[x : head.end()].split()))]
    return items


def _skip_intro(doc: Document, a: int, b: int) -> int:
    """Drop the words introducing the list: in Kyrgyz a subject or an adverbial at its start
    ("Катышуучулар", "Сессиялардын жүрүшүндө"), in Russian and English a head noun and preposition
    right after the cue ("вопросах и предложениях по", "about")."""
    intro = pattern("cues", "issues_intro", doc.lang)
    head = doc.view[a:b]
    best = 0
    if doc.lang == "ky":
        while (
            im := intro.match(head, best + len(head[best:]) - len(head[best:].lstrip()))
        ) and im.end() > best:
            best = (
                im.end()
            )  # intro words one after another from the start, never from inside an item
        return a + best
    lead = re.match(r"(?:и|and)\s+", head, re.I)
    im = intro.search(head)
    if im and im.start() <= (lead.end() if lead else 0):
        best = im.end()
    return a + best


def _cut_tail(doc: Document, a: int, b: int) -> int:
    tail = pattern("cues", "issues_tail", doc.lang)
    while True:
        a2, b2 = doc.trim(a, b)
        last = None
        for found in tail.finditer(doc.view, a2, b2):
            last = found  # the last cue of the tail wins
        if last is None or last.end() < b2 - 1:
            return b2
        b = last.start()


def _following_items(doc: Document, s: Unit) -> list[Unit]:
    """The list-item lines right after a sentence that ends with a colon: lines with a bullet or a
    number, or plain lines each closed by ";" up to one closed by "." (a list typed without
    marks)."""
    out = []
    plain = False
    for line in doc.lines:
        if line.start < s.end:
            continue
        marked = ITEM_LINE.match(doc.text, line.start, line.end) or ITEM_LINE.match(
            doc.view, line.start, line.end
        )
        text = doc.view[line.start : line.end].strip()
        if not marked and ((out and not plain) or not text.endswith((";", "."))):
            break
        plain = plain or not marked
        out.append(line)
        if plain and text.endswith("."):
            break
    return out


def _line_item(doc: Document, line: Unit) -> list[Item]:
    m = ITEM_LINE.match(doc.text, line.start, line.end) or ITEM_LINE.match(
        doc.view, line.start, line.end
    )
    a, b = doc.trim(line.start + (m.end() - line.start if m else 0), line.end, " \t\n.;,")
    text = _clean(doc.at((a, b)))
    return [(a, b, text)] if _long_enough(text) else []  # one list line, one issue


def _items(doc: Document, a: int, b: int) -> list[Item]:
    view = doc.view
    if ";" in view[a:b]:
        pieces = []
        pos = a
        for m in re.finditer(r";", view[a:b]):
            pieces.append((pos, a + m.start()))
            pos = a + m.end()
        pieces.append((pos, b))
    elif (word := _repeated_word(view, a, b)) is not None:
        pieces = []
        pos = a
        for m in re.finditer(rf",?\s+(?:(?:и|and|жана)\s+)?{re.escape(word)}\s", view[a:b], re.I):
            pieces.append((pos, a + m.start()))
            pos = a + m.end() - len(word) - 1
        pieces.append((pos, b))
    else:
        return [
            (x, y, _clean(t))
            for x, y, t in split_items(doc, a, b, distribute=False)
            if _long_enough(_clean(t))
        ]
    out = []
    for x, y in pieces:
        x, y = doc.trim(x, y, " \t\n,;:.")
        text = _clean(" ".join(view[x:y].split()))
        if _long_enough(text):
            out.append((x, y, text))
    return out


def _repeated_word(view: str, a: int, b: int) -> str | None:
    """The preposition or "that" each item opens with ("о ..., о ... и о ..."), also when the
    first one was read as part of the cue."""
    m = REPEATED.match(view, a) or re.search(
        r"(?<!\w)(?:о|об|обо|на|про|about|that|on)\s+$", view[max(0, a - 6) : a]
    )
    if m is None:
        return None
    word = m.group().strip()
    if re.search(rf",\s+(?:(?:и|and|жана)\s+)?{re.escape(word)}\s", view[a:b], re.I):
        return word
    return None


def _long_enough(text: str) -> bool:
    """An issue may be one short word ("жер", "жол": land, roads), never a stray letter or mark."""
    return len(text) > 3 or (len(text) == 3 and text.isalpha() and text.islower())


def _clean(text: str) -> str:
    text = re.sub(
        r"^(?:(?:и|and|жана)\s+)?(?:о|об|обо|that|about)\s+", "", text.strip(), flags=re.I
    )
    # "..., и т.д.": the list's "etc." is not part of its last item
    text = re.sub(r",?\s+(?:и\s+т\.\s?[дп]|и\s+др|ж\.\s?б|etc)\.?$", "", text)
    return text.strip(" .;,")


def _opens_with_problem(doc: Document, items: list[Item]) -> bool:
    if not words("cues", "problem_words", doc.lang):
        return False
    problem = stems("cues", "problem_words", doc.lang)
    first_words = re.sub(r"^(?:the|a|an)\s+", "", items[0][2], flags=re.I)
    if doc.lang == "en" and re.match(r"that\s", doc.view[items[0][0] : items[0][0] + 5], re.I):
        return len(items) >= 2  # "said that A, that B and that C": a list of points
    return bool(problem.match(first_words))


__all__ = ["issues"]
