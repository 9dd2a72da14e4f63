"""The pages in a real browser (Debian's chromium, driven by Playwright, offline): open an event,
switch language, follow a link to its region, search for a word and find the event.

Screenshots of the event page and the home page, wide and phone-sized, land in tests/artifacts/
(not in git).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from kg.gazetteer import load_gazetteer
from tests.server.conftest import ARTIFACTS
from tests.server.pages_data import HIGHLIGHTED

pytestmark = [pytest.mark.live, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


@pytest.fixture
def site(serve: Any, pages_store: Any) -> str:
    return serve(store=pages_store)


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    yield from _tab(browser, WIDE)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    yield from _tab(browser, PHONE)


def _tab(chromium: Any, viewport: dict[str, int]) -> Iterator[Any]:
    context = chromium.new_context(viewport=viewport, locale="en-GB")
    page = context.new_page()
    outside: list[str] = []

    def only_here(route: Any) -> None:
        # the pages must work offline: nothing may come from another host (no CDN, no tiles)
        if urllib.parse.urlsplit(route.request.url).hostname != "127.0.0.1":
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", only_here)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert outside == [], f"the page tried to reach other hosts: {outside}"
    assert errors == []


def test_open_an_event_switch_language_and_follow_the_link_to_its_region(
    site: str, tab: Any
) -> None:
    labels = load_gazetteer().get("KG-C").labels
    tab.goto(f"{site}/kg/id/event/{HIGHLIGHTED}")
    assert tab.locator("html").get_attribute("lang") == "en"  # the browser asks for en-GB
    assert tab.locator("h1").inner_text().strip()
    assert tab.locator(".report-text mark").count() >= 10
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "event-page.png"), full_page=True)

    tab.locator(".lang-switcher").get_by_role("link", name="Русский").click()
    tab.wait_for_url(re.compile(r"lang=ru"))
    assert tab.locator("html").get_attribute("lang") == "ru"
    assert tab.locator(".site-nav").get_by_role("link", name="Мероприятия").is_visible()

    tab.locator(".breadcrumb").get_by_role("link", name=labels["ru"]).click()
    tab.wait_for_url(re.compile(r"/kg/id/place/KG-C$"))
    # the language chosen is kept (a cookie) on the next page
    assert tab.locator("h1").inner_text().strip() == labels["ru"]
    assert tab.locator(f"table.list a[href='/kg/id/event/{HIGHLIGHTED}']").is_visible()
    assert tab.locator(".map svg circle.current").count() == 1


def test_search_for_a_word_and_see_the_event(site: str, tab: Any) -> None:
    tab.goto(f"{site}/?lang=ru")
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "home-page.png"), full_page=True)
    box = tab.locator(".hero .big-search input[type=search]")
    box.fill("безопасн")
    box.press("Enter")
    tab.wait_for_url(re.compile(r"/search\?q="))
    found = tab.locator(f".results h3 a[href='/kg/id/event/{HIGHLIGHTED}']")
    assert found.is_visible()
    assert tab.locator(".results mark").first.inner_text().lower().startswith("безопасн")
    found.click()
    tab.wait_for_url(re.compile(rf"/kg/id/event/{HIGHLIGHTED}$"))
    assert tab.locator("h1").inner_text().strip()


PHONE_PAGES = {
    f"/kg/id/event/{HIGHLIGHTED}": "event-page-phone",
    "/": "home-page-phone",
    "/kg/id/place/KG-C": None,
    "/kg/id/person/kravchenko-irina": None,
    f"/kg/id/report/{HIGHLIGHTED}": None,
    f"/kg/graph/{HIGHLIGHTED}": None,
    "/search?q=school": None,
    "/regions": None,
    "/ontology": None,
    "/exports/": None,
}


def test_the_pages_fit_a_phone(site: str, phone: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for path, name in PHONE_PAGES.items():
        phone.goto(f"{site}{path}")
        # nothing wider than the screen: no sideways scrolling (long IRIs and tables wrap)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a {PHONE['width']}px phone"
        if name:
            phone.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
