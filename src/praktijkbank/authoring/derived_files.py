"""Files in the repository that are made from the schema and taxonomy, and kept in step.

The JSON Schemas under ``schemas/``, the issue form and the blank card for people
who edit on GitHub's website are committed so that GitHub, editors and people find
them without running our code; a test (and ``praktijkbank schema``) fails as soon
as they differ from what the code makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .issue_form import ISSUE_FORM_PATH, issue_form_text
from .json_schema import REGENERATE, SCHEMAS_DIR, all_json_schemas
from .scaffold import scaffold_card
from ..content.taxonomy import Taxonomy

__all__ = ["REGENERATE", "TEMPLATE_PATH", "Drift", "derived_files", "find_drift", "write_derived_files"]

TEMPLATE_PATH = "sjablonen/praktijkkaart.md"


def derived_files(taxonomy: Taxonomy) -> dict[str, str]:
    """Path relative to the project root -> the text the file must have."""
    files = dict(all_json_schemas(taxonomy))
    files[ISSUE_FORM_PATH] = issue_form_text(taxonomy)
    files[TEMPLATE_PATH] = scaffold_card(None, taxonomy, None)
    return files


@dataclass(frozen=True)
class Drift:
    path: str
    state: str  # "ontbreekt", "verouderd" or "overbodig"

    def text(self) -> str:
        return {
            "ontbreekt": f"{self.path} ontbreekt",
            "verouderd": f"{self.path} is verouderd: het schema of taxonomy.yml is veranderd",
            "overbodig": f"{self.path} hoort bij geen schema meer",
        }[self.state]


def _stray_schemas(root: Path, expected: dict[str, str]) -> list[str]:
    folder = root / SCHEMAS_DIR
    if not folder.is_dir():
        return []
    found = (p.relative_to(root).as_posix() for p in folder.glob("*.schema.json"))
    return sorted(path for path in found if path not in expected)


def find_drift(root: Path, taxonomy: Taxonomy) -> list[Drift]:
    """Every derived file that is missing, differs from what the code makes, or is left over."""
    expected = derived_files(taxonomy)
    drift = []
    for path, text in expected.items():
        target = root / path
        if not target.is_file():
            drift.append(Drift(path, "ontbreekt"))
        elif target.read_text(encoding="utf-8") != text:
            drift.append(Drift(path, "verouderd"))
    drift.extend(Drift(path, "overbodig") for path in _stray_schemas(root, expected))
    return drift


def write_derived_files(root: Path, taxonomy: Taxonomy) -> list[str]:
    """Bring every derived file up to date; returns what changed (written or removed)."""
    expected = derived_files(taxonomy)
    changed = []
    for item in find_drift(root, taxonomy):
        target = root / item.path
        if item.state == "overbodig":
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(expected[item.path], encoding="utf-8", newline="\n")
        changed.append(item.path)
    return changed
