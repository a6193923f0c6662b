"""Files written next to the built site after a build: calendars, open data, feeds.

Each exporter is a function ``(content, site_dir) -> list[Path]`` that writes its
files into the built site and returns what it wrote. Add new exporters to
``EXPORTERS``; the MkDocs hook runs them all after every build.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .feed import write_feed
from .opendata import write_open_data
from .webinar_data import write_webinar_data

if TYPE_CHECKING:
    from ..site import SiteContent

Exporter = Callable[["SiteContent", Path], list[Path]]


def write_search_index(content: "SiteContent", site_dir: Path) -> list[Path]:
    # Imported here: the search index reads the generated pages, and they import this package.
    from ..search.site_index import write_search_index as write

    return write(content, site_dir)


EXPORTERS: list[Exporter] = [write_open_data, write_feed, write_webinar_data, write_search_index]


def write_exports(content: "SiteContent", site_dir: Path) -> list[Path]:
    written: list[Path] = []
    for exporter in EXPORTERS:
        written.extend(exporter(content, site_dir))
    return written
