"""Where the event took place (city, oblast, country, venue), and the places a sentence names.

Places are resolved through the gazetteer (:func:`kg.gazetteer.load_gazetteer`), which knows the
inflected forms ("Жалал-Абад облусундагы", "в г. Оше"). The extractor decides which mention
locates the event: a labelled date-and-place field first, then a settlement in the locative
("Ош шаарында", "Бишкекте", "в городе ...", "in the village of ...") in a sentence about the event,
then elsewhere in the body, then a press-release dateline ("Бишкек, Кыргыз Республикасы –"). A
place inside an organisation's name ("Resource Center in Talas") or in the stated goal does not
locate the event.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.document import Document, Unit
from kg.extract.lexicon import pattern
from kg.gazetteer import Place, PlaceMention, load_gazetteer

SETTLEMENTS = {"city", "town", "village"}
REGIONAL = {"oblast", "district"}
QUALIFIERS = re.compile(
    r"\s+(?:району|облусу|шаары|айылы|областы|район|область|districts?|regions?|oblast|city|village)$",
    re.I,
)
LOCATIVE_KY = re.compile(
    r"(?:[дт][аеоө]|нд[аеоө]|[дт][аеоө]гы|[дт][аеоө]ги|нд[аеоө]гы|нд[аеоө]ги)$", re.I
)
LOCATIVE_BEFORE = re.compile(
    r"(?:(?<![\w])(?:в|во|на|in|at)\s+(?:(?:городе|селе|поселке|г\.|с\.|пгт|the\s+(?:city|town|village)\s+of|"
    r"the\s+)\s*)?)$",
    re.I,
)


@functools.cache
def gazetteer():  # type: ignore[no-untyped-def]
    return load_gazetteer()


@dataclass(frozen=True)
class Location:
    """The event's place as read: values and the spans they were read from."""

    city: str | None = None
    city_span: tuple[int, int] | None = None
    region: str | None = None
    region_span: tuple[int, int] | None = None
    country: str | None = None
    country_span: tuple[int, int] | None = None


def mentions(doc: Document, start: int, end: int) -> list[PlaceMention]:
    """Places named in ``text[start:end]``, with offsets into the whole text."""
    found = gazetteer().find(doc.view[start:end], lang=doc.lang)
    return [PlaceMention(m.start + start, m.end + start, m.surface, m.place) for m in found]


def in_org_name(doc: Document, m: PlaceMention, *, territorial: bool = True) -> bool:
    """A place that belongs to an organisation's name ("Center in Bishkek") or, with
    ``territorial``, to a territorial government's or official's ("мэр Оша")."""
    before = doc.view[max(0, m.start - 40) : m.start]
    heads = [pattern("cues", "org_place_heads", whole=False).pattern]
    if territorial:
        heads.append(pattern("cues", "territorial_place_heads", whole=False).pattern)
    alts = "|".join(f"(?:{h})" for h in heads)
    return bool(
        re.search(
            rf"(?:{alts})\s+(?:in\s+|of\s+|в\s+|г\.\s*|города\s+|шаарынын\s+)?$", before, re.I
        )
    )


def names_water(doc: Document, m: PlaceMention) -> bool:
    """A river, lake or reservoir named after the place ("Талас дарыясынын", "реки Нарын")."""
    after = pattern("cues", "water_bodies", "after", whole=False)
    before = pattern("cues", "water_bodies", "before", whole=False)
    return bool(
        re.match(rf"\s+(?:{after.pattern})(?![\w-])", doc.view[m.end : m.end + 30], re.I)
    ) or bool(
        re.search(
            rf"(?<![\w-])(?:{before.pattern})\s+$", doc.view[max(0, m.start - 25) : m.start], re.I
        )
    )


def is_locative(doc: Document, m: PlaceMention) -> bool:
    if LOCATIVE_BEFORE.search(doc.view[max(0, m.start - 30) : m.start]):
        return True
    if doc.lang == "ky":
        last = m.surface.split()[-1].lower()
        label = m.place.labels.get("ky") or ""
        base = label.split()[-1].lower() if label else ""
        return last != base and bool(LOCATIVE_KY.search(last))
    return False


def as_city(m: PlaceMention, lang: str) -> PlaceMention:
    """A bare oblast name that is also its centre's name ("в Оше", "Ошто") read as the city."""
    if m.place.kind != "oblast" or re.search(
        r"облус|област|region|oblast|province", m.surface, re.I
    ):
        return m
    base = QUALIFIERS.sub("", m.place.labels.get("ky", ""))
    if not base:
        return m
    city = gazetteer().lookup(f"{base} шаары", lang="ky")
    if city is None or city.kind not in SETTLEMENTS:
        return m
    return PlaceMention(m.start, m.end, m.surface, city)


