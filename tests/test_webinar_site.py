"""The webinars in the built site: listing order and split for a fixed "today", cards, structured data,
and in real Chromium the re-check against the reader's clock."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest
from icalendar import Calendar

from praktijkbank.content.localtime import AMSTERDAM
from support import TODAY, line_of, mkdocs_build
from webinar_support import project_with_webinars, webinar

# Around the real four of 2022, sessions placed relative to the fixed build day TODAY (2026-12-05).
EXTRA = {
    "2026-12-03-net-geweest.md": webinar("Net geweest", "2026-12-03T10:00", "2026-12-03T11:00"),
    "2026-12-05-vandaag.md": webinar("Vandaag", "2026-12-05T10:00", "2026-12-05T11:00"),
    "2026-12-14-binnenkort.md": webinar("Binnenkort over Ruwaard", "2026-12-14T14:00", "2026-12-14T15:00",
                                        registration="https://example.org/aanmelden"),
    "2027-01-15-tijd-nog-onbekend.md": webinar("Tijd nog onbekend", "2027-01-15", None, practice="sunny-selwerd"),
}
REAL = ["2022-05-25-de-posten-enschede", "2022-04-14-selwerd-groningen", "2022-03-22-gemengd-wonen-utrecht",
        "2022-02-09-ruwaard-oss"]
UPCOMING_AT_BUILD = ["2026-12-05-vandaag", "2026-12-14-binnenkort", "2027-01-15-tijd-nog-onbekend"]
PAST_AT_BUILD = ["2026-12-03-net-geweest", *REAL]


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory):
    """The real project plus the sessions above, built strictly with PRAKTIJKBANK_TODAY fixed."""
    project = project_with_webinars(tmp_path_factory.mktemp("webinars") / "project", EXTRA)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRAKTIJKBANK_TODAY", TODAY.isoformat())
        result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, result.stderr
    return project / "site"


class _Entries(HTMLParser):
    """Ids of the webinar entries per list, in document order, and the JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.lists: dict[str, list[str]] = {}
        self.current: str | None = None
        self.depth = 0
        self.json_ld: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and (attrs.get("id") or "").startswith("pb-webinars-"):
            self.current, self.depth = attrs["id"], 0
            self.lists[self.current] = []
        elif tag == "div" and self.current:
            self.depth += 1
        if tag == "article" and self.current and "pb-webinar" in (attrs.get("class") or ""):
            self.lists[self.current].append(attrs["id"].removeprefix("webinar-"))
        self._in_json = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        if tag == "div" and self.current:
            if self.depth == 0:
                self.current = None
            else:
                self.depth -= 1
        if tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_ld.append(data)


def _entries(html: str) -> _Entries:
    parser = _Entries()
    parser.feed(html)
    return parser


# -- the build ---------------------------------------------------------------------------------------


@pytest.mark.build
def test_listing_splits_and_orders_for_the_fixed_today(dated_site):
    html = (dated_site / "webinars" / "index.html").read_text(encoding="utf-8")
    entries = _entries(html)
    assert entries.lists["pb-webinars-upcoming"] == UPCOMING_AT_BUILD, "binnenkort: eerstvolgende eerst"
    assert entries.lists["pb-webinars-past"] == PAST_AT_BUILD, "geweest: meest recente eerst"
    assert re.search(r'id="pb-webinars-none-upcoming"[^>]*hidden', html)
    assert html.index('id="binnenkort"') < html.index('id="pb-webinars-upcoming"') < html.index('id="geweest"')


@pytest.mark.build
def test_entries_say_when_in_dutch_and_link_calendar_files_that_exist(dated_site):
    html = (dated_site / "webinars" / "index.html").read_text(encoding="utf-8")
    assert "dinsdag 22 maart 2022, 14.30–15.30 uur" in html
    assert "donderdag 14 april 2022, 15.00–16.00 uur" in html
    assert "woensdag 9 februari 2022, tijd onbekend" in html
    assert "vrijdag 15 januari 2027, tijd onbekend" in html
    for stem in UPCOMING_AT_BUILD + PAST_AT_BUILD:
        assert f'href="{stem}.ics"' in html
        assert Calendar.from_ical((dated_site / "webinars" / f"{stem}.ics").read_bytes()).walk("VEVENT")
    feed = Calendar.from_ical((dated_site / "webinars" / "webinars.ics").read_bytes())
    assert len(feed.walk("VEVENT")) == len(UPCOMING_AT_BUILD + PAST_AT_BUILD)
    # Registration only while a session is still to come.
    assert html.count("https://example.org/aanmelden") == 2  # the link and its JSON-LD location
    assert 'class="pb-webinar-register"' in html


