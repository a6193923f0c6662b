"""Cards you can act on (issue 14): a card's breadcrumb, "Kopieer link", "Afdrukken", the facts
on a phone, and comparing cards side by side, in real Chromium at 1280x900 and 375x812.

The site is the real project, built once (conftest.built_site) and served on loopback.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from praktijkbank.pages.compare import FIELDS
from support import ROOT, VIEWPORTS

pytestmark = pytest.mark.browser

CARD = "proeftuin-ruwaard"
THEME = "dakloosheid"
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SITE_NAME = "Praktijkbank Wonen, Zorg en Welzijn"

# The day as the page's own clock says it, in Dutch, as kaart.js writes it.
_TODAY_IN_DUTCH = """() => {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
                  'september', 'oktober', 'november', 'december'];
  const d = new Date();
  return d.getDate() + ' ' + months[d.getMonth()] + ' ' + d.getFullYear();
}"""


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, chromium):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, request.param, errors
    context.close()


@pytest.fixture
def desktop(chromium):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _titles(practices) -> dict[str, str]:
    return {p.slug: p.title for p in practices}


def _chosen_in(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("kaart", [])


def _table(page) -> dict:
    """The compare table as the visitor sees it: column titles, and per row its label and cells' boxes."""
    return page.evaluate("""() => {
      const table = document.querySelector('#pb-compare-view table');
      if (!table || table.closest('[hidden]')) return null;
      const box = el => { const r = el.getBoundingClientRect(); return {top: r.top, left: r.left, right: r.right}; };
      return {
        titles: [...table.querySelectorAll('thead th a')].map(a => a.textContent.trim()),
        rows: [...table.querySelectorAll('tbody tr')].map(tr => ({
          field: tr.getAttribute('data-field'),
          label: tr.querySelector('th').textContent.trim(),
          cells: [...tr.querySelectorAll('td')].map(td => ({text: td.textContent.trim(), ...box(td)})),
        })),
      };
    }""")


def _assert_side_by_side(table: dict, titles: list[str], width: str) -> None:
    assert table is not None, "geen vergelijkingstabel te zien"
    assert table["titles"] == titles
    assert [(row["field"], row["label"]) for row in table["rows"]] == list(FIELDS)
    for row in table["rows"]:
        cells = row["cells"]
        assert len(cells) == len(titles), row["field"]
        assert all(cell["text"] for cell in cells), f"een lege cel in '{row['label']}' ({width})"
        # Side by side: one row, each card's value right of the one before.
        assert len({round(cell["top"]) for cell in cells}) == 1, (row["field"], cells)
        assert all(left["right"] <= right["left"] + 1 for left, right in zip(cells, cells[1:])), (row["field"], cells)


# -- compare ----------------------------------------------------------------------------------

def test_compare_from_the_overview_shows_the_chosen_cards_side_by_side_and_survives_a_reload(
        screen, site_url, real_practices):
    page, width, errors = screen
    titles = _titles(real_practices)
    # Two fit side by side on a phone; three on a desktop.
    chosen = ["proeftuin-ruwaard", "housing-first"] + (["sunny-selwerd"] if width == "desktop" else [])
    page.goto(site_url + "praktijken/")
    for slug in chosen:
        box = page.get_by_role("checkbox", name=f"Vergelijk {titles[slug]}", exact=True)
        box.check()
    bar = page.get_by_role("region", name="Vergelijken")
    assert bar.is_visible()
    assert f"{len(chosen)} praktijken gekozen" in bar.inner_text()
    bar.get_by_role("link", name="Vergelijk").click()
    page.wait_for_url(re.compile(r"/vergelijken/\?"))
    assert _chosen_in(page.url) == chosen, "de keuze staat in het adres, in volgorde"
    expected = [titles[slug] for slug in chosen]
    _assert_side_by_side(_table(page), expected, width)

    facts = {row["field"]: [c["text"] for c in row["cells"]] for row in _table(page)["rows"]}
    ruwaard = next(p for p in real_practices if p.slug == "proeftuin-ruwaard")
    assert facts["aanpak"][0] == " ".join(ruwaard.summary.split())
    assert "door de partners zelf gemeld" in facts["resultaten"][0]
    assert "Gemeente Oss" in facts["partners"][0] and "Zorgverzekeraar" in facts["partners"][0]
    assert facts["gestart"][0] == "2016"

    page.reload()
    assert _chosen_in(page.url) == chosen
    _assert_side_by_side(_table(page), expected, width)
    assert errors == []


