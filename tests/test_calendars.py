"""Calendar files: every generated .ics parsed back with the icalendar library, times checked in UTC."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from praktijkbank.exports.calendars import webinar_uid
from praktijkbank.content.project import Project
from model_support import load_site_model as load_site_content
from support import ROOT, TODAY
from webinar_support import project_with_webinars, webinar

UTC = dt.timezone.utc
SITE = "https://praktijkbank.example/"  # a test address: only to check that URLs are absolute


def _ics_files(content) -> dict[str, str]:
    return {file.src_uri: file.content for file in content.files if file.src_uri.endswith(".ics")}


@pytest.fixture(scope="module")
def real_files():
    return _ics_files(load_site_content(ROOT, today=TODAY))


def _events(text: str) -> list:
    return Calendar.from_ical(text).walk("VEVENT")


def _by_day(files: dict[str, str]) -> dict[str, object]:
    """The event of each single-webinar file, by the date its file name starts with."""
    return {uri.split("/")[1][:10]: _events(text)[0] for uri, text in files.items() if not uri.endswith("webinars.ics")}


def test_one_file_per_webinar_and_a_feed_with_all(real_files):
    stems = sorted(p.stem for p in Project(ROOT).webinar_files())
    assert sorted(real_files) == sorted([f"webinars/{s}.ics" for s in stems] + ["webinars/webinars.ics"])
    feed = _events(real_files["webinars/webinars.ics"])
    assert len(feed) == len(stems)
    for uri, text in real_files.items():
        calendar = Calendar.from_ical(text)
        assert str(calendar["VERSION"]) == "2.0"
        assert "Praktijkbank" in str(calendar["PRODID"])
        for event in calendar.walk("VEVENT"):
            for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
                assert required in event, f"{uri}: {required} ontbreekt"
            stamp = event["DTSTAMP"].dt
            assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0), "DTSTAMP in UTC"


def test_times_are_right_in_utc_across_daylight_saving(real_files):
    events = _by_day(real_files)
    # 22 March 2022: still winter time (+01:00); 14 April and 25 May: summer time (+02:00).
    expected = {
        "2022-03-22": (dt.datetime(2022, 3, 22, 13, 30, tzinfo=UTC), dt.datetime(2022, 3, 22, 14, 30, tzinfo=UTC)),
        "2022-04-14": (dt.datetime(2022, 4, 14, 13, 0, tzinfo=UTC), dt.datetime(2022, 4, 14, 14, 0, tzinfo=UTC)),
        "2022-05-25": (dt.datetime(2022, 5, 25, 12, 30, tzinfo=UTC), dt.datetime(2022, 5, 25, 13, 30, tzinfo=UTC)),
    }
    for day, (start, end) in expected.items():
        event = events[day]
        assert event["DTSTART"].dt == start and event["DTSTART"].dt.utcoffset() == dt.timedelta(0)
        assert event["DTEND"].dt == end
    for text in real_files.values():  # written as UTC, so no client has to interpret a time zone
        assert "TZID" not in text and "VTIMEZONE" not in text
        assert "DTSTART:20220322T133000Z" in text or "20220322" not in text


def test_webinar_without_a_known_time_is_an_all_day_event_that_says_so(real_files):
    event = _by_day(real_files)["2022-02-09"]
    assert event["DTSTART"].dt == dt.date(2022, 2, 9) and not isinstance(event["DTSTART"].dt, dt.datetime)
    assert event["DTEND"].dt == dt.date(2022, 2, 10)  # exclusive: that one day
    assert "tijd onbekend" in str(event["SUMMARY"])
    assert "de bron noemt geen tijd" in str(event["DESCRIPTION"])
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_uids_are_stable_unique_and_come_from_the_file_name(real_files):
    events = _by_day(real_files)
    uids = [str(e["UID"]) for e in events.values()]
    assert len(set(uids)) == len(uids)
    again = _by_day(_ics_files(load_site_content(ROOT, today=TODAY + dt.timedelta(days=40))))
    assert [str(e["UID"]) for e in again.values()] == uids
    webinars = {w.day.isoformat(): w for w in load_site_content(ROOT, today=TODAY).calendar.webinars}
    for day, event in events.items():
        assert str(event["UID"]) == webinar_uid(webinars[day])


def test_files_are_byte_for_byte_reproducible(real_files):
    assert _ics_files(load_site_content(ROOT, today=TODAY)) == real_files


def test_dtstamp_is_the_last_review_of_the_webinar(real_files):
    webinars = {w.day.isoformat(): w for w in load_site_content(ROOT, today=TODAY).calendar.webinars}
    for day, event in _by_day(real_files).items():
        reviewed = webinars[day].last_reviewed
        assert event["DTSTAMP"].dt == dt.datetime.combine(reviewed, dt.time(0), tzinfo=UTC)


def test_rfc_5545_lines_crlf_and_at_most_75_octets(real_files):
    for uri, text in real_files.items():
        assert text.endswith("\r\n")
        lines = text.split("\r\n")[:-1]
        assert all("\n" not in line and "\r" not in line for line in lines), uri
        assert all(len(line.encode("utf-8")) <= 75 for line in lines), uri
        assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"


def test_url_is_the_practice_page_when_the_site_address_is_known():
    content = load_site_content(ROOT, today=TODAY, site_url=SITE)
    event = _by_day(_ics_files(content))["2022-03-22"]
    assert str(event["URL"]) == f"{SITE}praktijken/gemengd-wonen-majella-wonen/"
    assert f"{SITE}praktijken/gemengd-wonen-majella-wonen/" in str(event["DESCRIPTION"])


def test_no_url_is_made_up_when_the_site_address_is_unknown(real_files):
    for text in real_files.values():
        for event in _events(text):
            assert "URL" not in event


def test_both_sides_of_a_clock_change_in_utc(tmp_path):
    """Sessions on the mornings the clocks change, and the days around them."""
    files = {
        "2026-03-28-voor-de-zomertijd.md": webinar("Zaterdag", "2026-03-28T10:00", "2026-03-28T11:00"),
        "2026-03-29-dag-van-de-zomertijd.md": webinar("Zondag maart", "2026-03-29T10:00", "2026-03-29T11:00"),
        "2026-10-25-dag-van-de-wintertijd.md": webinar("Zondag oktober", "2026-10-25T10:00", "2026-10-25T11:00"),
        "2026-10-26-na-de-wintertijd.md": webinar("Maandag", "2026-10-26T10:00", "2026-10-26T11:00"),
    }
    project = project_with_webinars(tmp_path / "project", files)
    content = load_site_content(project, today=TODAY)
    assert content.result.errors == []
    events = _by_day(_ics_files(content))
    assert events["2026-03-28"]["DTSTART"].dt == dt.datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    assert events["2026-03-29"]["DTSTART"].dt == dt.datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert events["2026-10-25"]["DTSTART"].dt == dt.datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert events["2026-10-26"]["DTSTART"].dt == dt.datetime(2026, 10, 26, 9, 0, tzinfo=UTC)


def test_the_feed_is_for_subscribing(real_files):
    feed = Calendar.from_ical(real_files["webinars/webinars.ics"])
    assert str(feed["X-WR-CALNAME"]) == "Praktijkbank: webinars"
    assert "REFRESH-INTERVAL" in feed
    starts = [e["DTSTART"].dt for e in feed.walk("VEVENT")]
    as_dates = [s.date() if isinstance(s, dt.datetime) else s for s in starts]
    assert as_dates == sorted(as_dates), "oudste eerst"