@pytest.mark.build
def test_each_practice_is_linked_from_its_webinar_and_shows_it(dated_site):
    listing = (dated_site / "webinars" / "index.html").read_text(encoding="utf-8")
    for slug in ("proeftuin-ruwaard", "gemengd-wonen-majella-wonen", "sunny-selwerd", "droomwijk-de-posten"):
        assert f'href="../praktijken/{slug}/"' in listing
    card = (dated_site / "praktijken" / "proeftuin-ruwaard" / "index.html").read_text(encoding="utf-8")
    assert 'id="webinars"' in card
    on_card = re.findall(r'<article class="pb-webinar[^"]*"[^>]*id="webinar-([^"]+)"', card)
    # Upcoming first (soonest first), then past (most recent first).
    assert on_card == ["2026-12-05-vandaag", "2026-12-14-binnenkort", "2026-12-03-net-geweest", "2022-02-09-ruwaard-oss"]
    assert 'href="../../webinars/#webinar-2022-02-09-ruwaard-oss"' in card
    assert 'href="../../webinars/2022-02-09-ruwaard-oss.ics"' in card
    housing_first = (dated_site / "praktijken" / "housing-first" / "index.html").read_text(encoding="utf-8")
    assert 'id="webinars"' not in housing_first


@pytest.mark.build
def test_every_entry_carries_schema_org_event_data(dated_site):
    html = (dated_site / "webinars" / "index.html").read_text(encoding="utf-8")
    events = {}
    for block in _entries(html).json_ld:
        data = json.loads(block)
        page, _, anchor = data["url"].partition("#webinar-")
        assert page == "" or page.endswith("/webinars/"), data["url"]  # the entry on the Webinars page
        events[anchor] = data
    assert sorted(events) == sorted(UPCOMING_AT_BUILD + PAST_AT_BUILD)
    for data in events.values():
        assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        for key in ("name", "startDate", "endDate", "url"):
            assert data[key]
    utrecht = events["2022-03-22-gemengd-wonen-utrecht"]
    assert utrecht["startDate"] == "2022-03-22T14:30+01:00" and utrecht["endDate"] == "2022-03-22T15:30+01:00"
    assert [o["name"] for o in utrecht["organizer"]] == ["Divosa", "Valente"]
    assert events["2022-04-14-selwerd-groningen"]["startDate"] == "2022-04-14T15:00+02:00"
    assert events["2022-02-09-ruwaard-oss"]["startDate"] == "2022-02-09"
    # The organiser as the source names it, no more (fact-check of 2026-12).
    assert events["2022-04-14-selwerd-groningen"]["organizer"] == [
        {"@type": "Organization", "name": "Maatschappelijke coalitie van de Actieagenda Wonen"}]
    assert "<" not in html.split('type="application/ld+json">')[1].split("</script>")[0]


