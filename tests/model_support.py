"""The site model as a test builds it: the core alone, no site generator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from praktijkbank.sitemodel.model import BuildSettings, SiteModel, build_site_model


def load_site_model(root: Path, today: dt.date | None = None, site_url: str | None = None,
                    directory_urls: bool = True, offline: Mapping | None = None) -> SiteModel:
    return build_site_model(Path(root), BuildSettings(site_url=site_url, directory_urls=directory_urls,
                                                      offline=offline, today=today))
