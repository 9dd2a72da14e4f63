"""A report's text as the extractor reads it: markup blanked, page furniture cut, sentences found.

Every position is an offset into the original text. The *view* is a copy of the text of exactly
the same length in which Markdown markup (``**``, ``#``, link targets) is replaced by spaces, so a
pattern can run on the view and its match offsets are offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.lexicon import pattern

ABBREVIATIONS = {
    "г",
    "гг",
    "ш",
    "ж",
    "т",
    "б",
    "ул",
    "им",
    "обл",
    "р-н",
    "с",
    "пос",
    "мкр",
    "пр",
    "д",
    "кв",
    "mr",
    "ms",
    "mrs",
    "dr",
    "prof",
    "st",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "jr",
    "sr",
    "inc",
    "ltd",
    "тел",
    "см",
    "млн",
    "млрд",
    "тыс",
    "руб",
    "сом",
    "т.б",
    "ж.б",
    "б.а",
    "ж.б.у.с",
    "и.о",
    "т.д",
    "т.п",
    "др",
    "проф",
    "акад",
    "каф",
    "о",
    "к",
    "зам",
}
LIST_ENDS = {"т.д", "т.п", "ж.б", "т.б", "ж.б.у.с", "etc"}
"""Abbreviations that close a list ("и т.д.", "ж.б.", "etc."): before a capitalised word, the
sentence ends with them."""
LATIN_DIGRAPH_INITIALS = {"zh", "sh", "ch", "kh", "ts", "yu", "ya", "ye", "yo", "dj", "th"}
MAX_RUN = 80
"""The longest run of non-space characters the extractor reads as one (URLs included)."""
RULE_LINE = re.compile(r"^[ \t]*(?:[-–—_*=·•.#]\s*){3,}$|^[ \t]*-\s*30\s*-[ \t]*$")
"""A rule, or a press release's end mark ("###", "-30-"): what follows is not the report."""


@dataclass(frozen=True)
class Unit:
    """A stretch of the text (a line, a paragraph or a sentence): ``text[start:end]``."""

    start: int
    end: int


@dataclass
class Document:
    """The text, its view, its language and its parts."""

    text: str
    view: str
    lang: str
    end: int
    paragraphs: list[Unit] = field(default_factory=list)
    sentences: list[Unit] = field(default_factory=list)
    lines: list[Unit] = field(default_factory=list)

    def at(self, unit: Unit | tuple[int, int]) -> str:
        """The view of a unit, spaces collapsed and trimmed."""
        start, end = (unit.start, unit.end) if isinstance(unit, Unit) else unit
        return " ".join(self.view[start:end].split())

    def trim(self, start: int, end: int, chars: str = " \t\r\n.,;:—–-") -> tuple[int, int]:
        """Shrink a span past surrounding blanks and punctuation of the view."""
        while start < end and self.view[start] in chars:
            start += 1
        while end > start and self.view[end - 1] in chars:
            end -= 1
        return start, end

    def sentence_of(self, offset: int) -> Unit | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def paragraph_of(self, offset: int) -> Unit | None:
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None


def make_view(text: str) -> str:
    """Blank Markdown markup with spaces, keeping every other character where it is.

    >>> make_view("## **Goal:** [site](http://x) a_b")
    '     Goal:    site            a_b'
    """
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    for m in re.finditer(r"!\[[^\]\n]*\]\([^)\n]*\)", text):  # images
        blank(m.start(), m.end())
    for m in re.finditer(r"\[([^\]\n]*)\]\([^)\n]*\)", text):  # links keep their words
        blank(m.start(), m.start() + 1)
        blank(m.end(1), m.end())
    for m in re.finditer(r"^[ \t]{0,3}(?:#{1,6}|>+)[ \t]", text, re.M):
        blank(m.start(), m.end())
    for m in re.finditer(r"\*+|(?<![\w])_+|_+(?![\w])|\\(?=[^\w\s])|`+", text):
        blank(m.start(), m.end())
    for m in re.finditer(r"^[ \t]*\|.*\|[ \t]*$", text, re.M):  # Markdown table rows
        row = m.group()
        if re.fullmatch(r"[\s|:\-]+", row):
            blank(m.start(), m.end())
            continue
        for j, c in enumerate(row):
            if c == "|":
                chars[m.start() + j] = "\t"
    view = "".join(chars)
    view = view.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return LONG_RUN.sub(_break_run, view.translate(LOOK_ALIKES))


LOOK_ALIKES = str.maketrans({"\u03b3": "ү", "\u0473": "ө", "\u0472": "Ө"})
"""Kyrgyz letters typed with look-alikes (Greek γ for ү, Old Cyrillic ѳ for ө), one for one."""


LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def _break_run(m: re.Match[str]) -> str:
    """A space every :data:`MAX_RUN` characters of a run without spaces, so that no pattern works
    on a "word" longer than any word of the genre (pathological input stays linear)."""
    run = list(m.group())
    for i in range(MAX_RUN, len(run), MAX_RUN + 1):
        run[i] = " "
    return "".join(run)


