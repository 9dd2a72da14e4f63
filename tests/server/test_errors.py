"""Errors: statuses by type, most specific first, and bodies in the format the client reads."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from kg.errors import (
    InputError,
    KGError,
    NotFound,
    QueryRefused,
    QuerySyntaxError,
    StoreError,
    ValidationFailed,
)
from server.errors import QueryTimedOut, QueryTooLong, ServiceRefused, UpdateRefused, status_for


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (QuerySyntaxError("x"), 400),
        (InputError("x"), 400),
        (NotFound("x"), 404),
        (QueryTooLong("x"), 413),
        (ValidationFailed("x"), 422),
        (ServiceRefused("x"), 403),
        (UpdateRefused("x"), 403),
        (QueryRefused("x"), 403),
        (QueryTimedOut("x"), 503),
        (StoreError("x"), 503),
        (KGError("x"), 500),
    ],
)
def test_each_error_has_its_status(error, status):
    assert status_for(error) == status


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [(None, "text/plain"), ("application/json", "application/json"), ("text/html", "text/html")],
)
def test_an_unknown_path_is_404_in_the_clients_format(client, accept, media_type):
    response = client.get("/no/such/page", headers={"Accept": accept} if accept else {})
    assert response.status_code == 404
    assert response.mimetype == media_type
    if media_type == "application/json":
        assert json.loads(response.data)["status"] == 404
    elif media_type == "text/html":
        page = BeautifulSoup(response.data, "html.parser")
        assert page.find("h1").get_text().startswith("404")
    else:
        assert response.text.startswith("404 Not Found")


def test_error_pages_escape_what_they_repeat(client):
    response = client.get(
        "/sparql",
        query_string={"query": "SELECT <script>alert(1)</script>"},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 400
    assert b"<script>alert" not in response.data


@pytest.mark.parametrize(
    "path",
    [
        "/static/../config.py",
        "/static/%2e%2e/config.py",
        "/static/..%2fconfig.py",
        "/static/%2fetc/passwd",
    ],
)
def test_static_paths_cannot_leave_the_static_folder(client, path):
    # (Werkzeug first redirects a doubled slash to the single one, still under /static)
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 404
    assert b"SETTINGS" not in response.data


def test_the_stylesheet_is_served(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    response.close()
