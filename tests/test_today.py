"""One "today" for check, nieuw, zoek, the build and export: PRAKTIJKBANK_TODAY, or the date in the Netherlands."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from praktijkbank.content import localtime
from praktijkbank.cli import main
from praktijkbank.schedule import WebinarCalendar
from praktijkbank.content.today import VARIABLE, TodayError, today
from support import ROOT, VALID_CARD

UTC = dt.timezone.utc
# 23:30 in UTC on Saturday 28 March 2026 is 00:30 on Sunday 29 March in Amsterdam (winter time, +1:00);
# the same night the clocks go to summer time, at 2:00.
JUST_AFTER_MIDNIGHT = dt.datetime(2026, 3, 28, 23, 30, tzinfo=UTC)
AMSTERDAM_DATE = dt.date(2026, 3, 29)


def at(moment: dt.datetime):
    return lambda: moment


@pytest.fixture
def clock_just_after_midnight(monkeypatch):
    """The machine's clock at JUST_AFTER_MIDNIGHT for everything in this process; no fixed today."""
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setattr(localtime, "now", at(JUST_AFTER_MIDNIGHT))


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project with the real taxonomy and no cards yet, as the working folder."""
    root = tmp_path / "project"
    (root / "practices").mkdir(parents=True)
    shutil.copy2(ROOT / "taxonomy.yml", root / "taxonomy.yml")
    monkeypatch.chdir(root)
    return root


def build_today(root: Path) -> dt.date:
    """The day a site build of ``root`` decides for (what is upcoming, what is in the future)."""
    try:
        from praktijkbank.sitemodel.model import build_site_model
    except ImportError:  # the tree before the site model replaced site.py; drop this branch then
        from praktijkbank.site import build_today as site_build_today
        return site_build_today()
    return build_site_model(root).today


def build_setting_error() -> type[Exception]:
    try:
        from praktijkbank.sitemodel.model import SettingError
    except ImportError:  # see build_today
        from praktijkbank.site import SettingError
    return SettingError


def card_reviewed(project: Path, day: str) -> None:
    text = VALID_CARD.replace("last_reviewed: 2026-11-01", f"last_reviewed: {day}")
    assert f"last_reviewed: {day}" in text
    (project / "practices" / "voorbeeld.md").write_text(text, encoding="utf-8")


# -- the rule --------------------------------------------------------------------------------------


def test_the_override_is_the_date():
    assert today({VARIABLE: "2026-11-22"}, clock=at(JUST_AFTER_MIDNIGHT)) == dt.date(2026, 11, 22)
    assert today({VARIABLE: " 2026-11-22\n"}) == dt.date(2026, 11, 22)


def test_without_override_it_is_the_date_in_amsterdam():
    assert today({}, clock=at(JUST_AFTER_MIDNIGHT)) == AMSTERDAM_DATE
    assert today({VARIABLE: ""}, clock=at(JUST_AFTER_MIDNIGHT)) == AMSTERDAM_DATE  # empty counts as unset
    assert today({}, clock=at(dt.datetime(2026, 3, 28, 22, 59, tzinfo=UTC))) == dt.date(2026, 3, 28)
    # Summer time: two hours ahead of UTC.
    assert today({}, clock=at(dt.datetime(2026, 7, 1, 21, 59, tzinfo=UTC))) == dt.date(2026, 7, 1)
    assert today({}, clock=at(dt.datetime(2026, 7, 1, 22, 0, tzinfo=UTC))) == dt.date(2026, 7, 2)
    # Any zone the clock reports in: the instant counts, not the machine's zone.
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert today({}, clock=at(dt.datetime(2026, 3, 28, 19, 30, tzinfo=new_york))) == AMSTERDAM_DATE


def test_a_naive_clock_is_refused():
    with pytest.raises(ValueError, match="aware"):
        today({}, clock=at(dt.datetime(2026, 3, 28, 23, 30)))


def test_the_default_reads_the_process_environment(monkeypatch):
    monkeypatch.setenv(VARIABLE, "2026-11-22")
    assert today() == dt.date(2026, 11, 22)


@pytest.mark.parametrize("value", ["22-11-2026", "2026-11-22T10:00", "20261122", "morgen", "2026-2-3"])
def test_a_bad_override_says_how_to_write_it(value):
    with pytest.raises(TodayError) as caught:
        today({VARIABLE: value})
    message = str(caught.value)
    assert message.startswith(f"PRAKTIJKBANK_TODAY='{value}' is geen datum; schrijf JJJJ-MM-DD, "
                              "bijvoorbeeld PRAKTIJKBANK_TODAY=2026-11-22")


def test_an_override_that_is_no_real_day_is_refused():
    with pytest.raises(TodayError, match=r"PRAKTIJKBANK_TODAY='2026-02-30' is geen datum die bestaat; schrijf JJJJ-MM-DD"):
        today({VARIABLE: "2026-02-30"})


def test_the_build_reports_a_bad_override_as_a_setting_error(project, monkeypatch):
    monkeypatch.setenv(VARIABLE, "22-11-2026")
    with pytest.raises(build_setting_error(),
                       match="PRAKTIJKBANK_TODAY='22-11-2026' is geen datum; schrijf JJJJ-MM-DD"):
        build_today(project)


# -- check and build agree ---------------------------------------------------------------------------


@pytest.mark.usefixtures("clock_just_after_midnight")
def test_check_and_build_agree_just_after_midnight_in_amsterdam(project, capsys):
    card_reviewed(project, AMSTERDAM_DATE.isoformat())  # reviewed "today" in the Netherlands
    assert main(["check"]) == 0
    assert capsys.readouterr().out.strip() == "1 bestand gecontroleerd: alles in orde."
    assert build_today(project) == AMSTERDAM_DATE
    assert WebinarCalendar().today == AMSTERDAM_DATE


@pytest.mark.usefixtures("clock_just_after_midnight")
def test_check_still_refuses_the_next_day(project, capsys):
    card_reviewed(project, "2026-03-30")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "2026-03-30 ligt in de toekomst" in out and "uiterlijk vandaag, 2026-03-29" in out


def test_check_uses_the_override_and_its_option_wins(project, capsys, monkeypatch):
    card_reviewed(project, "2026-11-01")
    monkeypatch.setenv(VARIABLE, "2026-10-31")
    assert main(["check"]) == 1
    assert "uiterlijk vandaag, 2026-10-31" in capsys.readouterr().out
    assert main(["check", "--today", "2026-11-22"]) == 0


@pytest.mark.parametrize("command", [["check"], ["zoek", "wonen"], ["nieuw", "Proeftuin Ruwaard"], ["export"]])
def test_every_command_stops_on_a_bad_override(project, capsys, monkeypatch, command):
    monkeypatch.setenv(VARIABLE, "22-11-2026")
    assert main(command) == 2
    captured = capsys.readouterr()
    assert "praktijkbank: PRAKTIJKBANK_TODAY='22-11-2026' is geen datum; schrijf JJJJ-MM-DD" in captured.err
    assert not (project / "practices" / "proeftuin-ruwaard.md").exists()


@pytest.mark.usefixtures("clock_just_after_midnight")
def test_nieuw_dates_a_card_by_the_same_rule(project, capsys, monkeypatch):
    assert main(["nieuw", "Proeftuin Ruwaard"]) == 0
    assert "last_reviewed: 2026-03-29" in (project / "practices" / "proeftuin-ruwaard.md").read_text("utf-8")
    monkeypatch.setenv(VARIABLE, "2026-11-22")
    assert main(["nieuw", "Proeftuin Selwerd"]) == 0
    assert "last_reviewed: 2026-11-22" in (project / "practices" / "proeftuin-selwerd.md").read_text("utf-8")
