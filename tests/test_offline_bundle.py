"""The offline bundle (praktijkbank export), as a facilitator uses it.

The real project is copied and exported with the real command; the zip is
unpacked in a temporary folder and opened through file:// in real Chromium.
Every request the pages make is logged: none may leave the bundle's folder.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile

import pytest

from offline_support import Bundle, export, exported_bundle, local_links
from praktijkbank.offline.edition import OfflineEdition
from praktijkbank.pages.webinars import entry_id
from model_support import load_site_model as load_site_content
from praktijkbank.content.dutch_dates import dutch_date
from support import ROOT, TODAY, copy_project

pytestmark = [pytest.mark.browser, pytest.mark.build]

THEME = "dakloosheid"
THEME_LABEL = "Dakloosheid en thuisloosheid"


@pytest.fixture(scope="module")
def content():
    loaded = load_site_content(ROOT, today=TODAY)
    assert not loaded.result.errors
    return loaded


@pytest.fixture(scope="module")
def practices(content):
    return content.result.practices


@pytest.fixture(scope="module")
def content_day(content) -> dt.date:
    """What the bundle must call its date: the newest review of any card or webinar."""
    return max([p.last_reviewed for p in content.result.practices]
               + [w.last_reviewed for w in content.calendar.webinars])


@pytest.fixture(scope="module")
def full_bundle(tmp_path_factory) -> Bundle:
    return exported_bundle(tmp_path_factory.mktemp("offline-full"), "alles")


@pytest.fixture(scope="module")
def theme_bundle(tmp_path_factory) -> Bundle:
    return exported_bundle(tmp_path_factory.mktemp("offline-thema"), "thema", "--thema", THEME)


def _page_console(page) -> list[str]:
    """Errors the page reports: failed loads, policy violations, script errors."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def _visible_titles(page) -> set[str]:
    return set(page.locator(".pb-item:visible .pb-item-title").all_inner_texts())


def _search(page, query: str) -> list[str]:
    """Type ``query`` in the search box; the addresses of the results, best first."""
    field = page.locator(".md-search__input")
    field.click()
    field.press("Control+A")
    field.press("Backspace")  # an earlier query goes, as when a person clears the box
    # Ready when the result area shows Material's "type to start searching" (its own translation).
    page.wait_for_function("""() => {
        const ready = JSON.parse(document.getElementById('__config').textContent)
            .translations['search.result.placeholder'];
        return document.querySelector('.md-search-result__meta').textContent.trim() === ready;
    }""")
    field.press_sequentially(query, delay=20)  # as a person types: Material listens to the keys
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q"
        " && document.querySelectorAll('.md-search-result__item').length > 0",
        arg=query,
    )
    page.wait_for_timeout(300)  # the worker answers as you type; let the last answer land
    return page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")


def _card_of(address: str) -> str:
    """'…/praktijken/housing-first.html?h=x#y' or '…/praktijken/housing-first/' -> 'housing-first'."""
    path = address.split("?")[0].split("#")[0].rstrip("/")
    name = posixpath.basename(path)
    return name[:-5] if name.endswith(".html") else name


# -- the whole knowledge base on a stick ---------------------------------------