def body_end(text: str, view: str) -> int:
    """Where the report ends: before comment forms, "related posts" and a signature after a rule."""
    furniture = pattern("cues", "furniture")
    lines = _lines(view)
    third = len(view) // 3
    for line in lines:
        if line.start < third:
            continue
        segment = view[line.start : line.end].strip()
        if not segment:
            continue
        if furniture.match(segment) and len(segment) < 120:
            return _strip_back(view, line.start)
        if RULE_LINE.match(segment) and len(view[line.end :].strip()) < 300:
            return _strip_back(view, line.start)
    return _strip_back(view, len(view))


def _strip_back(view: str, end: int) -> int:
    while end > 0 and view[end - 1].isspace():
        end -= 1
    return end


def _lines(view: str, start: int = 0, end: int | None = None) -> list[Unit]:
    end = len(view) if end is None else end
    out = []
    pos = start
    for m in re.finditer(r"\n", view[start:end]):
        out.append(Unit(pos, start + m.start()))
        pos = start + m.end()
    out.append(Unit(pos, end))
    return out


def paragraphs(view: str, end: int) -> list[Unit]:
    """Blocks of the text: lines, with soft-wrapped continuation lines joined to the line before.

    A line continues the one before it when that one does not end a sentence or a label and the
    line starts in lower case (a Markdown or PDF line wrap).
    """
    out: list[Unit] = []
    for line in _lines(view, 0, end):
        content = view[line.start : line.end]
        if not content.strip():
            continue
        start = line.start + (len(content) - len(content.lstrip()))
        stop = line.end - (len(content) - len(content.rstrip()))
        if out:
            prev = view[out[-1].start : out[-1].end].rstrip()
            gap = view[out[-1].end : start]
            first = view[start]
            if (
                gap.count("\n") == 1
                and prev
                and prev[-1] not in '.:;!?»"”'
                and (
                    first.islower()
                    or (prev.endswith(",") and not _looks_like_item(view[start:stop]))
                )
            ):
                out[-1] = Unit(out[-1].start, stop)
                continue
        out.append(Unit(start, stop))
    return out


def _looks_like_item(line: str) -> bool:
    return bool(re.match(r"\s*(?:\d+[.)]|[-•–*])\s", line))


def sentences(view: str, paras: list[Unit]) -> list[Unit]:
    """Sentences of each paragraph. Initials ("Б.Асанова", "Asanbekov S.") and common
    abbreviations ("г.", "Mr.") do not end a sentence."""
    out: list[Unit] = []
    ender = re.compile(r"[.!?…]+[»\"”’)]*(?=\s+[\"«“(]?[A-ZА-ЯЁӨҮҢ0-9])|[.!?…]+[»\"”’)]*\s*$")
    for p in paras:
        start = p.start
        for m in ender.finditer(view, p.start, p.end):
            if m.group().startswith(".") and not ends_sentence(view, p.start, m.start()):
                continue
            out.append(Unit(start, m.end()))
            start = m.end()
            while start < p.end and view[start].isspace():
                start += 1
        if start < p.end and view[start : p.end].strip():
            out.append(Unit(start, p.end))
    return [Unit(*_trimmed(view, s)) for s in out if view[s.start : s.end].strip()]


def _trimmed(view: str, s: Unit) -> tuple[int, int]:
    a, b = s.start, s.end
    while a < b and view[a].isspace():
        a += 1
    while b > a and view[b - 1].isspace():
        b -= 1
    return a, b


def ends_sentence(view: str, floor: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends a sentence (not an initial, an abbreviation, a number)."""
    m = re.search(r"([\w.-]+)$", view[max(floor, dot - MAX_RUN - 2) : dot])
    if not m:
        return True
    word = m.group(1)
    last = word.rsplit(".", 1)[-1] if "." in word else word
    if len(last) == 1 and last.isalpha() and last.isupper():
        return False  # an initial
    if last.lower() in LATIN_DIGRAPH_INITIALS and last[0].isupper():
        return False
    capital_next = re.match(r"\s+[A-ZА-ЯЁӨҮҢ][a-zа-яёөүң]", view[dot + 1 : dot + 4])
    if word.lower() in LIST_ENDS and capital_next:
        return True  # "... и т.д. Самые важные ...": a list's "etc." closes its sentence
    if word.lower() in ABBREVIATIONS or last.lower() in ABBREVIATIONS:
        return False
    if dot - floor <= 12 and not view[floor:dot].strip(" \t").rstrip("0123456789"):
        return False  # "2." opening a numbered item
    return not re.fullmatch(r"\d{1,2}(?:\.\d{1,4})+", word)  # "03.11.22." continues


def read_document(text: str, lang: str) -> Document:
    view = make_view(text)
    end = body_end(text, view)
    paras = paragraphs(view, end)
    doc = Document(text=text, view=view, lang=lang, end=end, paragraphs=paras)
    doc.sentences = sentences(view, paras)
    doc.lines = [u for u in _lines(view, 0, end) if view[u.start : u.end].strip()]
    return doc


__all__ = ["Document", "Unit", "ends_sentence", "make_view", "read_document"]
