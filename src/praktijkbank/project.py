"""Where a project's content lives, found from any folder inside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TAXONOMY_FILE = "taxonomy.yml"
PRACTICES_DIR = "practices"


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

    def practice_files(self) -> list[Path]:
        """Every card file; a stray non-Markdown file is not a card and is left alone."""
        if not self.practices_dir.is_dir():
            return []
        return sorted(p for p in self.practices_dir.glob("*.md") if p.is_file())

    @classmethod
    def find(cls, start: Path) -> "Project":
        start = start.resolve()
        for folder in (start, *start.parents):
            if (folder / TAXONOMY_FILE).is_file():
                return cls(folder)
        raise ProjectNotFound(
            f"geen Praktijkbank-project gevonden vanaf {start} (er is geen {TAXONOMY_FILE})"
        )
