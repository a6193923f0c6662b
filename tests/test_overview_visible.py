"""The overview "Praktijken" shows its results where a visitor looks (issue 14, item 2; the badge of item 4).

In real Chromium at 1280x900 and 375x812: after ticking a filter the first result's top edge is
on screen (on a phone after opening the panel "Filters"), the live count follows and stays in
view, the evidence filter and the sort work, and axe-core finds nothing with the panel open or
closed or the map shown. Without a browser: "Ook in" towns count in their provinces, place lines
do not repeat themselves, and the short evidence labels come from taxonomy.yml.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from praktijkbank.geo.places import also_in_places, provinces_of
from praktijkbank.content.models import Contact, Partner, Place, Practice, Source
from praktijkbank.pages import generate_pages, made_pages
from praktijkbank.pages.card import facts_list
from praktijkbank.pages.facets import FACET_BY_VOCABULARY, FACETS
from praktijkbank.pages.listing import place_line
from praktijkbank.content.taxonomy import Taxonomy, TaxonomyError
from praktijkbank.content.text_folding import strip_accents
from support import ROOT, VIEWPORTS

AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A filter of every group, some high and some low in the filter column.
FILTERS = [
    ("thema", "dakloosheid"),
    ("doelgroep", "ouderen"),
    ("provincie", "overijssel"),
    ("onderbouwing", "geen-resultaten-bekend"),
    ("schaal", "wijk"),
    ("partner", "huurdersorganisatie"),
    ("status", "onbekend"),
]
PROVINCE = FACET_BY_VOCABULARY["provinces"]


# -- without a browser ---------------------------------------------------------------------

def _practice(slug: str, place: Place, title: str | None = None, evidence: str = "zelf-gerapporteerd") -> Practice:
    return Practice(
        slug=slug, source_path=f"practices/{slug}.md", title=title or slug.title(), summary="Kort.",
        place=place, themes=("dakloosheid",), target_groups=("jongeren",),
        partners=(Partner("Gemeente", "gemeente"),), status="lopend", evidence=evidence,
        sources=(Source("Bron", "https://example.org/bron", "Voorbeeld"),),
        contact=Contact("Voorbeeld"), last_reviewed=dt.date(2026, 1, 1), body="## In het kort\n\nTekst.\n",
    )


def test_also_in_towns_count_in_their_provinces_and_an_unknown_town_nowhere(taxonomy):
    place = Place(scope="regio", municipality="Amsterdam", province="noord-holland",
                  also_in=("Zwolle", "Nergenshuizen", "IJsselstein", "Zaandam"))
    card = _practice("elders-ook", place)
    # IJsselstein by its own name in Utrecht, not Ysselsteyn (Limburg) by an alternate name;
    # Zaandam is in the card's own province; Nergenshuizen is in no gazetteer and left out.
    assert [town.name for town in also_in_places(place)] == ["Zwolle", "IJsselstein", "Zaandam"]
    assert provinces_of(place) == ("noord-holland", "overijssel", "utrecht")
    assert PROVINCE.values_of(card) == ("noord-holland", "overijssel", "utrecht")
    other = _practice("alleen-hier", Place(scope="gemeente", municipality="Zwolle", province="overijssel"))
    assert PROVINCE.count([card, other]) == {"noord-holland": 1, "overijssel": 2, "utrecht": 1}

    pages = made_pages(generate_pages([card, other], taxonomy))

    def text(src_uri: str) -> str:
        return "".join(getattr(part, "text", part) for part in pages[src_uri].parts)

    assert "Elders-Ook" in text("provincie/overijssel.md") and "Alleen-Hier" in text("provincie/overijssel.md")
    assert "Elders-Ook" not in text("provincie/limburg.md")
    overview = text("praktijken/index.md")
    assert 'value="overijssel"> <span class="pb-option-label">Overijssel</span> ' \
           '<span class="pb-count" data-count-for="overijssel">(2)</span>' in overview
    assert 'data-provincie="noord-holland overijssel utrecht"' in overview


def test_onder_de_pannen_counts_in_the_provinces_of_its_other_towns(real_practices):
    card = next(p for p in real_practices if p.slug == "onder-de-pannen")
    assert set(card.place.also_in) >= {"Breda", "Eindhoven", "Zwolle", "Utrecht"}
    assert set(provinces_of(card.place)) == {card.province, "noord-brabant", "overijssel", "utrecht"}


def test_place_lines_do_not_repeat_themselves(taxonomy):
    utrecht = _practice("u", Place(scope="gemeente", municipality="Utrecht", province="utrecht"))
    oss = _practice("o", Place(scope="wijk", municipality="Oss", neighbourhood="Ruwaard", province="noord-brabant"))
    groningen = _practice("g", Place(scope="wijk", municipality="Groningen", neighbourhood="Selwerd",
                                     province="groningen"))
    national = _practice("n", Place(scope="landelijk"))
    assert place_line(utrecht, taxonomy) == "Utrecht"
    assert place_line(oss, taxonomy) == "Ruwaard, Oss · Noord-Brabant"
    assert place_line(groningen, taxonomy) == "Selwerd, Groningen"
    assert place_line(national, taxonomy) == "Landelijk"
    assert "<dt>Plaats</dt>\n<dd>Utrecht</dd>" in facts_list(utrecht, taxonomy)
    facts = facts_list(oss, taxonomy)
    assert "<dt>Plaats</dt>\n<dd>Ruwaard, Oss (<a " in facts and ">Noord-Brabant</a>)</dd>" in facts


def test_short_evidence_labels_come_from_the_taxonomy(taxonomy):
    evidence = taxonomy["evidence"]
    assert set(evidence.short) == set(evidence.values)
    assert evidence.short_label_of("zelf-gerapporteerd") == "Zelf gemeld"
    assert evidence.short_label_of("onafhankelijk-effectonderzoek") == "Onafhankelijk onderzoek"  # renamed key
    assert taxonomy["themes"].short_label_of("wijkaanpak") == taxonomy["themes"].label_of("wijkaanpak")
    data = {name: {"label": name, "values": {"a": "A"}} for name in ("scope", "provinces", "themes", "target_groups",
                                                                     "partner_roles", "status", "evidence",
                                                                     "figure_kinds")}
    data["evidence"]["short"] = {"b": "B"}
    with pytest.raises(TaxonomyError, match="kort label bij 'b'"):
        Taxonomy.from_mapping(data)


# -- in the browser ----------------------------------------------------------------------------

@pytest.fixture(params=list(VIEWPORTS))
def screen(request, chromium):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, request.param
    context.close()


def _open_filters(page) -> None:
    """On a phone the filters are behind "Filters"; on a desktop they are a column beside the list."""
    toggle = page.locator("#pb-filter-toggle")
    if page.viewport_size["width"] < 900:
        expect(toggle).to_be_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not page.locator("#pb-filters").is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
    else:
        expect(toggle).to_be_hidden()
    expect(page.locator("#pb-filters")).to_be_visible()


def _matching(practices, facet_name: str, key: str) -> set[str]:
    facet = next(f for f in FACETS if f.segment == facet_name)
    return {p.title for p in practices if key in facet.values_of(p)}


def _visible_titles(page) -> list[str]:
    return page.locator(".pb-item:visible .pb-item-title").all_inner_texts()


@pytest.mark.browser
@pytest.mark.parametrize("facet,key", FILTERS, ids=[f"{f}={k}" for f, k in FILTERS])
def test_first_result_is_on_screen_after_ticking_a_filter(screen, site_url, real_practices, facet, key):
    page, width = screen
    page.goto(f"{site_url}praktijken/")
    total = len(real_practices)
    expected = _matching(real_practices, facet, key)
    assert 0 < len(expected) < total, (facet, key)
    _open_filters(page)
    page.locator(f'input[name="{facet}"][value="{key}"]').check()

    result = page.locator("#pb-result")
    expect(result).to_have_text(f"{len(expected)} van {total} praktijken")
    assert set(_visible_titles(page)) == expected
    height = page.viewport_size["height"]
    first = page.locator(".pb-item:visible").first.bounding_box()
    bar = page.locator("#pb-toolbar").bounding_box()
    assert bar["y"] >= 0 and bar["y"] + bar["height"] <= height, f"de balk met het aantal is uit beeld ({width})"
    assert bar["y"] + bar["height"] <= first["y"] + 1, f"het eerste resultaat zit onder de balk ({width})"
    assert 0 <= first["y"] < height - 60, f"het eerste resultaat begint op {first['y']:.0f} px ({width}, {facet})"
    if width == "telefoon":
        assert page.locator("#pb-filter-toggle").inner_text() == "Filters (1)"
        page.get_by_role("button", name=f"Toon {len(expected)} praktijk").click()
        expect(page.locator("#pb-filters")).to_be_hidden()
        assert page.evaluate("document.activeElement.id") == "pb-filter-toggle"
        assert 0 <= page.locator(".pb-item:visible").first.bounding_box()["y"] < height - 60


@pytest.mark.browser
def test_count_stays_in_view_and_speaks(screen, site_url, real_practices):
    page, width = screen
    page.goto(f"{site_url}praktijken/?thema=dakloosheid")
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    homeless = _matching(real_practices, "thema", "dakloosheid")
    expect(status).to_have_text(f"{len(homeless)} van {len(real_practices)} praktijken")
    page.locator(".pb-item:visible").last.scroll_into_view_if_needed()
    page.mouse.wheel(0, 400)
    box = status.bounding_box()
    assert page.evaluate("scrollY") > 300
    assert 0 <= box["y"] < 150, f"het aantal is weggescrold ({width}): {box}"


@pytest.mark.browser
def test_evidence_filter_and_badges(browser_page, site_url, real_practices, taxonomy):
    page, requests = browser_page
    page.goto(f"{site_url}praktijken/")
    evidence = taxonomy["evidence"]
    badges = page.locator(".pb-item .pb-badge")
    assert badges.count() == len(real_practices)
    # Shown: the short label; read: "Onderbouwing: " before it (visually hidden).
    assert {b.text_content() for b in badges.all()} == {
        "Onderbouwing: " + evidence.short_label_of(p.evidence) for p in real_practices}
    assert page.locator(".pb-item .pb-badge .pb-sr").first.bounding_box()["width"] <= 1
    page.locator('input[name="onderbouwing"][value="zelf-gerapporteerd"]').check()
    own_word = {p.title for p in real_practices if p.evidence == "zelf-gerapporteerd"}
    assert set(_visible_titles(page)) == own_word
    for badge in page.locator(".pb-item:visible .pb-badge").all():
        assert badge.text_content() == "Onderbouwing: Zelf gemeld"
        assert badge.get_attribute("title") == "Onderbouwing: " + evidence.label_of("zelf-gerapporteerd")
    assert "onderbouwing=zelf-gerapporteerd" in page.url
    # A second group narrows: the evidence and a scale.
    page.locator('input[name="schaal"][value="wijk"]').check()
    assert set(_visible_titles(page)) == {p.title for p in real_practices
                                           if p.evidence == "zelf-gerapporteerd" and p.place.scope == "wijk"}
    assert requests.foreign(site_url) == []


def _folded(text: str) -> str:
    return " ".join(strip_accents(text).casefold().split())


@pytest.mark.browser
def test_sort_by_name_place_newest_and_last_reviewed(browser_page, site_url, real_practices):
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    by_title = sorted(real_practices, key=lambda p: p.title.casefold())
    assert _visible_titles(page) == [p.title for p in by_title]
    rank = {p.slug: i for i, p in enumerate(by_title)}

    def place_key(p):
        national = p.place.is_national
        return (national, "" if national else _folded(f"{p.place.municipality or ''} {p.place.neighbourhood or ''}"),
                rank[p.slug])

    expected = {
        "plaats": sorted(real_practices, key=place_key),
        "nieuw": sorted(real_practices, key=lambda p: (p.started is None, -(p.started or 0), rank[p.slug])),
        "nagekeken": sorted(real_practices, key=lambda p: (-p.last_reviewed.toordinal(), rank[p.slug])),
        "naam": by_title,
    }
    sort = page.get_by_label("Sorteren op")
    for value, order in expected.items():
        sort.select_option(value)
        assert _visible_titles(page) == [p.title for p in order], value
    # The order is kept in the address, together with a filter, and comes back from it.
    sort.select_option("nagekeken")
    page.locator('input[name="thema"][value="dakloosheid"]').check()
    assert "volgorde=nagekeken" in page.url and "thema=dakloosheid" in page.url
    page.reload()
    assert page.get_by_label("Sorteren op").input_value() == "nagekeken"
    assert _visible_titles(page) == [p.title for p in expected["nagekeken"] if "dakloosheid" in p.themes]


@pytest.mark.browser
def test_without_javascript_the_list_comes_by_title_and_the_facet_pages_are_open(chromium, site_url, real_practices):
    context = chromium.new_context(java_script_enabled=False, viewport=VIEWPORTS["telefoon"])
    try:
        page = context.new_page()
        page.goto(f"{site_url}praktijken/")
        titles = page.locator(".pb-item-title").all_inner_texts()
        assert titles == [p.title for p in sorted(real_practices, key=lambda p: p.title.casefold())]
        assert page.locator(".pb-item").first.bounding_box()["y"] < 812, "de lijst begint op het eerste scherm"
        for hidden in ("#pb-filters", "#pb-filter-toggle", "#pb-sort-wrap", "#pb-views"):
            assert not page.locator(hidden).is_visible(), hidden
        assert page.locator(".pb-map-svg").is_visible()
        browse = page.locator("#pb-browse")
        assert browse.get_attribute("open") is not None
        browse.get_by_role("link", name="Onderbouwingen").click()
        page.wait_for_url(f"{site_url}onderbouwing/")
        page.get_by_role("link", name="Resultaten gemeld door de partners zelf").click()
        assert set(page.locator(".pb-item-title").all_inner_texts()) == {
            p.title for p in real_practices if p.evidence == "zelf-gerapporteerd"}
    finally:
        context.close()


@pytest.mark.browser
def test_with_javascript_the_facet_pages_fold_away(browser_page, site_url):
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    browse = page.locator("#pb-browse")
    expect(browse).to_be_visible()
    assert browse.get_attribute("open") is None
    assert not browse.get_by_role("link", name="Onderbouwingen").is_visible()
    browse.locator("summary").click()  # still one click away
    browse.get_by_role("link", name="Onderbouwingen").click()
    page.wait_for_url(f"{site_url}onderbouwing/")


# -- axe-core --------------------------------------------------------------------------------

def _axe(page) -> list[dict]:
    assert AXE.is_file(), f"axe-core ontbreekt ({AXE}); 'bash scripts/test.sh' installeert het met npm"
    page.evaluate("""() => Promise.all(document.getAnimations()
      .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
      .map(a => a.finished.catch(() => null)))""")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA)
    assert results["passes"]
    return results["violations"]


@pytest.mark.browser
@pytest.mark.parametrize("state", ["dicht", "open", "kaart"])
@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_overview_has_no_axe_violations(chromium, site_url, width, state):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[width], bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}praktijken/")
        if state == "open":  # the panel open (phone) or the column used (desktop), with a filter ticked
            _open_filters(page)
            page.locator('input[name="onderbouwing"][value="geen-resultaten-bekend"]').check()
        elif state == "kaart":
            page.get_by_role("button", name="Kaart").click()
            expect(page.locator(".pb-map-svg")).to_be_visible()
        violations = _axe(page)
        assert violations == [], "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — {[' '.join(n['target']) for n in v['nodes'][:5]]}"
            for v in violations)
    finally:
        context.close()