def test_bundle_works_from_file_without_any_request_leaving_it(browser_page, full_bundle, practices,
                                                              content, content_day):
    page, requests = browser_page
    problems = _page_console(page)
    page.goto(full_bundle.url())

    # The start page says what this is, as of when, and where the live site is.
    note = page.locator(".pb-offline-note")
    assert note.is_visible()
    words = " ".join(note.inner_text().split())
    assert "Offline kopie van de Praktijkbank" in words
    assert f"stand van {dutch_date(content_day)}" in words
    live = note.get_by_role("link", name=re.compile(r"^https:"))
    assert live.get_attribute("href") == "https://praktijkbank.github.io/praktijkbank/"

    # Overview, then a filter.
    page.get_by_role("navigation", name="Navigatie").get_by_role("link", name="Praktijken").first.click()
    page.wait_for_url(full_bundle.url("praktijken/index.html"))
    assert _visible_titles(page) == {p.title for p in practices}
    homeless = {p.title for p in practices if THEME in p.themes}
    page.locator(f'input[name="thema"][value="{THEME}"]').check()
    assert _visible_titles(page) == homeless
    assert page.locator("#pb-result").inner_text() == f"{len(homeless)} van {len(practices)} praktijken"

    # A card from the filtered list.
    card = next(p for p in sorted(practices, key=lambda p: p.title) if THEME in p.themes)
    page.locator(".pb-item:visible").get_by_role("link", name=card.title).click()
    page.wait_for_url(full_bundle.url(f"praktijken/{card.slug}.html"))
    assert page.get_by_role("heading", level=1).inner_text().strip() == card.title
    assert page.get_by_role("complementary", name="Kenmerken").is_visible()

    # The webinar listing.
    page.get_by_role("navigation", name="Navigatie").get_by_role("link", name="Webinars").first.click()
    page.wait_for_url(full_bundle.url("webinars/index.html"))
    shown = set(page.locator(".pb-webinar-title").all_inner_texts())
    assert shown == {w.title for w in content.calendar.webinars}

    # Search finds the card, and the result opens it.
    results = _search(page, "dakloze")
    assert "housing-first" in [_card_of(r) for r in results[:3]], results
    page.locator('.md-search-result__item > a[href*="/praktijken/housing-first.html"]').first.click()
    page.wait_for_url(re.compile(re.escape(full_bundle.url("praktijken/housing-first.html"))))
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Housing First"

    assert len(requests.urls) > 20  # the log really saw every load
    foreign = requests.foreign("file://")
    assert foreign == [], f"verzoeken buiten file://: {foreign}"
    outside = [u for u in requests.urls if u.startswith("file://") and not u.startswith(full_bundle.base)]
    assert outside == [], f"bestanden buiten de map van de kopie: {outside}"
    assert problems == [], f"fouten in de console: {problems}"


