"""The lists of a report: audience categories, issues raised, recommendations, presentations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.dates import find_dates, find_relative
from kg.extract.document import Document, Unit
from kg.extract.enumerations import Item, split_items
from kg.extract.fields import Field
from kg.extract.lexicon import pattern, rules
from kg.extract.quotes import Quote, find_quotes, quote_text
from kg.extract.roles import KY_BLOCKING, KY_PRONOUNS
from kg.extract.roles import _posts as posts_pattern

KY_CLAUSE_END = re.compile(r"(?<![\w-])\w+(?:ып|ип|уп|үп|п|т|ди|ды|ду|дү|ти|ты|ту|тү),\s")
"""A converb or a finite verb before a comma ends the clause before a Kyrgyz list."""
KY_SOURCE_LIST = re.compile(r"(?<=[дтн][аеоө]н)\s*(?:,|\s+жана\s)")
"""An ablative followed by a comma or "жана" is one of the sources of a list ("X-тен, Y-тен жана
Z-тен өкүлдөр"), not a clause boundary."""
KY_CASE_ENDS = (
    "га",
    "ге",
    "го",
    "гө",
    "ка",
    "ке",
    "ко",
    "кө",
    "на",
    "не",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "дөн",
    "дон",
)
KY_LOCATIVE = ("да", "де", "до", "дө", "та", "те", "то", "тө")
"""A locative ("Айылда", "шаарында") places the clause; the list after it is the audience."""
LIST_REACH = 800
"""How far from its cue an enumeration is read (a list of the genre is a few hundred characters)."""
ITEM_MARK = re.compile(r"[ \t]*(?:\(?\d{1,2}[.)]|[-•–*·●▪]|[a-zа-я][.)])[ \t]+")


@dataclass(frozen=True)
class Recommendation:
    text: str
    start: int
    end: int
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


# -- audience -----------------------------------------------------------------------------------


def audience_from_field(doc: Document, f: Field) -> list[Item]:
    return _tidy_audience(doc, split_items(doc, f.value.start, f.value.end))


def audience_from_text(
    doc: Document, sentences: list[Unit], people_spans: list[tuple[int, int]]
) -> list[Item]:
    """Audience lists of the sentences that say who came."""
    cue = pattern("cues", "audience", doc.lang)
    items: list[Item] = []
    for s in sentences:
        for m in cue.finditer(doc.view, s.start, s.end):
            span = _audience_span(doc, s, m, people_spans)
            if span is None:
                continue
            a, b = span
            found = [
                it
                for it in split_items(doc, a, b)
                if not any(x < it[1] and it[0] < y for x, y in people_spans)
            ]
            items.extend(_tidy_audience(doc, found))
    seen: set[str] = set()
    out = []
    for it in items:
        key = it[2].lower()
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def _audience_span(
    doc: Document, s: Unit, m: re.Match[str], people_spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    view = doc.view
    colon = re.match(r"\s*:", view[m.end() : s.end])
    if colon:  # "... 40 катышуучу: ...", "80 participants: ..." (a count, not a label, before it)
        from kg.extract.counts import parse_number

        before = view[max(s.start, m.start() - 40) : m.start()].split()
        if not any(re.fullmatch(r"\d+", w) or parse_number(w) for w in before[-3:]):
            return None
        return _strip_counts(doc, m.end() + colon.end(), s.end)
    if doc.lang == "ky":
        word = m.group().lower()
        if "арасында" in word:
            verb = re.search(
                r"\s(?:болду|болушту|бар\s+эле|бар|катышты)(?!\w)", view[m.end() : s.end]
            )
            if verb is None and pattern("cues", "issues", doc.lang).search(view, m.end(), s.end):
                return None  # "Алардын арасында X, Y ... айтылды": the questions, not the people
            return (m.end(), m.end() + verb.start()) if verb else (m.end(), s.end)
        floor = max(s.start, m.start() - LIST_REACH)
        for c in KY_CLAUSE_END.finditer(view, floor, m.start()):
            floor = c.end()
        a = floor
        tokens = list(re.finditer(r"[\w%-]+", view[a : m.start()]))
        heads = pattern("cues", "shared_heads", doc.lang)
        cut = a
        for t in tokens:
            w = t.group()
            if KY_SOURCE_LIST.match(view, a + t.end()) or (
                re.search(r"[дтн][аеоө]н$", w) and heads.match(view, a + t.end() + 1)
            ):
                continue  # "кеңешинен, мэриядан жана ... өкүлдөр": the sources of one head
            if w[:1].isdecimal():
                continue  # "300дөн ашуун": a count, which the tidying drops
            if w.lower() == "эле" and re.search(r"ошондой\s+$", view[a : a + t.start()]):
                continue  # "..., ошондой эле X" (as well as) joins the list
            if (
                w.lower() in KY_PRONOUNS
                or (
                    KY_BLOCKING.search(w.lower())
                    and len(w) > 4
                    and w.lower().endswith(KY_CASE_ENDS)
                )
                or ("-" not in w and len(w) > 4 and w.lower().endswith(KY_LOCATIVE))
            ):
                cut = a + t.end()
        a = cut
        # who went to meet the people ("аким Асан Токтогулов ... менен жолугушту") is no audience:
        # the list starts after the last name, date or post of the clause
        a = max([a, *(y for x, y in people_spans if a <= x < m.start() and y <= m.start())])
        for d in find_dates(view, a, m.start()):
            a = max(a, d.end)
        for _, y, _ in find_relative(view, a, m.start()):
            a = max(a, y)
        if m.group().lower().startswith("менен"):
            for t in re.finditer(r"[\w-]+", view[a : m.start()]):
                if posts_pattern("ky").fullmatch(t.group().lower()):
                    a = a + t.end()
        lead = re.match(r"\s*\w+(?:[гк][аеоө]н)\s+(?=\S*\d|[^\W\d_]+\s)", view[a : m.start()])
        if lead and re.search(r"\d", view[a + lead.end() : m.start()][:6]):
            a += (
                lead.end()
            )  # "... келген 26 жаш активист катышты": the participle belongs to the clause before
        return _strip_counts(doc, a, m.start())
    end = min(s.end, m.end() + LIST_REACH)
    semi = view.find(";", m.end(), end)
    if semi != -1:
        end = semi
    start = m.end()
    if re.search(r"(?:for|для)$", m.group(), re.I):
        # "seminars for X, which ...", "тренинг для X по ...": whom it was for, not what about
        stop = re.search(
            r"[,;:(]|\s(?:on|about|to|which|who|in\s+order|по|на\s+тему|о|об)\s", view[start:end]
        )
        return _strip_counts(doc, start, start + stop.start() if stop else end)
    colon = view.find(":", start, end)
    if colon != -1:
        start = (
            colon + 1
        )  # "24 человека: сотрудники ..., педагоги ...", "came from ... districts: ..."
    return _strip_counts(doc, start, end)


def _strip_counts(doc: Document, a: int, b: int) -> tuple[int, int] | None:
    a, b = doc.trim(a, b)
    return (a, b) if b > a else None


APPROX_COUNT = re.compile(
    r"^(?:(?:порядка|около|более\s+чем|более|свыше|примерно|about|over|more\s+than|some|nearly)\s+)?\d+\S*\s+"
    r"(?:(?:дөн|дон|ден|дан|тан|тен)\s+)?(?:ашуун\s+|ашык\s+)?",
    re.I,
)


def _tidy_audience(doc: Document, items: list[Item]) -> list[Item]:
    from kg.extract.counts import find_counts, parse_number
    from kg.extract.lexicon import pattern as cue

    partitive = cue("cues", "partitive")
    count_noun = re.compile(
        rf"(?:{'|'.join(str(n) for ns in rules('cues')['count_nouns'].values() for n in ns)})[\w-]*",
        re.I,
    )
    out = []
    for a, b, text in items:
        counted = find_counts(doc.view, a, b)
        words = text.split()
        if partitive.match(text) or (
            counted
            and len(words) <= 3
            and any(w[:1].isdecimal() or parse_number(w) is not None for w in words[:2])
            and count_noun.fullmatch(words[-1])
            and not count_noun.fullmatch(" ".join(words[-2:]))
        ):
            continue  # a count ("отуз беш катышуучу", "анын ичинде 19 аял"), not a category
        text = APPROX_COUNT.sub("", text)
        if count_noun.fullmatch(text):
            continue
        # "районунун 300дөн ашуун тургундары": an approximate count inside a category
        text = re.sub(r"(?:^|(?<=\s))\d+\S*\s+(?:ашуун|ашык)\s+", "", text)
        text = re.sub(r"\s+(?:из|from)\s+(?:более\s+чем\s+|more\s+than\s+)?\d+.*$", "", text)
        text = text.strip(" .;:")
        if doc.lang == "ru":
            text = _ru_nominative_plural(text)
        if len(text) < 3 or re.fullmatch(r"[\d\W]+", text):
            continue
        out.append((a, b, text))
    return out


def _ru_nominative_plural(text: str) -> str:
    """ "руководителей СМИ" → "руководители СМИ": the head noun of a counted group."""
    words = text.split()
    head = words[0]
    low = head.lower()
    if low.endswith("ей") and len(low) > 5:
        head = head[:-2] + "и"
    elif low.endswith("ов") and len(low) > 5:
        head = head[:-2] + ("и" if low[-3] in "кгхжшчщ" else "ы")
    return " ".join([head, *words[1:]])


# -- recommendations ----------------------------------------------------------------------------


def recommendation_items(doc: Document, fields: list[Field]) -> list[tuple[int, int]]:
    """The numbered or bulleted points under a recommendations heading or field."""
    spans: list[tuple[int, int]] = []
    for f in fields:
        if f.name == "recommendations" and f.block:
            for line in f.block:
                m = ITEM_MARK.match(doc.text, line.start, line.end) or ITEM_MARK.match(
                    doc.view, line.start, line.end
                )
                if m:
                    spans.append(doc.trim(m.end(), line.end, " \t\n.;,"))
    if spans:
        return spans
    cue = pattern("cues", "recommendations", doc.lang)
    lines = doc.lines
    for i, line in enumerate(lines):
        text = doc.view[line.start : line.end]
        if not cue.search(text) or ITEM_MARK.match(text) or not text.rstrip().endswith(":"):
            continue
        for nxt in lines[i + 1 :]:
            m = ITEM_MARK.match(doc.text, nxt.start, nxt.end) or ITEM_MARK.match(
                doc.view, nxt.start, nxt.end
            )
            if not m:
                break
            spans.append(doc.trim(m.end(), nxt.end, " \t\n.;,"))
        if spans:
            break
    return spans


SHARED_OBLAST = re.compile(
    r"\s+(?:and|и|жана)\s+[\w-]+\s+(?:regions|oblasts|областей|областях|областям|областями|облустар\w*)",
    re.I,
)
""""Osh and Batken regions": the plural qualifier after the conjunction covers both names."""


def places_named(doc: Document, a: int, b: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Regions (names as written, nominative) and countries (alpha-2) a sentence names."""
    from kg.extract.places import as_city, in_org_name, mentions, names_water, place_name

    regions: list[str] = []
    countries: list[str] = []
    for m in mentions(doc, a, b):
        if in_org_name(doc, m, territorial=False) or names_water(doc, m):
            continue
        if not SHARED_OBLAST.match(doc.view, m.end):
            m = as_city(m, doc.lang)  # "мэриях Бишкека и Оша": the city, not the oblast
        if m.place.kind == "country":
            if m.place.code != "KG" and m.place.code not in countries:
                countries.append(m.place.code)
            continue
        name = place_name(m.place, doc.lang, m.surface)
        if name not in regions:
            regions.append(name)
    return tuple(regions), tuple(countries)


# -- presentations ------------------------------------------------------------------------------

ORG_BEFORE_QUOTE = re.compile(
    r"(?:NGO|ОФ|ОО|ПО|НПО|ОсОО|фонд\w*|организаци\w*|уюм\w*|бирикме\w*|reserve|SNP|company|компани\w*|"
    r"\(SNP\))\s*$",
    re.I,
)


def presentations(doc: Document, topic: Quote | None) -> list[tuple[int, int, str]]:
    """Quoted titles in a sentence that speaks of presentations or talks, or in the list lines
    below such a sentence when it ends with a colon ("С докладами выступили:")."""
    cue = pattern("cues", "presentations", doc.lang)
    out: list[tuple[int, int, str]] = []
    units: list[Unit] = []
    for s in doc.sentences:
        if not cue.search(doc.view, s.start, s.end):
            continue
        units.append(s)
        if doc.view[s.start : s.end].rstrip().endswith(":"):
            for line in doc.lines:
                if line.start < s.end:
                    continue
                if not (
                    ITEM_MARK.match(doc.text, line.start, line.end)
                    or ITEM_MARK.match(doc.view, line.start, line.end)
                ):
                    break
                units.append(line)
    for s in units:
        for q in find_quotes(doc.view, s.start, s.end):
            if topic is not None and q.start == topic.start:
                continue
            text = quote_text(doc.view, q)
            if len(text.split()) < 3 or ORG_BEFORE_QUOTE.search(
                doc.view[max(s.start, q.open_at - 30) : q.open_at]
            ):
                continue
            if text.endswith("!") or len(text) > 300:  # a slogan or a quoted speech, not a title
                continue
            out.append((q.start, q.end, text))
    return out


__all__ = [
    "Recommendation",
    "audience_from_field",
    "audience_from_text",
    "places_named",
    "presentations",
    "recommendation_items",
]
