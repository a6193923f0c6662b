"""The MkDocs adapter and the core: the core knows no site generator; the plugin keeps no state
between builds; a strict build stops on any content error, also with -q."""

from __future__ import annotations

import ast
import gc
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from praktijkbank.mkdocs_adapter.plugin import PraktijkbankPlugin
from praktijkbank.content.today import VARIABLE as TODAY_VARIABLE, today
from support import ROOT, VALID_CARD, build_in_process, copy_project, line_of

PACKAGE = ROOT / "src" / "praktijkbank"
ADAPTER = PACKAGE / "mkdocs_adapter"
GENERATORS = ("mkdocs", "material", "jinja2", "properdocs")


# --- the core imports no site generator ---------------------------------------------------------

# Runs in a fresh interpreter: imports every module of the package except the adapter's, then
# prints which generator modules got loaded. pkgutil does not descend into a folder without
# __init__.py (a namespace package), so such folders' modules are added from the file tree.
_IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
from pathlib import Path
import praktijkbank

root = Path(praktijkbank.__file__).parent
skip = "praktijkbank.mkdocs_adapter"
names = {m.name for m in pkgutil.walk_packages(praktijkbank.__path__, "praktijkbank.")}
walked = set(names)
for path in root.rglob("*.py"):
    parts = path.relative_to(root).with_suffix("").parts
    if "__pycache__" in parts:
        continue
    if parts[-1] == "__init__":
        parts = parts[:-1]
    names.add(".".join(("praktijkbank", *parts)))
names = sorted(n for n in names if n != skip and not n.startswith(skip + "."))
for name in names:
    importlib.import_module(name)
generators = ("mkdocs", "material", "jinja2", "properdocs")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in generators)
print(json.dumps({"imported": names, "missed_by_pkgutil": sorted(set(names) - walked), "loaded": loaded}))
"""


def test_the_core_imports_no_site_generator():
    result = subprocess.run([sys.executable, "-c", _IMPORT_ALL], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "praktijkbank.sitemodel.model" in report["imported"]
    assert "praktijkbank.cli" in report["imported"]
    assert not any(name.startswith("praktijkbank.mkdocs_adapter") for name in report["imported"])
    assert report["loaded"] == [], (
        f"de kern laadt een site-generator: {report['loaded']}")


def _generator_imports(path: Path) -> list[str]:
    """Every import of a generator module in ``path``, as 'line: name' (also importlib with a literal)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")):
            names = [node.args[0].value]
        found += [f"{node.lineno}: {name}" for name in names if name.split(".")[0] in GENERATORS]
    return found


def test_no_file_of_the_core_has_a_generator_import():
    offenders = {}
    files = [p for p in PACKAGE.rglob("*.py") if ADAPTER not in p.parents]
    assert len(files) > 30
    for path in files:
        if found := _generator_imports(path):
            offenders[path.relative_to(ROOT).as_posix()] = found
    assert offenders == {}


def test_the_static_check_sees_the_adapter_imports():
    """The check above would notice an import: the adapter's own are found."""
    assert any(": mkdocs." in found for found in _generator_imports(ADAPTER / "plugin.py"))


def test_every_folder_of_the_package_is_installed():
    """pyproject.toml's packages.find only finds folders with __init__.py: a folder without one
    is missing from a (non-editable) install, and the core with it."""
    from setuptools import find_packages

    found = set(find_packages(str(ROOT / "src")))
    folders = {".".join(p.parent.relative_to(ROOT / "src").parts) for p in PACKAGE.rglob("*.py")
               if "__pycache__" not in p.parts}
    assert sorted(folders - found) == []


# --- the plugin, built twice in one process ------------------------------------------------------

def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    only_first = sorted(first.keys() - second.keys())
    only_second = sorted(second.keys() - first.keys())
    changed = sorted(name for name in first.keys() & second.keys() if first[name] != second[name])
    return ([f"alleen in de eerste: {n}" for n in only_first] + [f"alleen in de tweede: {n}" for n in only_second]
            + [f"verschilt: {n}" for n in changed])


@pytest.mark.build
def test_two_builds_in_one_process_give_the_same_site_and_share_nothing(tmp_path, monkeypatch):
    # One day and one build time for all builds, so a build across midnight cannot differ.
    monkeypatch.setenv(TODAY_VARIABLE, today().isoformat())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    project = copy_project(tmp_path / "project")

    # A first build that holds one card more: nothing of it may show in the builds after it.
    extra = project / "practices" / "alleen-in-de-eerste-bouw.md"
    extra.write_text(VALID_CARD.replace("title: Voorbeeldpraktijk", "title: Alleen in de eerste bouw"),
                     encoding="utf-8")
    builds = []  # (plugin, its model) right after each build: a reused plugin gets a new model

    def build(site: str) -> None:
        plugin = build_in_process(project, site_dir=tmp_path / site).plugins["praktijkbank"]
        builds.append((plugin, plugin.model))

    build("site0")
    assert (tmp_path / "site0" / "praktijken" / "alleen-in-de-eerste-bouw" / "index.html").is_file()
    extra.unlink()
    build("site1")
    build("site2")

    # MkDocs keeps one instance of a plugin that has on_startup for the whole process (the cache of
    # its `plugins` option, as under `mkdocs serve`); each build must still start from nothing.
    assert all(isinstance(plugin, PraktijkbankPlugin) for plugin, _ in builds)
    models = [model for _, model in builds]
    assert all(model is not None for model in models)
    assert len({id(model) for model in models}) == 3
    assert len({id(model.result) for model in models}) == 3
    assert len({id(model.pages) for model in models}) == 3
    assert "alleen-in-de-eerste-bouw" in models[0].result.by_slug()
    assert "alleen-in-de-eerste-bouw" not in models[1].result.by_slug()
    assert models[1].result.by_slug().keys() == models[2].result.by_slug().keys()
    assert gc.get_freeze_count() == 0, "the plugin left the garbage collector frozen"

    first, second = _files(tmp_path / "site1"), _files(tmp_path / "site2")
    assert len(first) > 50
    assert _differences(first, second) == []
    leaked = [name for name, data in second.items() if b"alleen-in-de-eerste-bouw" in data
              or b"Alleen in de eerste bouw" in data]
    assert leaked == []


