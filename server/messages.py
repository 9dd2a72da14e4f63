"""The words of the pages themselves (headings, buttons), in Kyrgyz, Russian and English.

Data labels come from the data and the vocabularies; these are only the site's own words.
Templates call ``t("key")``; a missing key is a bug, so it fails the tests (``KeyError``) rather
than showing the key.
"""

from __future__ import annotations

from collections.abc import Mapping

from server.labels import FALLBACK

# key: (ky, ru, en)
_MESSAGES: dict[str, tuple[str, str, str]] = {
    "site_name": ("Кыргызстандагы жарандык иш-чаралар", "Гражданские мероприятия Кыргызстана",
                  "Civic events of Kyrgyzstan"),
    "site_tagline": ("Диалог аянтчалары, тегерек столдор жана элдик жыйындар жөнүндө ачык маалымат",
                     "Открытые данные о диалоговых площадках, круглых столах и народных собраниях",
                     "Open data on dialogue platforms, round tables and people's assemblies"),
    "skip": ("Мазмунга өтүү", "К содержанию", "Skip to content"),
    "nav_events": ("Иш-чаралар", "Мероприятия", "Events"),
    "nav_regions": ("Аймактар", "Регионы", "Regions"),
    "nav_ontology": ("Онтология", "Онтология", "Ontology"),
    "nav_downloads": ("Жүктөп алуу", "Скачать", "Downloads"),
    "language": ("Тил", "Язык", "Language"),
    "search": ("Издөө", "Поиск", "Search"),
    "search_placeholder": ("Иш-чара, адам, жер же сөз…", "Мероприятие, человек, место или слово…",
                           "An event, person, place or word…"),
    "search_results": ("Издөөнүн натыйжалары", "Результаты поиска", "Search results"),
    "search_none": ("Эч нерсе табылган жок.", "Ничего не найдено.", "Nothing found."),
    "search_found_in": ("Табылган жери", "Найдено в", "Found in"),
    "search_hint": ("Кеминде эки тамга жазыңыз.", "Введите хотя бы две буквы.",
                    "Type at least two letters."),
    "events": ("Иш-чаралар", "Мероприятия", "Events"),
    "event": ("Иш-чара", "Мероприятие", "Event"),
    "events_count": ("{n} иш-чара", "мероприятий: {n}", "{n} events"),
    "no_events": ("Бул тандоо боюнча иш-чара жок.", "По этому выбору мероприятий нет.",
                  "No events match this choice."),
    "filter": ("Тандоо", "Фильтр", "Filter"),
    "apply": ("Көрсөтүү", "Показать", "Show"),
    "clear": ("Тазалоо", "Сбросить", "Clear"),
    "all": ("Баары", "Все", "All"),
    "region": ("Аймак", "Регион", "Region"),
    "year": ("Жыл", "Год", "Year"),
    "theme": ("Тема", "Тема", "Theme"),
    "sdg_target": ("ТӨМ милдети", "Задача ЦУР", "SDG target"),
    "sort": ("Иреттөө", "Сортировка", "Sort"),
    "sort_date_desc": ("Адегенде жаңылары", "Сначала новые", "Newest first"),
    "sort_date_asc": ("Адегенде эскилери", "Сначала старые", "Oldest first"),
    "sort_title": ("Аталышы боюнча", "По названию", "By title"),
    "sort_participants": ("Катышуучулар боюнча", "По числу участников", "By participants"),
    "page_of": (
        "{page}-бет, бардыгы {pages}",
        "Страница {page} из {pages}",
        "Page {page} of {pages}",
    ),
    "pages": ("Беттер", "Страницы", "Pages"),
    "previous": ("Мурунку", "Назад", "Previous"),
    "next": ("Кийинки", "Далее", "Next"),
    "date": ("Күнү", "Дата", "Date"),
    "place": ("Орду", "Место", "Place"),
    "venue": ("Өткөрүлгөн жай", "Место проведения", "Venue"),
    "kind": ("Түрү", "Вид", "Kind"),
    "participants": ("Катышуучулар", "Участники", "Participants"),
    "participants_by_sex": (
        "Катышуучулар жынысы боюнча",
        "Участники по полу",
        "Participants by sex",
    ),
    "women": ("Аялдар", "Женщины", "Women"),
    "men": ("Эркектер", "Мужчины", "Men"),
    "total": ("Бардыгы", "Всего", "Total"),
    "not_stated": ("көрсөтүлгөн эмес", "не указано", "not stated"),
    "goal": ("Максаты", "Цель", "Goal"),
    "audience": ("Катышкандар", "Аудитория", "Audience"),
    "outcome": ("Жыйынтыгы", "Итог", "Outcome"),
    "themes": ("Темалар", "Темы", "Themes"),
    "moderator": ("Модератор", "Модератор", "Moderator"),
    "speaker": ("Сөз сүйлөгөн", "Выступающий", "Speaker"),
    "speakers": (
        "Модератор жана сөз сүйлөгөндөр",
        "Модератор и выступающие",
        "Moderator and speakers",
    ),
    "presentations": ("Презентациялар", "Презентации", "Presentations"),
    "issues": ("Көтөрүлгөн маселелер", "Поднятые вопросы", "Issues raised"),
    "recommendations": ("Сунуштар", "Рекомендации", "Recommendations"),
    "names_places": ("Аталган жерлер", "Названные места", "Places named"),
    "source_report": ("Булак баяндама", "Исходный отчёт", "Source report"),
    "source_note": ("Белгиленген сөздөр — маалымат окулган жерлер. Үстүнө басып, фактты көрүңүз.",
                    "Выделенные слова — места, откуда взяты факты. Наведите, чтобы увидеть поле.",
                    "Highlighted words are where each fact was read. Hover to see the field."),
    "no_source": ("Баяндаманын тексти сакталган эмес.", "Текст отчёта не сохранён.",
                  "The report's text is not stored."),
    "downloads": ("Жүктөп алуу", "Скачать", "Download"),
    "data_formats": ("Бул барактын маалыматы", "Данные этой страницы", "This page as data"),
    "all_properties": ("Бардык касиеттери", "Все свойства", "All properties"),
    "aligned_properties": ("Ошол эле фактылар башка сөздүктөрдө (schema.org, FOAF, DCT…)",
                           "Те же факты в других словарях (schema.org, FOAF, DCT…)",
                           "The same facts in other vocabularies (schema.org, FOAF, DCT…)"),
    "types": ("Түрлөрү", "Типы", "Types"),
    "property": ("Касиет", "Свойство", "Property"),
    "value": ("Мааниси", "Значение", "Value"),
    "mentioned_in": ("Шилтеме кылгандар", "Упоминается в", "Mentioned in"),
    "mentions_more": ("Жана дагы {n}; толугу SPARQL аркылуу.", "И ещё {n}; все — через SPARQL.",
                      "And {n} more; all of them through SPARQL."),
    "read_in": ("Баяндамада окулган жери", "Где прочитано в отчётах", "Where it was read"),
    "field": ("Талаа", "Поле", "Field"),
    "quote": ("Цитата", "Цитата", "Quote"),
    "roles": ("Иш-чаралардагы ролдору", "Роли на мероприятиях", "Roles at events"),
    "role": ("Ролу", "Роль", "Role"),
    "post": ("Кызматы", "Должность", "Post"),
    "organization": ("Уюм", "Организация", "Organisation"),
    "events_here": ("Бул жерде өткөн иш-чаралар", "Мероприятия здесь", "Events held here"),
    "recs_here": ("Бул жерди атаган сунуштар", "Рекомендации, где названо это место",
                  "Recommendations that name this place"),
    "map": ("Карта", "Карта", "Map"),
    "map_caption": ("Иш-чаралар өткөн жерлер (чекиттин чоңдугу — иш-чаралардын саны).",
                    "Где проходили мероприятия (размер точки — число мероприятий).",
                    "Where events were held (dot size: number of events)."),
    "map_note": ("Чек аралар жөнөкөйлөштүрүлгөн (Natural Earth), чекиттер — борбордук пункттар.",
                 "Границы упрощены (Natural Earth), точки — центроиды.",
                 "Simplified borders (Natural Earth); dots are centroids."),
    "regions": ("Аймактар", "Регионы", "Regions"),
    "contained_in": ("Кирет", "Входит в", "Part of"),
    "places_within": ("Ичиндеги жерлер", "Места внутри", "Places within"),
    "graph": ("Аталган граф", "Именованный граф", "Named graph"),
    "graph_lead": ("Бир баяндаманын бардык үчтүктөрү.", "Все тройки одного отчёта.",
                   "All the triples of one report."),
    "triples": ("үчтүк", "троек", "triples"),
    "about_event": ("Иш-чара", "Мероприятие", "About the event"),
    "timed_out": ("Убакыт бүттү", "Время истекло", "Timed out"),
    "timed_out_page": (
        "Бул беттин суроолору {seconds} секундда бүткөн жок. Бир аздан кийин кайра ачып көрүңүз.",
        "Запросы этой страницы не уложились в {seconds} с. Попробуйте открыть её чуть позже.",
        "The queries of this page did not finish within {seconds} s. Please try again shortly.",
    ),
    "not_found": ("Табылган жок", "Не найдено", "Not found"),
    "not_found_iri": ("Бул IRI боюнча маалымат жок: {iri}", "Нет данных об этом IRI: {iri}",
                      "The data says nothing about {iri}"),
    "ontology_title": (
        "Онтология жана сөздүктөр",
        "Онтология и словари",
        "Ontology and vocabularies",
    ),
    "classes": ("Класстар", "Классы", "Classes"),
    "properties": ("Касиеттер", "Свойства", "Properties"),
    "vocabularies": ("Сөздүктөр", "Словари", "Vocabularies"),
    "shapes": ("SHACL формалары", "Формы SHACL", "SHACL shapes"),
    "label": ("Аталышы", "Название", "Label"),
    "comment": ("Түшүндүрмө", "Описание", "Description"),
    "domain": ("Домени", "Домен", "Domain"),
    "range": ("Чөйрөсү", "Диапазон", "Range"),
    "subclass_of": ("Ата-класстары", "Подкласс", "Subclass of"),
    "subproperty_of": ("Ата-касиеттери", "Подсвойство", "Subproperty of"),
    "alignments": ("Шайкештиктер", "Соответствия", "Alignments"),
    "targets": ("Максаттуу класс", "Целевой класс", "Target class"),
    "constraints": ("Чектөөлөр", "Ограничения", "Constraints"),
    "downloads_title": ("Маалыматты жүктөп алуу", "Скачать данные", "Download the data"),
    "downloads_lead": ("Бардык маалымат ачык форматтарда, CC BY 4.0 лицензиясы менен.",
                       "Все данные в открытых форматах, по лицензии CC BY 4.0.",
                       "All the data in open formats, under CC BY 4.0."),
    "dataset_description": ("Маалымат топтомунун сүрөттөмөсү", "Описание набора данных",
                            "Dataset description"),
    "latest_events": ("Иш-чаралар", "Мероприятия", "Events"),
    "stat_events": ("иш-чара", "мероприятий", "events"),
    "stat_participants": ("катышуучу", "участников", "participants"),
    "stat_recommendations": ("сунуш", "рекомендаций", "recommendations"),
    "stat_regions": ("аймак", "регионов", "regions"),
    "open_data": ("Ачык маалымат", "Открытые данные", "Open data"),
    "footer_about": (
        "Кыргызстандагы жарандык иш-чаралар жөнүндө баяндамалардан алынган ачык маалымат.",
        "Открытые данные из отчётов о гражданских мероприятиях Кыргызстана.",
        "Open data drawn from reports on civic events in Kyrgyzstan.",
    ),
    "sparql_endpoint": ("SPARQL чекити", "SPARQL-точка доступа", "SPARQL endpoint"),
    "position": ("№", "№", "No."),
}  # fmt: skip

_INDEX = {"ky": 0, "ru": 1, "en": 2}


def translate(key: str, lang: str, **values: object) -> str:
    """The site's word ``key`` in ``lang``, with ``{name}`` fields filled from ``values``.

    :raises KeyError: for a key that is not defined (a bug in a template)
    """
    texts = _MESSAGES[key]
    text = texts[_INDEX.get(lang, 2)] or next(
        t for t in (texts[_INDEX[c]] for c in FALLBACK[lang]) if t
    )
    return text.format(**values) if values else text


def catalogue() -> Mapping[str, tuple[str, str, str]]:
    """Every message, for the tests."""
    return _MESSAGES
