"""Everything a site build needs from the content, in one call the hook can make."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .pages import GeneratedPage, generate_pages
from .practices import LoadResult, load_practices
from .project import Project
from .taxonomy import Taxonomy, load_taxonomy
from .urls import SiteAddress


@dataclass(frozen=True)
class SiteContent:
    project: Project
    taxonomy: Taxonomy
    result: LoadResult
    pages: list[GeneratedPage]
    address: SiteAddress = field(default_factory=SiteAddress)  # where pages end up, for links and exports

    def watched_paths(self) -> list[Path]:
        return [self.project.practices_dir, self.project.taxonomy_path]


def load_site_content(root: Path, today: dt.date | None = None, site_url: str | None = None,
                      directory_urls: bool = True) -> SiteContent:
    """Load and check all content under ``root``; invalid cards are reported, valid ones kept.

    ``site_url`` is where the site will be published (for absolute addresses in feeds and
    open data); ``directory_urls`` is how the generator lays out pages (for links in raw
    HTML, such as the map's markers). Raises ``TaxonomyError`` when taxonomy.yml itself is broken (nothing can be checked then).
    """
    project = Project(root)
    taxonomy = load_taxonomy(project.taxonomy_path)
    result = load_practices(project.practice_files(), taxonomy, today or dt.date.today(), root=root)
    address = SiteAddress(site_url, directory_urls)
    return SiteContent(project, taxonomy, result, generate_pages(result.practices, taxonomy, address),
                       address=address)
