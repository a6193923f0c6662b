"""Open data: praktijken.json and praktijken.csv round-trip to the same models and are documented."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import pytest

from praktijkbank.exports.formats import LIST_SEPARATOR, SCHEMA_VERSION
from praktijkbank.exports.opendata import practices_csv, practices_json, read_practices_csv, read_practices_json
from praktijkbank.exports.records import columns, join_list, split_list
from praktijkbank.content.models import Contact, Coordinates, Figure, Partner, Place, Source
from praktijkbank.content.schema import LIST, MAPPING, PRACTICE
from praktijkbank.urls import SiteAddress

SITE = SiteAddress("https://example.org/praktijkbank/")


@pytest.fixture(scope="module")
def practices(real_practices):
    return real_practices


@pytest.fixture(scope="module")
def awkward(practices):
    """A card with everything a flat file finds hard: separators, quotes, new lines, absent and present options."""
    return dataclasses.replace(
        practices[0],
        slug="awkward",
        title='Wonen | "zorg", welzijn',
        summary="Regel een\nregel twee; met \\ en | en ,",
        place=Place("regio", "Oss", None, "noord-brabant", ("Den Bosch | Vught", "Uden\\")),
        coordinates=Coordinates(51.77, 5.55),
        partners=(Partner("Stichting A (Oss)", "gemeente"), Partner("B | C", "overig")),
        sources=(Source("Titel, met komma", "https://example.org/a?b=c|d", "Uitgever", dt.date(2022, 2, 9)),
                 Source("Zonder datum", "https://example.org/b", "Ander", research=True)),
        researchers=("Bureau | Onderzoek",),
        funders=("Fonds A", "Fonds B"),
        figures=(Figure("woningen", 565, 2, 2017, "studio's | kamers"), Figure("budget", 1250000.5, 1),
                 Figure("woningen", 600, 1, None, None)),
        contact=Contact("Organisatie"),
        started=None,
        keywords=(),
        related=(),
        body="## In het kort\n\n\"Aanhalingstekens\", komma's, | en \\.\r\n",
    )


def same(practices) -> list:
    """The models by slug, as the files hold them: where a card's text starts in its file
    (``body_line``, for messages about the card) is no open data."""
    def public(practice):
        fields = {f.name: f for f in dataclasses.fields(practice)}
        return dataclasses.replace(practice, body_line=fields["body_line"].default) if "body_line" in fields else practice

    return sorted((public(p) for p in practices), key=lambda p: p.slug)


def test_json_round_trips_to_the_same_models(practices, awkward):
    records = [*practices, awkward]
    back = read_practices_json(practices_json(records, SITE))
    assert same(back) == same(records)


def test_csv_round_trips_to_the_same_models(practices, awkward):
    records = [*practices, awkward]
    text = practices_csv(records)
    back = read_practices_csv(text)
    assert same(back) == same(records)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == columns() and len(rows) == len(records) + 1


def test_json_has_a_schema_version_urls_and_every_front_matter_key(practices):
    document = json.loads(practices_json(practices, SITE))
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["licence"]["name"] == "CC BY 4.0"
    assert document["count"] == len(practices)
    for record in document["practices"]:
        assert list(record)[:3] == ["slug", "path", "url"]
        assert record["url"] == f"https://example.org/praktijkbank/praktijken/{record['slug']}/"
        assert [key for key in record if key in {f.name for f in PRACTICE.fields}] == [f.name for f in PRACTICE.fields]


def test_csv_columns_follow_the_schema_and_join_lists(practices):
    names = columns()
    for field in PRACTICE.fields:
        nested = field.fields or (field.item.fields if field.kind == LIST and field.item.kind == MAPPING else ())
        if nested:
            assert [f"{field.name}.{sub.name}" for sub in nested] == [n for n in names if n.startswith(field.name + ".")]
        else:
            assert field.name in names
    ruwaard = next(r for r in csv.DictReader(io.StringIO(practices_csv(practices))) if r["slug"] == "proeftuin-ruwaard")
    assert ruwaard["themes"] == "wijkaanpak | gezondheid-en-welzijn | ontschotting"
    assert ruwaard["partners.name"].split(LIST_SEPARATOR)[0] == "Gemeente Oss"
    assert ruwaard["partners.role"].split(LIST_SEPARATOR)[0] == "gemeente"
    assert ruwaard["place.municipality"] == "Oss" and ruwaard["coordinates.lat"] == ""


def test_new_fields_are_in_both_files(awkward):
    record = json.loads(practices_json([awkward], SITE))["practices"][0]
    assert record["researchers"] == ["Bureau | Onderzoek"] and record["funders"] == ["Fonds A", "Fonds B"]
    assert [s["research"] for s in record["sources"]] == [False, True]
    assert record["figures"][0] == {"what": "woningen", "value": 565, "year": 2017, "source": 2,
                                    "note": "studio's | kamers"}
    assert record["figures"][2]["year"] is None
    row = next(csv.DictReader(io.StringIO(practices_csv([awkward]))))
    assert row["sources.research"] == "false | true"
    assert row["figures.what"] == "woningen | budget | woningen"
    assert row["figures.value"] == "565 | 1250000.5 | 600"
    assert row["figures.source"] == "2 | 1 | 1"
    assert row["funders"] == "Fonds A | Fonds B"


@pytest.mark.parametrize("items", [[], ["a"], ["a", "b"], ["", "b", ""], ["a | b", "c\\", "|", " x "], ["\\|"]])
def test_list_cells_split_back_exactly(items):
    joined = join_list(items)
    assert split_list(joined) == (items if items != [""] else [])


def test_the_built_site_has_the_open_data_files(built_site, practices):
    document = json.loads((built_site / "praktijken.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in document["practices"]] == sorted(p.slug for p in practices)
    for record in document["practices"]:
        assert (built_site / record["path"] / "index.html").is_file()
    assert same(read_practices_json((built_site / "praktijken.json").read_text(encoding="utf-8"))) == same(practices)
    csv_text = (built_site / "praktijken.csv").read_bytes().decode("utf-8")
    assert same(read_practices_csv(csv_text)) == same(practices)


def test_open_data_page_links_the_files_and_explains_every_field(built_site, taxonomy):
    html = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    for name in ("praktijken.json", "praktijken.csv", "feed.xml"):
        assert f'href="../{name}"' in html and (built_site / name).is_file()

    def keys(field, prefix=""):
        key = prefix + field.name
        yield key
        children = field.fields or (field.item.fields if field.kind == LIST and field.item else ())
        for child in children:
            yield from keys(child, key + ("[]." if field.kind == LIST else "."))

    for field in PRACTICE.fields:
        for key in keys(field):
            assert f"<code>{key}</code>" in html, key
    for key in taxonomy["themes"].values:
        assert f"<code>{key}</code>" in html
    assert "CC BY 4.0" in html and "eigen rechten" in html
    assert "Natural Earth" in html and "GeoNames" in html
    assert '<a href="open-data/" class="md-nav__link">' in (built_site / "index.html").read_text(encoding="utf-8")
