"""The people of the record: moderators with their roles, speakers with post and organisation."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.document import Document
from kg.extract.people import Person, best_role
from kg.extract.roles import Role, has_post
from kg.record import Moderator, Speaker

At = Callable[[str, "tuple[int, int] | None"], None]


def moderator_records(doc: Document, mods: list[Person], at: At) -> list[Moderator]:
    """Each moderator's name and roles: a field's comma-separated roles, or the post read beside
    the name in prose, split where a conjunction joins two posts ("a climate activist and
    coordinator of ...")."""
    out = []
    for i, p in enumerate(mods):
        if p.field_roles:
            roles = tuple(r for r, _, _ in p.field_roles)
            for j, (_, a, b) in enumerate(p.field_roles):
                at(f"moderators[{i}].roles[{j}]", (a, b))
        else:
            role = best_role(p)
            pieces = _joined_posts(doc, role.start, role.end) if role else []
            roles = tuple(text for text, _, _ in pieces)
            for j, (_, a, b) in enumerate(pieces):
                at(f"moderators[{i}].roles[{j}]", (a, b))
        out.append(Moderator(p.name(doc.lang), roles))
        at(f"moderators[{i}].name", (p.mentions[0][0].start, p.mentions[0][0].end))
    return out


def _joined_posts(doc: Document, start: int, end: int) -> list[tuple[str, int, int]]:
    conj = {"ky": "жана", "ru": "и", "en": "and"}[doc.lang]
    text = doc.view[start:end]
    for m in re.finditer(rf"\s{conj}\s", text):
        left, right = text[: m.start()], text[m.end() :]
        if has_post(left, doc.lang) and has_post(
            right.split()[0] if right.split() else "", doc.lang
        ):
            return [_piece(doc, start, start + m.start()), _piece(doc, start + m.end(), end)]
    return [_piece(doc, start, end)]


def _piece(doc: Document, a: int, b: int) -> tuple[str, int, int]:
    a, b = doc.trim(a, b)
    art = re.match(r"(?:a|an|the)\s+", doc.view[a:b], re.I) if doc.lang == "en" else None
    if art:
        a += art.end()
    return doc.at((a, b)), a, b


CAPACITY = re.compile(
    r"(?<![\w])в\s+(?:роли|качестве)\s+([а-яё]{4,})ов\s+(?:выступ\w+|был\w*)\s+$", re.I
)
""""В роли экспертов выступают A, B и C": each named person speaks as an "эксперт"."""


def _capacity(doc: Document, p: Person) -> Role | None:
    """The capacity a list of names is introduced in, when the person has no post of their own."""
    if doc.lang != "ru":
        return None
    m, unit = p.mentions[0]
    lead_start = unit.start
    found = None
    for piece in re.finditer(
        r"в\s+(?:роли|качестве)\s+[а-яё]{4,}ов\s+(?:выступ\w+|был\w*)\s+",
        doc.view[lead_start : m.start],
        re.I,
    ):
        found = piece
    if found is None:
        return None
    between = doc.view[lead_start + found.end() : m.start]
    if not re.fullmatch(r"(?:[^,.;:]+(?:,\s*|\s+и\s+))*", between):
        return None  # only other names (of the same list) stand between the phrase and this name
    word = CAPACITY.search(found.group())
    if word is None:
        return None
    return Role(word.group(1).lower(), None, lead_start + found.start(), lead_start + found.end())


def speaker_records(doc: Document, speakers: list[Person], at: At) -> list[Speaker]:
    out = []
    for i, p in enumerate(speakers):
        role = best_role(p, doc.view) or _capacity(doc, p)
        out.append(
            Speaker(
                p.name(doc.lang), role.post if role else None, role.organisation if role else None
            )
        )
        at(f"speakers[{i}].name", (p.mentions[0][0].start, p.mentions[0][0].end))
        if role:
            at(f"speakers[{i}].role", (role.start, role.end))
            if role.organisation:
                at(f"speakers[{i}].organisation", (role.start, role.end))
    return out


__all__ = ["moderator_records", "speaker_records"]
