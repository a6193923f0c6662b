"""The "Webinars" page and the webinars on a practice's card.

Upcoming sessions come first (soonest first), past ones after (most recent
first). The split is made for the build's "today"; every entry carries the
moment it is over (``data-pb-ends``) so docs/assets/webinars.js can move it to
"Geweest" when the reader's clock has passed it. Without JavaScript the build's
split stands.
"""

from __future__ import annotations

from ..content.localtime import start_of_day, utc_text
from ..content.models import Practice, Webinar
from ..safe_html import json_ld_script
from ..schedule import WebinarCalendar, ends_at
from ..sitemodel.source import PageSource, html_block
from ..urls import SiteAddress
from .listing import card_src_uri
from .markup import attr, dutch_date, escaped, html_link, link

WEBINARS_FOLDER = "webinars"
WEBINARS_SRC = f"{WEBINARS_FOLDER}/index.md"
FEED_SRC = f"{WEBINARS_FOLDER}/webinars.ics"
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
UPCOMING, PAST = "Binnenkort", "Geweest"


def entry_id(webinar: Webinar) -> str:
    """The anchor of a webinar on a page; it starts with a letter, so it is also a CSS selector."""
    return f"webinar-{webinar.slug}"


def ics_src_uri(webinar: Webinar) -> str:
    return f"{WEBINARS_FOLDER}/{webinar.slug}.ics"


def when_text(webinar: Webinar) -> str:
    """'dinsdag 22 maart 2022, 14.30–15.30 uur', or '…, tijd onbekend'."""
    day = f"{WEEKDAYS[webinar.day.weekday()]} {dutch_date(webinar.day)}"
    if not webinar.time_known:
        return f"{day}, tijd onbekend"
    return f"{day}, {webinar.start:%H.%M}–{webinar.end:%H.%M} uur"


def _machine_time(webinar: Webinar) -> str:
    """The value of <time datetime>: with the Dutch offset of that day, or only the date."""
    return webinar.start.isoformat(timespec="minutes") if webinar.start else webinar.day.isoformat()


def _practice_links(slugs: list[str], by_slug: dict[str, Practice], from_src: str, address: SiteAddress) -> str:
    # A card that is invalid right now (reported elsewhere) is named, not linked.
    return ", ".join(
        html_link(by_slug[slug].title, address.relative(from_src, card_src_uri(slug))) if slug in by_slug
        else escaped(slug)
        for slug in slugs
    )


def _and_list(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def webinar_entry(webinar: Webinar, calendar: WebinarCalendar, by_slug: dict[str, Practice],
                  from_src: str, on_card_of: str | None = None) -> str:
    """One session as finished HTML: when, what, who, links. On a card
    (``on_card_of``) its title links to the listing."""
    address = calendar.address
    upcoming = calendar.is_upcoming(webinar)
    facts = []
    if on_card_of is None:
        title = escaped(webinar.title)
        facts.append(("Over", _practice_links(list(webinar.practices), by_slug, from_src, address)))
    else:
        title = html_link(webinar.title, f"{address.relative(from_src, WEBINARS_SRC)}#{entry_id(webinar)}")
        others = [slug for slug in webinar.practices if slug != on_card_of]
        if others:
            facts.append(("Ook over", _practice_links(others, by_slug, from_src, address)))
    facts.append(("Organisatie", escaped(_and_list(webinar.organisers)) if webinar.organisers else "niet bekend"))
    sources = "; ".join(f"{html_link(s.title, s.url)} ({escaped(s.publisher)})" for s in webinar.sources)
    facts.append(("Bron", sources))
    rows = "\n".join(f"<dt>{label}</dt>\n<dd>{value}</dd>" for label, value in facts)
    ics = attr(address.relative_file(from_src, ics_src_uri(webinar)))
    actions = [f'<li><a href="{ics}" download="{attr(webinar.slug)}.ics">Zet in uw agenda</a></li>']
    if webinar.registration and upcoming:  # the script hides it once the session is over
        actions.append(f'<li class="pb-webinar-register">{html_link("Aanmelden", webinar.registration)}</li>')
    if webinar.recording:
        actions.append(f"<li>{html_link('Terugkijken', webinar.recording)}</li>")
    state = UPCOMING if upcoming else PAST
    classes = "pb-webinar" if upcoming else "pb-webinar pb-webinar--past"
    return (
        f'<article class="{classes}" id="{entry_id(webinar)}" '
        f'data-pb-start="{_utc_start(webinar)}" data-pb-ends="{utc_text(ends_at(webinar))}">\n'
        # An id makes each session a section of its own for Material's search of this page.
        f'<h3 class="pb-webinar-title" id="{entry_id(webinar)}-titel">{title}</h3>\n'
        f'<p class="pb-webinar-when"><time datetime="{_machine_time(webinar)}">{attr(when_text(webinar))}</time>'
        f' <span class="pb-webinar-state">{state}</span></p>\n'
        f'<p class="pb-webinar-description">{escaped(webinar.description)}</p>\n'
        f'<dl class="pb-webinar-facts">\n{rows}\n</dl>\n'
        f'<ul class="pb-webinar-actions">\n{chr(10).join(actions)}\n</ul>\n'
        "</article>"
    )


def _utc_start(webinar: Webinar) -> str:
    return utc_text(webinar.start or start_of_day(webinar.day))


def event_json_ld(webinar: Webinar, calendar: WebinarCalendar, by_slug: dict[str, Practice]) -> str:
    """schema.org ``Event`` as a JSON-LD data block (never executed; safe inside HTML)."""
    listing_url = calendar.address.absolute_page(WEBINARS_SRC)
    entry_url = f"{listing_url or ''}#{entry_id(webinar)}"  # relative to the page itself when the address is unknown
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": webinar.title,
        "description": webinar.description,
        "startDate": _machine_time(webinar) if webinar.start else webinar.day.isoformat(),
        "endDate": webinar.end.isoformat(timespec="minutes") if webinar.end else webinar.day.isoformat(),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "inLanguage": "nl",
        "url": entry_url,
    }
    if webinar.organisers:
        data["organizer"] = [{"@type": "Organization", "name": name} for name in webinar.organisers]
    about = []
    for slug in webinar.practices:
        if slug in by_slug:
            thing = {"@type": "Thing", "name": by_slug[slug].title}
            url = calendar.address.absolute_page(card_src_uri(slug))
            if url:
                thing["url"] = url
            about.append(thing)
    if about:
        data["about"] = about
    if webinar.recording:
        data["recordedIn"] = {"@type": "CreativeWork", "url": webinar.recording}
    if webinar.registration and calendar.is_upcoming(webinar):
        data["location"] = {"@type": "VirtualLocation", "url": webinar.registration}
    return json_ld_script(data, indent=1) + "\n"


