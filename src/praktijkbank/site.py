"""Everything a site build needs from the content, in one call the hook can make."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .exports.calendars import calendar_files
from .localtime import today_in_amsterdam
from .offline.edition import EditionError, OfflineEdition
from .pages import GeneratedPage, generate_pages
from .pages.card_text import CardTexts
from .pages.cardset import CARDSET_SRC, cardset_page
from .pages.contributing import contributor_pages
from .practices import LoadResult, load_practices
from .project import Project
from .schedule import WebinarCalendar
from .taxonomy import Taxonomy, load_taxonomy
from .urls import SiteAddress
from .webinars import load_webinars

# A fixed "today" for a build (JJJJ-MM-DD): reproducible builds, and tests of what is upcoming.
TODAY_VARIABLE = "PRAKTIJKBANK_TODAY"


class SettingError(Exception):
    """A build setting that cannot be used; the message is Dutch and says how to fix it."""


@dataclass(frozen=True)
class SiteContent:
    project: Project
    taxonomy: Taxonomy
    result: LoadResult
    pages: list[GeneratedPage]  # also the calendar files (.ics), which MkDocs copies as they are
    calendar: WebinarCalendar = field(default_factory=WebinarCalendar)
    address: SiteAddress = field(default_factory=SiteAddress)  # where pages end up, for links and exports
    edition: OfflineEdition | None = None  # set when building an offline bundle (praktijkbank export)
    # The cards' rendered texts, passed from their pages to the card set during the build.
    card_texts: CardTexts = field(default_factory=lambda: CardTexts((), CARDSET_SRC, SiteAddress()))

    def watched_paths(self) -> list[Path]:
        return [self.project.practices_dir, self.project.webinars_dir, self.project.taxonomy_path]


def build_today() -> dt.date:
    """Today in the Netherlands, or the date in PRAKTIJKBANK_TODAY when it is set (see today.py)."""
    from .today import TodayError, today

    try:
        return today()
    except TodayError as exc:
        raise SettingError(str(exc)) from None


def load_site_content(root: Path, today: dt.date | None = None, site_url: str | None = None,
                      directory_urls: bool = True, offline: Mapping | None = None) -> SiteContent:
    """Load and check all content under ``root``; invalid cards and webinars are reported, valid ones kept.

    ``site_url`` is where the site will be published (for absolute addresses in
    calendar files, feeds and open data); ``directory_urls`` is how the generator lays out
    pages (for links in raw HTML, such as the map's markers). Raises ``TaxonomyError`` when
    taxonomy.yml itself is broken (nothing can be checked then), ``SettingError`` for a bad
    PRAKTIJKBANK_TODAY. ``offline`` is the setting of an offline edition (offline/edition.py):
    every file is still checked, but only its cards, and the webinars about them, are shown.
    """
    try:
        edition = OfflineEdition.from_setting(offline)
    except EditionError as exc:
        raise SettingError(str(exc)) from None
    project = Project(root)
    taxonomy = load_taxonomy(project.taxonomy_path)
    today = today or build_today()
    result = load_practices(project.practice_files(), taxonomy, today, root=root)
    card_slugs = {p.stem for p in project.practice_files()}
    webinars = load_webinars(project.webinar_files(), taxonomy, today, card_slugs, root=root)
    # One list of problems for everything, so the hook reports them all and --strict fails on any.
    result.problems.extend(webinars.problems)
    result.files_checked += webinars.files_checked
    shown_webinars = webinars.webinars
    if edition is not None:
        kept, shown_webinars = edition.narrow(result.practices, shown_webinars)
        result = replace(result, practices=kept)
    address = SiteAddress(site_url, directory_urls)
    calendar = WebinarCalendar(tuple(shown_webinars), today, address)
    pages = generate_pages(result.practices, taxonomy, calendar, address)
    pages += [GeneratedPage(uri, ics) for uri, ics in calendar_files(calendar, result.by_slug())]
    pages += contributor_pages(result.practices, taxonomy, today)
    # The card set prints each card's public address: the live site's, also in an offline bundle.
    live = SiteAddress(edition.live_url) if edition is not None else address
    pages.append(GeneratedPage(CARDSET_SRC, cardset_page(result.practices, taxonomy, live, address)))
    card_texts = CardTexts((p.slug for p in result.practices), CARDSET_SRC, address)
    return SiteContent(project, taxonomy, result, pages, calendar, address, edition, card_texts)
