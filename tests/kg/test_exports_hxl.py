"""HXL tables read back with libhxl; the SDG targets of the seed's issues and recommendations."""

from __future__ import annotations

import csv

import hxl
import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS

from kg.exports import ExportOptions, write_export_folder
from kg.exports.tables import EVENTS, STATEMENTS
from tests.kg.exports_data import SOURCES, mapped_dataset, record_paths, union

SDG = "http://metadata.un.org/sdg/"
ISSUE = "https://example.org/kg/id/issue/jalal-abad-2021-04-22-"
RECOMMENDATION = "https://example.org/kg/id/recommendation/jalal-abad-2021-04-22-"

# interop.md §7, in its order
EVENT_TAGS = [
    "#event+id",
    "#event+name+i_ky",
    "#event+name+i_en",
    "#date+start",
    "#country+code+v_iso3",
    "#adm1+code+v_pcodes",
    "#adm1+code+v_iso2",
    "#adm1+name+i_en",
    "#adm2+name+i_en",
    "#loc+name",
    "#org+name+impl",
    "#event+type",
    "#reached+ind",
    "#reached+ind+f",
    "#reached+ind+m",
    "#meta+sdg_target",
    "#meta+source+url",
]
STATEMENT_TAGS = [
    "#event+id",
    "#description+i_ky",
    "#description+i_en",
    "#meta+sdg_target",
    "#adm2+name",
]


@pytest.fixture(scope="module")
def mapped(seed_gold):
    return mapped_dataset(record_paths(seed_gold))


@pytest.fixture(scope="module", params=sorted(SOURCES))
def folder(request, mapped, tmp_path_factory):
    out = tmp_path_factory.mktemp("hxl")
    written = write_export_folder(SOURCES[request.param](mapped), "hxl", out, ExportOptions())
    assert sorted(p.name for p in written) == [
        "events.csv",
        "events.csv-metadata.json",
        "statements.csv",
        "statements.csv-metadata.json",
    ]
    return out


def _read(path):
    """The hashtags and rows of an HXL file, as libhxl reads them (the file closed after)."""
    with hxl.data(str(path), hxl.InputOptions(allow_local=True)) as data:
        rows = list(data)
        return [c.display_tag for c in data.columns], rows


def test_events_table_has_the_hxl_hashtags_of_interop(folder) -> None:
    tags, _ = _read(folder / "events.csv")
    assert tags[: len(EVENT_TAGS)] == EVENT_TAGS
    assert tags == [c.hashtag for c in EVENTS.columns]


def test_libhxl_reads_43_participants_for_the_seed(folder) -> None:
    rows = {r.get("#event+id"): r for r in _read(folder / "events.csv")[1]}
    seed = rows["jalal-abad-2021-04-22"]
    assert seed.get("#reached+ind") == "43"
    assert seed.get("#reached+ind+f") == "21"
    assert seed.get("#reached+ind+m") == "22"
    assert seed.get("#date+start") == "2021-04-22"
    assert seed.get("#country+code+v_iso3") == "KGZ"
    assert seed.get("#adm1+code+v_iso2") == "KG-J"
    assert seed.get("#adm1+code+v_pcodes") == "KG03000000000"
    assert seed.get("#event+type") == "open dialogue platform"
    assert len(rows) == 5


def test_statements_table_has_the_hxl_hashtags_of_interop(folder) -> None:
    tags, _ = _read(folder / "statements.csv")
    assert tags[: len(STATEMENT_TAGS)] == STATEMENT_TAGS
    assert tags == [c.hashtag for c in STATEMENTS.columns]


def _targets(rows, statement_id):
    [row] = [r for r in rows if r.get("#meta+id") == statement_id]
    return set(row.get("#meta+sdg_target").split())


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("issue/jalal-abad-2021-04-22-2", {"8.7"}),  # child labour
        ("issue/jalal-abad-2021-04-22-4", {"8.7"}),  # slavery / forced labour
        ("issue/jalal-abad-2021-04-22-5", {"10.7", "4.*"}),  # migration and education
        ("recommendation/jalal-abad-2021-04-22-1", {"4.*"}),  # train young specialists
        ("recommendation/jalal-abad-2021-04-22-3", {"10.7"}),  # analysis of migration
        ("recommendation/jalal-abad-2021-04-22-4", {"4.*"}),  # state-funded education
    ],
)
def test_the_seed_statements_carry_their_sdg_targets(folder, mapped, statement, expected) -> None:
    rows = _read(folder / "statements.csv")[1]
    got = _targets(rows, statement)
    subjects = {
        str(o).removeprefix(SDG)
        for o in union(mapped).objects(
            URIRef(f"https://example.org/kg/id/{statement}"), DCTERMS.subject
        )
        if str(o).startswith(SDG)
    }
    assert got == subjects  # the table says what the graph says
    for code in expected:
        if code.endswith("*"):
            assert any(c.startswith(code[:-1]) for c in got), (statement, got)
        else:
            assert code in got, (statement, got)


def test_the_hashtag_row_is_row_two(folder) -> None:
    with (folder / "events.csv").open(encoding="utf-8", newline="") as f:
        header, hashtags, first = list(csv.reader(f))[:3]
    assert header[0] == "Event"
    assert hashtags[0] == "#event+id"
    assert first[0] == "jalal-abad-2021-04-22"
