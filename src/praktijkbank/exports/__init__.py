"""Files written next to the built site after a build: calendars' data, open data, feeds.

Each exporter is a function ``(model, site_dir) -> list[Path]`` that writes its files into
the built site from the site model and returns what it wrote. Add new exporters to
``EXPORTERS``; the adapter runs them all after every build, and then the search index
(``search/site_index.py``), which also needs the hand-written pages the generator rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .feed import write_feed
from .opendata import write_open_data
from .webinar_data import write_webinar_data

if TYPE_CHECKING:
    from ..sitemodel.model import SiteModel

Exporter = Callable[["SiteModel", Path], list[Path]]

EXPORTERS: list[Exporter] = [write_open_data, write_feed, write_webinar_data]


def write_exports(model: "SiteModel", site_dir: Path) -> list[Path]:
    written: list[Path] = []
    for exporter in EXPORTERS:
        written.extend(exporter(model, site_dir))
    return written
