"""Where a project's content lives, found from any folder inside it."""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable
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

    def is_webinar_file(self, path: Path, resolve: Callable[[Path], Path] = Path.resolve) -> bool:
        """Files in webinars/ are webinars; any other file is checked as a card.

        ``resolve`` gives a file's real path (a ``FileResolver`` when there are many files).
        """
        return resolve(path).parent == self._resolved_webinars_dir

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


class FileResolver:
    """``Path.resolve()`` of many files in a few folders, resolving each folder once.

    Resolving walks every folder of a path, and checking a thousand cards asks for the real
    path of every file (to show it relative to the project, to tell cards from webinars). A
    file that is itself a symbolic link, or anything unusual, is resolved in full as before.
    Meant for one run over a set of files: it remembers each folder's real path. With the
    cached roots in practices.py, 8.8 % of the check at 1,000 cards (bench/README.md, C9).
    """

    def __init__(self) -> None:
        # Keyed by the path as text: a Path hashes its parts anew on every look-up.
        self._folders: dict[str, Path] = {}
        self._files: dict[str, Path] = {}  # a file is asked for more than once

    def __call__(self, path: Path) -> Path:
        key = os.fspath(path)
        if key not in self._files:
            self._files[key] = self._resolve(path, key)
        return self._files[key]

    def _resolve(self, path: Path, text: str) -> Path:
        folder, name = os.path.split(text)
        if name in ("", ".", ".."):
            return path.resolve()
        try:
            if stat.S_ISLNK(os.lstat(text).st_mode):
                return path.resolve()
        except OSError:
            pass  # not there (yet): resolve() leaves the name as it is, and so do we
        if folder not in self._folders:
            try:
                self._folders[folder] = Path(folder or os.curdir).resolve()
            except (OSError, RuntimeError):  # a symlink loop, a folder gone: as resolve() says it
                return path.resolve()
        return self._folders[folder] / name


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.is_file())
