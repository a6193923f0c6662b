"""Calendar files (RFC 5545): one .ics per webinar ("Zet in uw agenda") and one feed with all.

Built with the maintained ``icalendar`` library, never by joining strings. The
choices, so that the files are correct and the same content always gives the
same bytes:

- Times are written in UTC (``DTSTART:20220322T133000Z``): the conversion from
  Dutch time, daylight saving included, is done once here with the tz database,
  and no client has to interpret a ``VTIMEZONE``.
- A webinar whose time the source does not give becomes an all-day event on its
  date (``VALUE=DATE``, free time), with "tijd onbekend" in its title and
  description: no invented hour in anyone's agenda.
- ``UID`` is a UUID derived from the file name, so it stays the same from build
  to build and a calendar updates the event instead of adding a second one.
- ``DTSTAMP`` (and ``LAST-MODIFIED``) is the webinar's ``last_reviewed`` date at
  00:00 UTC. Without a ``METHOD`` RFC 5545 defines ``DTSTAMP`` as when the
  information was last revised, which is exactly that field; the build time would
  make every build differ and tell calendars nothing.
- ``URL`` is the page of the practice the webinar is about, when the site's
  address (``site_url`` in mkdocs.yml) is known; otherwise it is left out rather
  than guessed. ``ORGANIZER`` needs an e-mail address, which the sources do not
  give, so the organisers are named in the description instead.
"""

from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Calendar, Event

from ..content.localtime import UTC
from ..content.models import Practice, Webinar
from ..pages.listing import card_src_uri
from ..pages.webinars import FEED_SRC, ics_src_uri, when_text
from ..schedule import WebinarCalendar

PRODUCT_ID = "-//Praktijkbank Wonen Zorg en Welzijn//Webinars//NL"
FEED_NAME = "Praktijkbank: webinars"
# A fixed namespace: the UID of a webinar depends on its file name only.
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "praktijkbank:webinars")


def webinar_uid(webinar: Webinar) -> str:
    return str(uuid.uuid5(_UID_NAMESPACE, webinar.slug))


def _revised(webinar: Webinar) -> dt.datetime:
    return dt.datetime.combine(webinar.last_reviewed, dt.time(0, 0), tzinfo=UTC)


def _description(webinar: Webinar, calendar: WebinarCalendar, by_slug: dict[str, Practice]) -> str:
    lines = [webinar.description, "", when_text(webinar) + ("" if webinar.time_known else " (de bron noemt geen tijd)")]
    for slug in webinar.practices:
        title = by_slug[slug].title if slug in by_slug else slug
        url = calendar.address.absolute_page(card_src_uri(slug))
        lines.append(f"Over: {title}" + (f" – {url}" if url else ""))
    if webinar.organisers:
        lines.append("Organisatie: " + ", ".join(webinar.organisers))
    if webinar.registration:
        lines.append(f"Aanmelden: {webinar.registration}")
    if webinar.recording:
        lines.append(f"Terugkijken: {webinar.recording}")
    for source in webinar.sources:
        lines.append(f"Bron: {source.title} ({source.publisher}) – {source.url}")
    return "\n".join(lines)


def webinar_event(webinar: Webinar, calendar: WebinarCalendar, by_slug: dict[str, Practice]) -> Event:
    event = Event()
    event.add("uid", webinar_uid(webinar))
    event.add("dtstamp", _revised(webinar))
    event.add("last-modified", _revised(webinar))
    if webinar.time_known:
        event.add("summary", webinar.title)
        event.add("dtstart", webinar.start.astimezone(UTC))
        event.add("dtend", webinar.end.astimezone(UTC))
    else:
        event.add("summary", f"{webinar.title} (tijd onbekend)")
        event.add("dtstart", webinar.day)
        event.add("dtend", webinar.day + dt.timedelta(days=1))  # DTEND of a date is exclusive
        event.add("transp", "TRANSPARENT")  # a whole day, but it does not block the agenda
    event.add("description", _description(webinar, calendar, by_slug))
    event.add("location", "Online")
    event.add("categories", ["Webinar"])
    event.add("class", "PUBLIC")
    url = calendar.address.absolute_page(card_src_uri(webinar.practices[0]))
    if url:
        event.add("url", url)
    return event


def _calendar(name: str, events: list[Event], feed: bool) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)  # the same, for clients that predate RFC 7986
    if feed:
        # Subscribers look again once a day (RFC 7986, and Outlook's own property).
        cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "P1D")
    for event in events:
        cal.add_component(event)
    return cal


def calendar_files(calendar: WebinarCalendar, by_slug: dict[str, Practice]) -> list[tuple[str, str]]:
    """(site path, iCalendar text) for every webinar and for the feed of all, oldest first."""
    chronological = sorted(calendar.webinars, key=lambda w: w.sort_key)
    files = []
    events = []
    for webinar in chronological:
        event = webinar_event(webinar, calendar, by_slug)
        events.append(event)
        files.append((ics_src_uri(webinar), _calendar(webinar.title, [event], feed=False).to_ical().decode("utf-8")))
    files.append((FEED_SRC, _calendar(FEED_NAME, events, feed=True).to_ical().decode("utf-8")))
    return files
