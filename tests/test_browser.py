"""What a person sees, in real Chromium: home, overview with filters, a card, no foreign requests."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from praktijkbank.content.cards import load_practices
from praktijkbank.geo.places import provinces_of
from praktijkbank.content.project import Project
from support import ROOT, TODAY

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def practices(taxonomy):
    result = load_practices(Project(ROOT).practice_files(), taxonomy, TODAY, root=ROOT)
    assert not result.errors
    return result.practices


def _visible_titles(page) -> set[str]:
    return set(page.locator(".pb-item:visible .pb-item-title").all_inner_texts())


def test_home_overview_filter_card_without_leaving_the_site(browser_page, site_url, practices):
    page, requests = browser_page
    page.goto(site_url)
    assert "Praktijkbank Wonen, Zorg en Welzijn" in page.title()
    assert page.locator("html").get_attribute("lang") == "nl"

    page.get_by_role("navigation", name="Navigatie").get_by_role("link", name="Praktijken").first.click()
    page.wait_for_url(f"{site_url}praktijken/")
    filters = page.locator("#pb-filters")
    assert filters.is_visible(), "het script toont de filters"
    result = page.locator("#pb-result")
    assert result.inner_text() == f"{len(practices)} praktijken"
    assert _visible_titles(page) == {p.title for p in practices}

    # Filter on a theme: exactly the cards with that theme remain, and the count says so.
    homeless = {p.title for p in practices if "dakloosheid" in p.themes}
    assert 0 < len(homeless) < len(practices)
    page.locator('input[name="thema"][value="dakloosheid"]').check()
    assert _visible_titles(page) == homeless
    assert result.inner_text() == f"{len(homeless)} van {len(practices)} praktijken"
    assert "thema=dakloosheid" in page.url

    # A second group narrows: dakloosheid and a province (the card's own, or one of its "Ook in" towns').
    in_utrecht = {p.title for p in practices if "dakloosheid" in p.themes and "utrecht" in provinces_of(p.place)}
    assert "Onder de Pannen" in in_utrecht  # in Amsterdam, and also in Utrecht
    province = page.locator('input[name="provincie"][value="utrecht"]')
    assert province.count() == 1
    province.check()
    assert _visible_titles(page) == in_utrecht

    # Clearing brings everything back.
    page.get_by_role("button", name="Alle filters wissen").click()
    # Playwright's expect polls from Python: no string evaluated in the page, which the CSP forbids.
    expect(result).to_have_text(f"{len(practices)} praktijken")
    assert _visible_titles(page) == {p.title for p in practices}

    # Open a card from the list.
    target = next(p for p in practices if p.slug == "proeftuin-ruwaard")
    page.get_by_role("link", name=target.title).first.click()
    page.wait_for_url(f"{site_url}praktijken/{target.slug}/")
    assert page.get_by_role("heading", level=1).inner_text().strip() == target.title
    facts = page.get_by_role("complementary", name="Kenmerken")
    assert facts.is_visible()
    assert "Oss" in facts.inner_text()
    assert page.get_by_role("heading", name="Bronnen").is_visible()

    foreign = requests.foreign(site_url)
    assert foreign == [], f"verzoeken buiten de site: {foreign}"
    assert len(requests.urls) > 5  # the log really recorded the page loads


def test_filters_shared_by_address_are_restored(browser_page, site_url, practices):
    page, requests = browser_page
    page.goto(f"{site_url}praktijken/?status=onbekend")
    expected = {p.title for p in practices if p.status == "onbekend"}
    assert page.locator('input[name="status"][value="onbekend"]').is_checked()
    assert _visible_titles(page) == expected
    assert requests.foreign(site_url) == []


def test_overview_works_without_javascript(chromium, site_url, practices):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}praktijken/")
        assert not page.locator("#pb-filters").is_visible(), "zonder script blijft het formulier weg"
        assert page.locator(".pb-item").count() == len(practices)
        page.get_by_role("link", name="Dakloosheid en thuisloosheid").first.click()
        page.wait_for_url(f"{site_url}thema/dakloosheid/")
        titles = set(page.locator(".pb-item-title").all_inner_texts())
        assert titles == {p.title for p in practices if "dakloosheid" in p.themes}
    finally:
        context.close()