def test_compare_from_a_card_and_on_the_compare_page_itself(desktop, site_url, real_practices):
    page = desktop
    titles = _titles(real_practices)
    page.goto(f"{site_url}praktijken/{CARD}/")
    page.get_by_role("link", name="Vergelijk met…").click()
    page.wait_for_url(re.compile(r"/vergelijken/\?kaart="))
    assert _chosen_in(page.url) == [CARD]
    status = page.locator("#pb-compare-status")
    assert titles[CARD] in status.inner_text() and "Kies hieronder" in status.inner_text()
    assert _table(page) is None, "met één kaart is er nog niets te vergelijken"

    page.get_by_role("checkbox", name=titles["startblok-riekerhaven"]).check()
    page.get_by_role("checkbox", name=titles["housing-first-den-haag"]).check()
    chosen = [CARD, "startblok-riekerhaven", "housing-first-den-haag"]
    assert _chosen_in(page.url) == chosen
    _assert_side_by_side(_table(page), [titles[s] for s in chosen], "desktop")

    # A fourth is the most; the others cannot be ticked then.
    page.get_by_role("checkbox", name=titles["sunny-selwerd"]).check()
    others = page.locator('#pb-compare-picker input[name="kaart"]:not(:checked)')
    assert others.count() == len(real_practices) - 4
    assert all(others.nth(i).is_disabled() for i in range(others.count()))

    # "Weghalen" takes a card out of the table and the address.
    page.get_by_role("button", name=re.compile(rf"^Weghalen\W+{titles['startblok-riekerhaven']}$")).click()
    chosen = [CARD, "housing-first-den-haag", "sunny-selwerd"]
    assert _chosen_in(page.url) == chosen
    page.reload()
    _assert_side_by_side(_table(page), [titles[s] for s in chosen], "desktop")

    # Back on a card, "Vergelijk met…" adds that card to what is chosen.
    page.goto(f"{site_url}praktijken/onder-de-pannen/")
    page.get_by_role("link", name="Vergelijk met…").click()
    page.wait_for_url(re.compile(r"/vergelijken/\?kaart="))
    assert _chosen_in(page.url) == ["onder-de-pannen"] + chosen


def test_compare_page_without_javascript_says_why_and_links_to_the_card_set(chromium, site_url):
    context = chromium.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}vergelijken/?kaart={CARD}&kaart=housing-first")
        note = page.locator("#pb-compare-nojs")
        assert note.is_visible()
        assert "werkt alleen met JavaScript" in note.inner_text()
        assert note.get_by_role("link", name="kaartenset").is_visible()
        assert not page.locator("#pb-compare-picker").is_visible()
        # On a card the actions that need the script stay out of sight; the breadcrumb works.
        page.goto(f"{site_url}praktijken/{CARD}/")
        assert not page.get_by_role("button", name="Kopieer link").is_visible()
        crumb = page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Praktijken")
        assert crumb.get_attribute("href") == "../"
    finally:
        context.close()


def test_printed_compare_table_fits_a4_landscape(desktop, site_url, real_practices, tmp_path):
    from pypdf import PdfReader

    page = desktop
    chosen = ["proeftuin-ruwaard", "housing-first", "sunny-selwerd", "startblok-riekerhaven"]
    page.goto(f"{site_url}vergelijken/?" + "&".join(f"kaart={s}" for s in chosen))
    pdf = tmp_path / "vergelijking.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sheets = PdfReader(str(pdf)).pages
    assert all((round(float(s.mediabox.width)), round(float(s.mediabox.height))) == (842, 595) for s in sheets)
    first = " ".join(sheets[0].extract_text().split())
    titles = _titles(real_practices)
    for slug in chosen:  # every column on the sheet: none cut off at the right
        assert titles[slug] in first, slug
    assert SITE_NAME in first
    assert "Kies twee tot" not in first and "Weghalen" not in first  # the choosing stays off paper