@pytest.mark.build
def test_webinars_are_in_the_navigation(dated_site):
    html = (dated_site / "over" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a[^>]*href="\.\./webinars/"[^>]*class="md-nav__link|class="md-nav__link[^"]*"[^>]*href="\.\./webinars/"', html)


@pytest.mark.build
def test_strict_build_fails_on_a_broken_webinar_and_names_it(tmp_path):
    broken = webinar("Kapot", "2026-12-14T14:00", "2026-12-14T13:00", practice="ruwaard")
    project = project_with_webinars(tmp_path / "project", {"2026-12-14-kapot.md": broken})
    result = mkdocs_build(project, strict=True)
    assert result.returncode != 0
    assert (f"webinars/2026-12-14-kapot.md:{line_of(broken, 'end:')}: Einde (end): het webinar eindigt (13:00) "
            "voordat het begint (14:00)") in result.stderr
    assert (f"webinars/2026-12-14-kapot.md:{line_of(broken, 'practices:')}: Praktijk 1 (practices[1]): er is geen kaart "
            "'ruwaard'") in result.stderr


@pytest.mark.build
def test_lenient_build_keeps_the_valid_webinars(tmp_path):
    project = project_with_webinars(tmp_path / "project", {"2026-12-14-kapot.md": "---\ntitle: [kapot\n---\n"})
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "webinars/2026-12-14-kapot.md:2" in result.stderr
    site = project / "site" / "webinars"
    assert sorted(p.stem for p in site.glob("*.ics")) == sorted([*REAL, "webinars"])


# -- in the browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dated_url(dated_site, serve_folder):
    return serve_folder(dated_site)


def _ids(page, list_id: str) -> list[str]:
    """The file names of the webinars in a list, in the order the page shows them."""
    return page.eval_on_selector_all(f"#{list_id} > article.pb-webinar",
                                     "els => els.map(e => e.id.replace(/^webinar-/, ''))")


def _at(page, moment: dt.datetime) -> None:
    page.clock.install(time=moment)


@pytest.mark.browser
def test_on_the_build_day_the_build_split_stands(browser_page, dated_url):
    page, requests = browser_page
    errors = []  # a script refused by the page's Content-Security-Policy shows up here
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    _at(page, dt.datetime(2026, 12, 5, 9, 0, tzinfo=AMSTERDAM))
    page.goto(f"{dated_url}webinars/")
    page.wait_for_load_state("load")
    assert _ids(page, "pb-webinars-upcoming") == UPCOMING_AT_BUILD
    assert _ids(page, "pb-webinars-past") == PAST_AT_BUILD
    assert page.locator("#webinar-2026-12-14-binnenkort .pb-webinar-state").inner_text() == "Binnenkort"
    assert page.get_by_role("link", name="Aanmelden").is_visible()
    assert page.locator("#pb-webinars-none-upcoming").is_hidden()
    assert errors == []
    assert requests.foreign(dated_url) == [], f"verzoeken buiten de site: {requests.foreign(dated_url)}"


@pytest.mark.browser
def test_a_session_moves_to_past_when_the_browser_date_is_later(browser_page, dated_url):
    page, requests = browser_page
    # 1 December 2026, 15:30 in the Netherlands: "Binnenkort over Ruwaard" (14:00–15:00) is over.
    _at(page, dt.datetime(2026, 12, 14, 15, 30, tzinfo=AMSTERDAM))
    page.goto(f"{dated_url}webinars/")
    assert _ids(page, "pb-webinars-upcoming") == ["2027-01-15-tijd-nog-onbekend"]
    assert _ids(page, "pb-webinars-past") == ["2026-12-14-binnenkort", "2026-12-05-vandaag", *PAST_AT_BUILD]
    moved = page.locator("#webinar-2026-12-14-binnenkort")
    assert moved.locator(".pb-webinar-state").inner_text() == "Geweest"
    assert page.get_by_role("link", name="Aanmelden").count() == 0 or not page.get_by_role("link", name="Aanmelden").is_visible()
    # Its structured data travelled with it.
    assert page.eval_on_selector("#webinar-2026-12-14-binnenkort", "e => e.nextElementSibling.type") == "application/ld+json"
    assert requests.foreign(dated_url) == []


@pytest.mark.browser
def test_when_everything_is_over_the_page_says_nothing_is_planned(browser_page, dated_url):
    page, _ = browser_page
    _at(page, dt.datetime(2027, 2, 1, 12, 0, tzinfo=AMSTERDAM))
    page.goto(f"{dated_url}webinars/")
    assert _ids(page, "pb-webinars-upcoming") == []
    assert page.locator("#pb-webinars-none-upcoming").is_visible()
    assert _ids(page, "pb-webinars-past") == [*reversed(UPCOMING_AT_BUILD), *PAST_AT_BUILD]


@pytest.mark.browser
def test_a_session_of_unknown_time_stays_upcoming_all_its_day(browser_page, dated_url):
    page, _ = browser_page
    _at(page, dt.datetime(2027, 1, 15, 23, 30, tzinfo=AMSTERDAM))
    page.goto(f"{dated_url}webinars/")
    assert _ids(page, "pb-webinars-upcoming") == ["2027-01-15-tijd-nog-onbekend"]


@pytest.mark.browser
def test_the_card_relabels_a_past_session(browser_page, dated_url):
    page, _ = browser_page
    _at(page, dt.datetime(2026, 12, 15, 9, 0, tzinfo=AMSTERDAM))
    page.goto(f"{dated_url}praktijken/proeftuin-ruwaard/")
    assert page.locator("#webinar-2026-12-14-binnenkort .pb-webinar-state").inner_text() == "Geweest"


@pytest.mark.browser
def test_without_javascript_the_build_split_stands(chromium, dated_url):
    context = chromium.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{dated_url}webinars/")
        assert _ids(page, "pb-webinars-upcoming") == UPCOMING_AT_BUILD
        assert page.locator("#webinar-2026-12-14-binnenkort .pb-webinar-state").inner_text() == "Binnenkort"
    finally:
        context.close()


@pytest.mark.browser
def test_zet_in_je_agenda_downloads_a_calendar_file_in_one_click(browser_page, dated_url):
    page, requests = browser_page
    page.goto(f"{dated_url}webinars/")
    with page.expect_download() as download:
        page.locator("#webinar-2022-03-22-gemengd-wonen-utrecht").get_by_role("link", name="Zet in uw agenda").click()
    assert download.value.suggested_filename == "2022-03-22-gemengd-wonen-utrecht.ics"
    (event,) = Calendar.from_ical(open(download.value.path(), "rb").read()).walk("VEVENT")
    assert event["DTSTART"].dt == dt.datetime(2022, 3, 22, 13, 30, tzinfo=dt.timezone.utc)
    assert requests.foreign(dated_url) == []
