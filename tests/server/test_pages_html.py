"""The HTML pages, parsed: labels in the reader's language, links that resolve, schema.org JSON-LD,
the highlighted report, the home page's filters, search, regions and the ontology."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.exports.schema_jsonld import schema_document
from kg.exports.source import StoreSource
from kg.gazetteer import load_gazetteer
from kg.paths import ontology_file
from server.messages import translate
from tests.server.pages_data import KG, path_of

SCHEMA = "https://schema.org/"
LANGS = ("ky", "ru", "en")


def soup_of(reply: Any) -> BeautifulSoup:
    assert reply.status_code == 200, reply.data[:500]
    assert reply.mimetype == "text/html"
    return BeautifulSoup(reply.data, "html.parser")


def page(client: Any, path: str, lang: str | None = None, **args: str) -> BeautifulSoup:
    query = {**args, **({"lang": lang} if lang else {})}
    return soup_of(client.get(path, query_string=query, headers={"Accept": "text/html"}))


@pytest.fixture(scope="module")
def ontology_labels() -> Graph:
    return Graph().parse(data=ontology_file("kg.ttl").read_bytes(), format="turtle")


def _label(graph: Graph, iri: str, lang: str) -> str:
    found = [str(o) for o in graph.objects(URIRef(iri), RDFS.label) if o.language == lang]
    assert found, f"{iri} has no {lang} label in the ontology"
    return found[0]


@pytest.mark.parametrize("lang", LANGS)
def test_an_event_page_speaks_the_chosen_language(
    pages_client: Any, iris: dict[str, str], ontology_labels: Graph, lang: str
) -> None:
    soup = page(pages_client, path_of(iris["event"]), lang)
    assert soup.html["lang"] == lang
    # the site's own words
    nav = [a.get_text(strip=True) for a in soup.select(".site-nav a")]
    assert translate("nav_events", lang) in nav
    # a region from the gazetteer, in that language
    region = load_gazetteer().get("KG-C").labels[lang]
    assert region in [a.get_text(strip=True) for a in soup.select(".breadcrumb a")]
    # property labels from the ontology, in that language
    headers = {th.get_text(strip=True) for th in soup.select("table.props th[scope=row]")}
    for prop in ("goal", "participantCount", "venue"):
        assert _label(ontology_labels, f"{KG}{prop}", lang) in headers
    # the switcher marks the language and offers the two others
    current = soup.select_one('.lang-switcher a[aria-current="true"]')
    assert current is not None
    assert current["hreflang"] == lang
    others = {a["hreflang"] for a in soup.select(".lang-switcher a")} - {lang}
    assert others == set(LANGS) - {lang}


def test_the_same_page_differs_between_languages(pages_client: Any, iris: dict[str, str]) -> None:
    texts = {
        lang: page(pages_client, path_of(iris["region"]), lang).h1.get_text() for lang in LANGS
    }
    assert len(set(texts.values())) == 3


@pytest.mark.parametrize(
    ("header", "lang"),
    [("ru-RU,ru;q=0.9,en;q=0.8", "ru"), ("ky-KG, ru;q=0.5", "ky"), ("en-GB", "en"), ("de", "ky")],
)
def test_accept_language_chooses_the_language_when_none_was_picked(
    pages_client: Any, iris: dict[str, str], header: str, lang: str
) -> None:
    reply = pages_client.get(
        path_of(iris["event"]), headers={"Accept": "text/html", "Accept-Language": header}
    )
    assert soup_of(reply).html["lang"] == lang
    assert reply.headers["Content-Language"] == lang
    assert "Accept-Language" in reply.headers["Vary"]


def test_a_language_picked_is_kept_in_a_cookie(pages_client: Any, iris: dict[str, str]) -> None:
    reply = pages_client.get("/", query_string={"lang": "ru"})
    assert "lang=ru" in reply.headers["Set-Cookie"]
    # the next page, without ?lang= and with a browser asking for English, stays in Russian
    later = pages_client.get(
        path_of(iris["event"]), headers={"Accept": "text/html", "Accept-Language": "en"}
    )
    assert soup_of(later).html["lang"] == "ru"


def test_every_link_on_the_event_page_resolves(pages_client: Any, iris: dict[str, str]) -> None:
    soup = page(pages_client, path_of(iris["event"]), "en")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    hrefs = {tag["href"] for tag in soup.find_all(["a", "link"], href=True)}
    assert len(hrefs) > 30
    checked = 0
    for href in sorted(hrefs):
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):
            continue  # schema.org, lode, … and the licence: not ours to fetch offline
        assert not parts.scheme, href
        assert not parts.netloc, href
        if parts.fragment and not parts.path:
            assert parts.fragment in ids, f"no id={parts.fragment!r} on the page"
            continue
        if parts.fragment and parts.path == path_of(iris["event"]):
            assert parts.fragment in ids, f"no id={parts.fragment!r} on the page"
        with pages_client.get(parts.path, query_string=parts.query) as reply:
            assert reply.status_code < 400, f"{href} → {reply.status_code}"
        checked += 1
    assert checked > 20


def test_the_event_page_carries_schema_org_json_ld(
    pages_client: Any, pages_store: Any, iris: dict[str, str]
) -> None:
    soup = page(pages_client, path_of(iris["event"]), "en")
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == {"@vocab": SCHEMA}  # inline: search engines fetch no context
    graph = Graph().parse(data=scripts[0].string, format="json-ld")
    event = URIRef(iris["event"])
    assert (event, RDF.type, URIRef(f"{SCHEMA}Event")) in graph
    assert graph.value(event, URIRef(f"{SCHEMA}name")) is not None
    assert isinstance(graph.value(event, URIRef(f"{SCHEMA}startDate")), Literal)
    # the schema.org export's graph for this event, read in the event's own report: the export
    # reads the whole store, so it adds the names people have in other reports too
    export = schema_document(StoreSource(pages_store), iris["event"])
    exported = Graph().parse(data=json.dumps(export), format="json-ld")
    _, page_only, export_only = graph_diff(to_isomorphic(graph), to_isomorphic(exported))
    assert len(page_only) == 0
    assert all(s != event and str(p).startswith(SCHEMA) for s, p, _ in export_only)
    assert {p for s, p, _ in export_only} <= {
        URIRef(f"{SCHEMA}{n}") for n in ("name", "givenName", "familyName", "additionalName")
    }


def test_the_source_report_is_shown_whole_with_each_fact_highlighted(
    pages_client: Any, pages_store: Any, iris: dict[str, str]
) -> None:
    soup = page(pages_client, path_of(iris["event"]), "en")
    rows = list(
        pages_store.store.query(
            f"SELECT ?text WHERE {{ GRAPH ?g {{ <{iris['report']}> <{SCHEMA}text> ?text }} }}"
        )
    )
    text = rows[0]["text"].value
    shown = soup.select_one(".report-text")
    assert shown is not None
    assert shown.get_text() == text
    marks = shown.find_all("mark")
    assert len(marks) >= 10
    for mark in marks:
        assert mark.get_text() in text
        assert mark["data-fields"]  # which record fields were read there
    # the date was read from the report: its words are highlighted and named as event.date
    assert any("event.date" in m["data-fields"] for m in marks)
    # each highlight has an anchor, and the resource pages link back to it
    anchors = {s["id"] for s in shown.select("span.fact-anchor")}
    assert anchors
    assert all(a.startswith("fact-") for a in anchors)


def test_the_event_page_shows_people_statements_and_the_chart(
    pages_client: Any, iris: dict[str, str]
) -> None:
    soup = page(pages_client, path_of(iris["event"]), "en")
    people = soup.select(".people .person")
    assert len(people) == 5
    assert people[0].select_one(".role-badge").get_text(strip=True) == "Moderator"
    assert all(p.select_one(".person-name a")["href"].startswith("/kg/id/person/") for p in people)
    recommendations = soup.select("section[aria-labelledby=recommendations] > ol > li")
    assert [li["value"] for li in recommendations] == ["1", "2", "3", "4"]
    chart = soup.select_one("figure.chart svg")
    assert chart is not None
    assert len(chart.select("rect")) == 2
    assert "15" in soup.select_one("figure.chart").get_text()  # women, as the report says


def test_the_home_page_lists_filters_and_sorts_events(pages_client: Any) -> None:
    soup = page(pages_client, "/", "en")
    cards = soup.select(".event-list .event-card")
    assert len(cards) == 4
    dates = [c.select_one(".event-date").get_text(strip=True) for c in cards]
    assert dates[0].endswith("2023")
    assert dates[-1].endswith("2022")
    assert soup.select(".map svg circle")  # the map, drawn here
    chuy = page(pages_client, "/", "en", region="KG-C")
    found = {a["href"] for a in chuy.select(".event-card h3 a")}
    assert found == {"/kg/id/event/kara-balta-2022-05-17", "/kg/id/event/kara-balta-2023-03-14"}
    assert len(page(pages_client, "/", "en", year="2022").select(".event-card")) == 2
    assert len(page(pages_client, "/", "en", theme="education").select(".event-card")) == 2
    assert len(page(pages_client, "/", "en", sdg="4.1").select(".event-card")) >= 1
    assert page(pages_client, "/", "en", region="KG-XX").select(".event-card") == []
    by_people = page(pages_client, "/", "en", sort="participants").select(".event-card")
    assert "41" in by_people[0].get_text()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("безопасная", "kara-balta-2023-03-14"),
        ("БЕЗОПАСНАЯ ДОРОГА", "kara-balta-2023-03-14"),
        ("четырех", "kara-balta-2023-03-14"),  # ё typed as е
        ("уй-булолук", "kara-balta-2022-05-17"),  # ү, ө typed without their marks
        ("Үй-бүлөлүк", "kara-balta-2022-05-17"),
        ("telemedicine", "balykchy-2023-08-23"),
    ],
)
def test_search_folds_case_yo_and_kyrgyz_letters(
    pages_client: Any, typed: str, expected: str
) -> None:
    soup = page(pages_client, "/search", "en", q=typed)
    found = [a["href"] for a in soup.select(".results .event-card h3 a")]
    assert f"/kg/id/event/{expected}" in found
    assert soup.select(".results mark")


@pytest.mark.parametrize("typed", ["x", "zzzqqq", ".*", "(((", "\\", "a" * 500])
def test_search_for_nothing_or_odd_text_answers_calmly(pages_client: Any, typed: str) -> None:
    soup = page(pages_client, "/search", "en", q=typed)
    assert soup.select(".results .event-card") == []
    assert soup.select_one(".notice") is not None


def test_a_region_page_lists_its_events_and_the_recommendations_naming_it(
    pages_client: Any, iris: dict[str, str]
) -> None:
    soup = page(pages_client, path_of(iris["region"]), "en")
    assert soup.h1.get_text(strip=True) == load_gazetteer().get("KG-C").labels["en"]
    events = {a["href"] for a in soup.select("table.list a[href^='/kg/id/event/']")}
    assert events == {"/kg/id/event/kara-balta-2022-05-17", "/kg/id/event/kara-balta-2023-03-14"}
    recs = soup.select("section[aria-labelledby=recs-here] li a[href^='/kg/id/recommendation/']")
    assert recs
    assert soup.select(".map svg circle.current")


def test_a_person_page_names_the_events_and_roles(pages_client: Any) -> None:
    soup = page(pages_client, "/kg/id/person/kravchenko-irina", "en")
    assert "Kravchenko" in soup.h1.get_text() or "Кравченко" in soup.h1.get_text()
    assert soup.select("a[href='/kg/id/event/kara-balta-2023-03-14']")


def test_the_ontology_page_documents_every_class_in_three_languages(
    pages_client: Any, ontology_labels: Graph
) -> None:
    soup = page(pages_client, "/ontology", "en")
    classes = set(ontology_labels.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
    ours = [c for c in classes if str(c).startswith(KG)]
    assert len(ours) > 10
    for cls in ours:
        entry = soup.find(id=str(cls)[len(KG) :])
        assert entry is not None, f"{cls} is not on /ontology"
        for lang in LANGS:
            assert _label(ontology_labels, str(cls), lang) in entry.get_text()


def test_void_is_served_at_its_well_known_address(pages_client: Any) -> None:
    with pages_client.get("/void") as void, pages_client.get("/.well-known/void") as well_known:
        assert void.mimetype == well_known.mimetype == "text/turtle"
        graph = Graph().parse(data=void.data, format="turtle")
        assert (None, RDF.type, URIRef("http://rdfs.org/ns/void#Dataset")) in graph
        assert isomorphic(graph, Graph().parse(data=well_known.data, format="turtle"))


def test_the_downloads_page_links_every_dump_and_each_one_is_served(pages_client: Any) -> None:
    soup = page(pages_client, "/exports/", "en")
    links = {a["href"] for a in soup.select("main a[href^='/exports/']")}
    assert len(links) >= 4
    for href in sorted(links):
        with pages_client.get(href) as reply:
            assert reply.status_code == 200, href
            assert reply.data
    with pages_client.get("/void") as reply:
        void = Graph().parse(data=reply.data, format="turtle")
    dumps = {
        urlsplit(str(o)).path
        for o in void.objects(None, URIRef("http://rdfs.org/ns/void#dataDump"))
    }
    assert dumps
    assert dumps <= links


@pytest.mark.parametrize(
    "path", ["/exports/../pyproject.toml", "/exports/%2e%2e/README.md", "/exports/nope.ttl"]
)
def test_no_other_file_is_served_under_exports(pages_client: Any, path: str) -> None:
    with pages_client.get(path) as reply:
        assert reply.status_code == 404


def test_data_iris_under_another_base_are_served_at_its_path(serve: Any, pages_store: Any) -> None:
    from tests.server.http import fetch

    url = serve({"BASE_IRI": "https://data.example.kg/"}, store=pages_store)
    # the examples were minted under example.org: under this base none of them is ours
    assert (
        fetch(f"{url}/id/event/kara-balta-2023-03-14", headers={"Accept": "text/turtle"}).status
        == 404
    )
    assert fetch(f"{url}/", headers={"Accept": "text/html"}).status == 200
