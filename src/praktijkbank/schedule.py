"""Which webinars are still to come, decided for a given day.

The build knows only the date ("today" is injected, so tests can fix it); a
session on today's date still counts as coming. In the browser a small script
(docs/assets/webinars.js) checks again against the clock, using the moment
each session is over (``ends_at``), so a site built months ago does not
advertise a past session.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from .content.localtime import start_of_day
from .content.models import Webinar
from .content.today import today as todays_date
from .urls import SiteAddress


def ends_at(webinar: Webinar) -> dt.datetime:
    """When the session is over: its end, or (time unknown) the end of its day in the Netherlands."""
    if webinar.end is not None:
        return webinar.end
    return start_of_day(webinar.day + dt.timedelta(days=1))


def is_upcoming(webinar: Webinar, today: dt.date) -> bool:
    return webinar.day >= today


def split(webinars: list[Webinar], today: dt.date) -> tuple[list[Webinar], list[Webinar]]:
    """(upcoming, soonest first; past, most recent first)."""
    chronological = sorted(webinars, key=lambda w: w.sort_key)
    upcoming = [w for w in chronological if is_upcoming(w, today)]
    past = [w for w in reversed(chronological) if not is_upcoming(w, today)]
    return upcoming, past


@dataclass(frozen=True)
class WebinarCalendar:
    """All valid webinars, the day the build decides for, and where the site will live.

    Calendar files need full addresses; without a known ``site_url`` in ``address``
    they carry none rather than a made-up one.
    """

    webinars: tuple[Webinar, ...] = ()
    today: dt.date = field(default_factory=todays_date)  # PRAKTIJKBANK_TODAY, or today in the Netherlands
    address: SiteAddress = field(default_factory=SiteAddress)

    def split(self) -> tuple[list[Webinar], list[Webinar]]:
        return split(list(self.webinars), self.today)

    def about(self, practice_slug: str) -> list[Webinar]:
        """The webinars about one practice: upcoming (soonest first), then past (most recent first)."""
        return list(self._by_practice.get(practice_slug, ()))

    @functools.cached_property
    def _by_practice(self) -> dict[str, list[Webinar]]:
        """Sorted once, not once per card (a build asks for every card)."""
        upcoming, past = self.split()
        by_practice: dict[str, list[Webinar]] = {}
        for webinar in upcoming + past:
            for slug in dict.fromkeys(webinar.practices):
                by_practice.setdefault(slug, []).append(webinar)
        return by_practice

    def is_upcoming(self, webinar: Webinar) -> bool:
        return is_upcoming(webinar, self.today)
