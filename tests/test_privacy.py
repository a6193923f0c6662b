"""Privacy in real Chromium: every page type, every request logged, none leaves the site.

No cookies, and a Content-Security-Policy that allows only the site itself;
the pages still work under it (search, filters) and the console shows no
violation of it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# Collected in the page itself, before any of its own scripts run.
_WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`));
"""
_ALLOWED_SOURCE = re.compile(r"'self'|'none'|data:|'sha256-[A-Za-z0-9+/]+={0,2}'")


def page_types(site: Path) -> dict[str, str]:
    """One page of every kind in the built site, by first folder and depth (overview vs card)."""
    kinds: dict[str, str] = {"404": "404.html"}
    for page in sorted(site.rglob("index.html")):
        folders = page.relative_to(site).parts[:-1]
        if not folders:
            kinds["home"] = ""
            continue
        kind = folders[0] + "/" + "*/" * (len(folders) - 1)
        kinds.setdefault(kind, "/".join(folders) + "/")
    return kinds


class Watch:
    """Requests, console errors and script errors of one browser context."""

    def __init__(self, context) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        context.add_init_script(_WATCH_VIOLATIONS)
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("page", self.attach)

    def attach(self, page) -> None:
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def foreign(self, site_url: str) -> list[str]:
        return [u for u in self.requests if not u.startswith((site_url, "data:", "blob:", "about:"))]


@pytest.fixture
def watched(chromium):
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    watch = Watch(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, watch, context
    context.close()


def _policy_of(page) -> str:
    metas = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert metas.count() == 1, page.url
    return metas.get_attribute("content")


def test_every_page_type_stays_on_the_site_without_cookies_under_the_policy(watched, site_url, built_site):
    page, watch, context = watched
    kinds = page_types(built_site)
    assert {"home", "praktijken/", "praktijken/*/", "thema/", "thema/*/", "404"} <= set(kinds), kinds
    with_data_blocks = 0
    for kind, path in kinds.items():
        response = page.goto(site_url + path)
        assert response is not None and response.ok, f"{kind}: {path} gaf {response and response.status}"
        page.wait_for_load_state("networkidle")
        policy = _policy_of(page)
        for directive in policy.split(";"):
            name, *sources = directive.split()
            assert sources and all(_ALLOWED_SOURCE.fullmatch(s) for s in sources), f"{path}: {directive}"
        assert page.evaluate("document.cookie") == "", path
        assert page.evaluate("window.__cspViolations") == [], f"{path}: {page.evaluate('window.__cspViolations')}"
        with_data_blocks += page.locator('script[type="application/ld+json"]').count() > 0
    # JSON-LD is data, not script: pages that carry it load without any violation.
    assert with_data_blocks > 0, "geen pagina met JSON-LD bezocht; de controle daarop zegt dan niets"
    assert context.cookies() == []
    assert [e for e in watch.console_errors if "Content Security Policy" in e] == []
    assert watch.page_errors == []
    assert watch.foreign(site_url) == [], f"verzoeken buiten de site: {watch.foreign(site_url)}"
    assert len(watch.requests) > 3 * len(kinds)  # the log really saw pages, styles and scripts


def test_search_and_filters_work_under_the_policy(watched, site_url):
    page, watch, context = watched
    page.goto(site_url + "praktijken/")
    result = page.get_by_role("status")
    total = page.locator(".pb-item").count()
    page.get_by_role("checkbox", name="Dakloosheid en thuisloosheid").check()
    assert " van " in result.inner_text()
    assert 0 < page.locator(".pb-item:visible").count() < total

    page.locator(".md-search__input").click()
    page.keyboard.type("housing")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(f"{site_url}praktijken/housing-first/**")

    assert page.evaluate("window.__cspViolations") == []
    assert [e for e in watch.console_errors if "Content Security Policy" in e] == []
    assert watch.page_errors == []
    assert watch.foreign(site_url) == []
    assert any(u.startswith(site_url) and "search" in u for u in watch.requests), "de zoekindex is geladen"
    assert context.cookies() == []


def test_an_inline_script_without_its_hash_is_refused_and_reported(watched, site_url):
    """The checks above can fail: a page whose inline script changed after the build is caught."""
    page, watch, _ = watched

    def tamper(route):
        html = route.fetch().text()
        changed = re.sub(r"<script>(?!</script>)", "<script>/* veranderd */", html, count=1)
        assert changed != html
        route.fulfill(body=changed, content_type="text/html; charset=utf-8")

    page.route(f"{site_url}over/", tamper)
    page.goto(site_url + "over/")
    violations = page.evaluate("window.__cspViolations")
    assert violations and violations[0].startswith("script-src"), violations
    assert any("Content Security Policy" in e for e in watch.console_errors)