def _section(webinars: list[Webinar], calendar: WebinarCalendar, by_slug: dict[str, Practice],
             key: str, empty: str):
    entries = "\n".join(
        webinar_entry(w, calendar, by_slug, WEBINARS_SRC) + "\n" + event_json_ld(w, calendar, by_slug)
        for w in webinars
    )
    hidden = " hidden" if webinars else ""
    return html_block(
        f'<div class="pb-webinars" id="pb-webinars-{key}">\n{entries}\n</div>\n'
        f'<p class="pb-webinars-none" id="pb-webinars-none-{key}"{hidden}>{empty}</p>',
        anchors=tuple(a for w in webinars for a in (entry_id(w), f"{entry_id(w)}-titel")),
    )


def webinars_page(calendar: WebinarCalendar, by_slug: dict[str, Practice]) -> PageSource:
    upcoming, past = calendar.split()
    feed = link("alle webinars in één agendabestand", FEED_SRC, WEBINARS_SRC) + '{: download="webinars.ics" }'
    return PageSource.of(WEBINARS_SRC, {
        "title": "Webinars", "hide": ["toc"],
        "description": "Webinars over de praktijken in de Praktijkbank: wat eraan komt en wat "
                       "er is geweest, met opnames waar die er zijn."}, [
        "# Webinars\n",
        "Webinars over de praktijken in de Praktijkbank. Wat eraan komt staat bovenaan, daarna wat er is "
        "geweest. Alle tijden zijn Nederlandse tijd. *Zet in uw agenda* geeft een agendabestand (.ics) "
        f"dat elke agenda-app kan openen; er is ook {feed}.\n",
        f"## {UPCOMING}\n",
        _section(upcoming, calendar, by_slug, "upcoming", "Er staan nu geen webinars gepland."),
        f"## {PAST}\n",
        _section(past, calendar, by_slug, "past", "Er zijn nog geen webinars geweest."),
    ])


def webinars_section(practice: Practice, calendar: WebinarCalendar | None, by_slug: dict[str, Practice]) -> list:
    """The webinars about a practice, for its card (nothing when there are none)."""
    webinars = calendar.about(practice.slug) if calendar else []
    if not webinars:
        return []
    src = card_src_uri(practice.slug)
    entries = "\n".join(webinar_entry(w, calendar, by_slug, src, on_card_of=practice.slug) for w in webinars)
    return ["## Webinars\n", html_block(f'<div class="pb-webinars">\n{entries}\n</div>',
                                         anchors=tuple(entry_id(w) for w in webinars))]
