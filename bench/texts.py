"""Report texts of the synthetic archive: labelled fields, a table, or narrative paragraphs."""

from __future__ import annotations

from bench import words
from bench.corpus import ReportSpec

LABELS = {
    "ky": {
        "participants": "Катышуучулар",
        "goal": "Максаты",
        "moderator": "Модератор",
        "date_place": "Иш-чаранын күнү, жери",
        "count": "Катышуучулардын саны",
        "speakers": "Баяндамачылар",
        "issues": "Көтөрүлгөн маселелер",
        "recommendations": "Сунуштар",
    },
    "ru": {
        "participants": "Участники",
        "goal": "Цель",
        "moderator": "Модератор",
        "date_place": "Дата и место проведения",
        "count": "Количество участников",
        "speakers": "Выступающие",
        "issues": "Поднятые вопросы",
        "recommendations": "Рекомендации",
    },
    "en": {
        "participants": "Participants",
        "goal": "Goal",
        "moderator": "Moderator",
        "date_place": "Date and venue",
        "count": "Number of participants",
        "speakers": "Speakers",
        "issues": "Issues raised",
        "recommendations": "Recommendations",
    },
}


def _date(spec: ReportSpec) -> str:
    year, month, day = (int(x) for x in spec.date.split("-"))
    name = words.MONTHS[spec.language][month - 1]
    if spec.language == "ky":
        return f"{year}-жылдын {day}-{name}"
    if spec.language == "ru":
        return f"{day} {name} {year} года"
    return f"{day} {name} {year}"


def _count(spec: ReportSpec) -> str:
    p = spec.participants
    if spec.language == "ky":
        return f"{p.total}, анын ичинде {p.women} аял жана {p.men} эркек"
    if spec.language == "ru":
        return f"{p.total} (женщин – {p.women}, мужчин – {p.men})"
    return f"{p.total} ({p.women} women, {p.men} men)"


def _person(spec: ReportSpec, person_post_org: tuple[object, ...]) -> str:
    person, post, org = person_post_org
    name = person.name(spec.language)  # type: ignore[attr-defined]
    full = " ".join(x for x in (name.family, name.given, name.patronymic) if x)
    if spec.language == "en":
        full = " ".join(x for x in (name.given, name.patronymic, name.family) if x)
    if spec.language == "ky":
        return f"*{full}*, {org} {post}"
    return f"*{full}*, {post}, {org}"


def _title(spec: ReportSpec) -> str:
    if spec.language == "ky":
        return f'# "{spec.topic}" темасындагы {spec.kind}'
    if spec.language == "ru":
        return f"# {spec.kind.capitalize()} на тему «{spec.topic}»"
    return f'# {spec.kind.capitalize()} on "{spec.topic}"'


def render(spec: ReportSpec) -> str:
    """The report's Markdown text."""
    lang = spec.language
    label = LABELS[lang]
    town = spec.town.labels[lang]
    moderator, moderator_org = spec.moderator
    fields = [
        (label["participants"], ", ".join(spec.audience) + "."),
        (label["goal"], words.GOALS[lang] + "."),
        (
            label["moderator"],
            _person(spec, (moderator, "", moderator_org)).replace(", ,", ",").rstrip(", "),
        ),
        (label["date_place"], f"{_date(spec)}, {town}, {spec.venue}."),
        (label["count"], _count(spec) + "."),
    ]
    speakers = "; ".join(_person(spec, s) for s in spec.speakers)
    issues = "; ".join(spec.issues)
    lines = ["<!-- source: synthetic report of the kg benchmark -->", "", _title(spec), ""]
    if spec.layout == "table":
        lines += [f"| {label['participants']} | |", "|---|---|"]
        lines += [f"| {name} | {value} |" for name, value in fields[1:]]
        lines += ["", f"**{label['participants']}:** {fields[0][1]}", ""]
    elif spec.layout == "fields":
        lines += [line for name, value in fields for line in (f"**{name}:** {value}", "")]
    else:
        lines += [f"{name}: {value}" for name, value in fields] + [""]
    lines += [f"**{label['speakers']}:** {speakers}.", ""]
    for title in spec.presentations:
        lines += [f"«{title}»." if lang != "en" else f'"{title}".', ""]
    lines += [f"**{label['issues']}:** {issues}.", ""]
    lines += [words.FILLER[lang] for _ in range(spec.filler)] + [""]
    lines += [f"**{label['recommendations']}:**", ""]
    lines += [f"{n}. {text};" for n, (text, _) in enumerate(spec.recommendations, 1)]
    lines += ["", words.OUTCOMES[lang], ""]
    return "\n".join(lines)
