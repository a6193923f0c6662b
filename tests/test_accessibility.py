"""Accessibility in real Chromium: axe-core finds no WCAG 2.1 A/AA violation, the keyboard reaches everything.

axe-core comes from the npm registry, pinned in tools/axe/package-lock.json and
installed by scripts/test.sh. It is injected as a script element; the site's
Content-Security-Policy rightly refuses such an injected script, so these
contexts bypass the policy (tests/test_privacy.py checks the pages under it).
"""

from __future__ import annotations

import json

import pytest

from support import ROOT, VIEWPORTS

pytestmark = pytest.mark.browser

AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CARD = "praktijken/proeftuin-ruwaard/"


@pytest.fixture(scope="module")
def axe_script():
    if not AXE.is_file():
        pytest.fail(f"axe-core ontbreekt ({AXE}); 'bash scripts/test.sh' installeert het met npm")
    return AXE


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, chromium, site_url):
    """A page at one screen width, with a helper to open a path of the site."""
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS[request.param], bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, request.param
    context.close()


# -- what a visitor does before the check ---------------------------------

def _apply_filter(page):
    toggle = page.locator("#pb-filter-toggle")
    if toggle.is_visible():  # phone: the filters fold into a panel behind "Filters"
        toggle.click()
    page.get_by_role("checkbox", name="Dakloosheid en thuisloosheid").check()
    page.wait_for_function("document.getElementById('pb-result').textContent.indexOf(' van ') !== -1")


def _search_with_results(page):
    toggle = page.locator('label.md-header__button[for="__search"]')
    if toggle.is_visible():  # phone: the search opens from the header button
        toggle.click()
    else:
        page.locator(".md-search__input").click()
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    # Material searches once its index is loaded; until then it says so.
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== 'Zoeken initialiseren'")
    page.keyboard.type("wonen")
    page.locator(".md-search-result__item").first.wait_for(state="visible")


SCENES = {
    "home": ("", None),
    "overzicht met filter": ("praktijken/", _apply_filter),
    "kaart": (CARD, None),
    "pagina per thema": ("thema/dakloosheid/", None),
    "webinars": ("webinars/", None),
    "zoeken met resultaten": ("", _search_with_results),
    "toegankelijkheidsverklaring": ("toegankelijkheid/", None),
}


def _format(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:8]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(node['target'])}: {summary}")
    return "\n".join(lines)


# Material fades the search results in over 0.4 s (desktop); axe measured halfway through
# sees blended, paler text and reports a contrast the visitor never sees once it settles.
_TRANSITIONS_DONE = """() => Promise.all(document.getAnimations()
  .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
  .map(a => a.finished.catch(() => null)))"""


def _wait_for_transitions(page):
    """Let every finite CSS transition and animation end, so axe sees what a visitor sees."""
    page.evaluate(_TRANSITIONS_DONE)


@pytest.mark.parametrize("scene", list(SCENES))
def test_no_axe_violations(screen, site_url, axe_script, scene):
    page, width = screen
    path, prepare = SCENES[scene]
    response = page.goto(site_url + path)
    assert response is not None and response.ok, f"{path} bestaat niet ({response and response.status})"
    if prepare:
        prepare(page)
    _wait_for_transitions(page)
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    assert results["passes"], "axe-core heeft geen enkele regel uitgevoerd"
    violations = results["violations"]
    assert violations == [], f"axe-core vond op '{scene}' ({width}):\n{_format(violations)}"


# -- keyboard --------------------------------------------------------------

# Everything a mouse can operate: links, form controls, and the header's <label for>
# toggles of hidden checkboxes (menu, search), which keyboard.js turns into buttons.
# Material's other toggle labels (the dimmed overlays, the drawer's title, the search's
# back arrow) only close what is open; for the keyboard, Escape does that.
_MARK_OPERABLE = """() => {
  const visible = el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility === 'visible' && !el.closest('[hidden], [inert]');
  };
  const toggles = [...document.querySelectorAll('label.md-header__button[for]')].filter(label => {
    const control = document.getElementById(label.htmlFor);
    return control && getComputedStyle(control).display === 'none';
  });
  const candidates = new Set([...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'
  )].filter(el => el.tabIndex !== -1).concat(toggles));
  const operable = [...candidates].filter(visible);
  operable.forEach((el, i) => el.setAttribute('data-pb-operable', String(i)));
  return operable.map(el => el.outerHTML.slice(0, 120));
}"""

_FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  return {
    id: el.getAttribute('data-pb-operable'),
    html: el.outerHTML.slice(0, 120),
    size: r.width > 0 && r.height > 0,
    inView,
    visibility: s.visibility,
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
  };
}"""


def _tab_through(page, limit: int = 600) -> list[dict]:
    """Press Tab until the focus has gone round the whole page once; every stop seen."""
    stops: list[dict] = []
    idle = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STATE)
        if state is None:
            # Focus can fall to the body for a moment, e.g. when Material hides its "back to top"
            # button while it has focus; only several Tabs in a row without focus mean the end.
            idle += 1
            if stops and idle >= 3:
                break
            continue
        idle = 0
        if stops and state["html"] == stops[0]["html"]:
            break
        stops.append(state)
    return stops


@pytest.mark.parametrize("path", ["", "praktijken/", CARD])
def test_keyboard_reaches_everything_with_visible_focus(screen, site_url, path):
    page, width = screen
    page.goto(site_url + path)
    operable = page.evaluate(_MARK_OPERABLE)
    assert len(operable) > 3
    stops = _tab_through(page)
    invisible = [s["html"] for s in stops if not (s["size"] and s["inView"] and s["visibility"] == "visible")]
    assert invisible == [], f"focus op iets dat niet te zien is ({width}, /{path}): {invisible}"
    no_ring = [s["html"] for s in stops if not s["outline"]]
    assert no_ring == [], f"focus zonder zichtbare focusrand ({width}, /{path}): {no_ring}"
    reached = {s["id"] for s in stops}
    missed = [html for index, html in enumerate(operable) if str(index) not in reached]
    assert missed == [], f"niet met Tab bereikbaar ({width}, /{path}): {missed}"


def test_menu_opens_and_closes_by_keyboard_on_a_phone(chromium, site_url):
    context = chromium.new_context(locale="nl-NL", viewport=VIEWPORTS["telefoon"])
    try:
        page = context.new_page()
        page.goto(site_url + CARD)
        menu = page.get_by_role("button", name="Menu")
        assert menu.get_attribute("aria-expanded") == "false"
        assert not page.get_by_role("link", name="Over", exact=True).is_visible()
        menu.focus()
        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
        for _ in range(20):
            if page.evaluate("document.activeElement.textContent.trim()") == "Praktijken":
                break
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Praktijken"
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
        for _ in range(20):
            if page.evaluate("document.activeElement.textContent.trim()") == "Praktijken":
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{site_url}praktijken/")
    finally:
        context.close()


def test_search_works_by_keyboard(screen, site_url):
    page, width = screen
    page.goto(site_url)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input, label.md-header__button[for=__search]')"):
            break
    if page.evaluate("document.activeElement.matches('label')"):
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("housing")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(_FOCUS_STATE)
    assert focused and "md-search-result__link" in focused["html"] and focused["outline"], focused
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}praktijken/housing-first/**")


def test_filters_announce_their_result_count(chromium, site_url):
    """The count is a polite live region: screen readers read it when a filter changes it."""
    context = chromium.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(site_url + "praktijken/")
        status = page.get_by_role("status")
        assert status.count() == 1
        assert status.get_attribute("aria-live") == "polite"
        total = page.locator(".pb-item").count()
        assert status.inner_text() == f"{total} praktijken"
        box = page.get_by_role("checkbox", name="Dakloosheid en thuisloosheid")
        box.focus()
        page.keyboard.press("Space")
        assert box.is_checked()
        shown = page.locator(".pb-item:visible").count()
        assert 0 < shown < total
        assert status.inner_text() == f"{shown} van {total} praktijken"
        # The count belongs to the checkbox's name, so it is read with the option itself.
        assert "(" in box.evaluate("el => el.closest('label').textContent")
    finally:
        context.close()


# -- the statement ---------------------------------------------------------

def test_statement_says_what_is_tested_and_every_page_links_to_it(built_site):
    statement = (ROOT / "docs" / "toegankelijkheid.md").read_text(encoding="utf-8")
    lock = json.loads((ROOT / "tools" / "axe" / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/axe-core"]["version"]
    assert f"axe-core (versie {version})" in statement, "de verklaring noemt de geteste versie"
    for size in VIEWPORTS.values():
        assert f"{size['width']} pixels" in statement
    assert "WCAG 2.1" in statement and "niveau A en AA" in statement
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        assert ">Toegankelijkheidsverklaring</a>" in page.read_text(encoding="utf-8"), page.relative_to(built_site)
