"""The query UI in a real browser: Debian's chromium, driven by Playwright, offline.

It opens /sparql, runs an example query from kg/queries and sees its rows in YASGUI's table; the
screenshot lands in tests/artifacts/ (not in git).
"""

from __future__ import annotations

import urllib.parse

import pytest
from bs4 import BeautifulSoup
from flask import render_template

from server.examples import example_queries, yasgui_files
from tests.server.conftest import ARTIFACTS

pytestmark = [pytest.mark.live, pytest.mark.browser]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []

    def only_here(route):
        # the page must work offline: anything not served by our own server is refused and noted
        if urllib.parse.urlsplit(route.request.url).hostname != "127.0.0.1":
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", only_here)
    yield page
    context.close()
    assert outside == [], f"the page tried to reach other hosts: {outside}"


def test_the_query_page_runs_an_example_and_shows_its_rows(serve, examples_store, page):
    if yasgui_files() is None:
        pytest.skip("YASGUI is not installed: run scripts/install-query-ui (make install does)")
    # the default examples, or (while kg/queries holds only the export queries) one of those
    examples = example_queries() or example_queries(("export_dcat_summary",))
    url = serve({"EXAMPLE_QUERIES": [e.name for e in examples]}, store=examples_store)
    page.goto(f"{url}/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.get_by_role("button", name=examples[0].title).click()
    rows = page.locator(".yasr table.dataTable tbody tr")
    rows.first.wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "query-ui.png"), full_page=True)
    assert rows.count() > 0
    assert "No data available" not in rows.first.inner_text()


def test_without_yasgui_the_page_offers_a_plain_form(app, tmp_path):
    assert yasgui_files(tmp_path) is None
    with app.test_request_context("/sparql"):
        html = render_template("sparql/query.html", endpoint="/sparql", yasgui=None, examples=())
    page = BeautifulSoup(html, "html.parser")
    assert "make install" in page.select_one(".notice").get_text()
    form = page.select_one("form.plain-query")
    assert form["method"] == "post"
    assert form.select_one("textarea[name=query]")
