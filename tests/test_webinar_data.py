"""webinars.json: every webinar, with exactly the keys the Open data page documents."""

from __future__ import annotations

import json

from praktijkbank.exports.formats import SCHEMA_VERSION, WEBINAR_KEYS
from praktijkbank.exports.webinar_data import webinar_record
from model_support import load_site_model as load_site_content
from praktijkbank.urls import SiteAddress
from support import ROOT, TODAY


def test_webinar_records_have_exactly_the_documented_keys():
    site = SiteAddress("https://example.org/praktijkbank/")
    content = load_site_content(ROOT, today=TODAY)
    assert content.calendar.webinars, "de echte webinars"
    for webinar in content.calendar.webinars:
        record = webinar_record(webinar, site)
        assert list(record) == list(WEBINAR_KEYS)
        assert all(p["url"].startswith("https://example.org/praktijkbank/praktijken/") for p in record["practices"])
        assert (record["start"] is None) == (not webinar.time_known)


def test_the_built_site_has_webinars_json_and_documents_it(built_site):
    content = load_site_content(ROOT, today=TODAY)
    document = json.loads((built_site / "webinars.json").read_text(encoding="utf-8"))
    assert document["schema_version"] == SCHEMA_VERSION
    assert sorted(w["slug"] for w in document["webinars"]) == sorted(w.slug for w in content.calendar.webinars)
    for webinar in document["webinars"]:
        assert (built_site / webinar["calendar_file"]).is_file()
        for practice in webinar["practices"]:
            assert (built_site / practice["path"] / "index.html").is_file()
    html = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    assert 'href="../webinars.json"' in html
    for key in WEBINAR_KEYS:
        assert f"<code>{key}</code>" in html
