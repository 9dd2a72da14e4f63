"""Moderators and speakers: named people, merged across mentions, with their posts.

A person is a speaker when a sentence about them has a verb of speaking ("чыкты", "выступил",
"said", "айтымында") or when the report gives their post; a person named only as leading a team
("led by") is not. An official named only by post (an unnamed mayor) is never a speaker, since a
speaker needs a name. The moderator is the person a "Модератор:" field or a chairing phrase
("... төрагалыгында", "под председательством", "moderated by") names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.document import Document, Unit
from kg.extract.fields import Field
from kg.extract.lexicon import pattern, rules, words
from kg.extract.names import NameMention, find_names, ru_given_nominative, ru_nominative
from kg.extract.roles import Role, ends_with_post, has_post, has_speech, role_after, role_before
from kg.record import PersonName

MAX_MENTIONS = 300
"""Names read per report: a report of the genre names a few dozen people at most."""
WINDOW = 400
"""How far from a name its post, a verb of speaking or a chairing phrase is looked for."""


@dataclass
class Person:
    """One person with every mention of them."""

    mentions: list[tuple[NameMention, Unit]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    moderator: bool = False
    field_roles: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0][0].start

    def name(self, lang: str) -> PersonName:
        return merged_name([m for m, _ in self.mentions], lang)


def merged_name(mentions: list[NameMention], lang: str) -> PersonName:
    """The fullest name the mentions give, each part in the nominative."""
    families = [m.name.family for m in mentions if m.name.family]
    nominatives = {f.lower() for f in families}
    family = min(families, key=len) if families else None
    given = patronymic = None
    for m in mentions:
        case = None
        if lang == "ru" and m.name.family:
            fixed, case = ru_nominative(m.name.family, nominatives)
            if family and fixed.lower() == family.lower() and m.name.family != family:
                case = case or "gen"
            elif family and m.name.family.lower() == family.lower():
                case = None
        if lang == "ru" and case is None and m.name.patronymic:
            case = (
                ru_nominative(m.name.patronymic, set())[1]
                if re.search(r"(?:ича|ичу|ичем)$", m.name.patronymic)
                else None
            )
            if case and m.name.family:
                fixed = ru_nominative(m.name.family, {m.name.family.lower()[:-1]})[0]
                family = fixed if family and family.lower() == m.name.family.lower() else family
        g = m.name.given
        if g and lang == "ru":
            g = ru_given_nominative(g, case)
        if g and (given is None or (given.endswith(".") and not g.endswith("."))):
            given = g
        p = m.name.patronymic
        if p and lang == "ru":
            p = ru_nominative(p, set())[0]
        if p and (patronymic is None or (patronymic.endswith(".") and not p.endswith("."))):
            patronymic = p
    if family and lang == "ru":
        family = (
            ru_nominative(family, nominatives - {family.lower()})[0]
            if len(nominatives) == 1
            else family
        )
    return PersonName(family, given, patronymic)


def _same_person(a: NameMention, b: NameMention) -> bool:
    fa, fb = (a.name.family or "").lower(), (b.name.family or "").lower()
    if not fa or not fb:
        return False
    n = min(len(fa), len(fb))
    if n < 4 or fa[: max(4, n - 1)] != fb[: max(4, n - 1)]:
        return False
    ga, gb = a.name.given, b.name.given
    return not (ga and gb and ga[0].lower() != gb[0].lower())


def _context_ok(doc: Document, m: NameMention) -> bool:
    """A weak name (no patronymic, initial or family ending) needs a post or honorific beside it."""
    if m.strong:
        return True
    view = doc.view
    before = view[max(0, m.start - 30) : m.start]
    after = view[m.end : m.end + 40]
    hon = rules("people")["honorifics"]
    if re.search(
        rf"(?:^|\s)(?:{'|'.join(re.escape(str(h)) for h in hon['before'])})\.?\s*$", before, re.I
    ):
        return True
    if re.match(
        rf"\s*(?:{'|'.join(re.escape(str(h)) for h in hon['after'])})(?![\w])", after, re.I
    ):
        return True
    if doc.lang != "en" and any(
        ends_with_post(" ".join(before.split()[-n:]), doc.lang) for n in (1, 2, 3)
    ):
        return True
    return bool(re.match(r"\s*,\s*(?:a\s+|an\s+|the\s+)?\w+", after) and has_post(after.split(",")[1] if "," in after else "", doc.lang))


def _is_place(m: NameMention, doc: Document) -> bool:
    from kg.extract.places import gazetteer

    return gazetteer().lookup(m.surface, lang=doc.lang) is not None and not m.strong


def collect_people(doc: Document, units: list[Unit], fields: list[Field]) -> list[Person]:
    """Everyone named in ``units``, one :class:`Person` per person, in order of first mention."""
    people: list[Person] = []
    # Each mention was compared with every mention found before it, which is quadratic in the
    # names. _same_person needs the first four letters of the family names to be equal and
    # reads only the family name and the given initial, so people are indexed by that prefix,
    # each with one mention per (family, initial) it was named by.
    by_prefix: dict[str, list[tuple[Person, dict[tuple[str, str], NameMention]]]] = {}
    skip = _lead_words(doc.lang)
    seen = 0
    for unit in units:
        if seen >= MAX_MENTIONS:
            break
        found = [
            m
            for m in find_names(doc.view, unit.start, unit.end, doc.lang)
            if _context_ok(doc, m) and not _is_place(m, doc) and not _in_title(doc, m)
        ][: MAX_MENTIONS - seen]
        seen += len(found)
        for i, m in enumerate(found):
            nxt = found[i + 1].start if i + 1 < len(found) else None
            prev_end = found[i - 1].end if i > 0 else unit.start
            candidates = by_prefix.setdefault((m.name.family or "").lower()[:4], [])
            found_as = next(
                (
                    (p, named)
                    for p, named in candidates
                    if any(_same_person(m, q) for q in named.values())
                ),
                None,
            )
            if found_as is None:
                found_as = (Person(), {})
                people.append(found_as[0])
                candidates.append(found_as)
            person, named = found_as
            named.setdefault(((m.name.family or "").lower(), (m.name.given or "")[:1].lower()), m)
            person.mentions.append((m, unit))
            role = role_after(
                doc.view, m.end, min(unit.end, m.end + WINDOW), doc.lang, nxt
            ) or role_before(doc.view, max(prev_end, m.start - WINDOW), m.start, doc.lang, skip)
            if role is not None:
                person.roles.append(role)
    return people


def _in_title(doc: Document, m: NameMention) -> bool:
    """Inside a quoted title (a presentation, a project)."""
    before = doc.view[max(0, m.start - 120) : m.start]
    opened = before.count("«") - before.count("»")
    return opened > 0


def _lead_words(lang: str) -> re.Pattern[str]:
    from kg.extract.kinds import kind_pattern

    return re.compile(rf"(?:{kind_pattern(lang).pattern}|иш-чара\w*)\s+", re.I)


def find_moderators(doc: Document, people: list[Person], fields: list[Field]) -> list[Person]:
    """Mark and return the moderators (a field first, then chairing phrases)."""
    out: list[Person] = []
    for f in fields:
        if f.name != "moderator" or f.value.end <= f.value.start:
            continue
        named = sorted(
            (
                (min(m.start for m, _ in p.mentions if f.value.start <= m.start < f.value.end), p)
                for p in people
                if any(f.value.start <= m.start < f.value.end for m, _ in p.mentions)
            ),
            key=lambda sp: sp[0],
        )
        for k, (_, person) in enumerate(named):  # "Модераторы: A, post, и B, post"
            stop = named[k + 1][0] if k + 1 < len(named) else f.value.end
            person.moderator = True
            name_end = max(m.end for m, _ in person.mentions if f.value.start <= m.start < stop)
            person.field_roles = _comma_roles(doc, name_end, stop)
            out.append(person)
    if out:
        return out
    cue = pattern("people", "moderator", doc.lang, whole=False)
    for person in people:
        for m, unit in person.mentions:
            lo, hi = max(unit.start, m.start - WINDOW), min(unit.end, m.end + WINDOW)
            hit = cue.search(doc.view, lo, hi)
            if not hit:
                continue
            cue_at = hit.start()
            if cue_at >= m.end and cue_at - m.end > 30 and doc.lang != "ky":
                continue
            others = [
                q
                for q in people
                if q is not person
                and any(x.start > cue_at and x.start < m.start for x, _ in q.mentions)
            ]
            between = doc.view[cue_at : m.start]
            if others and (
                has_speech(between, doc.lang) or not re.search(r"\s(?:and|и|жана)\s", between)
            ):
                continue
            if cue_at < m.start and has_speech(between, doc.lang):
                continue
            person.moderator = True
            out.append(person)
            break
    return out


def _comma_roles(doc: Document, start: int, end: int) -> list[tuple[str, int, int]]:
    """Roles listed after a moderator's name: "Name, post, post, degree."."""
    out = []
    pos = start
    for piece in re.split(r"(,)", doc.view[start:end]):
        a, b = pos, pos + len(piece)
        pos = b
        if piece == ",":
            continue
        text = " ".join(piece.split()).strip(" .;")
        text = re.sub(r"\s*(?:\b(?:и|and|жана|а\s+также)\s*)$", "", text).strip(" ,.;")
        if len(text) > 1 and text.lower() not in {"и", "and", "жана"}:
            s = doc.view.find(text.split()[0], a, b)
            out.append((text, s if s >= 0 else a, b))
    return out