# -- a card's page ----------------------------------------------------------------------------

def _slugs(real_practices) -> list[str]:
    return sorted(p.slug for p in real_practices)


def test_printing_any_card_gives_one_a4_with_site_name_address_and_date(desktop, site_url, real_practices,
                                                                         tmp_path):
    from pypdf import PdfReader

    page = desktop
    for practice in sorted(real_practices, key=lambda p: p.slug):
        page.goto(f"{site_url}praktijken/{practice.slug}/")
        address = page.locator(".pb-print-url").get_attribute("href")
        assert re.fullmatch(rf"https://\S+/praktijken/{practice.slug}/", address), address
        today = page.evaluate(_TODAY_IN_DUTCH)
        pdf = tmp_path / f"{practice.slug}.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        sheets = PdfReader(str(pdf)).pages
        text = " ".join(sheets[0].extract_text().split())
        assert len(sheets) == 1, f"{practice.slug}: {len(sheets)} pagina's"
        assert (round(float(sheets[0].mediabox.width)), round(float(sheets[0].mediabox.height))) == (595, 842)
        assert SITE_NAME in text
        assert address in text.replace(" ", ""), (address, text[:300])
        assert f"Afgedrukt op {today}" in text
        assert practice.title in text and "Bronnen" in text and "Contact" in text
        # Not on paper: the buttons, the breadcrumb, related cards.
        assert "Kopieer link" not in text and "Kruimelpad" not in text and "Verwante praktijken" not in text


def test_card_shows_its_evidence_as_a_badge_under_the_title(screen, site_url, taxonomy, real_practices):
    page, width, errors = screen
    practice = next(p for p in real_practices if p.slug == CARD)
    page.goto(f"{site_url}praktijken/{CARD}/")
    badge = page.locator(".pb-card-evidence .pb-badge")
    assert badge.inner_text() == "Onderbouwing: " + taxonomy["evidence"].label_of(practice.evidence)
    title = page.locator("h1").bounding_box()
    box = badge.bounding_box()
    assert 0 <= box["y"] - (title["y"] + title["height"]) < 60, "direct onder de titel"
    assert box["y"] + box["height"] < VIEWPORTS[width]["height"], "in het eerste scherm"
    assert errors == []


def test_facts_label_above_value_on_a_phone_and_no_word_broken(screen, site_url, real_practices):
    page, width, errors = screen
    for slug in _slugs(real_practices):
        page.goto(f"{site_url}praktijken/{slug}/")
        pairs = page.evaluate("""() => [...document.querySelectorAll('.pb-facts dt')].map(dt => {
          const dd = dt.nextElementSibling, a = dt.getBoundingClientRect(), b = dd.getBoundingClientRect();
          return {label: dt.textContent, dtBottom: a.bottom, dtRight: a.right, ddTop: b.top, ddLeft: b.left};
        })""")
        assert pairs
        for pair in pairs:
            if width == "telefoon":  # stacked: the value starts under its label
                assert pair["ddTop"] >= pair["dtBottom"] - 1, (slug, pair)
            else:  # side by side: the value right of its label
                assert pair["ddLeft"] >= pair["dtRight"], (slug, pair)
        broken = page.evaluate("""() => {
          const found = [];
          const walker = document.createTreeWalker(document.querySelector('.pb-facts'), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.textContent.matchAll(/[^\\s\\-\\u2010-\\u2014\\/]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              if (lines.size > 1) found.push(match[0]);
            }
          }
          return found;
        }""")
        assert broken == [], f"woorden midden in afgebroken op {slug} ({width}): {broken}"
    assert errors == []


