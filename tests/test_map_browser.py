"""The map in real Chromium: markers to click, filters that hide them, nothing from other hosts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from praktijkbank.geo.places import locate

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def practices(real_practices):
    return real_practices


def _visible_markers(page) -> set[str]:
    return {m.get_attribute("data-slug") for m in page.locator(".pb-map-svg a.pb-marker").all() if m.is_visible()}


def _visible_national(page) -> set[str]:
    return {e.get_attribute("data-slug") for e in page.locator(".pb-map-entry").all() if e.is_visible()}


def test_map_shows_markers_that_follow_the_filters_and_open_cards(browser_page, site_url, practices):
    page, requests = browser_page
    page.goto(f"{site_url}praktijken/")
    placed = {p.slug for p in practices if locate(p) is not None}
    national = {p.slug for p in practices if p.place.is_national}
    # The map is a view of the results, beside the list: one button away.
    assert not page.locator(".pb-map-svg").is_visible()
    page.get_by_role("button", name="Kaart").click()
    assert page.locator(".pb-map-svg").is_visible()
    assert "weergave=kaart" in page.url
    assert _visible_markers(page) == placed
    assert _visible_national(page) == national

    # A theme filter narrows the markers and the national list just like the list of cards.
    page.locator('input[name="thema"][value="wijkaanpak"]').check()
    wanted = {p.slug for p in practices if "wijkaanpak" in p.themes}
    assert _visible_markers(page) == placed & wanted
    assert _visible_national(page) == national & wanted
    page.get_by_role("button", name="Alle filters wissen").click()
    expect(page.locator(".pb-filtered-out")).to_have_count(0)  # a locator, not eval: the CSP forbids eval
    assert _visible_markers(page) == placed

    # A filter from the address (a shared link) applies to the map on arrival too.
    page.goto(f"{site_url}praktijken/?thema=dakloosheid&weergave=kaart")
    homeless = {p.slug for p in practices if "dakloosheid" in p.themes}
    assert _visible_markers(page) == placed & homeless
    assert _visible_national(page) == national & homeless

    # A marker is a link with an accessible name; choosing it opens the card.
    ruwaard = next(p for p in practices if p.slug == "proeftuin-ruwaard")
    page.goto(f"{site_url}praktijken/#op-de-kaart")  # a link to the map opens the map view
    marker = page.get_by_role("link", name=f"{ruwaard.title} (Ruwaard, Oss, Noord-Brabant)")
    assert marker.count() == 1
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}praktijken/proeftuin-ruwaard/")
    assert page.locator(".pb-minimap svg").is_visible()
    assert page.locator(".pb-minimap figcaption").inner_text().startswith("Ruwaard, Oss, Noord-Brabant.")

    assert requests.foreign(site_url) == [], "de kaart laadt niets van een andere website"


def test_map_needs_no_script_and_prints(chromium, site_url, practices):
    context = chromium.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{site_url}praktijken/")
        assert page.locator(".pb-map-svg").is_visible()
        placed = {p.slug for p in practices if locate(p) is not None}
        assert _visible_markers(page) == placed
        page.emulate_media(media="print")
        assert page.locator(".pb-map-svg").is_visible()
        box = page.locator(".pb-map-svg").bounding_box()
        assert box["width"] > 200 and box["height"] > 200
    finally:
        context.close()
