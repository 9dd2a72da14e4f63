"""Splitting an enumeration into items, with a shared head noun distributed over them.

"Мамлекеттик органдардын, ... жарандык коомдордун өкүлдөрү" gives one "... өкүлдөрү" per
genitive; "представители X, Y и Z" gives "представители X", "представители Y", ...;
"staff of A, B and C aiyl okmotu, the head of ..." keeps capitalised continuations together.
Items are (start, end, text) with the text possibly rebuilt (head noun added).
"""

from __future__ import annotations

import re

from kg.extract.document import Document
from kg.extract.lexicon import pattern, words

Item = tuple[int, int, str]
KY_GENITIVE = re.compile(r"(?:[нд][ыиуү]н|т[ыиуү]н)$", re.I)
KY_ABLATIVE = re.compile(r"(?:[дтн][аеоө]н)$", re.I)
"""A source in the ablative ("мэриядан", "кеңешинен") shares the head after the list ("өкүлдөр")."""
KY_PLURAL_HEAD = re.compile(r"(?:[лдт][аеоө]р[ыиуү]?)$", re.I)
"""A plural noun ("студенттер", "депутаттары", "өкүлдөрү") ends a category of its own."""


def top_level_splits(
    view: str, start: int, end: int, lang: str, *, genitive_conj: bool = False
) -> list[tuple[int, int]]:
    """Pieces between commas, semicolons and conjunctions, outside quotes and brackets.

    With ``genitive_conj`` a Kyrgyz "жана" splits only after a genitive ("Өкмөттүн жана ...
    уюмдардын өкүлдөрү"), not inside a phrase ("шаардык жана райондук ... адистер").
    """
    conj = {
        "ky": r"жана|ошондой\s+эле|же",
        "ru": r"и|а\s+также|или",
        "en": r"and|as\s+well\s+as|or",
    }[lang]
    pieces: list[tuple[int, int]] = []
    depth = 0
    pos = start
    i = start
    while i < end:
        c = view[i]
        if c in "«“(„":
            depth += 1
        elif c in "»”)" and depth:
            depth -= 1
        elif depth == 0 and c in ",;":
            pieces.append((pos, i))
            pos = i + 1
        elif depth == 0 and c == " ":
            m = re.match(rf" (?:{conj}) ", view[i:end], re.I)
            if m and genitive_conj and lang == "ky":
                before = view[pos:i].split()
                last = before[-1] if before else ""
                if not any(p.search(last) for p in (KY_GENITIVE, KY_PLURAL_HEAD, KY_ABLATIVE)):
                    m = None
            if m and _shares_head(view[pos:i], view[i + m.end() - 1 : end], lang):
                m = None
            if m and lang == "en" and not _en_new_item(view[pos:i], view[i + m.end() - 1 : end]):
                m = None
            if m:
                pieces.append((pos, i))
                pos = i + m.end() - 1
                i = pos
        i += 1
    pieces.append((pos, end))
    return [p for p in pieces if view[p[0] : p[1]].strip()]


RU_ADJ_ENDINGS = (
    "ого",
    "его",
    "ой",
    "ей",
    "ых",
    "их",
    "ому",
    "ему",
    "ым",
    "им",
    "ая",
    "ый",
    "ий",
    "ое",
    "ые",
    "ие",
)
PLURAL_HEAD = re.compile(
    r"(?:[a-z]+s|[^\W\d_]+(?:лар|лер|дар|дер|тар|тер|лор|лөр|дор|дөр|тор|төр)[^\W\d_]*)$", re.I
)


def _shares_head(before: str, after: str, lang: str) -> bool:
    """A conjunction between two modifiers of one noun, which is not a list boundary:
    "Ак-Суйского и Джети-Огузского районов", "Kara-Suu and Aravan districts",
    "Бакай-Ата жана Манас райондорунда"."""
    left = before.split()[-1:] if before.split() else []
    right = after.split()[:2]
    if not left or not right:
        return False
    x, y = left[0].strip('«»“”"(),'), right[0].strip('«»“”"(),')
    if lang == "ru":
        ending = next((e for e in RU_ADJ_ENDINGS if x.lower().endswith(e)), None)
        followed = (
            len(right) > 1 and not right[0].endswith((",", ";", ".")) and right[1][:1].isalpha()
        )
        return (
            ending is not None
            and y.lower().endswith(ending)
            and len(x) > 4
            and len(y) > 4
            and followed
        )
    if len(right) < 2 or not (x[:1].isupper() and y[:1].isupper()):
        return False
    return bool(PLURAL_HEAD.search(right[1].strip(",.;:")) and right[1][:1].islower())


EN_ITEM_START = re.compile(
    r"\s*(?:the|a|an|some|other|representatives|members|staff|heads|employees|"
    r"officials|experts|people|those|that)\b",
    re.I,
)


def _en_new_item(before: str, after: str) -> bool:
    """In English, "and" starts a new item when either side is a phrase of its own ("heads of ...",
    "the head of ...", "that ..."), not inside a simple pair ("teachers and school principals")."""
    before = re.split(r"[,;]", before)[-1]
    following = re.split(r"[,;]", after)[0]
    return bool(
        EN_ITEM_START.match(after)
        or re.search(r"\s(?:of|from|with|in|at|that)\s", f" {before} ")
        or re.search(r"\s(?:of|from|with|in|at|that)\s", f" {following} ")
    )