def settlement_name(place: Place, lang: str, surface: str) -> str:
    """The settlement's name in the nominative, in the report's language and script."""
    label = place.labels.get(lang) or place.labels.get("ru") or surface
    return QUALIFIERS.sub("", label)


def place_name(place: Place, lang: str, surface: str = "") -> str:
    """A place as a recommendation names it: an oblast or a city of republican significance by
    its ISO 3166-2 code; otherwise in the nominative and spelt as the report spells it: Kyrgyz and
    English without "району"/"district" ("Лейлек районуна" → "Лейлек"), Russian the label
    ("в Тонском районе" → "Тонский район"; "Жети-Огузском" keeps the report's "Жети-")."""
    if place.iso3166 and place.kind in {"oblast", "city"}:
        return place.iso3166
    label = place.labels.get(lang) or place.labels.get("en") or place.code
    name = QUALIFIERS.sub("", label) if lang in {"ky", "en"} else label
    first = surface.split()[0] if surface.split() else ""
    if not first or first.lower()[:4] == name.lower()[:4]:
        return name
    if lang == "ky":
        from kg.extract.names import strip_ky_case

        word = re.sub(
            r"(?:[гк][аеоө]|[дт][аеоө]|нд[аеоө]|[дт][аеоө]гы|нын|нин|дын|дин|тын|тин)$", "", first
        )
        return word if len(word) >= 3 else strip_ky_case(first)
    label_first, _, rest = name.partition(" ")
    cut_surface, cut_label = first.lower().rfind("ск"), label_first.lower().rfind("ск")
    if cut_surface > 0 and cut_label > 0:
        return f"{first[:cut_surface]}{label_first[cut_label:]} {rest}".strip()
    return name


def locate(
    doc: Document,
    field_units: list[Unit],
    event_units: list[Unit],
    excluded: list[Unit],
    dateline: Unit | None,
    venue: tuple[int, int] | None = None,
) -> Location:
    """The event's city, oblast and country. A settlement the venue phrase names ("актовый зал
    мэрии города ...") locates the event when no sentence about it does."""

    def usable(ms: list[PlaceMention]) -> list[PlaceMention]:
        return [
            m
            for m in ms
            if not in_org_name(doc, m)
            and not any(u.start <= m.start < u.end for u in excluded)
            and not _one_of_several(doc, m)
        ]

    city = region = None
    for unit in field_units:
        ms = usable(mentions(doc, unit.start, unit.end))
        city = city or next((m for m in ms if m.place.kind in SETTLEMENTS), None)
        region = region or next((m for m in ms if m.place.kind in REGIONAL), None)
    body = [s for s in doc.sentences if s not in event_units]
    in_venue = [Unit(*venue)] if venue else []
    if city is None:
        for units in (event_units, in_venue, body):
            for unit in units:
                found = mentions(doc, unit.start, unit.end)
                ms = [as_city(m, doc.lang) for m in (found if units is in_venue else usable(found))]
                city = next(
                    (
                        m
                        for m in ms
                        if m.place.kind in SETTLEMENTS
                        and (units is in_venue or is_locative(doc, m))
                    ),
                    None,
                )
                if city:
                    break
            if city:
                break
    several = any(
        _one_of_several(doc, m) for u in event_units for m in mentions(doc, u.start, u.end)
    )
    if city is None and dateline is not None and not several:
        ms = usable(mentions(doc, dateline.start, dateline.end))
        city = next((m for m in ms if m.place.kind in SETTLEMENTS), None)
    if city is None and not several:
        counts: dict[str, list[PlaceMention]] = {}
        for unit in doc.sentences:
            for m in mentions(doc, unit.start, unit.end):
                m = as_city(m, doc.lang)
                if m.place.kind == "city" and not any(u.start <= m.start < u.end for u in excluded):
                    counts.setdefault(m.place.code, []).append(m)
        frequent = [
            ms
            for ms in counts.values()
            if len(ms) >= 2 and any(not in_org_name(doc, m) or _official_of(doc, m) for m in ms)
        ]
        if len(frequent) == 1:
            city = frequent[0][0]
    if region is None and city is None and not several:
        for unit in event_units:
            ms = usable(mentions(doc, unit.start, unit.end))
            region = next((m for m in ms if m.place.kind in REGIONAL and not _plural(m)), None)
            if region:
                break
    village = _unlisted_village(doc, event_units, excluded) if city is None else None
    loc_region = None
    if city is not None:
        loc_region = (city.place.region, (city.start, city.end))
    elif region is not None:
        loc_region = (region.place.region, (region.start, region.end))
    country = _country(doc, city or region, excluded)
    if village is not None:
        return Location(
            city=village[2],
            city_span=village[:2],
            region=loc_region[0] if loc_region else None,
            region_span=loc_region[1] if loc_region else None,
            country=country[0] if country else None,
            country_span=country[1] if country else None,
        )
    return Location(
        city=settlement_name(city.place, doc.lang, city.surface) if city else None,
        city_span=(city.start, city.end) if city else None,
        region=loc_region[0] if loc_region else None,
        region_span=loc_region[1] if loc_region else None,
        country=country[0] if country else None,
        country_span=country[1] if country else None,
    )


