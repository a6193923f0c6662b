"""The Atom feed of new and updated practices, and the link to it in every page's head."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import pytest

from praktijkbank.exports.feed import atom_feed, entry_id
from praktijkbank.exports.formats import FEED_FILE, FEED_SIZE
from praktijkbank.urls import SiteAddress

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://praktijkbank.github.io/praktijkbank/"  # the default in mkdocs.yml


@pytest.fixture(scope="module")
def practices(real_practices):
    return real_practices


def test_built_feed_parses_and_lists_every_card(built_site, practices):
    root = ET.parse(built_site / FEED_FILE).getroot()
    assert root.tag == f"{A}feed"
    entries = root.findall(f"{A}entry")
    by_link = {e.find(f"{A}link[@rel='alternate']").get("href"): e for e in entries}
    assert len(entries) == len(practices) <= FEED_SIZE
    for practice in practices:
        entry = by_link[f"{SITE_URL}praktijken/{practice.slug}/"]
        assert entry.findtext(f"{A}title") == practice.title
        assert entry.findtext(f"{A}summary") == practice.summary
        assert entry.findtext(f"{A}updated") == f"{practice.last_reviewed.isoformat()}T00:00:00Z"
        assert entry.findtext(f"{A}id") == entry_id(practice)
        assert (built_site / "praktijken" / practice.slug / "index.html").is_file()
    # What RFC 4287 requires of a feed: id, title, updated, an author; plus a self link.
    assert root.findtext(f"{A}id").startswith("urn:uuid:")
    assert root.findtext(f"{A}title") and root.findtext(f"{A}updated")
    assert root.find(f"{A}author/{A}name").text
    assert root.find(f"{A}link[@rel='self']").get("href") == SITE_URL + FEED_FILE
    assert len({e.findtext(f"{A}id") for e in entries}) == len(entries)


def test_feed_is_newest_first_and_keeps_the_newest_when_the_bank_grows(practices, taxonomy):
    template = practices[0]
    many = [dataclasses.replace(template, slug=f"kaart-{i:03d}", title=f"Kaart {i}",
                                last_reviewed=dt.date(2020, 1, 1) + dt.timedelta(days=i))
            for i in range(FEED_SIZE + 10)]
    root = ET.fromstring(atom_feed(many, taxonomy, SiteAddress("https://example.org/")))
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    assert titles == [f"Kaart {i}" for i in range(FEED_SIZE + 9, 9, -1)]
    assert root.findtext(f"{A}updated") == (dt.date(2020, 1, 1) + dt.timedelta(days=FEED_SIZE + 9)).isoformat() + "T00:00:00Z"


def test_without_a_site_address_links_are_relative_to_the_feed(practices, taxonomy):
    root = ET.fromstring(atom_feed(practices, taxonomy, SiteAddress(None)))
    hrefs = [link.get("href") for link in root.iter(f"{A}link")]
    assert FEED_FILE in hrefs and all(not h.startswith("http") for h in hrefs)
    assert f"praktijken/{practices[0].slug}/" in hrefs


def test_feed_escapes_titles(practices, taxonomy):
    tricky = dataclasses.replace(practices[0], title="Wonen & zorg <samen>", summary="\"a\" & 'b' ]]>")
    root = ET.fromstring(atom_feed([tricky], taxonomy, SiteAddress(None)))
    entry = root.find(f"{A}entry")
    assert entry.findtext(f"{A}title") == "Wonen & zorg <samen>"
    assert entry.findtext(f"{A}summary") == "\"a\" & 'b' ]]>"


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("type") == "application/atom+xml":
            self.hrefs.append(attrs["href"])


def test_every_page_links_the_feed_in_its_head(built_site):
    pages = [p for p in built_site.rglob("*.html")]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = _FeedLinks()
        parser.feed(html[: html.index("</head>")])
        assert len(parser.hrefs) == 1, page
        if page.name == "404.html":  # served at any depth, so Material uses site-absolute addresses there
            continue
        target = (page.parent / parser.hrefs[0]).resolve()
        assert target == (built_site / FEED_FILE).resolve(), page
