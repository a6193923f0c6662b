"""The same site builds with ProperDocs (MkDocs' fork) as with MkDocs, through the same plugin.

ProperDocs reads properdocs.yml first and mkdocs.yml only as a fallback it warns about, so it is
given the project's mkdocs.yml with -f. It answers MkDocs' imports (``mkdocs.*``) with its own
modules, so the plugin, the hook and Material run unchanged.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from praktijkbank.content.today import VARIABLE as TODAY_VARIABLE, today
from support import VALID_CARD, copy_project, line_of

pytestmark = pytest.mark.build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _environment() -> dict[str, str]:
    # One day and one build time for both builds (sitemap dates, the gzip header).
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
                SOURCE_DATE_EPOCH="1790000000", **{TODAY_VARIABLE: today().isoformat()})


def _build(generator: str, project: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", generator, "build", "-f", "mkdocs.yml", "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=project, env=_environment(), capture_output=True, text=True, timeout=600)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _normalised(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="">', data)


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes], list[str]]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    built = {}
    for generator in ("mkdocs", "properdocs"):
        site = project.parent / f"site-{generator}"
        result = _build(generator, project, site)
        assert result.returncode == 0, f"{generator} build --strict failed:\n{result.stdout}\n{result.stderr}"
        built[generator] = _files(site)
    cards = sorted(p.stem for p in (project / "practices").glob("*.md"))
    return built["mkdocs"], built["properdocs"], cards


def test_properdocs_really_built_the_second_site(both_sites):
    mkdocs_site, properdocs_site, _ = both_sites
    assert b'content="mkdocs-1.6.1, mkdocs-material-9.8.1"' in mkdocs_site["index.html"]
    assert re.search(rb'<meta name="generator" content="[^"]*ProperDocs 1\.6\.7[^"]*material-9\.8\.1">',
                     properdocs_site["index.html"])


def test_both_build_the_same_files(both_sites):
    mkdocs_site, properdocs_site, _ = both_sites
    assert len(mkdocs_site) > 50
    assert {"only with MkDocs": sorted(mkdocs_site.keys() - properdocs_site.keys()),
            "only with ProperDocs": sorted(properdocs_site.keys() - mkdocs_site.keys())} == \
        {"only with MkDocs": [], "only with ProperDocs": []}


def test_every_card_page_is_the_same_but_for_the_generator(both_sites):
    mkdocs_site, properdocs_site, cards = both_sites
    assert cards
    differ = []
    for slug in cards:
        page = f"praktijken/{slug}/index.html"
        assert page in mkdocs_site and page in properdocs_site, page
        if _normalised(mkdocs_site[page]) != _normalised(properdocs_site[page]):
            differ.append(page)
    assert differ == []


def test_every_other_file_is_the_same_but_for_the_generator(both_sites):
    """Overviews, facet pages, exports, the search index, assets: also the same."""
    mkdocs_site, properdocs_site, _ = both_sites
    differ = sorted(name for name in mkdocs_site.keys() & properdocs_site.keys()
                    if _normalised(mkdocs_site[name]) != _normalised(properdocs_site[name]))
    assert differ == []


def test_a_strict_properdocs_build_stops_on_a_broken_card(tmp_path):
    broken = VALID_CARD.replace("title: Voorbeeldpraktijk", "title: Kapotte kaart").replace(
        "themes: [wijkaanpak]", "themes: [wijkaanpak, thema-dat-niet-bestaat]")
    project = copy_project(tmp_path / "project")
    (project / "practices" / "kapotte-kaart.md").write_text(broken, encoding="utf-8")
    result = _build("properdocs", project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"practices/kapotte-kaart.md:{line_of(broken, 'thema-dat-niet-bestaat')}:" in output, output
    assert "'thema-dat-niet-bestaat' staat niet in de woordenlijst" in output, output
