"""The front door, the colofon and the 404 page (issue 14, items 1, 5 and 6).

Unit tests: the home page's counts and links come from the cards (src/praktijkbank/pages/home.py),
the settings that make the site's face (mkdocs.yml), the colofon's promises. Build tests: the pages
as MkDocs writes them. Browser tests in real Chromium at 1280x900 and 375x812: the search field and
the button to all practices in the first screen, the search field answered by the site's own search,
the Dutch 404 page, axe-core without violations, and the home page of the offline copy via file://.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from model_support import load_site_model
from praktijkbank.licence import CONTENT_LICENCE, CONTENT_LICENCE_URL
from praktijkbank.pages.facets import FACET_BY_VOCABULARY
from praktijkbank.pages.home import (ALL_BUTTON_ID, HOME_SRC, HOME_TEMPLATE, RECENT, ROLE_TILES, SEARCH_ID,
                                     all_label, home_page, recently_reviewed, role_count)
from praktijkbank.urls import SiteAddress
from support import ROOT, TODAY, copy_project, mkdocs_build, VIEWPORTS

AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# -- the home page, made from the cards ----------------------------------------------------------

class _Tiles(HTMLParser):
    """Each tile of the home page: (list class, href, label, count text)."""

    def __init__(self) -> None:
        super().__init__()
        self.tiles: list[dict] = []
        self._list = ""
        self._span = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "ul" and "pb-tiles" in classes:
            self._list = next(c for c in classes if c.startswith("pb-tiles--"))
        elif tag == "a" and "pb-tile-link" in classes:
            self.tiles.append({"list": self._list, "href": attrs["href"], "label": "", "count": ""})
        elif tag == "span" and self.tiles and classes:
            self._span = {"pb-tile-label": "label", "pb-tile-count": "count"}.get(classes[0])

    def handle_endtag(self, tag):
        if tag == "span":
            self._span = None
        elif tag == "ul":
            self._list = ""

    def handle_data(self, data):
        if self._span:
            self.tiles[-1][self._span] += data


def _count_text(n: int) -> str:
    return "nog geen praktijk" if n == 0 else f"{n} praktijk" if n == 1 else f"{n} praktijken"


@pytest.fixture(scope="module")
def model():
    return load_site_model(ROOT, today=TODAY)


@pytest.fixture(scope="module")
def home_html(model) -> str:
    return model.pages[HOME_SRC].html


def _tiles(html: str) -> list[dict]:
    parser = _Tiles()
    parser.feed(html)
    return parser.tiles


def test_the_home_page_is_made_by_the_core_and_laid_out_by_its_own_template(model):
    assert not (ROOT / "docs" / "index.md").exists(), "the core makes index.md; a docs file would clash"
    page = model.pages[HOME_SRC]
    assert page.meta["template"] == HOME_TEMPLATE
    assert (ROOT / "overrides" / HOME_TEMPLATE).is_file()
    assert page.meta["hide"] == ["toc"], "the menu stays: on a desktop it is the only one"


def test_theme_tiles_count_the_cards_of_each_theme(model, home_html, real_practices):
    themes = model.taxonomy["themes"]
    tiles = [t for t in _tiles(home_html) if t["list"] == "pb-tiles--themes"]
    assert [t["label"] for t in tiles] == list(themes.values.values()), "every theme, in the vocabulary's order"
    facet = FACET_BY_VOCABULARY["themes"]
    for tile, key in zip(tiles, themes.values):
        expected = sum(1 for p in real_practices if key in p.themes)
        assert tile["count"] == _count_text(expected), (key, tile)
        assert tile["href"] == SiteAddress().relative(HOME_SRC, facet.src_uri(key))
        assert facet.src_uri(key) in model.pages, "the tile leads to a page that exists"
    assert any(t["count"] != "nog geen praktijk" for t in tiles)


def test_role_tiles_count_the_cards_in_which_that_kind_of_partner_took_part(model, home_html, real_practices):
    tiles = [t for t in _tiles(home_html) if t["list"] == "pb-tiles--roles"]
    assert [t["label"] for t in tiles] == [
        "een gemeente", "een woningcorporatie", "een zorg- of welzijnsorganisatie",
        "een huurdersorganisatie", "een adviesraad", "een bewonersinitiatief"]
    roles = model.taxonomy["partner_roles"].values
    for tile, spec in zip(tiles, ROLE_TILES):
        assert set(spec.roles) <= set(roles), spec
        expected = sum(1 for p in real_practices if any(partner.role in spec.roles for partner in p.partners))
        assert role_count(real_practices, spec) == expected
        assert tile["count"] == _count_text(expected), tile
        if len(spec.roles) == 1:  # its own page, which works without JavaScript
            target = FACET_BY_VOCABULARY["partner_roles"].src_uri(spec.roles[0])
            assert tile["href"] == SiteAddress().relative(HOME_SRC, target) and target in model.pages
        else:  # the overview, with a filter on each of the roles
            path, _, query = tile["href"].partition("?")
            assert path == "praktijken/"
            assert query == "&".join(f"partner={role}" for role in spec.roles)
    # A municipality takes part in most practices: the count is real, not zero.
    assert role_count(real_practices, ROLE_TILES[0]) > len(real_practices) // 2


def test_the_number_of_practices_and_the_one_button_to_all_of_them(home_html, real_practices):
    button = re.search(rf'<a class="md-button md-button--primary" id="{ALL_BUTTON_ID}" href="([^"]+)">([^<]+)</a>',
                       home_html)
    assert button, "one clear button to all practices"
    assert button.group(1) == "praktijken/"
    assert button.group(2) == f"Bekijk alle {len(real_practices)} praktijken"
    assert home_html.count("md-button--primary") == 1, "one clear button, not several"


def test_the_search_field_opens_the_site_search(home_html):
    form = re.search(r"<form class=\"pb-home-search\"[^>]*>", home_html).group(0)
    assert 'role="search"' in form and 'method="get"' in form
    assert "action=" not in form, "the form reloads the home page with ?q=, which the search box reads"
    assert f'<input class="pb-home-search-input" id="{SEARCH_ID}" name="q" type="search"' in home_html
    assert f'<label class="pb-home-search-label" for="{SEARCH_ID}">' in home_html


def test_the_newest_reviewed_cards_come_newest_first(home_html, real_practices):
    recent = recently_reviewed(real_practices)
    assert len(recent) == min(RECENT, len(real_practices))
    newest = max(p.last_reviewed for p in real_practices)
    assert recent[0].last_reviewed == newest
    assert [p.last_reviewed for p in recent] == sorted((p.last_reviewed for p in recent), reverse=True)
    others = [p for p in real_practices if p not in recent]
    assert all(p.last_reviewed <= recent[-1].last_reviewed for p in others)
    shown = re.findall(r'<h3 class="pb-home-card-title"><a href="[^"]+">([^<]+)</a></h3>', home_html)
    assert shown == [p.title for p in recent]


def test_the_map_is_on_the_home_page_with_links_from_there(home_html, real_practices):
    assert '<h2 id="op-de-kaart">Op de kaart</h2>' in home_html
    assert 'href="praktijken/housing-first/"' in home_html
    assert "../praktijken/" not in home_html, "links are relative to the site root"


def test_offline_addresses_are_files(real_practices, taxonomy):
    page = home_page(real_practices, taxonomy, SiteAddress(directory_urls=False))
    html = "".join(part.text for part in page.parts if hasattr(part, "text"))
    assert 'href="praktijken/index.html"' in html
    assert 'href="thema/dakloosheid.html"' in html
    assert 'href="praktijken/index.html?partner=zorgaanbieder&amp;partner=ggz' in html


def test_an_empty_bank_still_has_a_front_door(taxonomy):
    page = home_page([], taxonomy)
    html = "".join(part.text for part in page.parts if hasattr(part, "text"))
    assert html.count("nog geen praktijk") == len(taxonomy["themes"].values) + len(ROLE_TILES)
    assert ">Naar het overzicht van de praktijken</a>" in html
    assert all_label(1) == "Bekijk de praktijk" and all_label(2) == "Bekijk alle 2 praktijken"


# -- settings that make the site's face ----------------------------------------------------------

class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def test_start_not_home_no_edit_pencil_no_book_links(config):
    first = config["nav"][0]
    assert first == {"Start": "index.md"}
    features = config["theme"]["features"]
    assert "content.action.edit" not in features
    assert "navigation.footer" not in features, "no Vorige/Volgende chain between unrelated pages"
    titles = [next(iter(item)) for item in config["nav"]]
    assert titles.index("Praktijken") == 1
    assert "Open data" not in titles and "Toegankelijkheid" not in titles, "grouped under Over, not beside Praktijken"
    about = next(item["Over de Praktijkbank"] for item in config["nav"] if "Over de Praktijkbank" in item)
    assert {"Colofon": "colofon.md"} in about


def test_contact_address_is_a_placeholder_setting_not_an_invented_address(config):
    assert config["extra"]["praktijkbank"]["contact_email"] == ""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "contact_email: !ENV [PRAKTIJKBANK_CONTACT_EMAIL, \"\"]" in text
    assert "PLACEHOLDER" in text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "extra.praktijkbank.contact_email" in readme


def test_our_own_logo_from_our_own_site(config):
    for key in ("logo", "favicon"):
        path = ROOT / "docs" / config["theme"][key]
        assert path.is_file() and path.suffix == ".svg", key
        svg = path.read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg")
        assert not re.search(r"(href|src)\s*=\s*[\"'](https?:)?//", svg), "nothing from another host"


def test_colofon_names_publisher_contact_privacy_and_licence():
    colofon = (ROOT / "docs" / "colofon.md").read_text(encoding="utf-8")
    for heading in ("## Uitgever", "## Contact", "## Privacy", "## Licentie"):
        assert heading in colofon
    assert "Geen cookies" in colofon and "Geen tracking" in colofon
    assert f"({CONTENT_LICENCE})" in colofon and CONTENT_LICENCE_URL in colofon
    assert "<!-- pb-contact -->" in colofon, "where the template puts the contact address"
    assert "template: colofon.html" in colofon
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", colofon), "no e-mail address written into the page"


def test_visitors_and_contributors_are_addressed_as_u():
    informal = re.compile(r"\b(je|jij|jouw|jullie)\b", re.IGNORECASE)
    for path in sorted((ROOT / "docs").rglob("*.md")):
        found = informal.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.relative_to(ROOT)}: {found}"
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert not informal.findall(text), path.relative_to(ROOT)


# -- the pages as MkDocs builds them --------------------------------------------------------------

@pytest.mark.build
def test_built_home_404_colofon_and_card(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Praktijkbank Wonen, Zorg en Welzijn</title>" in home
    assert 'id="pb-home-q"' in home and 'id="pb-home-all"' in home
    assert "md-content__button" not in home, "no edit pencil"
    assert "md-footer__link" not in home, "no Vorige/Volgende"
    assert 'assets/logo.svg' in home and 'assets/favicon.svg' in home
    assert ">Colofon</a>" in home and ">Toegankelijkheidsverklaring</a>" in home

    notfound = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Pagina niet gevonden</h1>" in notfound
    assert "Not found" not in notfound
    assert '<html lang="nl"' in notfound
    for title in ("Start", "Praktijken", "Webinars"):
        assert f">{title}</a></li>" in notfound

    colofon = (built_site / "colofon" / "index.html").read_text(encoding="utf-8")
    assert "mailto:" not in colofon and "pb-contact" not in colofon, "no address while the setting is empty"
    assert "Geen cookies" in colofon

    card = (built_site / "praktijken" / "proeftuin-ruwaard" / "index.html").read_text(encoding="utf-8")
    assert ('<p class="pb-report">Fout gezien? <a href="../../bijdragen/#een-fout-op-een-kaart-melden">'
            "Meld het</a>.</p>") in card
    assert "md-content__button" not in card
    contribute = (built_site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    assert 'id="een-fout-op-een-kaart-melden"' in contribute


@pytest.mark.build
def test_colofon_shows_the_contact_address_once_it_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("PRAKTIJKBANK_CONTACT_EMAIL", "redactie@voorbeeld.nl")
    project = copy_project(tmp_path / "project")
    result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, result.stderr
    colofon = (project / "site" / "colofon" / "index.html").read_text(encoding="utf-8")
    assert ('<p class="pb-contact">E-mail: <a href="mailto:redactie@voorbeeld.nl">redactie@voorbeeld.nl</a></p>'
            in colofon)
    assert "<!-- pb-contact -->" not in colofon


# -- in the browser -------------------------------------------------------------------------------

class _SiteWith404(http.server.SimpleHTTPRequestHandler):
    """As a static host serves a site published under /praktijkbank/: 404.html for what is not there."""

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "praktijkbank" / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def published(built_site, tmp_path_factory):
    """The built site at /praktijkbank/ (its site_url's path, which 404.html's addresses use)."""
    root = tmp_path_factory.mktemp("host")
    (root / "praktijkbank").symlink_to(built_site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteWith404, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/praktijkbank/"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, chromium):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, request.param
    context.close()


def _in_first_screen(page, selector: str) -> dict:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box is not None, f"{selector} is niet te zien"
    assert box["x"] >= 0 and box["y"] >= 0, (selector, box)
    assert box["x"] + box["width"] <= size["width"] and box["y"] + box["height"] <= size["height"], (selector, box)
    return box


@pytest.mark.browser
def test_search_field_and_button_to_all_practices_in_the_first_screen(screen, site_url, real_practices):
    page, width = screen
    page.goto(site_url)
    _in_first_screen(page, f"#{SEARCH_ID}")
    _in_first_screen(page, f"#{ALL_BUTTON_ID}")
    assert page.get_by_role("searchbox", name="Zoek een praktijk, plaats of onderwerp").is_visible()
    button = page.get_by_role("link", name=f"Bekijk alle {len(real_practices)} praktijken")
    assert button.is_visible()
    assert page.get_by_role("heading", level=1).count() == 1
    button.click()
    page.wait_for_url(f"{site_url}praktijken/")


@pytest.mark.browser
def test_the_home_search_field_is_answered_by_the_site_search(screen, site_url):
    page, width = screen
    page.goto(site_url)
    field = page.locator(f"#{SEARCH_ID}")
    field.fill("dakloze jongeren")
    field.press("Enter")
    page.wait_for_url(re.compile(r"\?q=dakloze\+jongeren$"))
    # The header's search box opens with the query, and our worker answers it.
    box = page.locator(".md-search__input")
    assert box.input_value() == "dakloze jongeren"
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(state="visible")
    assert "/praktijken/" in first.get_attribute("href"), "a card comes first"


@pytest.mark.browser
def test_a_theme_tile_and_a_role_tile_lead_to_their_practices(browser_page, site_url, real_practices):
    page, _ = browser_page
    page.goto(site_url)
    page.locator(".pb-tiles--themes").get_by_role("link", name=re.compile("^Dakloosheid en thuisloosheid")).click()
    page.wait_for_url(f"{site_url}thema/dakloosheid/")
    page.go_back()
    page.locator(".pb-tiles--roles").get_by_role("link", name=re.compile("^een zorg- of welzijnsorganisatie")).click()
    page.wait_for_url(re.compile(r"/praktijken/\?partner=zorgaanbieder"))
    care = {"zorgaanbieder", "ggz", "maatschappelijke-opvang", "welzijnsorganisatie"}
    expected = {p.title for p in real_practices if care & set(p.partner_roles)}
    page.wait_for_function("document.getElementById('pb-result').textContent.indexOf(' van ') !== -1")
    assert set(page.locator(".pb-item:visible .pb-item-title").all_inner_texts()) == expected


@pytest.mark.browser
def test_the_404_page_is_dutch_with_search_and_ways_on(screen, published):
    page, width = screen
    response = page.goto(published + "bestaat-niet/")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Pagina niet gevonden"
    assert "Not found" not in page.content()
    assert page.title().startswith("Pagina niet gevonden")
    for name in ("Start", "Praktijken", "Webinars"):
        assert page.locator(".pb-notfound").get_by_role("link", name=name, exact=True).is_visible(), name
    page.locator(".pb-notfound").get_by_role("link", name="Praktijken", exact=True).click()
    page.wait_for_url(published + "praktijken/")
    page.goto(published + "ook/niet/hier/")
    field = page.locator("#pb-notfound-q")
    _in_first_screen(page, "#pb-notfound-q")
    field.fill("housing first")
    field.press("Enter")
    page.wait_for_url(published + "?q=housing+first")
    page.locator(".md-search-result__item > a").first.wait_for(state="visible")


def _axe(page) -> list[dict]:
    page.evaluate("""() => Promise.all(document.getAnimations()
      .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map(a => a.finished.catch(() => null)))""")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA)
    assert results["passes"], "axe-core heeft geen enkele regel uitgevoerd"
    return results["violations"]


def _format(violations: list[dict]) -> str:
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']}: "
                     + "; ".join(" ".join(n["target"]) for n in v["nodes"][:6]) for v in violations)


@pytest.mark.browser
@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("path", ["", "colofon/", "bestaat-niet/"])
def test_no_axe_violations_on_home_colofon_and_404(chromium, published, width, path):
    if not AXE.is_file():
        pytest.fail(f"axe-core ontbreekt ({AXE}); 'bash scripts/test.sh' installeert het met npm")
    # The site's policy refuses an injected script; tests/test_privacy.py checks the pages under it.
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[width], bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(published + path)
        violations = _axe(page)
        assert violations == [], f"axe-core vond op /{path} ({width}):\n{_format(violations)}"
    finally:
        context.close()


# -- the offline copy ------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.build
def test_the_offline_copy_keeps_the_front_door_via_file(browser_page, tmp_path_factory, real_practices):
    from offline_support import exported_bundle

    bundle = exported_bundle(tmp_path_factory.mktemp("offline-voordeur"), "alles")
    page, requests = browser_page
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(bundle.url())
    assert page.locator(".pb-offline-note").is_visible()
    _in_first_screen(page, f"#{SEARCH_ID}")
    _in_first_screen(page, f"#{ALL_BUTTON_ID}")

    # The search field: the same search, answered offline.
    page.locator(f"#{SEARCH_ID}").fill("dakloze")
    page.locator(f"#{SEARCH_ID}").press("Enter")
    page.wait_for_url(re.compile(r"index\.html\?q=dakloze$"))
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(state="visible")
    assert "praktijken/" in first.get_attribute("href")

    # A theme tile, then the button to all practices.
    page.goto(bundle.url())
    page.locator(".pb-tiles--themes").get_by_role("link", name=re.compile("^Dakloosheid")).click()
    page.wait_for_url(bundle.url("thema/dakloosheid.html"))
    page.goto(bundle.url())
    page.locator(f"#{ALL_BUTTON_ID}").click()
    page.wait_for_url(bundle.url("praktijken/index.html"))
    assert page.locator(".pb-item").count() == len(real_practices)

    # The banner's card set link carries the overview's filters.
    page.goto(bundle.url("praktijken/index.html?thema=dakloosheid"))
    banner_link = page.locator(".pb-offline-note a.pb-cardset-link")
    page.wait_for_function(
        "() => document.querySelector('.pb-offline-note a.pb-cardset-link').search === '?thema=dakloosheid'")
    banner_link.click()
    page.wait_for_url(bundle.url("kaartenset/index.html?thema=dakloosheid"))
    homeless = [p for p in real_practices if "dakloosheid" in p.themes]
    assert page.locator(".pb-print-card:visible").count() == len(homeless)

    assert problems == []
    assert [u for u in requests.urls if not u.startswith((bundle.base, "data:", "blob:", "about:"))] == []
