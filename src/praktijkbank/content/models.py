"""Typed models of the content. Past loading, no code touches raw front matter dicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    scope: str
    municipality: str | None = None
    neighbourhood: str | None = None
    province: str | None = None
    also_in: tuple[str, ...] = ()

    @property
    def is_national(self) -> bool:
        return self.scope == "landelijk"

    def label(self) -> str:
        """'Ruwaard, Oss' or 'Landelijk' (a card's place in one line)."""
        if self.is_national:
            return "Landelijk"
        parts = [p for p in (self.neighbourhood, self.municipality) if p]
        return ", ".join(parts)


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float


@dataclass(frozen=True)
class Partner:
    name: str
    role: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    publisher: str
    date: dt.date | None = None
    research: bool = False  # this source is the research the card's evidence rests on


@dataclass(frozen=True)
class Figure:
    """A number about the practice's scale or money, with the source that gives it."""

    what: str  # a key of the vocabulary figure_kinds
    value: float | int  # a whole number stays an int
    source: int  # the number of the source on the card, 1 for the first
    year: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Contact:
    organisation: str
    url: str | None = None


@dataclass(frozen=True)
class Practice:
    slug: str
    source_path: str  # the card file, relative to the project root
    title: str
    summary: str
    place: Place
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    partners: tuple[Partner, ...]
    status: str
    evidence: str
    sources: tuple[Source, ...]
    contact: Contact
    last_reviewed: dt.date
    body: str
    body_line: int = 1  # the line of the card file on which ``body`` starts
    coordinates: Coordinates | None = None
    started: int | None = None
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    researchers: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def partner_roles(self) -> tuple[str, ...]:
        """Distinct roles, in order of first appearance."""
        return tuple(dict.fromkeys(p.role for p in self.partners))

    @property
    def province(self) -> str | None:
        return self.place.province


@dataclass(frozen=True)
class Webinar:
    """One webinar session. Times are aware datetimes in Europe/Amsterdam.

    ``start``/``end`` are None when the source gives no time: then only ``day``
    is known and the site says "tijd onbekend" instead of inventing one.
    """

    slug: str  # the file name without .md: '2022-03-22-gemengd-wonen-utrecht'
    source_path: str  # the webinar file, relative to the project root
    title: str
    day: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    practices: tuple[str, ...]
    description: str
    sources: tuple[Source, ...]
    last_reviewed: dt.date
    organisers: tuple[str, ...] = ()
    registration: str | None = None
    recording: str | None = None

    @property
    def time_known(self) -> bool:
        return self.start is not None

    @property
    def sort_key(self) -> tuple[dt.date, str, str]:
        """Chronological: by day, then start time in the Netherlands (unknown first), then file name."""
        clock = self.start.strftime("%H:%M") if self.start else ""
        return (self.day, clock, self.slug)
