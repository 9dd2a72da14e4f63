"""People, organisations, and the roles they held at the event (moderator, speaker)."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import FOAF, RDF, RDFS

from kg.mapping.context import MappingContext
from kg.namespaces import KG, ORG, PERSON, SCHEMA, SEM
from kg.record import PersonName

ROLE_NAMES = {KG.moderatorRole: "moderator", KG.speakerRole: "speaker"}


def map_person(ctx: MappingContext, name: PersonName) -> URIRef:
    person = ctx.iris.person(name)
    g = ctx.graph
    for cls in (KG.Person, SCHEMA.Person, FOAF.Person):
        g.add((person, RDF.type, cls))
    parts = (
        (name.family, (KG.familyName, FOAF.familyName, SCHEMA.familyName)),
        (name.given, (KG.givenName, FOAF.givenName, SCHEMA.givenName)),
        (name.patronymic, (KG.patronymic, PERSON.patronymicName, SCHEMA.additionalName)),
    )
    for value, props in parts:
        if value:
            ctx.add_all(person, props, ctx.text(value))
    ctx.add_all(person, (SCHEMA.name, FOAF.name, RDFS.label), ctx.text(name.display()))
    return person


def map_organization(ctx: MappingContext, name: str) -> URIRef:
    org = ctx.iris.organization(name)
    for cls in (KG.Organization, SCHEMA.Organization, ORG.Organization):
        ctx.graph.add((org, RDF.type, cls))
    ctx.add_all(org, (KG.name, SCHEMA.name, RDFS.label), ctx.text(name))
    return org


def _participation(
    ctx: MappingContext, n: int, person: URIRef, role: URIRef, shortcut: URIRef
) -> URIRef:
    """The schema.org Role pattern: event → Role → person (interop.md §2, "role at the event")."""
    ev, g = ctx.event, ctx.graph
    part = ctx.iris.part("participation", ctx.slug, n)
    g.add((part, RDF.type, KG.Participation))
    g.add((part, RDF.type, SCHEMA.Role))
    g.add((part, RDF.type, SEM.Role))
    g.add((part, KG.agent, person))
    g.add((part, SCHEMA.contributor, person))
    g.add((part, KG.roleKind, role))
    g.add((part, SCHEMA.roleName, ctx.text(ROLE_NAMES[role], "en")))
    g.add((part, KG.position, ctx.position(n)))
    g.add((ev, KG.participation, part))
    g.add((ev, SCHEMA.contributor, part))
    g.add((ev, shortcut, person))
    return part


def map_people(ctx: MappingContext) -> None:
    n = 0
    for i, moderator in enumerate(ctx.record.moderators):
        n += 1
        person = map_person(ctx, moderator.name)
        part = _participation(ctx, n, person, KG.moderatorRole, KG.moderator)
        for where in _moderator_paths(ctx, i):
            ctx.nodes[f"{where}.name"] = person
        for j, post in enumerate(moderator.roles):
            ctx.add(part, KG.post, ctx.text(post))
            for where in _moderator_paths(ctx, i):
                ctx.nodes[f"{where}.roles[{j}]"] = part
    for i, speaker in enumerate(ctx.record.speakers):
        n += 1
        person = map_person(ctx, speaker.name)
        part = _participation(ctx, n, person, KG.speakerRole, KG.speaker)
        ctx.nodes[f"speakers[{i}].name"] = person
        if speaker.role:
            ctx.add(part, KG.post, ctx.text(speaker.role))
            ctx.nodes[f"speakers[{i}].role"] = part
        if speaker.organisation:
            org = map_organization(ctx, speaker.organisation)
            ctx.add(part, KG.onBehalfOf, org)
            ctx.nodes[f"speakers[{i}].organisation"] = org


def _moderator_paths(ctx: MappingContext, i: int) -> tuple[str, ...]:
    # a record with one moderator writes it as `moderator:`, several as `moderators[i]`; spans may
    # use either form
    return (
        (f"moderators[{i}]", "moderator")
        if len(ctx.record.moderators) == 1
        else (f"moderators[{i}]",)
    )