def is_speaker(doc: Document, person: Person) -> bool:
    if person.moderator:
        return False
    not_speaker = pattern("people", "not_speaker", whole=False)
    contexts = []
    for m, unit in person.mentions:
        before = doc.view[max(unit.start, m.start - 25) : m.start]
        if not_speaker.search(before):
            continue
        contexts.append((m, unit))
    if not contexts:
        return False
    if all(_only_present(doc, u) for _, u in contexts):
        return False
    if person.roles:
        return True
    return any(
        has_speech(doc.view[max(u.start, m.start - WINDOW) : min(u.end, m.end + WINDOW)], doc.lang)
        for m, u in contexts
    )


def _only_present(doc: Document, unit: Unit) -> bool:
    """A sentence that lists who was present ("... катышты", "присутствовали ...") and says
    nothing of speaking."""
    text = doc.view[unit.start : unit.end]
    attend = pattern("people", "attendance", doc.lang, whole=False)
    return bool(attend.search(text)) and not has_speech(text, doc.lang)


def best_role(person: Person, text: str = "") -> Role | None:
    """The first post given, preferring one whose organisation the report itself names."""
    for role in person.roles:
        if role.organisation and text and role.organisation.lower() in text.lower():
            return role
    return person.roles[0] if person.roles else None


__all__ = [
    "Person",
    "best_role",
    "collect_people",
    "find_moderators",
    "is_speaker",
    "merged_name",
    "words",
]
