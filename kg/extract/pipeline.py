"""Text → :class:`kg.record.EventRecord`: runs each reader and keeps where every fact was read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.errors import ExtractionError
from kg.extract import counts, dates, lists, places, statements, topic, venue
from kg.extract.document import Document, Unit, read_document
from kg.extract.fields import Field, find_fields, first
from kg.extract.kinds import choose_kind, find_kinds
from kg.extract.language import detect_language
from kg.extract.lexicon import pattern
from kg.extract.people import best_role, collect_people, find_moderators, is_speaker
from kg.record import (
    Event,
    EventRecord,
    Issue,
    Moderator,
    Participants,
    Recommendation,
    Source,
    Span,
    Speaker,
)

NEWS_DATELINE = re.compile(r"\d{1,2}:\d{2}|/[^/\s]{2,30}/|\b[\w-]+\.(?:kg|kz|ru|com|org|net)\b|\(\w+\)|[—–-]\s*[A-ZА-Я][\w-]*\s*$")


@dataclass
class Facts:
    """Facts as they are read: values and their spans."""

    spans: dict[str, Span] = field(default_factory=dict)

    def at(self, path: str, span: tuple[int, int] | None) -> None:
        if span is not None and span[1] > span[0]:
            self.spans[path] = Span(int(span[0]), int(span[1]))


def build_record(text: str, *, slug: str | None = None, source: Source | None = None,
                 path: str | None = None) -> EventRecord:
    """Read one event record from a report's NFC text.

    :raises ExtractionError: when the text names no event at all
    """
    lang = detect_language(text)
    doc = read_document(text, lang)
    facts = Facts()
    fields = find_fields(doc)
    field_units = [f.value for f in fields]

    kind = choose_kind(doc.view, lang, 0, doc.end)
    event_units = _event_sentences(doc, kind)
    headline, dateline, press_date, city_line = _top_lines(doc)

    # -- when -----------------------------------------------------------------------------------
    date_iso = end_iso = None
    date_span = None
    date_field = first(fields, "date_place") or first(fields, "date")
    candidates: list[dates.DateMention] = []
    if date_field is not None:
        candidates = dates.find_dates(doc.view, date_field.value.start, date_field.value.end)
    if not candidates:
        skip = [u for u in (dateline, press_date) if u is not None]
        for units in (event_units, doc.sentences):
            for s in units:
                found = [d for d in dates.find_dates(doc.view, s.start, s.end)
                         if not any(u.start <= d.start < u.end for u in skip)]
                if found:
                    candidates = found
                    break
            if candidates:
                break
    if candidates:
        d = candidates[0]
        date_iso, end_iso, date_span = d.iso(), d.end_iso(), (d.start, d.end)
    else:
        anchor = _dated(doc, dateline) or _dated(doc, press_date)
        relative = [r for s in event_units for r in dates.find_relative(doc.view, s.start, s.end)]
        if anchor is not None and relative:
            date_iso = dates.shift(anchor, relative[0][2])
            date_span = relative[0][:2]
        elif press_date is not None and (d := _dated(doc, press_date)) is not None:
            date_iso, date_span = d.iso(), (d.start, d.end)
    facts.at("event.date", date_span)
    if end_iso:
        facts.at("event.end_date", date_span)

    # -- where ----------------------------------------------------------------------------------
    goal_field = first(fields, "goal")
    excluded = [goal_field.value] if goal_field else []
    rec_spans = lists.recommendation_items(doc, fields)
    excluded += [Unit(a, b) for a, b in rec_spans]
    place_fields = [f.value for f in fields if f.name in {"date_place", "place"}]
    loc = places.locate(doc, place_fields, event_units, excluded, city_line)
    facts.at("event.city", loc.city_span)
    facts.at("event.region", loc.region_span)
    facts.at("event.country", loc.country_span)
    venue_span = None
    for unit in place_fields:
        venue_span = venue.venue_in_field(doc, unit.start, unit.end)
        if venue_span:
            break
    for unit in ([] if venue_span else place_fields + event_units):
        venue_span = venue.find_venue(doc, unit.start, unit.end)
        if venue_span:
            break
    facts.at("event.venue", venue_span)

    # -- what -----------------------------------------------------------------------------------
    topic_span = None
    topic_field = first(fields, "topic")
    topic_quote = None
    if topic_field is not None:
        topic_span = doc.trim(topic_field.value.start, topic_field.value.end, " \t\"«»“”.")
    else:
        topic_quote = topic.quoted_topic(doc, 0, doc.end, find_kinds(doc.view, lang, 0, doc.end))
        if topic_quote is not None:
            topic_span = (topic_quote.start, topic_quote.end)
        elif kind is not None:
            topic_span = topic.phrase_topic(doc, kind)
    facts.at("event.topic", topic_span)
    facts.at("event.kind", (kind.start, kind.end) if kind else None)

    goal_span = _first_sentence(doc, goal_field.value) if goal_field else statements.goal_in_text(doc)
    facts.at("event.goal", goal_span)

    # -- who ------------------------------------------------------------------------------------
    body_units = doc.sentences
    people = collect_people(doc, body_units, fields)
    mods = find_moderators(doc, people, fields)
    speakers = [p for p in people if is_speaker(doc, p)]
    people_spans = [(m.start, m.end) for p in people for m, _ in p.mentions]
    people_spans += [(r.start, r.end) for p in people for r in p.roles]

    participants, count_spans = _participants(doc, fields)
    for key, span in count_spans.items():
        facts.at(f"event.participants.{key}", span)

    audience_field = first(fields, "audience")
    if audience_field is not None:
        audience = lists.audience_from_field(doc, audience_field)
    else:
        audience = lists.audience_from_text(doc, doc.sentences, people_spans)
    if not audience and count_spans.get("women") and participants.total == participants.women:
        audience = _count_phrase(doc, count_spans["women"])
    for i, (a, b, _) in enumerate(audience):
        facts.at(f"event.audience[{i}]", (a, b))

    moderators = []
    for i, p in enumerate(mods):
        if p.field_roles:
            roles = tuple(r for r, _, _ in p.field_roles)
            for j, (_, a, b) in enumerate(p.field_roles):
                facts.at(f"moderators[{i}].roles[{j}]", (a, b))
        else:
            role = best_role(p)
            roles = tuple(x for x in ((role.post if role and not role.organisation else
                                       _whole(doc, role)) if role else None,) if x)
            if role:
                facts.at(f"moderators[{i}].roles[0]", (role.start, role.end))
        moderators.append(Moderator(p.name(lang), roles))
        facts.at(f"moderators[{i}].name", (p.mentions[0][0].start, p.mentions[0][0].end))
    speaker_records = []
    for i, p in enumerate(speakers):
        role = best_role(p, doc.view)
        speaker_records.append(Speaker(p.name(lang), role.post if role else None, role.organisation if role else None))
        facts.at(f"speakers[{i}].name", (p.mentions[0][0].start, p.mentions[0][0].end))
        if role:
            facts.at(f"speakers[{i}].role", (role.start, role.end))
            if role.organisation:
                facts.at(f"speakers[{i}].organisation", (role.start, role.end))

    pres = lists.presentations(doc, topic_quote)
    for i, (a, b, _) in enumerate(pres):
        facts.at(f"presentations[{i}]", (a, b))
    issue_items = lists.issues(doc)
    for i, (a, b, _) in enumerate(issue_items):
        facts.at(f"issues_raised[{i}]", (a, b))
    recs = []
    for i, (a, b) in enumerate(rec_spans):
        regions, countries = lists.places_named(doc, a, b)
        recs.append(Recommendation(text=doc.at((a, b)), regions=regions, countries=countries))
        facts.at(f"recommendations[{i}]", (a, b))
    outcome_excluded = excluded + [
        s for s in doc.sentences if any(s.start <= a < s.end for a, _, _ in issue_items)
    ]
    outcome_span = statements.outcome(doc, outcome_excluded)
    facts.at("outcome", outcome_span)

    event = Event(
        kind=kind.name if kind else None,
        kind_en=kind.en if kind else None,
        topic=_clean_title(doc.at(topic_span)) if topic_span else None,
        date=date_iso,
        end_date=end_iso,
        city=loc.city,
        region=loc.region,
        country=loc.country,
        venue=doc.at(venue_span).strip("\"«»“” ") if venue_span else None,
        participants=participants,
        language=lang,
        audience=tuple(t for _, _, t in audience),
        goal=doc.at(goal_span) if goal_span else None,
    )
    if event.kind is None and event.topic is None and event.date is None and not moderators and not speaker_records:
        raise ExtractionError("no event could be read from the report (no kind, topic, date or people)", path=path)
    return EventRecord(
        event=event,
        moderators=tuple(moderators),
        speakers=tuple(speaker_records),
        presentations=tuple(t for _, _, t in pres),
        issues_raised=tuple(Issue(text=t) for _, _, t in issue_items),
        recommendations=tuple(recs),
        outcome=doc.at(outcome_span) if outcome_span else None,
        spans=facts.spans,
        source=source or Source(slug=slug),
    )


def _first_sentence(doc: Document, unit: Unit) -> tuple[int, int]:
    """A prose field's value ends with its sentence ("Главная цель ... – ... . Ожидается ...")."""
    s = doc.sentence_of(unit.start)
    end = min(unit.end, s.end) if s is not None else unit.end
    return doc.trim(unit.start, end)


