"""Search as visitors use it: cards first, every word before some, no struck-through words, a next step.

The real project, built once (``built_site``). Visitors search for what they work on; the
contributor and technical pages (Bijdragen, Velden van een kaart, Open data, Toegankelijkheid,
Wat weten we?) must never push a matching card down, and show only when nobody matched or
when asked for by name. Checked on the Python ranking (``engine.search``, over the documents
of the site's own index) and in the search box in Chromium at 1280x900 and 375x812, with
axe-core on the open search, with results and without. The offline copy is checked too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from offline_support import exported_bundle
from praktijkbank.search.documents import KIND_PRACTICE, SearchDocument
from praktijkbank.search.engine import build_index, search
from praktijkbank.search.ranking import TIER_FALLBACK
from praktijkbank.search.site_index import HELP_FILE, INDEX_FILE
from praktijkbank.content.taxonomy import load_taxonomy
from support import ROOT, VIEWPORTS
from test_accessibility import AXE, WCAG_21_AA, _format, _wait_for_transitions

# Queries of civil servants, corporation staff, tenant organisations and advisory councils.
VISITOR_QUERIES = [
    "huurachterstand", "adviesraad", "dakloos", "ouderen eenzaamheid", "uitstroom beschermd wonen",
    "statushouders Amsterdam", "woningcorporatie huurders",
    # and some more
    "schulden", "huurders", "eenzame ouderen", "dakloze jongeren Utrecht", "gemeente zorg welzijn",
    "beschermd wonen", "bewonersparticipatie", "wijkteam", "jongeren", "woonzorgvisie", "onderzoek",
    "kaart", "thema", "vrijwilligers buurt",
]
# Several words: the cards that have every word come before those that have some.
SEVERAL_WORDS = ["uitstroom beschermd wonen", "statushouders Amsterdam", "woningcorporatie huurders",
                 "ouderen eenzaamheid", "dakloze jongeren Utrecht", "gemeente zorg welzijn"]
# Pages asked for by name come first.
BY_NAME = {"open data": "open-data", "toegankelijkheid": "toegankelijkheid", "webinars": "webinars",
           "wat weten we": "wat-weten-we", "velden van een kaart": "bijdragen/velden"}
NOTHING = "xylofoon"


def _path(location: str) -> str:
    return location.split("#")[0].split("?")[0].removesuffix("index.html").removesuffix(".html").strip("/")


def _is_card(path: str) -> bool:
    return path.startswith("praktijken/") and path != "praktijken"


# --- the ranking, in Python, on the site's own index ------------------------------------------


@pytest.fixture(scope="module")
def site_index(built_site) -> dict:
    return json.loads((built_site / INDEX_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def engine_index(site_index):
    """The documents of the built site's index, cards and pages, as ``engine.search`` ranks them."""
    documents = [SearchDocument(kind=d["kind"], key=d["location"], title=d["title"], text=d["text"],
                                path=d["location"], terms=d["terms"],
                                names=tuple(tuple(n) for n in d.get("names", ())))
                 for d in site_index["docs"]]
    return build_index(documents)


def ask(engine_index, query: str) -> list[str]:
    return [_path(hit.document.key) for hit in search(engine_index, query)]


@pytest.mark.parametrize("query", VISITOR_QUERIES)
def test_no_page_ranks_above_a_matching_card(engine_index, query):
    found = ask(engine_index, query)
    cards = [i for i, path in enumerate(found) if _is_card(path)]
    pages = [i for i, path in enumerate(found) if not _is_card(path)]
    assert cards, f"{query!r} vindt geen kaart: {found}"
    assert not pages or min(pages) > max(cards), f"{query!r}: {found}"


@pytest.mark.parametrize("query", ["huurachterstand", "adviesraad", "onderzoek", "schulden"])
def test_contributor_pages_stay_out_when_cards_match(engine_index, query):
    hits = search(engine_index, query)
    assert all(hit.document.kind == KIND_PRACTICE for hit in hits), [h.document.key for h in hits]


def test_a_page_comes_when_no_card_matches(engine_index):
    # "formulier" is on the contributor pages only.
    hits = search(engine_index, "formulier")
    assert hits and all(hit.document.kind != KIND_PRACTICE for hit in hits)
    assert {hit.tier for hit in hits} == {TIER_FALLBACK}


@pytest.mark.parametrize("query, page", BY_NAME.items())
def test_a_page_asked_for_by_name_comes_first(engine_index, query, page):
    assert ask(engine_index, query)[0] == page


@pytest.mark.parametrize("query", SEVERAL_WORDS)
def test_cards_with_every_word_come_before_cards_with_some(engine_index, query):
    hits = [hit for hit in search(engine_index, query) if hit.document.kind == KIND_PRACTICE]
    missing = [len(hit.missing) for hit in hits]
    assert missing == sorted(missing), f"{query!r}: {[(h.document.title, h.missing) for h in hits]}"
    assert missing[0] == 0, f"{query!r}: geen kaart met alle woorden"


def test_the_order_is_stable(engine_index):
    for query in SEVERAL_WORDS:
        assert ask(engine_index, query) == ask(engine_index, query)


