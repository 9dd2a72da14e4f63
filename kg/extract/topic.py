"""The event's topic: a quoted title marked as the theme, or the phrase the kind is "about".

Read, in this order: a labelled topic field; a quote followed by "темадагы", "деген аталыш менен",
"деп аталды" (Kyrgyz) or preceded by "на тему", "под названием", "on the topic of", "entitled";
an unquoted phrase joined to the kind's word ("<тема> боюнча жыйын", "Форум по <теме>",
"a round table on <topic>"). A headline is not taken as a topic: news headlines say what happened,
not what the event was called.
"""

from __future__ import annotations

import re

from kg.extract.document import Document
from kg.extract.kinds import KindMention
from kg.extract.lexicon import pattern, rules
from kg.extract.quotes import Quote, find_quotes

REACH = 400
"""How far from the kind's word its topic phrase is read."""
KY_LOCATIVE_WORD = re.compile(r"\w+(?:нда|нде|ндо|ндө|[дт][аеоө])$", re.I)


def quoted_topic(
    doc: Document, start: int, end: int, kinds: list[KindMention] = ()
) -> Quote | None:  # type: ignore[assignment]
    """A quoted title marked as the topic, or standing right after the kind's word
    ("Круглый стол «...»", 'a dialogue platform on "..."')."""
    after = pattern("cues", "topic_after_quote", doc.lang, whole=False)
    before = pattern("cues", "topic_before_quote", doc.lang, whole=False)
    for q in find_quotes(doc.view, start, end):
        stop = q.close_at + 1 if q.close_at is not None else q.end
        tail = doc.view[stop : stop + 60]
        head = doc.view[max(start, q.open_at - 60) : q.open_at]
        if after.pattern != "(?!x)x" and re.match(rf"[\s.]*(?:{after.pattern})", tail, re.I):
            return q
        if before.pattern != "(?!x)x" and re.search(rf"(?:{before.pattern})[\s:]*$", head, re.I):
            return q
        for k in kinds:
            gap = doc.view[k.end : q.open_at]
            if (
                doc.lang == "ky"
                and doc.view[k.start : k.end].lower().split()[-1] != k.name.lower().split()[-1]
            ):
                continue  # "Тренингди «...» уюштурду": a declined kind is followed by its organiser
            if k.end <= q.open_at and re.fullmatch(
                r"\s*(?:on|about|по|о|боюнча)?\s*[:—–-]?\s*", gap, re.I
            ):
                return q
    return None


def phrase_topic(doc: Document, kind: KindMention) -> tuple[int, int] | None:
    """The unquoted phrase the event is about, joined to the kind's word."""
    sentence = doc.sentence_of(kind.start)
    if sentence is None:
        return None
    prep = rules("cues")["topic_by_preposition"][doc.lang]
    view = doc.view
    if doc.lang == "ky":
        start = max(sentence.start, kind.start - REACH)
        m = re.search(rf"\s{prep}\s+(?:\S+\s+){{0,1}}$", view[start : kind.start])
        if not m:
            return None
        stop = start + m.start()
        floor = start
        for w in re.finditer(r"[\w-]+", view[start:stop]):
            if KY_LOCATIVE_WORD.fullmatch(w.group()) and not w.group().lower().endswith(
                ("ата", "ада")
            ):
                floor = start + w.end()
            if w.group().endswith(("гандай", "гендей", "кандай", "кендей")):
                floor = start + w.end()
        a, b = doc.trim(floor, stop)
    else:
        end = min(sentence.end, kind.end + REACH)
        # "a public hearing in the town of X, Y region, on <topic>": a place between kind and topic
        m = re.match(
            rf"(?:\s+(?:in|at|в|во)\s+[^.;:]{{0,80}}?,)?\s+{prep}\s+", view[kind.end : end]
        )
        if not m:
            return None
        a = kind.end + m.end()
        stop_re = {
            "ru": r"\s(?:в|во|на(?!\s+\d{4}\s+год)|для|с|со|при|среди|который|которая|которое|прош\w*|"
            r"состоял\w*)\s|[,.;:(«]",
            "en": r"\s(?:in|at|for|with|was|were|will|which|that|held|organi[sz]ed)\s|[,.;:(“]",
        }[doc.lang]
        sm = re.search(stop_re, view[a:end])
        b = a + sm.start() if sm else end
        a, b = doc.trim(a, b)
    if b <= a or len(view[a:b].split()) > 15 or len(view[a:b].split()) < 1:
        return None
    return a, b


__all__ = ["phrase_topic", "quoted_topic"]