def _whole(doc: Document, role: object) -> str:
    return doc.at((role.start, role.end))  # type: ignore[attr-defined]


def _clean_title(text: str) -> str:
    text = text.strip()
    if text.count("«") > text.count("»") and text.startswith("«"):
        text = text[1:]
    return text.strip(" .\"“”")


def _event_sentences(doc: Document, kind: object) -> list[Unit]:
    """Sentences about the event itself: they name its kind or use a verb of holding it."""
    verbs = pattern("cues", "event_verbs", doc.lang, whole=False)
    out = []
    kinds = find_kinds(doc.view, doc.lang, 0, doc.end)
    for s in doc.sentences:
        has_kind = any(s.start <= k.start < s.end for k in kinds if k.rank == 2 or kind is None or k.name == kind.name)  # type: ignore[attr-defined]
        if has_kind or verbs.search(doc.view, s.start, s.end):
            out.append(s)
    return out


def _top_lines(doc: Document) -> tuple[Unit | None, Unit | None, Unit | None, Unit | None]:
    """The headline, a news dateline, a press-release date line and a "City, Country –" line."""
    headline = dateline = press = city_line = None
    top = doc.paragraphs[0].start if doc.paragraphs else 0
    for p in doc.paragraphs[:5]:
        if p.start - top > 600:
            break
        text = doc.view[p.start : p.end]
        found = dates.find_dates(doc.view, p.start, min(p.end, p.start + 120))
        prefix = re.match(r"\s*([A-ZА-ЯЁӨҮҢ][\w-]+)(?:,\s*[A-ZА-ЯЁӨҮҢ][^\W\d][^\d,\n]*)?,\s*", text)
        if (found and dateline is None and prefix and found[0].start == p.start + prefix.end()
                and prefix.group(1).lower() not in _weekdays()):
            tail = re.match(r"\.?\s*(?:/[^/\n]{1,30}/\.?\s*)?[-–—]?", doc.view[found[0].end : p.end])
            if tail and tail.end() > 0:
                dateline = Unit(p.start, found[0].end + tail.end())
                continue
        if found and dateline is None and press is None:
            d = found[0]
            first_sentence = doc.sentence_of(d.start)
            unit = first_sentence or p
            rest = (doc.view[unit.start : d.start] + doc.view[d.end : unit.end]).lower()
            rest_words = [w for w in re.findall(r"[^\W\d_]+", rest) if w not in _weekdays()]
            if NEWS_DATELINE.search(doc.view[unit.start : unit.end]) and unit.end - unit.start < 120:
                dateline = unit
                continue
            if not rest_words and unit.end - unit.start < 60:
                press = unit
                continue
        if city_line is None and re.match(r"\s*[A-ZА-ЯЁӨҮҢ][\w-]+,\s+[A-ZА-ЯЁӨҮҢ][\w\s-]{3,40}?\s*[–—-]", text):
            city_line = Unit(p.start, p.start + text.find(",") if "," in text else p.end)
        if headline is None and not text.rstrip().endswith((".", ":")) and len(text.split()) < 20:
            headline = p
    return headline, dateline, press, city_line