def test_copy_link_puts_the_cards_address_on_the_clipboard_and_says_so(chromium, site_url):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS["desktop"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    try:
        page = context.new_page()
        page.goto(f"{site_url}praktijken/{CARD}/#aanpak")
        page.get_by_role("button", name="Kopieer link").click()
        status = page.get_by_role("status").filter(has_text="Link gekopieerd")
        status.wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}praktijken/{CARD}/"
        assert not page.locator(".pb-copy-field").is_visible()
    finally:
        context.close()


def test_copy_link_without_the_clipboard_selects_the_address_in_a_field(chromium, site_url):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS["telefoon"])
    try:
        page = context.new_page()
        page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
        page.goto(f"{site_url}praktijken/{CARD}/")
        page.get_by_role("button", name="Kopieer link").click()
        field = page.get_by_role("textbox", name="Link naar deze kaart")
        assert field.is_visible()
        assert field.input_value() == f"{site_url}praktijken/{CARD}/"
        assert page.evaluate("document.activeElement.id") == "pb-copy-address"
        assert page.evaluate("getSelection().toString() || (document.activeElement.selectionEnd - "
                             "document.activeElement.selectionStart)") not in ("", 0)
        page.get_by_role("status").filter(has_text="geselecteerd").wait_for()
    finally:
        context.close()


def test_breadcrumb_goes_back_to_the_overview_with_the_filters(desktop, site_url, real_practices):
    page = desktop
    page.goto(f"{site_url}praktijken/?thema={THEME}")
    page.locator(".pb-item:visible .pb-item-title a").first.click()
    page.wait_for_url(re.compile(r"/praktijken/[^/?]+/$"))
    crumb = page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Praktijken")
    assert crumb.get_attribute("href").endswith(f"?thema={THEME}")
    crumb.click()
    page.wait_for_url(re.compile(rf"/praktijken/\?thema={THEME}$"))
    assert page.locator(f'input[name="thema"][value="{THEME}"]').is_checked()
    shown = page.locator(".pb-item:visible").count()
    assert shown == sum(THEME in p.themes for p in real_practices)

    # Filters wiped on the overview: the breadcrumb of the next card goes to the plain overview.
    page.goto(f"{site_url}praktijken/")
    page.locator(".pb-item .pb-item-title a").first.click()
    page.wait_for_url(re.compile(r"/praktijken/[^/?]+/$"))
    crumb = page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Praktijken")
    assert "?" not in crumb.get_attribute("href")


# -- accessible -------------------------------------------------------------------------------

def _choose_on_overview(page):
    for box in page.locator(".pb-compare-pick input").all()[:2]:
        box.check()
    page.get_by_role("region", name="Vergelijken").wait_for()


SCENES = {
    "kaart": (f"praktijken/{CARD}/", None),
    "kaart, link gekopieerd in een veld": (
        f"praktijken/{CARD}/", lambda page: (
            page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})"),
            page.get_by_role("button", name="Kopieer link").click())),
    "vergelijken": (f"vergelijken/?kaart={CARD}&kaart=housing-first&kaart=sunny-selwerd", None),
    "vergelijken, één gekozen": (f"vergelijken/?kaart={CARD}", None),
    "overzicht met keuze om te vergelijken": ("praktijken/", _choose_on_overview),
}


@pytest.mark.parametrize("scene", list(SCENES))
def test_no_axe_violations(chromium, site_url, scene, viewport_name):
    if not AXE.is_file():
        pytest.fail(f"axe-core ontbreekt ({AXE}); 'bash scripts/test.sh' installeert het met npm")
    path, prepare = SCENES[scene]
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[viewport_name], bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        if prepare:
            prepare(page)
        page.wait_for_timeout(100)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    finally:
        context.close()
    assert results["passes"]
    problems = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in results["violations"]]
    assert problems == [], f"axe-core vond op '{scene}' ({viewport_name}): {problems}"


@pytest.fixture(params=list(VIEWPORTS))
def viewport_name(request):
    return request.param