# --- strict means strict -------------------------------------------------------------------------

def _cli_build(project: Path, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", *options, "--site-dir", str(project / "site")]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.build
def test_the_plugin_lets_go_of_each_generated_page_once_it_is_written(tmp_path, monkeypatch):
    """The model's pages are the largest part of a build's memory (bench/README.md, B23): once MkDocs
    has written a generated page, neither the plugin nor MkDocs' page holds its HTML. What the
    outputs after the pages need of them (which pages exist) stays."""
    monkeypatch.setenv(TODAY_VARIABLE, today().isoformat())
    project = copy_project(tmp_path / "project")
    seen = []  # MkDocs' list of files, with their pages
    on_files = PraktijkbankPlugin.on_files
    monkeypatch.setattr(PraktijkbankPlugin, "on_files", lambda self, files, config: seen.append(files) or
                        on_files(self, files, config))
    config = build_in_process(project, site_dir=tmp_path / "site")
    plugin = config.plugins["praktijkbank"]
    assert plugin._pages == {} and plugin.model.pages == {}
    cards = [f for f in (project / "practices").glob("*.md")]
    assert cards and all(f"praktijken/{card.name}" in plugin.model.page_uris for card in cards)
    generated = [f.page for f in seen[0] if f.src_uri in plugin.model.page_uris]
    assert generated and all(page.content is None for page in generated)
    for card in cards:  # and every one of them was written whole
        html = (tmp_path / "site" / "praktijken" / card.stem / "index.html").read_text(encoding="utf-8")
        assert 'class="pb-facts"' in html and html.rstrip().endswith("</html>")
    # The search help (written after the pages) still offers the themes that have pages.
    help_script = (tmp_path / "site" / "assets" / "javascripts" / "praktijkbank-zoekhulp.js").read_text(encoding="utf-8")
    links = json.loads(help_script.split("window.PraktijkbankZoekhulp = ", 1)[1].split(";\n", 1)[0])
    assert links["themes"] and links["all"] == "praktijken/"


@pytest.mark.build
def test_strict_quiet_build_fails_on_an_unknown_theme_and_names_file_and_line(tmp_path):
    broken = (VALID_CARD.replace("title: Voorbeeldpraktijk", "title: Kapotte kaart")
              .replace("themes: [wijkaanpak]", "themes: [wijkaanpak, thema-dat-niet-bestaat]"))
    project = copy_project(tmp_path / "project")
    (project / "practices" / "kapotte-kaart.md").write_text(broken, encoding="utf-8")
    line = line_of(broken, "thema-dat-niet-bestaat")

    strict = _cli_build(project, "--strict", "-q")
    output = strict.stdout + strict.stderr
    assert strict.returncode != 0, output
    assert f"practices/kapotte-kaart.md:{line}:" in output, output
    assert "'thema-dat-niet-bestaat' staat niet in de woordenlijst" in output, output

    lenient = _cli_build(project)
    assert lenient.returncode == 0, lenient.stderr
    assert f"practices/kapotte-kaart.md:{line}:" in lenient.stderr
    site = project / "site"
    cards = sorted(p.stem for p in (project / "practices").glob("*.md") if p.stem != "kapotte-kaart")
    assert cards
    for slug in cards:
        assert (site / "praktijken" / slug / "index.html").is_file(), slug
    assert not (site / "praktijken" / "kapotte-kaart").exists()


@pytest.mark.build
def test_a_broken_link_in_a_card_fails_the_strict_build_at_its_line(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    card = VALID_CARD.replace("## Aanpak\n\nTekst.", "## Aanpak\n\nZie ook [de andere kaart](kaart-die-er-niet-is.md).")
    project = copy_project(tmp_path / "project")
    (project / "practices" / "kaart-met-dode-link.md").write_text(card, encoding="utf-8")
    line = line_of(card, "kaart-die-er-niet-is.md")

    with caplog.at_level(logging.INFO), pytest.raises(Abort):
        build_in_process(project, strict=True, site_dir=tmp_path / "site")
    errors = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert f"practices/kaart-met-dode-link.md:{line}:" in errors, errors
    assert ("de link 'kaart-die-er-niet-is.md' wijst naar een pagina of bestand dat niet bestaat" in errors), errors
    assert "de strenge bouw stopt" in errors
