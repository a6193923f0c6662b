"""Helpers for the offline-bundle tests: export a project copy, unpack, read the pages."""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from support import copy_project, run_cli


@dataclass(frozen=True)
class Bundle:
    zip_path: Path
    root: Path  # the unpacked folder with index.html in it
    output: str  # what the command printed

    def page(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    @property
    def base(self) -> str:
        """The folder's address, ending in '/': every request must start with it."""
        return self.root.as_uri() + "/"

    def url(self, path: str = "index.html") -> str:
        return self.base + path

    def card_slugs(self) -> set[str]:
        return {p.stem for p in (self.root / "praktijken").glob("*.html") if p.stem != "index"}


def export(project: Path, target: Path, *options: str) -> subprocess.CompletedProcess:
    return run_cli("export", "--uitvoer", str(target), *options, cwd=project)


def exported_bundle(tmp: Path, name: str, *options: str, project: Path | None = None) -> Bundle:
    """Export a fresh copy of the real project (or ``project``) and unpack the zip."""
    project = project or copy_project(tmp / f"project-{name}")
    target = tmp / f"{name}.zip"
    result = export(project, target, *options)
    assert result.returncode == 0, f"export mislukt:\n{result.stdout}\n{result.stderr}"
    unpacked = tmp / f"unpacked-{name}"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    (folder,) = unpacked.iterdir()  # everything sits in one folder
    return Bundle(target, folder, result.stdout)


class _Links(HTMLParser):
    """Every href and src in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def links_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.links


_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def local_links(html: str) -> list[str]:
    """The page's links into the bundle itself (no web addresses, mail, data: or page anchors)."""
    return [link for link in links_of(html) if not _EXTERNAL.match(link) and not link.startswith("#")]
