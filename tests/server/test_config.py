"""Settings: defaults, then the KG_CONFIG file, then KG_* variables, then create_app's mapping."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from server.config import SETTINGS
from tests.conftest import make_app


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch):
    from tests.conftest import _clean_environ

    _clean_environ(monkeypatch)


def test_every_setting_has_its_default():
    app = make_app()
    for setting in SETTINGS:
        assert app.config[setting.name] == setting.check(setting.default), setting.name


def test_later_sources_win_in_the_documented_order(tmp_path, monkeypatch):
    toml = tmp_path / "kg.toml"
    toml.write_text("QUERY_TIMEOUT = 3\nMAX_RESULT_ROWS = 7\nQUERY_WORKERS = 2\n", encoding="utf-8")
    monkeypatch.setenv("KG_CONFIG", str(toml))
    monkeypatch.setenv("KG_MAX_RESULT_ROWS", "8")
    monkeypatch.setenv("KG_QUERY_WORKERS", "3")
    app = make_app({"QUERY_WORKERS": 1})
    assert app.config["QUERY_TIMEOUT"] == 3.0  # the file over the default
    assert app.config["MAX_RESULT_ROWS"] == 8  # the environment over the file
    assert app.config["QUERY_WORKERS"] == 1  # the mapping over the environment


def test_a_numeric_token_in_the_environment_stays_text(monkeypatch):
    monkeypatch.setenv("KG_UPDATE_TOKEN", "12345")
    assert make_app().config["UPDATE_TOKEN"] == "12345"


def test_a_list_of_services_may_be_written_as_text(monkeypatch):
    monkeypatch.setenv("KG_ALLOWED_SERVICES", "https://a.example/sparql, https://b.example/")
    assert make_app().config["ALLOWED_SERVICES"] == (
        "https://a.example/sparql",
        "https://b.example/",
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("QUERY_TIMEOUT", 0),
        ("QUERY_TIMEOUT", "soon"),
        ("MAX_RESULT_ROWS", -1),
        ("MAX_RESULT_BYTES", 100),
        ("SHOW_QUERY_UI", "yes"),
    ],
)
def test_a_bad_value_names_the_setting(key, value):
    with pytest.raises(InputError, match=key):
        make_app({key: value})


def test_a_misspelt_key_in_the_config_file_is_an_error(tmp_path, monkeypatch):
    toml = tmp_path / "kg.toml"
    toml.write_text("QUERY_TIMOUT = 3\n", encoding="utf-8")
    monkeypatch.setenv("KG_CONFIG", str(toml))
    with pytest.raises(InputError, match="QUERY_TIMOUT"):
        make_app()


def test_an_unreadable_config_file_is_named(tmp_path, monkeypatch):
    bad = tmp_path / "bad.toml"
    bad.write_text("QUERY_TIMEOUT = = 3\n", encoding="utf-8")
    monkeypatch.setenv("KG_CONFIG", str(bad))
    with pytest.raises(InputError, match=r"bad\.toml"):
        make_app()


def test_a_read_only_store_refuses_updates_even_with_a_token(tmp_path):
    from kg.store import open_store
    from server import create_app

    folder = str(tmp_path / "data")
    open_store(folder).close()  # a folder that holds a store
    config = {"STORE_PATH": folder, "STORE_READ_ONLY": True, "UPDATE_TOKEN": "t"}
    client = create_app(config).test_client()
    reply = client.post(
        "/sparql",
        data={"update": "CLEAR ALL"},
        headers={"Authorization": "Bearer t", "Accept": "text/plain"},
    )
    assert reply.status_code == 403
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