def test_bundle_ships_the_worker_shim_with_its_licence_and_loads_nothing_from_a_cdn(full_bundle):
    shim = full_bundle.root / "assets/vendor/iframe-worker/shim.js"
    licence = full_bundle.root / "assets/vendor/iframe-worker/LICENSE"
    assert shim.is_file() and "IFrameWorker" in shim.read_text(encoding="utf-8")
    assert "MIT" in licence.read_text(encoding="utf-8") or "Permission is hereby granted" in licence.read_text(
        encoding="utf-8")
    for page in full_bundle.root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, page
        assert re.search(r"<script[^>]+src=\"https?:", text) is None, page
    assert (full_bundle.root / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    assert not (full_bundle.root / "sitemap.xml").exists() and not (full_bundle.root / "404.html").exists()
    readme = (full_bundle.root / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "index.html" in readme and "https://praktijkbank.github.io/praktijkbank/" in readme


def test_every_link_in_the_bundle_points_at_a_file_in_it(full_bundle):
    _assert_no_dangling_links(full_bundle)


def _assert_no_dangling_links(bundle: Bundle) -> None:
    dangling = []
    for page in bundle.root.rglob("*.html"):
        folder = page.parent.relative_to(bundle.root).as_posix()
        for link in local_links(page.read_text(encoding="utf-8")):
            target = posixpath.normpath(posixpath.join(folder, link.split("#")[0].split("?")[0]))
            if not (bundle.root / target).is_file():
                dangling.append(f"{page.relative_to(bundle.root)} -> {link}")
    assert dangling == []


# -- a chosen set ---------------------------------------------------------------

def test_selected_export_has_exactly_the_chosen_cards_and_no_link_to_others(theme_bundle, practices, content):
    chosen = {p.slug for p in practices if THEME in p.themes}
    left_out = {p.slug for p in practices} - chosen
    assert chosen and left_out
    assert theme_bundle.card_slugs() == chosen
    assert theme_bundle.zip_path.name.endswith(".zip")

    overview = theme_bundle.page("praktijken/index.html")
    assert overview.count('class="pb-item"') == len(chosen)
    assert f'data-total="{len(chosen)}"' in overview
    cardset = theme_bundle.page("kaartenset/index.html")
    assert cardset.count('class="pb-print-card"') == len(chosen)

    # No page, search entry or data file names a card outside the bundle.
    pattern = re.compile(r"praktijken/(" + "|".join(map(re.escape, left_out)) + r")(?:\.html|/|\b)")
    for file in theme_bundle.root.rglob("*"):
        if file.suffix in (".html", ".js", ".json", ".xml", ".ics"):
            assert not pattern.search(file.read_text(encoding="utf-8")), file
    _assert_no_dangling_links(theme_bundle)

    # Webinars only about the chosen cards.
    webinars = theme_bundle.page("webinars/index.html")
    for webinar in content.calendar.webinars:
        about_chosen = bool(chosen & set(webinar.practices))
        assert (f'id="{entry_id(webinar)}"' in webinars) == about_chosen, webinar.slug

    note = " ".join(theme_bundle.page("index.html").split())
    assert f"met {len(chosen)} van de {len(practices)} praktijken (thema {THEME_LABEL})" in note


def test_selected_bundle_search_finds_only_chosen_cards(browser_page, theme_bundle, practices):
    page, requests = browser_page
    problems = _page_console(page)
    page.goto(theme_bundle.url())
    chosen = {p.slug for p in practices if THEME in p.themes}
    results = _search(page, "wonen")
    cards = {_card_of(r) for r in results if "/praktijken/" in r} - {"index"}  # the overview is no card
    assert cards and cards <= chosen
    assert requests.foreign("file://") == []
    assert problems == []


# -- the card set on paper --------------------------------------------------------

def test_card_set_prints_one_card_per_a4_sheet(chromium, full_bundle, practices, tmp_path):
    from pypdf import PdfReader

    page = chromium.new_page()
    try:
        page.goto(full_bundle.url("kaartenset/index.html"))
        pdf = tmp_path / "kaartenset.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    sheets = PdfReader(str(pdf)).pages
    texts = [" ".join(sheet.extract_text().split()) for sheet in sheets]
    titles = [p.title for p in sorted(practices, key=lambda p: p.title.casefold())]
    assert len(sheets) == len(practices), [t[:60] for t in texts]
    for sheet, title, text in zip(sheets, titles, texts):
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert (round(width), round(height)) == (595, 842), "A4 in punten"
        assert text.startswith(title), (title, text[:80])
        assert "Plaats" in text and "Partners" in text and "Onderbouwing" in text  # the facts panel
        assert "Bronnen" in text and "(https://" in text  # sources, with their addresses on paper
        assert "Praktijkbank Wonen, Zorg en Welzijn" not in text  # no header
        assert "Zoeken" not in text and "Offline kopie" not in text  # no search box, no note
        assert "Kaartenset om af te drukken" not in text  # the page's own title and intro stay off paper


# -- reproducible ------------------------------------------------------------------

def test_same_content_gives_a_byte_identical_zip(full_bundle, tmp_path, content_day):
    # Another copy, in another folder, exported again: nothing of the place or the moment may show.
    project = copy_project(tmp_path / "elders" / "project")
    again = tmp_path / "opnieuw.zip"
    result = export(project, again)
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == full_bundle.zip_path.read_bytes()

    with zipfile.ZipFile(again) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(content_day.year, content_day.month, content_day.day, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert {i.create_system for i in infos} == {3}
    assert names[0].startswith(f"praktijkbank-offline-{content_day.isoformat()}/")

    checksum = (tmp_path / "opnieuw.zip.sha256").read_text(encoding="utf-8").split()[0]
    assert f"SHA-256: {checksum}" in result.stdout


def test_default_name_and_place_follow_the_content_date(tmp_path, content_day, practices):
    project = copy_project(tmp_path / "project")
    from support import run_cli

    result = run_cli("export", "--kaart", "housing-first", cwd=project)
    assert result.returncode == 0, result.stderr
    made = sorted((project / "dist").glob("*.zip"))
    assert len(made) == 1
    assert made[0].name.startswith(f"praktijkbank-offline-{content_day.isoformat()}-selectie-")
    with zipfile.ZipFile(made[0]) as archive:
        cards = {n for n in archive.namelist() if "/praktijken/" in n and not n.endswith("index.html")}
    assert [posixpath.basename(n) for n in cards] == ["housing-first.html"]
    edition = OfflineEdition(content_day, None, ("housing-first",), len(practices), "kaart Housing First")
    assert edition.contents_text() in result.stdout


# -- the same answers on the stick as on the web --------------------------------------

PARITY_QUERIES = ("dakloze", "Ruwaard", "jongeren", "gemengd wonen", "wijkbudget", "Enschede")


def _page_key(address: str, base: str) -> str:
    """A result as the page it opens, whatever the layout: 'praktijken/x/' and 'praktijken/x.html' -> 'praktijken/x'."""
    path = address.split("#")[0].split("?")[0]
    assert path.startswith(base), (address, base)
    path = path[len(base):]
    path = path[:-5] if path.endswith(".html") else path
    path = path.rstrip("/")
    return "" if path == "index" else path.removesuffix("/index")


def test_search_gives_the_same_top_results_offline_as_online(chromium, site_url, full_bundle):
    answers = {}
    for where, start, base in (("online", site_url, site_url), ("offline", full_bundle.url(), full_bundle.base)):
        context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(start)
            answers[where] = {query: [_page_key(r, base) for r in _search(page, query)[:3]]
                              for query in PARITY_QUERIES}
        finally:
            context.close()
    assert answers["offline"] == answers["online"]
    assert any(key.startswith("praktijken/") for keys in answers["online"].values() for key in keys)


# -- accessible, note and card set included -------------------------------------------

AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("path", ["index.html", "kaartenset/index.html"])
def test_offline_note_and_card_set_have_no_axe_violations(chromium, full_bundle, path):
    if not AXE.is_file():
        pytest.fail(f"axe-core ontbreekt ({AXE}); 'bash scripts/test.sh' installeert het met npm")
    # axe is injected as a script, which the pages' policy rightly refuses; this context only
    # looks at the pages, the policy itself is checked above (no console errors offline).
    context = chromium.new_context(locale="nl-NL", bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(full_bundle.url(path))
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                                ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    finally:
        context.close()
    assert results["passes"]
    problems = [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in results["violations"]]
    assert problems == []


# -- Firefox too ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def firefox(tmp_path_factory):
    """Debian's Firefox ESR, headless. Missing Firefox fails loudly: browser tests never skip."""
    from firefox_support import FIREFOX, Firefox, firefox_path

    if firefox_path() is None:
        pytest.fail(f"Firefox niet gevonden ({FIREFOX}). Installeer het met 'apt-get install firefox-esr' "
                    "of zet PRAKTIJKBANK_FIREFOX op het pad van een Firefox.")
    browser = Firefox(tmp_path_factory.mktemp("firefox-profiel"))
    yield browser
    browser.quit()


_NOT_FROM_DISK = "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('file:'))"


def test_bundle_works_in_firefox_from_file(firefox, full_bundle, practices, content):
    # Filters, from an address a facilitator could bookmark.
    firefox.open(full_bundle.url(f"praktijken/index.html?thema={THEME}"))
    homeless = sorted(p.title for p in practices if THEME in p.themes)
    shown = firefox.wait_for("""
        const form = document.getElementById('pb-filters');
        if (!form || form.hidden) return null;
        return [...document.querySelectorAll('.pb-item')].filter(e => e.offsetParent)
            .map(e => e.querySelector('.pb-item-title').textContent.trim()).sort();""")
    assert shown == homeless
    assert firefox.js(_NOT_FROM_DISK) == []

    # Search, opened with a query in the address (Material's ?q=), through the worker shim.
    firefox.open(full_bundle.url("index.html?q=dakloze"))
    hits = firefox.wait_for("return [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href)")
    assert hits, "zoeken gaf niets in Firefox"
    assert "housing-first" in [_card_of(h) for h in hits[:3]]
    assert "Offline kopie" in firefox.js("return document.querySelector('.pb-offline-note').textContent")
    assert firefox.js(_NOT_FROM_DISK) == []

    firefox.open(full_bundle.url("webinars/index.html"))
    assert firefox.js("return document.querySelectorAll('.pb-webinar-title').length") == len(content.calendar.webinars)
    assert firefox.js(_NOT_FROM_DISK) == []


# -- the card set on the site, with the overview's filters ------------------------------

def test_card_set_on_the_site_prints_the_cards_the_overview_filter_chose(browser_page, site_url, practices,
                                                                        tmp_path):
    from pypdf import PdfReader

    page, requests = browser_page
    page.goto(f"{site_url}praktijken/")
    page.locator(f'input[name="thema"][value="{THEME}"]').check()
    link = page.locator("a.pb-cardset-link")
    page.wait_for_function("() => document.querySelector('a.pb-cardset-link').search !== ''")
    link.click()
    page.wait_for_url(f"{site_url}kaartenset/?thema={THEME}")

    homeless = sorted((p for p in practices if THEME in p.themes), key=lambda p: p.title.casefold())
    shown = page.locator(".pb-print-card:visible h2").all_inner_texts()
    assert shown == [p.title for p in homeless]
    assert page.locator("#pb-cardset-count").inner_text().startswith(f"{len(homeless)} van de {len(practices)} kaarten")

    pdf = tmp_path / "gekozen.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sheets = [" ".join(s.extract_text().split()) for s in PdfReader(str(pdf)).pages]
    assert len(sheets) == len(homeless), [s[:60] for s in sheets]
    for sheet, card in zip(sheets, homeless):
        assert sheet.startswith(card.title), (card.title, sheet[:60])
    assert requests.foreign(site_url) == []


def test_selected_export_keeps_card_text_that_links_to_a_card_left_out(tmp_path):
    from support import VALID_CARD

    project = copy_project(tmp_path / "project")
    card = VALID_CARD.replace("title: Voorbeeldpraktijk", "title: Kaart met links").replace(
        "## Aanpak\n\nTekst.",
        "## Aanpak\n\nZoals [de aanpak in Oss](proeftuin-ruwaard.md#aanpak), zie [hierboven](#in-het-kort).")
    (project / "practices" / "kaart-met-links.md").write_text(card, encoding="utf-8")
    bundle = exported_bundle(tmp_path, "links", "--kaart", "kaart-met-links", project=project)
    assert bundle.card_slugs() == {"kaart-met-links"}
    page = bundle.page("praktijken/kaart-met-links.html")
    assert "Zoals de aanpak in Oss, zie" in page  # the text stays, the link to a card left out goes
    assert 'href="#in-het-kort"' in page  # a place on the same page
    assert 'href="../praktijken/kaart-met-links.html#in-het-kort"' in bundle.page("kaartenset/index.html")
    _assert_no_dangling_links(bundle)


# -- cards you can act on, offline (issue 14): compare, print, copy link, breadcrumb ------------

def test_compare_print_copy_link_and_breadcrumb_work_from_file(chromium, full_bundle, practices, tmp_path):
    from pypdf import PdfReader

    titles = {p.slug: p.title for p in practices}
    chosen = ["proeftuin-ruwaard", "housing-first", "sunny-selwerd"]
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    urls: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))

        # Chosen on the overview, compared side by side; the choice survives a reload.
        page.goto(full_bundle.url("praktijken/index.html"))
        for slug in chosen:
            page.get_by_role("checkbox", name=f"Vergelijk {titles[slug]}", exact=True).check()
        page.get_by_role("region", name="Vergelijken").get_by_role("link", name="Vergelijk").click()
        page.wait_for_url(re.compile(r"/vergelijken/index\.html\?kaart="))
        header = "[...document.querySelectorAll('#pb-compare-view thead th a')].map(a => a.textContent.trim())"
        assert page.evaluate(header) == [titles[s] for s in chosen]
        page.reload()
        assert page.evaluate(header) == [titles[s] for s in chosen]
        rows = page.locator("#pb-compare-view tbody tr")
        assert rows.count() == 10 and rows.first.locator("td").count() == len(chosen)
        pdf = tmp_path / "vergelijking.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True)
        first = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
        assert all(titles[s] in first for s in chosen)

        # A card on paper: one A4, with the site's name, the card's address on the live site and the date.
        card = chosen[0]
        page.goto(full_bundle.url(f"praktijken/{card}.html"))
        live = page.locator(".pb-print-url").get_attribute("href")
        assert re.fullmatch(rf"https://\S+/praktijken/{card}/", live), live
        pdf = tmp_path / "kaart.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        sheets = PdfReader(str(pdf)).pages
        text = " ".join(sheets[0].extract_text().split())
        assert len(sheets) == 1
        assert "Praktijkbank Wonen, Zorg en Welzijn" in text and live in text.replace(" ", "")
        assert "Afgedrukt op " + page.evaluate(
            "(() => { const d = new Date(); return d.getDate() + ' ' + ['januari', 'februari', 'maart', 'april', "
            "'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][d.getMonth()] "
            "+ ' ' + d.getFullYear(); })()") in text

        # "Kopieer link" from a file: the live address, selected in a field to copy by hand.
        page.get_by_role("button", name="Kopieer link").click()
        field = page.get_by_role("textbox", name="Link naar deze kaart")
        assert field.is_visible() and field.input_value() == live
        assert page.evaluate("document.activeElement.id") == "pb-copy-address"

        # The breadcrumb keeps the overview's filters, also between files.
        page.goto(full_bundle.url(f"praktijken/index.html?thema={THEME}"))
        page.locator(".pb-item:visible .pb-item-title a").first.click()
        page.wait_for_url(re.compile(r"/praktijken/[^/]+\.html$"))
        crumb = page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Praktijken")
        assert crumb.get_attribute("href").endswith(f"index.html?thema={THEME}")
    finally:
        context.close()
    assert errors == []
    assert [u for u in urls if not u.startswith(full_bundle.base) and not u.startswith(("data:", "blob:"))] == []


# -- the overview from file:// (issue 14, item 2) ------------------------------------------------

def test_overview_filters_sorts_and_shows_the_map_from_file(chromium, full_bundle, practices):
    """On a phone, from the unpacked zip: the panel "Filters", the evidence filter with the first
    result on screen, the sort, the map view; and without JavaScript the list and the facet pages."""
    context = chromium.new_context(locale="nl-NL", viewport={"width": 375, "height": 812})
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        problems = _page_console(page)
        page.goto(full_bundle.url("praktijken/index.html"))
        toggle = page.locator("#pb-filter-toggle")
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        page.locator('input[name="onderbouwing"][value="zelf-gerapporteerd"]').check()
        own_word = sorted((p for p in practices if p.evidence == "zelf-gerapporteerd"), key=lambda p: p.title.casefold())
        assert page.locator("#pb-result").inner_text() == f"{len(own_word)} van {len(practices)} praktijken"
        assert toggle.inner_text() == "Filters (1)"
        assert 0 <= page.locator(".pb-item:visible").first.bounding_box()["y"] < 812 - 60
        page.locator("#pb-filters-done").click()

        page.get_by_label("Sorteren op").select_option("nagekeken")
        newest = sorted(own_word, key=lambda p: -p.last_reviewed.toordinal())  # stable: ties stay by title
        assert page.locator(".pb-item:visible .pb-item-title").all_inner_texts() == [p.title for p in newest]
        page.get_by_role("button", name="Kaart").click()
        assert page.locator(".pb-map-svg").is_visible()
        assert not page.locator("#pb-list").is_visible()
        assert problems == [], f"fouten in de console: {problems}"
        outside = [u for u in requests if not u.startswith(full_bundle.base) and not u.startswith(("data:", "blob:"))]
        assert outside == [], f"verzoeken buiten de kopie: {outside}"
    finally:
        context.close()

    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(full_bundle.url("praktijken/index.html"))
        assert page.locator(".pb-item").count() == len(practices)
        page.locator("#pb-browse").get_by_role("link", name="Resultaten gemeld door de partners zelf").click()
        page.wait_for_url(full_bundle.url("onderbouwing/zelf-gerapporteerd.html"))
        assert set(page.locator(".pb-item-title").all_inner_texts()) == {p.title for p in own_word}
    finally:
        context.close()