VILLAGE = re.compile(
    r"(?<![\w])(?:(?:с\.|село|селе|села|village\s+of|the\s+village)\s*(?P<a>[A-ZА-ЯЁӨҮҢ][\w]+(?:-[A-ZА-ЯЁӨҮҢ]?[\w]+)?)"
    r"|(?P<b>[A-ZА-ЯЁӨҮҢ][\w]+(?:-[A-ZА-ЯЁӨҮҢ]?[\w]+)?)\s+айыл(?:ы|ында)(?![\w]))"
)
"""A village named with its word ("с.Кенеш", "в селе Ивановка", "Кызыл-Булак айылында", "the village
of Orto-Say"): a settlement too small for the gazetteer is still the place of the event."""


def _unlisted_village(
    doc: Document, units: list[Unit], excluded: list[Unit]
) -> tuple[int, int, str] | None:
    found: dict[str, tuple[int, int, str]] = {}
    for unit in units:
        for m in VILLAGE.finditer(doc.view, unit.start, unit.end):
            group = "a" if m.group("a") else "b"
            a, b = m.span(group)
            listed = gazetteer().lookup(m.group(group)) is not None
            if listed or any(u.start <= a < u.end for u in excluded):
                continue
            found.setdefault(m.group(group).lower(), (a, b, m.group(group)))
    return next(iter(found.values())) if len(found) == 1 else None  # two villages: no single place


def _official_of(doc: Document, m: PlaceMention) -> bool:
    """ "Градоначальник Оша", "мэр Оша": an official of a city names the city the item is about."""
    before = doc.view[max(0, m.start - 25) : m.start]
    return bool(
        re.search(r"(?:градоначальник|мэр|глав[аы]|мэриясы|мэрии|mayor\s+of)\s*$", before, re.I)
    )


SEVERAL = re.compile(
    r"(?:,\s*[A-ZА-ЯЁӨҮҢ][\w-]*)*\s+(?:жана|и|and)\s+[A-ZА-ЯЁӨҮҢ][\w-]*\s+"
    r"(?:шаарларында|айылдарында|облустарында|райондорунда|городах|селах|областях|районах|towns|cities|"
    r"villages|provinces|regions|oblasts)"
)
PLURAL_SETTLEMENT = re.compile(
    r"(?:шаарларында|айылдарында|городах|селах|towns|cities|villages)$", re.I
)
"""Places in a plural locative ("... жана Y шаарларында", "in X and Y provinces"), not residents'
origins ("X жана Y айылдарынын тургундары")."""


def _one_of_several(doc: Document, m: PlaceMention) -> bool:
    """One of several places the event was held in ("Токмок жана Ноокат шаарларында", "in Osh,
    Jalalabat and Batken provinces"): none of them is the event's single place."""
    return bool(PLURAL_SETTLEMENT.search(m.surface) or SEVERAL.match(doc.view, m.end))


def _plural(m: PlaceMention) -> bool:
    return bool(
        re.search(
            r"(?:тарында|ларында|лерinde|областях|районах|regions|districts)$", m.surface, re.I
        )
    )


def _country(
    doc: Document, anchor: PlaceMention | None, excluded: list[Unit]
) -> tuple[str, tuple[int, int]] | None:
    if anchor is not None and anchor.place.country:
        return anchor.place.country, (anchor.start, anchor.end)
    for unit in doc.sentences:
        for m in mentions(doc, unit.start, unit.end):
            if m.place.kind == "country" and m.place.code == "KG":
                return "KG", (m.start, m.end)
    return None


__all__ = [
    "Location",
    "as_city",
    "gazetteer",
    "in_org_name",
    "locate",
    "mentions",
    "names_water",
    "place_name",
    "settlement_name",
]