def test_pages_show_no_vocabulary_keys(site_index):
    taxonomy = load_taxonomy(ROOT / "taxonomy.yml")
    keys = {key for vocabulary in taxonomy.vocabularies.values() for key in vocabulary.values if "-" in key}
    for doc in site_index["docs"]:
        if doc["kind"] == KIND_PRACTICE:
            continue
        shown = doc["title"] + " " + doc["text"]
        raw = sorted(key for key in keys if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", shown))
        assert raw == [], f"{doc['location']} toont sleutels: {raw}"
        assert "schulden-en-huurachterstand" not in json.dumps(doc["terms"])


# --- the search box, in Chromium ---------------------------------------------------------------


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def search_box(request, chromium, site_url):
    """The site's search, open, at one screen width (axe-core may be injected: no page policy)."""
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[request.param], bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url)
    page.errors = errors
    page.width = request.param
    yield page
    context.close()


def _open(page) -> None:
    box = page.locator(".md-search__input")
    toggle = page.locator('label.md-header__button[for="__search"]')
    if not page.evaluate("document.getElementById('__search').checked"):
        if toggle.is_visible():
            toggle.click()  # phone: the search opens from the header's button
        else:
            box.click()
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim() !== 'Zoeken initialiseren'")


def typed(page, query: str, root: str = "/") -> list[str]:
    """Type ``query`` as a visitor does; the paths of the results from the site's ``root``, in order."""
    _open(page)
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")
    expect(meta).to_have_text("Typ om te beginnen met zoeken")
    box.fill(query)
    box.press("End")  # Material searches on key up
    expect(meta).not_to_have_text("Typ om te beginnen met zoeken")
    links = page.locator(".md-search-result__item > a:first-child")
    return [_path(p.removeprefix(root)) for p in links.evaluate_all("links => links.map(a => new URL(a.href).pathname)")]


@pytest.mark.browser
def test_the_search_box_shows_cards_above_pages(search_box, engine_index):
    for query in VISITOR_QUERIES:
        found = typed(search_box, query)
        assert found and _is_card(found[0]), f"{query!r} ({search_box.width}): {found}"
        first_page = next((i for i, path in enumerate(found) if not _is_card(path)), len(found))
        assert all(not _is_card(path) for path in found[first_page:]), f"{query!r} ({search_box.width}): {found}"
        # The same order as engine.search (Material shows the first ten, more while scrolling).
        assert found == ask(engine_index, query)[: len(found)], query
    assert search_box.errors == []


@pytest.mark.browser
def test_no_word_is_struck_through(search_box):
    for query in SEVERAL_WORDS:
        typed(search_box, query)
        result = search_box.locator(".md-search-result")
        assert result.locator("del, s, strike, .md-search-result__terms").count() == 0, query
        assert "Ontbreekt" not in result.inner_text(), query


@pytest.mark.browser
def test_nothing_found_offers_themes_and_reporting(search_box, site_url):
    assert typed(search_box, NOTHING) == []
    expect(search_box.locator(".md-search-result__meta")).to_have_text("Geen resultaten")
    help_block = search_box.locator(".pb-zoekhulp")
    expect(help_block).to_be_visible()
    assert "per thema" in help_block.inner_text()
    themes = help_block.locator('a[href*="/thema/"]')
    assert themes.count() >= 5
    report = help_block.get_by_role("link", name="Meld een praktijk aan")
    expect(report).to_be_visible()
    # Every link leads to a page of the site.
    for href in help_block.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith(site_url)
        response = search_box.request.get(href)
        assert response.ok, href
    # The keyboard reaches the links as it reaches results; Enter in the field opens nothing.
    search_box.locator(".md-search__input").press("Enter")
    assert search_box.url == site_url
    search_box.keyboard.press("ArrowDown")
    assert search_box.evaluate("document.activeElement.closest('.pb-zoekhulp') !== null")
    # A theme link opens the theme's page; a new search takes the block away.
    label = themes.first.inner_text()
    themes.first.click()
    search_box.wait_for_url(re.compile(r"/thema/[^/]+/$"))
    assert search_box.get_by_role("heading", level=1).inner_text().strip().endswith(label)
    found = typed(search_box, "dakloos")
    assert found and search_box.locator(".pb-zoekhulp").count() == 0
    search_box.goto(site_url)
    assert search_box.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("query", ["uitstroom beschermd wonen", NOTHING])
def test_the_open_search_has_no_axe_violations(search_box, query):
    typed(search_box, query)
    if query == NOTHING:
        expect(search_box.locator(".pb-zoekhulp")).to_be_visible()
    else:
        search_box.locator(".md-search-result__item").first.wait_for(state="visible")
    _wait_for_transitions(search_box)
    search_box.add_script_tag(path=str(AXE))
    results = search_box.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA)
    assert results["passes"], "axe-core heeft geen enkele regel uitgevoerd"
    assert results["violations"] == [], f"{query!r} ({search_box.width}):\n{_format(results['violations'])}"


# --- the offline copy ----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.build
def test_the_offline_copy_searches_and_helps_from_file(tmp_path, browser_page):
    bundle = exported_bundle(tmp_path, "zoeken")
    assert (bundle.root / HELP_FILE).is_file()
    page, requests = browser_page
    page.goto(bundle.url("praktijken/housing-first.html"))
    found = typed(page, "huurachterstand", root=urlparse(bundle.base).path)
    assert found and _is_card(found[0]), found
    assert typed(page, NOTHING) == []
    help_block = page.locator(".pb-zoekhulp")
    expect(help_block).to_be_visible()
    for href in help_block.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith(bundle.base) and href.endswith(".html"), href
        assert Path(href.removeprefix("file://")).is_file(), href
    help_block.locator('a[href*="/thema/"]').first.click()
    page.wait_for_url(re.compile(re.escape(bundle.base) + r"thema/[^/]+\.html$"))
    assert requests.foreign("file://") == []