def _weekdays() -> set[str]:
    from kg.extract.lexicon import rules

    return {str(w).lower() for w in rules("months")["weekdays"]} | {"г", "года", "год", "жыл", "жылы", "ж"}


def _dated(doc: Document, unit: Unit | None) -> dates.DateMention | None:
    if unit is None:
        return None
    found = [d for d in dates.find_dates(doc.view, unit.start, unit.end) if d.year is not None]
    return found[0] if found else None


PARTICIPATION = re.compile(
    r"катыш|катыша|чогул|келиш|участ|присутств|собрал|пришл|particip|attend|gather|took\s+part|came|joined|"
    r"тренинг\w*\s|trained",
    re.I,
)


def _participants(doc: Document, fields: list[Field]) -> tuple[Participants, dict[str, tuple[int, int]]]:
    f = first(fields, "count")
    audience = first(fields, "audience")
    if f is None and audience is not None and re.match(r"\s*\d", doc.view[audience.value.start : audience.value.end]):
        f = audience  # "Participants: 18 journalists and ..."
    if f is not None:
        result, found = counts.participants_from_field(doc.view, f.value.start, f.value.end)
    else:
        result, found = Participants(), []
        for s in doc.sentences:
            text = doc.view[s.start : s.end]
            part, got = counts.participants_from_text(doc.view, s.start, s.end)
            if part.is_empty():
                continue
            if not PARTICIPATION.search(text) and not any(c.what == "people" and re.match(r"(?i)катышуучу|участник|particip", doc.view[c.end:c.end + 20].strip()) for c in got):
                continue
            result, found = part, got
            break
    spans: dict[str, tuple[int, int]] = {}
    for key in ("total", "women", "men"):
        value = getattr(result, key)
        what = {"total": "people", "women": "women", "men": "men"}[key]
        c = next((c for c in found if c.what == what and c.value == value), None)
        if c is None and key == "total" and value is not None:
            c = next((c for c in found if c.value == value), None)
        if c is not None:
            spans[key] = (c.start, c.end)
    return result, spans


def _count_phrase(doc: Document, span: tuple[int, int]) -> list[tuple[int, int, str]]:
    """"20 лидер айым": the words after the number name the audience when there is no list."""
    m = re.match(r"\s+((?:[^\W\d_][\w-]*\s+){1,2}[^\W\d_][\w-]*)", doc.view[span[1] : span[1] + 60])
    if not m:
        return []
    words = m.group(1).split()
    from kg.extract.lexicon import rules

    nouns = rules("cues")["count_nouns"]["women"] + rules("cues")["count_nouns"]["people"]
    for n in range(len(words), 0, -1):
        if any(words[n - 1].lower().startswith(str(x)) for x in nouns) and n >= 2:
            a = span[1] + m.start(1)
            text = " ".join(words[:n])
            return [(a, a + len(" ".join(doc.view[a:].split()[:n])), text)]
    return []


__all__ = ["build_record"]
