"""Webinar files: every bad input reported with file, line, field and a Dutch message; the real four.

Checked by the same machinery as cards (schema, ``FieldChecker``, problem log);
these tests cover what a webinar adds: Dutch local times, start and end that fit
together, a time that is unknown instead of invented, and practices that exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from praktijkbank.content.localtime import AMSTERDAM, UTC
from praktijkbank.checks.problems import Problem
from praktijkbank.content.project import Project
from model_support import load_site_model as load_site_content
from praktijkbank.sitemodel.model import SettingError
from praktijkbank.content.webinars import load_webinars
from support import ROOT, TODAY, line_of, run_cli
from webinar_support import CARD_SLUGS, VALID_WEBINAR, project_with_webinars

NAME = "2022-03-22-voorbeeld.md"
DISPLAY = f"webinars/{NAME}"


def changed(old: str, new: str, text: str = VALID_WEBINAR) -> str:
    assert old in text, f"{old!r} staat niet in het webinar"
    return text.replace(old, new, 1)


def texts(problems: list[Problem]) -> str:
    return "\n".join(p.text() for p in problems) or "(geen problemen)"


def check(tmp_path: Path, taxonomy, files: dict[str, str | bytes]):
    folder = tmp_path / "webinars"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    return load_webinars(sorted(folder.glob("*.md")), taxonomy, TODAY, CARD_SLUGS, root=tmp_path)


@dataclass(frozen=True)
class Bad:
    id: str
    content: str
    field: str
    message: str  # a key part of the Dutch message
    at: str | None = None  # a fragment on the line the problem points at (else line 1)
    allowed: str = ""  # a key part of what is allowed
    suggestion: str = ""
    name: str = NAME


BAD_WEBINARS = [
    # End before start, and its near relatives.
    Bad("eind-voor-begin", changed("end: 2022-03-22T15:30", "end: 2022-03-22T14:00"), "end",
        "het webinar eindigt (14:00) voordat het begint (14:30)", at="end:", allowed="end ligt na start"),
    Bad("eind-gelijk-aan-begin", changed("end: 2022-03-22T15:30", "end: 2022-03-22T14:30"), "end",
        "eindigt op het moment dat het begint", at="end:"),
    Bad("eind-andere-dag", changed("end: 2022-03-22T15:30", "end: 2022-03-23T15:30"), "end",
        "eindigt op een andere dag (2022-03-23) dan het begint (2022-03-22)", at="end:"),
    # Impossible dates and times.
    Bad("onmogelijke-datum", changed("start: 2022-03-22T14:30", "start: 2022-02-30T14:30"), "start",
        "2022-02-30 is geen bestaande datum", at="start:"),
    Bad("onmogelijke-datum-met-seconden", changed("start: 2022-03-22T14:30", "start: 2022-02-30T14:30:00"),
        "start", "is geen bestaande datum", at="start:"),
    Bad("onmogelijke-tijd", changed("end: 2022-03-22T15:30", "end: 2022-03-22T25:30"), "end",
        "25:30 is geen bestaande tijd", at="end:", allowed="uren 0 tot 23"),
    Bad("onmogelijke-minuten", changed("start: 2022-03-22T14:30", "start: 2022-03-22T14:75"), "start",
        "14:75 is geen bestaande tijd", at="start:"),
    Bad("zomertijd-gat", changed("start: 2022-03-22T14:30\nend: 2022-03-22T15:30",
                                 "start: 2022-03-27T02:30\nend: 2022-03-27T04:00"), "start",
        "2022-03-27 02:30 bestaat niet in Nederland", at="start:", allowed="buiten het overgeslagen uur"),
    Bad("wintertijd-dubbel", changed("start: 2022-03-22T14:30\nend: 2022-03-22T15:30",
                                     "start: 2022-10-30T02:30\nend: 2022-10-30T04:00"), "start",
        "2022-10-30 02:30 komt in Nederland twee keer voor", at="start:"),
    Bad("tijdzone-erbij", changed("start: 2022-03-22T14:30", "start: 2022-03-22T14:30+01:00"), "start",
        "heeft een tijdzone erbij", at="start:", allowed="zonder Z of +01:00"),
    Bad("tijdzone-yaml", changed("start: 2022-03-22T14:30", "start: 2022-03-22T13:30:00Z"), "start",
        "heeft een tijdzone erbij", at="start:", allowed="zonder Z of +01:00"),
    Bad("alleen-een-tijd", changed("start: 2022-03-22T14:30", "start: 14:30"), "start",
        "moet een datum met tijd (JJJJ-MM-DDTUU:MM) zijn, maar is een getal", at="start:"),
    Bad("geen-datum", changed("start: 2022-03-22T14:30", "start: dinsdag 22 maart"), "start",
        "'dinsdag 22 maart' is geen datum met tijd", at="start:"),
    # A missing time written as if it were known.
    Bad("datum-zonder-tijd", changed("start: 2022-03-22T14:30\nend: 2022-03-22T15:30\n", "start: 2022-03-22\n"),
        "start", "bij start staat alleen een datum (2022-03-22), geen tijd", at="start:",
        allowed="zet time_known: false"),
    Bad("middernacht-als-tijd", changed("start: 2022-03-22T14:30", "start: 2022-03-22T00:00"), "start",
        "00:00 (middernacht) is geen begintijd", at="start:", allowed="time_known: false"),
    Bad("begin-zonder-eind", changed("end: 2022-03-22T15:30\n", ""), "end",
        "verplicht veld ontbreekt: bij een bekende begintijd hoort een eindtijd", at="start:"),
    Bad("eind-zonder-tijd", changed("end: 2022-03-22T15:30", "end: 2022-03-22"), "end",
        "bij end staat alleen een datum", at="end:"),
    Bad("onbekend-maar-met-tijd", changed("end: 2022-03-22T15:30\n", "time_known: false\n"), "start",
        "time_known is false, maar start heeft een tijd (14:30)", at="start:"),
    Bad("onbekend-maar-met-eind", changed("start: 2022-03-22T14:30\n", "start: 2022-03-22\ntime_known: false\n"),
        "end", "een eindtijd bij een webinar waarvan de tijd onbekend is", at="end:"),
    Bad("time-known-als-tekst", changed("end: 2022-03-22T15:30\n", "time_known: nee\n",
                                        changed("start: 2022-03-22T14:30", "start: 2022-03-22")),
        "time_known", "moet true of false zijn, maar is 'nee'", at="time_known:"),
    # Practices that do not exist.
    Bad("onbekende-praktijk", changed("[gemengd-wonen-majella-wonen]", "[gemengd-wonen-majela-wonen]"),
        "practices[1]", "er is geen kaart 'gemengd-wonen-majela-wonen'", at="practices:",
        suggestion="gemengd-wonen-majella-wonen"),
    Bad("tweede-praktijk-onbekend",
        changed("practices: [gemengd-wonen-majella-wonen]", "practices:\n  - gemengd-wonen-majella-wonen\n  - ruwaard"),
        "practices[2]", "er is geen kaart 'ruwaard'", at="  - ruwaard", suggestion="proeftuin-ruwaard"),
    Bad("praktijk-met-md", changed("[gemengd-wonen-majella-wonen]", "[gemengd-wonen-majella-wonen.md]"),
        "practices[1]", "is geen kaartnaam", at="practices:"),
    Bad("geen-praktijken", changed("[gemengd-wonen-majella-wonen]", "[]"), "practices",
        "verplicht veld is leeg", at="practices:"),
    # Addresses: http(s) only, complete.
    Bad("aanmelden-javascript", changed("https://example.org/aanmelden", "javascript:alert(1)"), "registration",
        "alleen http- en https-adressen zijn toegestaan", at="registration:"),
    Bad("opname-ftp", changed("registration: https://example.org/aanmelden", "recording: ftp://example.org/opname"),
        "recording", "alleen http- en https-adressen", at="recording:"),
    Bad("opname-zonder-https", changed("registration: https://example.org/aanmelden", "recording: www.example.org/opname"),
        "recording", "geen volledig webadres", at="recording:"),
    # Required fields, unknown fields, content that could run script.
    Bad("geen-titel", changed("title: Voorbeeldwebinar\n", ""), "title", "verplicht veld ontbreekt", at="---"),
    Bad("geen-beschrijving", changed("description: Een korte beschrijving van een voorbeeldwebinar.", "description:"),
        "description", "verplicht veld is leeg", at="description:"),
    Bad("geen-bronnen", changed("""sources:
  - title: Over het webinar
    url: https://example.org/webinar
    publisher: Voorbeeld
    date: 2022-02-09
