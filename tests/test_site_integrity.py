"""Link integrity and nothing lost: every link within the site resolves; every card reaches every index.

The strict build already fails on a broken link or anchor in Markdown (MkDocs'
`validation:` in mkdocs.yml); these tests prove that for a card's body, and check
the finished HTML as well, where templates and generated pages add links of
their own.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

import pytest
from mkdocs.config import load_config

from praktijkbank.content.project import Project
from support import ROOT, VALID_CARD, copy_project, mkdocs_build

pytestmark = pytest.mark.build

# Attributes through which a page points at another file of the site.
_LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
            ("iframe", "src"), ("form", "action"), ("area", "href")}


class _Page(HTMLParser):
    """The links of a page, and the ids its fragments can point at."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.anchors.add(attrs[name])
        for linking_tag, attribute in _LINKING:
            if tag == linking_tag and attrs.get(attribute):
                self.links.append(attrs[attribute])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, home: SplitResult, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment ``href`` on ``page`` points at, or None when it leaves the site.

    ``home`` is the site's own address (site_url), which absolute links start with.
    """
    parts = urlsplit(href)
    if (parts.scheme or parts.netloc) and (parts.scheme, parts.netloc) != (home.scheme, home.netloc):
        return None  # another site (or mailto:, tel:); test_privacy.py proves nothing loads from there
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):  # from the root of the site (404.html, canonical links): below site_url's path
        prefix = home.path.rstrip("/") + "/"
        if not (path + "/").startswith(prefix):
            return site / "buiten-de-site" / path.lstrip("/"), parts.fragment
        base, path = site, path[len(prefix):]
    else:
        base = page.parent
    target = (base / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_link_within_the_site_resolves_to_a_file_and_anchor(built_site):
    site = built_site.resolve()
    home = urlsplit(load_config(str(site.parent / "mkdocs.yml")).site_url or "/")
    pages = {path.resolve(): _parse(path) for path in site.rglob("*.html")}
    broken, checked = [], 0
    for path, page in pages.items():
        for href in page.links:
            if href.lower().startswith("javascript:"):
                broken.append(f"{path.relative_to(site)}: script in een link: {href}")
                continue
            target = _target(site, home, path, href)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            if not file.is_file() or not file.is_relative_to(site):
                broken.append(f"{path.relative_to(site)}: dode link {href}")
            elif fragment and file in pages and fragment not in pages[file].anchors:
                broken.append(f"{path.relative_to(site)}: {href}: anker '#{fragment}' bestaat niet")
    assert broken == [], "\n".join(broken)
    assert checked > 20 * len(pages), "de test heeft de links van de pagina's echt bekeken"


def _project_with_card_body(tmp_path: Path, body_line: str) -> Path:
    project = copy_project(tmp_path / "project")
    card = VALID_CARD.replace("title: Voorbeeldpraktijk", "title: Kaart met een link").replace(
        "## Aanpak\n\nTekst.", f"## Aanpak\n\n{body_line}"
    )
    (project / "practices" / "kaart-met-link.md").write_text(card, encoding="utf-8")
    return project


@pytest.mark.parametrize("body_line, words", [
    ("Zie [deze kaart](bestaat-niet.md).", "de link 'bestaat-niet.md' wijst naar een pagina of bestand dat niet bestaat"),
    ("Zie [de aanpak in Oss](proeftuin-ruwaard.md#bestaat-niet).", "het anker '#bestaat-niet' staat niet op de pagina"),
    ("Zie [hierboven](#bestaat-niet).", "het anker '#bestaat-niet' staat niet op deze pagina"),
    ("Zie [de kaart](../praktijken/proeftuin-ruwaard/).", "niet naar het adres op de site"),
])
def test_strict_build_fails_on_a_broken_link_in_a_card(tmp_path, body_line, words):
    project = _project_with_card_body(tmp_path, body_line)
    result = mkdocs_build(project, strict=True)
    assert result.returncode != 0, "de strenge bouw moet falen"
    assert "practices/kaart-met-link.md:" in result.stderr and words in result.stderr, result.stderr


def test_a_card_with_working_links_builds(tmp_path):
    project = _project_with_card_body(
        tmp_path, "Zie [de aanpak in Oss](proeftuin-ruwaard.md#aanpak) en [hierboven](#in-het-kort)."
    )
    result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "praktijken" / "kaart-met-link" / "index.html").read_text(encoding="utf-8")
    assert 'href="../proeftuin-ruwaard/#aanpak"' in html


def test_nothing_lost_every_card_is_a_page_an_overview_entry_and_a_search_entry(built_site):
    cards = {path.stem for path in Project(ROOT).practice_files()}
    assert len(cards) >= 6
    pages = {p.parent.name for p in (built_site / "praktijken").glob("*/index.html")}
    overview = (built_site / "praktijken" / "index.html").read_text(encoding="utf-8")
    entries = set(re.findall(r'<h3 class="pb-item-title"[^>]*><a href="([^"/]+)/"', overview))
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {m.group(1) for doc in search["docs"] if (m := re.fullmatch(r"praktijken/([^/#]+)/", doc["location"]))}
    assert overview.count('class="pb-item"') == len(cards)
    assert (len(cards), len(pages), len(entries), len(indexed)) == (len(cards),) * 4
    assert cards == pages == entries == indexed
