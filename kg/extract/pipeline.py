"""Text → :class:`kg.record.EventRecord`: runs each reader and keeps where every fact was read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.errors import ExtractionError
from kg.extract import headcount, issues, lists, places, statements, topic, venue, when, who
from kg.extract.document import Document, Unit, read_document
from kg.extract.fields import find_fields, first
from kg.extract.kinds import KindMention, choose_kind, find_kinds
from kg.extract.language import detect_language
from kg.extract.lexicon import pattern
from kg.extract.people import collect_people, find_moderators, is_speaker
from kg.record import (
    Event,
    EventRecord,
    Issue,
    Recommendation,
    Source,
    Span,
)


@dataclass
class Facts:
    """Facts as they are read: values and their spans."""

    spans: dict[str, Span] = field(default_factory=dict)

    def at(self, path: str, span: tuple[int, int] | None) -> None:
        if span is not None and span[1] > span[0]:
            self.spans[path] = Span(int(span[0]), int(span[1]))


def build_record(
    text: str, *, slug: str | None = None, source: Source | None = None, path: str | None = None
) -> EventRecord:
    """Read one event record from a report's NFC text.

    :raises ExtractionError: when the text names no event at all
    """
    lang = detect_language(text)
    doc = read_document(text, lang)
    facts = Facts()
    fields = find_fields(doc)

    kind = choose_kind(doc.view, lang, 0, doc.end)
    event_units = _event_sentences(doc, kind)
    headline, dateline, press_date, city_line = when.top_lines(doc)

    # -- when -----------------------------------------------------------------------------------
    date_iso, end_iso, date_span = when.event_date(doc, fields, event_units, dateline, press_date)
    facts.at("event.date", date_span)
    if end_iso:
        facts.at("event.end_date", date_span)

    # -- where ----------------------------------------------------------------------------------
    goal_field = first(fields, "goal")
    excluded = [goal_field.value] if goal_field else []
    rec_spans = lists.recommendation_items(doc, fields)
    excluded += [Unit(a, b) for a, b in rec_spans]
    place_fields = [f.value for f in fields if f.name in {"date_place", "place"}]
    venue_span, venue_text = None, None
    for unit in place_fields:
        venue_span = venue.venue_in_field(doc, unit.start, unit.end)
        if venue_span:
            venue_text = doc.at(venue_span)
            break
    for unit in [] if venue_span else place_fields + event_units:
        found_venue = venue.find_venue(doc, unit.start, unit.end)
        if found_venue:
            venue_span, venue_text = found_venue[:2], found_venue[2]
            break
    facts.at("event.venue", venue_span)
    loc = places.locate(doc, place_fields, event_units, excluded, city_line, venue_span)
    facts.at("event.city", loc.city_span)
    facts.at("event.region", loc.region_span)
    facts.at("event.country", loc.country_span)

    # -- what -----------------------------------------------------------------------------------
    topic_span = None
    topic_field = first(fields, "topic")
    topic_quote = None
    if topic_field is not None:
        topic_span = doc.trim(topic_field.value.start, topic_field.value.end, ' \t"«»“”.')
    else:
        topic_quote = topic.quoted_topic(doc, 0, doc.end, find_kinds(doc.view, lang, 0, doc.end))
        if topic_quote is not None:
            topic_span = (topic_quote.start, topic_quote.end)
        elif kind is not None:
            topic_span = _phrase_topic(doc, kind, event_units, headline)
    facts.at("event.topic", topic_span)
    facts.at("event.kind", (kind.start, kind.end) if kind else None)

    goal_span = (
        _first_sentence(doc, goal_field.value) if goal_field else statements.goal_in_text(doc)
    )
    facts.at("event.goal", goal_span)

    # -- who ------------------------------------------------------------------------------------
    body_units = doc.sentences
    people = collect_people(doc, body_units, fields)
    mods = find_moderators(doc, people, fields)
    speakers = [p for p in people if is_speaker(doc, p)]
    people_spans = [(m.start, m.end) for p in people for m, _ in p.mentions]
    people_spans += [(r.start, r.end) for p in people for r in p.roles]

    participants, count_spans = headcount.participants(doc, fields)
    for key, span in count_spans.items():
        facts.at(f"event.participants.{key}", span)

    audience_field = first(fields, "audience")
    if audience_field is not None:
        audience = lists.audience_from_field(doc, audience_field)
    else:
        audience = lists.audience_from_text(doc, doc.sentences, people_spans)
    if not audience and count_spans.get("women") and participants.total == participants.women:
        audience = headcount.count_phrase(doc, count_spans["women"])
    for i, (a, b, _) in enumerate(audience):
        facts.at(f"event.audience[{i}]", (a, b))

    moderators = who.moderator_records(doc, mods, facts.at)
    speaker_records = who.speaker_records(doc, speakers, facts.at)

    pres = lists.presentations(doc, topic_quote)
    for i, (a, b, _) in enumerate(pres):
        facts.at(f"presentations[{i}]", (a, b))
    issue_items = issues.issues(doc, fields)
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
    outcome_field = first(fields, "outcome")
    outcome_span = statements.outcome(
        doc,
        outcome_excluded,
        outcome_field.value if outcome_field else None,
        statements.is_announcement(doc, event_units),
    )
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
        venue=_unquoted(venue_text) if venue_text else None,
        participants=participants,
        language=lang,
        audience=tuple(t for _, _, t in audience),
        goal=doc.at(goal_span) if goal_span else None,
    )
    if (
        event.kind is None
        and event.topic is None
        and event.date is None
        and not moderators
        and not speaker_records
    ):
        raise ExtractionError(
            "no event could be read from the report (no kind, topic, date or people)", path=path
        )
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


def _phrase_topic(
    doc: Document, kind: KindMention, event_units: list[Unit], headline: Unit | None
) -> tuple[int, int] | None:
    """The unquoted topic joined to the kind's word, read in the sentences about the event rather
    than in the headline, which says what happened, not what the event was called."""
    mentions = [
        k
        for u in event_units
        for k in find_kinds(doc.view, doc.lang, u.start, u.end)
        if k.name == kind.name and not (headline and headline.start <= k.start < headline.end)
    ]
    in_headline = headline is not None and headline.start <= kind.start < headline.end
    for k in [*mentions[:5], *([] if in_headline else [kind])]:
        span = topic.phrase_topic(doc, k)
        if span:
            return span
    return None


def _unquoted(text: str) -> str:
    """A venue without surrounding quotes; a quoted name inside a longer phrase keeps its quotes."""
    text = text.strip(" .")
    if re.fullmatch(r"[\"«“][^\"«»“”]*[\"»”]", text):
        return text[1:-1].strip()
    return text


def _clean_title(text: str) -> str:
    text = text.strip()
    if text.count("«") > text.count("»") and text.startswith("«"):
        text = text[1:]
    return text.strip(' ."“”')


def _event_sentences(doc: Document, kind: object) -> list[Unit]:
    """Sentences about the event itself: they name its kind or use a verb of holding it."""
    verbs = pattern("cues", "event_verbs", doc.lang, whole=False)
    out = []
    kinds = find_kinds(doc.view, doc.lang, 0, doc.end)
    for s in doc.sentences:
        has_kind = any(
            s.start <= k.start < s.end
            for k in kinds
            if k.rank == 2 or kind is None or k.name == kind.name
        )  # type: ignore[attr-defined]
        if has_kind or verbs.search(doc.view, s.start, s.end):
            out.append(s)
    return out


__all__ = ["build_record"]