""", ""), "sources", "verplicht veld ontbreekt", at="---"),
    Bad("amerikaanse-spelling", changed("organisers:", "organizers:"), "organizers", "onbekend veld",
        at="organizers:", suggestion="organisers"),
    Bad("script-in-beschrijving", changed("Een korte beschrijving", "<script>alert(1)</script> Een korte beschrijving"),
        "description", "script", at="description:"),
    Bad("tekst-onder-de-kop", VALID_WEBINAR + "\nMeer over dit webinar.\n", "tekst",
        "een webinar heeft geen tekst onder de kop", at="Meer over", allowed="description"),
    # Dates that are a typo in the year.
    Bad("verre-toekomst", changed("start: 2022-03-22T14:30\nend: 2022-03-22T15:30",
                                  "start: 2032-03-22T14:30\nend: 2032-03-22T15:30"), "start",
        "ligt meer dan twee jaar na vandaag", at="start:", name="2032-03-22-voorbeeld.md"),
    Bad("verleden-voor-2000", changed("start: 2022-03-22T14:30\nend: 2022-03-22T15:30",
                                      "start: 1922-03-22T14:30\nend: 1922-03-22T15:30"), "start",
        "ligt voor 2000", at="start:", name="1922-03-22-voorbeeld.md"),
    # The file name.
    Bad("naam-zonder-datum", VALID_WEBINAR, "bestandsnaam", "'Voorbeeld Webinar.md' is geen geldige webinarnaam",
        allowed="JJJJ-MM-DD-naam.md", suggestion="2022-03-22-voorbeeld-webinar.md", name="Voorbeeld Webinar.md"),
    Bad("naam-onmogelijke-datum", VALID_WEBINAR, "bestandsnaam", "'2022-02-30' in de bestandsnaam is geen bestaande datum",
        name="2022-02-30-voorbeeld.md"),
    Bad("naam-andere-datum", VALID_WEBINAR, "bestandsnaam",
        "de datum in de bestandsnaam (2022-03-21) is niet de datum van het webinar (2022-03-22)", at="start:",
        suggestion="2022-03-22-voorbeeld.md", name="2022-03-21-voorbeeld.md"),
]


@pytest.mark.parametrize("case", BAD_WEBINARS, ids=lambda case: case.id)
def test_bad_webinar_is_reported_with_path_line_field_and_dutch_message(case, tmp_path, taxonomy):
    result = check(tmp_path, taxonomy, {case.name: case.content})
    matching = [p for p in result.problems if p.field == case.field and case.message in p.message]
    assert len(matching) == 1, f"verwacht: {case.field}: {case.message}\nkreeg:\n{texts(result.problems)}"
    problem = matching[0]
    assert problem.path == f"webinars/{case.name}"
    assert problem.line == (line_of(case.content, case.at) if case.at else 1), problem.text()
    assert case.allowed in problem.allowed
    assert problem.suggestion == case.suggestion
    assert problem.is_error
    assert result.webinars == [], "een webinar met een fout komt niet op de site"


@pytest.mark.parametrize("case", BAD_WEBINARS, ids=lambda case: case.id)
def test_bad_webinar_costs_no_valid_webinar(case, tmp_path, taxonomy):
    other = changed("title: Voorbeeldwebinar", "title: Een ander webinar")
    result = check(tmp_path, taxonomy, {case.name: case.content, "2022-03-22-ander-webinar.md": other})
    assert [w.title for w in result.webinars] == ["Een ander webinar"]
    assert result.files_checked == 2


def test_every_problem_of_a_webinar_is_reported_in_one_run(tmp_path, taxonomy):
    content = changed("end: 2022-03-22T15:30", "end: 2022-03-22T14:00",
                      changed("[gemengd-wonen-majella-wonen]", "[bestaat-niet]",
                              changed("https://example.org/aanmelden", "mailto:info@example.org")))
    result = check(tmp_path, taxonomy, {NAME: content})
    assert {p.field for p in result.errors} == {"end", "practices[1]", "registration"}, texts(result.problems)


def test_the_same_webinar_twice_is_reported_at_the_second_file(tmp_path, taxonomy):
    result = check(tmp_path, taxonomy, {NAME: VALID_WEBINAR, "2022-03-22-zelfde.md": VALID_WEBINAR})
    assert len(result.webinars) == 1
    (problem,) = result.errors
    assert problem.path == "webinars/2022-03-22-zelfde.md" and problem.field == "title"
    assert problem.line == line_of(VALID_WEBINAR, "title:")
    assert "staat al in webinars/2022-03-22-voorbeeld.md" in problem.message


def test_a_webinar_with_a_known_time_is_stored_in_dutch_time(tmp_path, taxonomy):
    result = check(tmp_path, taxonomy, {NAME: VALID_WEBINAR})
    assert result.problems == []
    (webinar,) = result.webinars
    assert webinar.start == dt.datetime(2022, 3, 22, 14, 30, tzinfo=AMSTERDAM)
    assert webinar.start.astimezone(UTC) == dt.datetime(2022, 3, 22, 13, 30, tzinfo=UTC)
    assert webinar.end.astimezone(UTC) == dt.datetime(2022, 3, 22, 14, 30, tzinfo=UTC)
    assert webinar.time_known and webinar.day == dt.date(2022, 3, 22)
    assert webinar.organisers == ("Divosa", "Valente")
    assert webinar.practices == ("gemengd-wonen-majella-wonen",)


def test_a_webinar_without_a_known_time_keeps_only_its_date(tmp_path, taxonomy):
    content = changed("start: 2022-03-22T14:30\nend: 2022-03-22T15:30\n", "start: 2022-03-22\ntime_known: false\n")
    result = check(tmp_path, taxonomy, {NAME: content})
    assert result.problems == [], texts(result.problems)
    (webinar,) = result.webinars
    assert webinar.start is None and webinar.end is None and not webinar.time_known
    assert webinar.day == dt.date(2022, 3, 22)


@pytest.mark.parametrize("written", ["2022-03-22 14:30", "2022-03-22T14:30:00", "2022-03-22 14:30:00", "'2022-03-22T14:30'"])
def test_the_usual_ways_of_writing_a_local_time_are_accepted(written, tmp_path, taxonomy):
    result = check(tmp_path, taxonomy, {NAME: changed("start: 2022-03-22T14:30", f"start: {written}")})
    assert result.problems == [], texts(result.problems)
    assert result.webinars[0].start == dt.datetime(2022, 3, 22, 14, 30, tzinfo=AMSTERDAM)


def test_a_webinar_with_bom_and_windows_line_endings_is_valid(tmp_path, taxonomy):
    content = b"\xef\xbb\xbf" + VALID_WEBINAR.replace("\n", "\r\n").encode("utf-8")
    result = check(tmp_path, taxonomy, {NAME: content})
    assert result.problems == [] and len(result.webinars) == 1


def test_a_webinar_without_optional_fields_is_valid(tmp_path, taxonomy):
    content = changed("organisers: [Divosa, Valente]\n", "", changed("registration: https://example.org/aanmelden\n", ""))
    result = check(tmp_path, taxonomy, {NAME: content})
    assert result.problems == []
    (webinar,) = result.webinars
    assert webinar.organisers == () and webinar.registration is None and webinar.recording is None


# Times and dates broken in the ways people break them, plus YAML's own traps.
_NOISE = ["T", ":", "-", "0", "9", "24", "+01:00", "Z", " ", "\n", "'", '"', "[", "]", "&a", "*a", "!", "#",
          "2022-02-30", "02:30", "00:00", "time_known: false\n", "end: 2022-03-22\n", "<script>", "\ufeff", "\x00"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(VALID_WEBINAR)), st.sampled_from(_NOISE), st.integers(0, 3)),
                      min_size=1, max_size=4))
def test_any_damaged_webinar_is_reported_never_raised(edits, tmp_path, taxonomy):
    """No traceback for content errors: a webinar is either valid, or refused with problems inside the file."""
    text = VALID_WEBINAR
    for position, noise, removed in edits:
        text = text[:position] + noise + text[position + removed:]
    for old in (tmp_path / "webinars").glob("*.md") if (tmp_path / "webinars").is_dir() else ():
        old.unlink()  # hypothesis reuses tmp_path between examples
    result = check(tmp_path, taxonomy, {NAME: text})
    assert (result.webinars == []) == bool(result.errors)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for problem in result.problems:
        assert problem.path == DISPLAY and problem.field and problem.message
        assert 1 <= problem.line <= lines, problem.text()
    for webinar in result.webinars:  # what passes is a real, unambiguous time (or an honest date)
        assert webinar.start is None or (webinar.start.tzinfo is AMSTERDAM and webinar.end > webinar.start)


# -- the real content ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_webinars(taxonomy):
    project = Project(ROOT)
    result = load_webinars(project.webinar_files(), taxonomy, TODAY,
                           {p.stem for p in project.practice_files()}, root=ROOT)
    assert result.problems == [], texts(result.problems)
    return {w.day.isoformat(): w for w in result.webinars}


def test_the_four_webinars_of_2022_as_the_source_gives_them(real_webinars):
    assert sorted(real_webinars) == ["2022-02-09", "2022-03-22", "2022-04-14", "2022-05-25"]
    expected = {
        # day: (practice, start, end, organisers)
        "2022-02-09": ("proeftuin-ruwaard", None, None, ("Maatschappelijke coalitie van de Actieagenda Wonen",)),
        "2022-03-22": ("gemengd-wonen-majella-wonen", (14, 30), (15, 30), ("Divosa", "Valente")),
        # The source names the coalition for all four (fact-check of 2026-12).
        "2022-04-14": ("sunny-selwerd", (15, 0), (16, 0), ("Maatschappelijke coalitie van de Actieagenda Wonen",)),
        "2022-05-25": ("droomwijk-de-posten", (14, 30), (15, 30), ("Maatschappelijke coalitie van de Actieagenda Wonen",)),
    }
    for day, (practice, start, end, organisers) in expected.items():
        webinar = real_webinars[day]
        assert webinar.practices == (practice,)
        assert webinar.organisers == organisers
        assert (webinar.start.hour, webinar.start.minute) == start if start else webinar.start is None
        assert (webinar.end.hour, webinar.end.minute) == end if end else webinar.end is None
        assert webinar.start is None or webinar.start.tzinfo is AMSTERDAM
        assert webinar.registration is None and webinar.recording is None  # no address in the source
        assert webinar.sources[0].url.startswith("https://valente.nl/")


def test_the_first_webinar_has_no_time_and_no_recording_address(real_webinars):
    first = real_webinars["2022-02-09"]
    assert not first.time_known and first.recording is None
    assert "terug te zien" in first.description  # as the source says, without an address


# -- checking from the shell and in the build ------------------------------------------------------


def test_cli_checks_webinars_by_default_and_names_file_line_field(tmp_path):
    bad = changed("end: 2022-03-22T15:30", "end: 2022-03-22T14:00")
    project = project_with_webinars(tmp_path / "project", {NAME: bad})
    result = run_cli("check", cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    line = line_of(bad, "end:")
    assert f"webinars/{NAME}:{line}: Einde (end): het webinar eindigt (14:00) voordat het begint (14:30)" in result.stdout
    cards = len(list((project / "practices").glob("*.md")))
    assert f"{cards + 5} bestanden gecontroleerd: 1 fout in 1 bestand" in result.stdout  # the cards, 4 webinars and this one


def test_cli_checks_a_webinar_given_by_path(tmp_path):
    project = project_with_webinars(tmp_path / "project", {NAME: VALID_WEBINAR})
    result = run_cli("check", f"webinars/{NAME}", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 bestand gecontroleerd: alles in orde." in result.stdout


def test_site_content_reports_webinar_problems_with_the_cards(tmp_path):
    bad = changed("[gemengd-wonen-majella-wonen]", "[bestaat-niet]")
    project = project_with_webinars(tmp_path / "project", {NAME: bad})
    content = load_site_content(project, today=TODAY)
    assert [p.path for p in content.result.errors] == [DISPLAY]
    assert len(content.calendar.webinars) == 4
    uris = set(content.pages) | {file.src_uri for file in content.files}
    assert "webinars/index.md" in uris and "webinars/2022-03-22-voorbeeld.ics" not in uris


def test_a_bad_fixed_today_is_a_dutch_setting_error(monkeypatch):
    monkeypatch.setenv("PRAKTIJKBANK_TODAY", "22-11-2026")
    with pytest.raises(SettingError, match="PRAKTIJKBANK_TODAY='22-11-2026' is geen datum"):
        load_site_content(ROOT)


# -- what the pages make of it ---------------------------------------------------------------------


def _html(page) -> str:
    from praktijkbank.sitemodel.markdown import MarkdownSettings, Renderer

    return Renderer(MarkdownSettings()).render(page).html_for(lambda link: link.written)


def test_past_sessions_link_their_recording_and_drop_registration(tmp_path, taxonomy):
    from praktijkbank.pages.webinars import webinars_page
    from praktijkbank.schedule import WebinarCalendar

    content = changed("registration: https://example.org/aanmelden\n",
                      "registration: https://example.org/aanmelden\nrecording: https://example.org/opname\n")
    (webinar,) = check(tmp_path, taxonomy, {NAME: content}).webinars
    past = _html(webinars_page(WebinarCalendar((webinar,), today=dt.date(2022, 3, 23)), {}))
    assert '<a href="https://example.org/opname">Terugkijken</a>' in past
    assert "aanmelden" not in past, "aanmelden kan niet meer"
    upcoming = _html(webinars_page(WebinarCalendar((webinar,), today=dt.date(2022, 3, 22)), {}))
    assert '<a href="https://example.org/aanmelden">Aanmelden</a>' in upcoming
    assert upcoming.index('id="pb-webinars-upcoming"') < upcoming.index("webinar-2022-03-22-voorbeeld")


def test_a_webinar_source_on_a_home_page_without_a_date_warns_as_on_a_card(tmp_path, taxonomy):
    text = changed("    url: https://example.org/webinar\n    publisher: Voorbeeld\n    date: 2022-02-09\n",
                   "    url: https://example.org/\n    publisher: Voorbeeld\n")
    result = check(tmp_path, taxonomy, {NAME: text})
    assert len(result.webinars) == 1, "a warning: the webinar stays"
    found = sorted((p.line, p.field, p.is_error) for p in result.problems)
    assert found == [(line_of(text, "title: Over het webinar"), "sources[1].date", False),
                     (line_of(text, "url: https://example.org/"), "sources[1].url", False)]
