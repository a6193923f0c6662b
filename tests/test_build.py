"""Full builds of the real project in a temporary folder, as CI and contributors run them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from praktijkbank.pages.facets import FACETS
from praktijkbank.content.project import Project
from support import ROOT, VALID_CARD, copy_project, line_of, mkdocs_build

pytestmark = pytest.mark.build

REAL_SLUGS = sorted(p.stem for p in Project(ROOT).practice_files())


class _Collector(HTMLParser):
    """Collects the attributes that make a browser fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
            self.fetched.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.fetched.append(attrs["href"])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_every_card_has_a_page_with_facts_and_sources(built_site):
    assert len(REAL_SLUGS) >= 6
    for slug in REAL_SLUGS:
        page = built_site / "praktijken" / slug / "index.html"
        assert page.is_file(), f"geen pagina voor {slug}"
        html = page.read_text(encoding="utf-8")
        assert 'class="pb-facts"' in html
        for label in ("Plaats", "Partners", "Thema's", "Doelgroepen", "Status", "Onderbouwing",
                      "Laatst nagekeken"):
            assert f"<dt>{label}</dt>" in html, f"{slug}: feit '{label}' ontbreekt"
        assert 'id="bronnen"' in html
        for heading in ("in-het-kort", "aanpak", "wie-werken-samen", "resultaten", "lessen"):
            assert f'id="{heading}"' in html


def test_no_edit_pencil_for_visitors_but_a_way_to_report_a_mistake(built_site):
    html = (built_site / "praktijken" / "proeftuin-ruwaard" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'href="https://[^"]+/edit/main/', html), "editing is under Bijdragen, not on the card"
    assert 'Fout gezien? <a href="../../bijdragen/#een-fout-op-een-kaart-melden">Meld het</a>' in html


def test_overview_lists_every_card_once(built_site):
    html = (built_site / "praktijken" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="pb-item"') == len(REAL_SLUGS)
    listing = html[html.index('id="pb-list"'):html.index('id="pb-empty"')]  # the map links the cards too
    for slug in REAL_SLUGS:
        assert listing.count(f'href="../praktijken/{slug}/"') + listing.count(f'href="{slug}/"') == 1, slug
    assert 'id="pb-filters"' in html and "hidden" in html


def test_facet_pages_exist_and_list_matching_cards(built_site, taxonomy):
    for facet in FACETS:
        assert (built_site / facet.segment / "index.html").is_file()
        for key in taxonomy[facet.vocabulary].values:
            assert (built_site / facet.segment / key / "index.html").is_file(), f"{facet.segment}/{key}"
    housing = (built_site / "thema" / "dakloosheid" / "index.html").read_text(encoding="utf-8")
    assert "Housing First" in housing
    assert "Proeftuin Ruwaard" not in housing


def test_cards_stay_out_of_the_navigation(built_site):
    html = (built_site / "over" / "index.html").read_text(encoding="utf-8")
    nav_links = [
        re.search(r'href="([^"]*)"', tag).group(1)
        for tag in re.findall(r"<a\b[^>]*\bclass=\"md-nav__link[^\"]*\"[^>]*>", html)
        if "href=" in tag
    ]
    assert any(link.rstrip("/").endswith("praktijken") for link in nav_links), nav_links
    for slug in REAL_SLUGS:
        assert not any(slug in link for link in nav_links), f"{slug} staat in het menu"


def test_nothing_is_fetched_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        for address in _parse(page).fetched:
            assert not re.match(r"^(https?:)?//", address), f"{page}: laadt {address}"
    css_and_js = list(built_site.rglob("*.css")) + list(built_site.rglob("*.js"))
    for asset in css_and_js:
        text = asset.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, asset


def _project_with_extra_card(tmp_path: Path, name: str, text: str) -> Path:
    project = copy_project(tmp_path / "project")
    (project / "practices" / name).write_text(text, encoding="utf-8")
    return project


def test_strict_build_fails_on_a_broken_card_and_names_it(tmp_path):
    broken = VALID_CARD.replace("role: gemeente", "role: gemeentes").replace("title: Voorbeeldpraktijk", "title: Kapot")
    project = _project_with_extra_card(tmp_path, "kapotte-kaart.md", broken)
    result = mkdocs_build(project, strict=True)
    assert result.returncode != 0
    line = line_of(broken, "role: gemeentes")
    assert f"practices/kapotte-kaart.md:{line}: Partner 1, soort partner (partners[1].role): 'gemeentes' staat niet in de woordenlijst" in result.stderr
    assert "Bedoelde u 'gemeente'?" in result.stderr


def test_lenient_build_keeps_the_valid_cards(tmp_path):
    """Under `mkdocs serve` a broken card is reported, and every valid card still shows."""
    project = _project_with_extra_card(tmp_path, "kapotte-kaart.md", "---\ntitle: [kapot\n---\n")
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "practices/kapotte-kaart.md:2" in result.stderr
    site = project / "site"
    for slug in REAL_SLUGS:
        assert (site / "praktijken" / slug / "index.html").is_file()
    assert not (site / "praktijken" / "kapotte-kaart").exists()


def test_broken_taxonomy_stops_the_build_with_a_dutch_message(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "taxonomy.yml").write_text("themes: [\n", encoding="utf-8")
    result = mkdocs_build(project, strict=False)
    assert result.returncode != 0
    assert "taxonomy.yml" in result.stderr and "geen geldige YAML" in result.stderr