def _clean(doc: Document, a: int, b: int) -> tuple[int, int]:
    a, b = doc.trim(a, b, " \t\n,;:.—–-")
    lead = re.match(
        r"(?:ошондой\s+эле|а\s+также|as\s+well\s+as|also|and|жана|и)\s+", doc.view[a:b], re.I
    )
    if lead:
        a += lead.end()
    return a, b


def split_items(doc: Document, start: int, end: int, *, distribute: bool = True) -> list[Item]:
    """Items of an enumeration, one per category, head nouns distributed (``distribute``: an
    audience list; without it, an issue list split at every comma and conjunction)."""
    view = doc.view
    heads = pattern("cues", "shared_heads", doc.lang)
    splits = top_level_splits(view, start, end, doc.lang, genitive_conj=distribute)
    pieces = [_clean(doc, a, b) for a, b in splits]
    pieces = [(a, b) for a, b in pieces if b > a]
    if doc.lang == "en":
        return _english_items(doc, pieces, heads)
    if doc.lang == "ru":
        return _russian_items(doc, pieces, heads, distribute)
    items: list[Item] = []
    pending: list[tuple[int, int]] = []
    for a, b in pieces:
        text = " ".join(view[a:b].split())
        last = text.split()[-1] if text.split() else ""
        shares = KY_GENITIVE.search(last) or KY_ABLATIVE.search(last)
        if distribute and shares and not heads.search(text):
            pending.append((a, b))
            continue
        head = heads.search(text)
        if head and pending:
            head_word = head.group()
            for pa, pb in pending:
                items.append((pa, pb, f"{' '.join(view[pa:pb].split())} {head_word}"))
            pending = []
        items.append((a, b, text))
    for pa, pb in pending:  # genitives with no head after them stay as written
        items.append((pa, pb, " ".join(view[pa:pb].split())))
    return items


def _russian_items(
    doc: Document, pieces: list[tuple[int, int]], heads: re.Pattern[str], distribute: bool
) -> list[Item]:
    view = doc.view
    items: list[Item] = []
    head_word = None
    for a, b in pieces:
        text = " ".join(view[a:b].split())
        m = heads.match(text)
        if m:
            head_word = m.group()
            items.append((a, b, text))
        elif (
            head_word
            and distribute
            and text[:1].islower()
            and not _has_own_head(text)
            and _genitive_piece(text)
        ):
            items.append((a, b, f"{head_word} {text}"))
        else:
            head_word = None if not distribute else head_word
            items.append((a, b, text))
    return _shared_complement(view, items) if distribute else items


RU_ADJ = re.compile(r"(?:ые|ие|ый|ий|ой|ая|яя|ое|ее|ых|их)$", re.I)


def _shared_complement(view: str, items: list[Item]) -> list[Item]:
    """ "глава и аппарат АО", "главы и сотрудники айыл окмоту": two nouns joined by "и" share the
    words after the second one."""
    out = list(items)
    relational_nouns = {*words("cues", "own_heads", "ru"), *words("cues", "shared_heads", "ru")}
    for i in range(len(out) - 1):
        a, b, text = out[i]
        na, _, nxt = out[i + 1]
        words_ = nxt.split()
        joined = re.fullmatch(r"\s+и\s+", view[b:na])
        relational = text.lower() in relational_nouns
        if (
            joined
            and relational
            and text[:1].islower()
            and len(words_) >= 2
            and not RU_ADJ.search(words_[0])
            and words_[0][:1].islower()
        ):
            out[i] = (a, b, f"{text} {' '.join(words_[1:])}")
    return out


def _genitive_piece(text: str) -> bool:
    """A piece a head before it can govern ("научных кругов", "айыл окмоту"), not a collective
    noun standing as a category of its own ("глава", "аппарат АО", "молодежь")."""
    return text.split()[0].lower() not in words("cues", "own_heads", "ru")


def _has_own_head(text: str) -> bool:
    """A Russian piece in the nominative plural ("журналисты") is a category of its own."""
    first = text.split()[0].lower()
    return bool(re.search(r"(?:ы|и|ые|ие)$", first)) and not re.search(
        r"(?:ых|их|ой|ей|ого|его)$", first
    )


EN_TRAILING_HEAD = re.compile(
    r"^(?:[\w’'-]+\s+){1,2}(representatives|members|staff|officials|leaders|activists)$", re.I
)
""""civil society and media representatives": the head after the last item is shared."""


def _english_items(
    doc: Document, pieces: list[tuple[int, int]], heads: re.Pattern[str]
) -> list[Item]:
    view = doc.view
    items: list[Item] = []
    together = re.compile(r"together\s+with\s+", re.I)
    pieces = [
        (lead.end(), b) if (lead := together.match(view, a, b)) else (a, b) for a, b in pieces
    ]
    for a, b in pieces:
        text = " ".join(view[a:b].split())
        if (
            items
            and text[:1].isupper()
            and not re.match(r"(?:The|A|An|Representatives|Staff|Members|Heads)\b", text)
        ):
            pa, _, _ = items[-1]
            items[-1] = (pa, b, " ".join(view[pa:b].split()))
            continue
        items.append((a, b, text))
    for i in range(len(items) - 1):
        a, b, text = items[i]
        shared = EN_TRAILING_HEAD.match(items[i + 1][2])
        joined = re.fullmatch(r"\s+and\s+", view[b : items[i + 1][0]], re.I)
        if shared and joined and len(text.split()) <= 2 and not text.endswith("s"):
            items[i] = (a, b, f"{text} {shared.group(1)}")
    return items


__all__ = ["Item", "split_items", "top_level_splits"]
