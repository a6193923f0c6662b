"""Where a project's content lives, found from any folder inside it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

TAXONOMY_FILE = "taxonomy.yml"
PRACTICES_DIR = "practices"
WEBINARS_DIR = "webinars"


class ProjectNotFound(Exception):
    pass


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def taxonomy_path(self) -> Path:
        return self.root / TAXONOMY_FILE

    @property
    def practices_dir(self) -> Path:
        return self.root / PRACTICES_DIR

    @property
    def webinars_dir(self) -> Path:
        return self.root / WEBINARS_DIR

    def practice_files(self) -> list[Path]:
        """Every card file; a stray non-Markdown file is not a card and is left alone."""
        return _markdown_files(self.practices_dir)

    def webinar_files(self) -> list[Path]:
        return _markdown_files(self.webinars_dir)

    def is_webinar_file(self, path: Path) -> bool:
        """Files in webinars/ are webinars; any other file is checked as a card."""
        return path.resolve().parent == self._resolved_webinars_dir

    @functools.cached_property
    def _resolved_webinars_dir(self) -> Path:  # asked once per file checked
        return self.webinars_dir.resolve()

    @classmethod
    def find(cls, start: Path) -> "Project":
        start = start.resolve()
        for folder in (start, *start.parents):
            if (folder / TAXONOMY_FILE).is_file():
                return cls(folder)
        raise ProjectNotFound(
            f"geen Praktijkbank-project gevonden vanaf {start} (er is geen {TAXONOMY_FILE})"
        )


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if p.is_file())
