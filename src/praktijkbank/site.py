"""Everything a site build needs from the content, in one call the hook can make."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .pages import GeneratedPage, generate_pages
from .practices import LoadResult, load_practices
from .project import Project
from .taxonomy import Taxonomy, load_taxonomy


@dataclass(frozen=True)
class SiteContent:
    project: Project
    taxonomy: Taxonomy
    result: LoadResult
    pages: list[GeneratedPage]

    def watched_paths(self) -> list[Path]:
        return [self.project.practices_dir, self.project.taxonomy_path]


def load_site_content(root: Path, today: dt.date | None = None) -> SiteContent:
    """Load and check all content under ``root``; invalid cards are reported, valid ones kept.

    Raises ``TaxonomyError`` when taxonomy.yml itself is broken (nothing can be checked then).
    """
    project = Project(root)
    taxonomy = load_taxonomy(project.taxonomy_path)
    result = load_practices(project.practice_files(), taxonomy, today or dt.date.today(), root=root)
    return SiteContent(project, taxonomy, result, generate_pages(result.practices, taxonomy))
