"""``praktijkbank check --herstel``: fixes what is certain, in place and surgically, says each fix in
Dutch, checks again, and leaves everything it cannot fix for certain alone (those cases too)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from praktijkbank.checks.repair import DateRefused, read_date, repair_text
from praktijkbank.content.schema import PRACTICE, WEBINAR
from support import ROOT, TODAY, VALID_CARD, line_of, run_cli


def changed(old: str, new: str, text: str = VALID_CARD) -> str:
    assert old in text, f"{old!r} staat niet in de kaart"
    return text.replace(old, new, 1)


def repaired(text: str, taxonomy, schema=PRACTICE):
    return repair_text(text, "practices/kaart.md", schema, taxonomy, TODAY)


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    (root / "practices").mkdir(parents=True)
    shutil.copy2(ROOT / "taxonomy.yml", root / "taxonomy.yml")
    return root


# -- what it fixes ------------------------------------------------------------------------------------


def test_vocabulary_values_get_their_key_and_nothing_else_changes(taxonomy):
    text = changed("status: lopend", "status: Lopend   # nog bezig")
    text = changed("target_groups: [wijkbewoners]", "target_groups: [Wijkbewoners, ' ouderen ']", text)
    text = changed("province: noord-brabant", 'province: "Noord-Brabant"', text)
    new, changes = repaired(text, taxonomy)
    expected = changed("status: lopend", "status: lopend   # nog bezig")  # the comment stays
    expected = changed("target_groups: [wijkbewoners]", "target_groups: [wijkbewoners, 'ouderen']", expected)
    expected = changed("province: noord-brabant", 'province: "noord-brabant"', expected)  # quoting stays
    assert new == expected
    reports = [c.report() for c in changes]
    assert f"practices/kaart.md:{line_of(text, 'status:')}: Status (status): 'Lopend' → 'lopend'" in reports
    assert any("' ouderen ' → 'ouderen'" in r for r in reports)
    assert any("'Noord-Brabant' → 'noord-brabant'" in r for r in reports)
    assert len(changes) == 4 and all(c.done for c in changes)


def test_a_renamed_key_gets_its_new_key(taxonomy):
    text = changed("status: lopend", "status: lopend\n# de oude sleutel hieronder")
    old, new_key = next((o, n) for o, n in taxonomy["evidence"].renamed.items())
    text = changed("evidence: zelf-gerapporteerd", f"evidence: {old}", text)
    text = changed("    date: 2022-02-09", "    date: 2022-02-09\n    research: true", text)
    new, changes = repaired(text, taxonomy)
    assert f"evidence: {new_key}\n" in new and "# de oude sleutel hieronder" in new
    [change] = changes
    assert change.text.endswith(f"'{old}' → '{new_key}'")


def test_a_renamed_key_that_would_then_fail_is_left_alone(taxonomy):
    old, _ = next(iter(taxonomy["evidence"].renamed.items()))
    text = changed("evidence: zelf-gerapporteerd", f"evidence: {old}")  # no source has research: true
    new, changes = repaired(text, taxonomy)
    assert new == text
    [change] = changes
    assert not change.done and "research: true" in change.text


@pytest.mark.parametrize("written", ["2022-2-9", "2022/02/09", "9 februari 2022", "9 feb 2022", "9 Februari 2022"])
def test_a_date_that_reads_one_way_only_is_written_as_iso(written, taxonomy):
    text = changed("    date: 2022-02-09", f"    date: {written}")
    new, changes = repaired(text, taxonomy)
    assert new == VALID_CARD
    [change] = changes
    assert change.line == line_of(text, "    date:")
    assert change.text.endswith(f"'{written}' → '2022-02-09'")


def test_trailing_spaces_go_but_a_markdown_line_break_and_code_stay(taxonomy):
    text = changed("title: Voorbeeldpraktijk", "title: Voorbeeldpraktijk   ")
    text = changed("## Aanpak\n\nTekst.\n", "## Aanpak\n\nRegel een  \nregel twee\nTekst. \t\n\n```\ncode  \n```\n",
                   text)
    new, changes = repaired(text, taxonomy)
    assert "title: Voorbeeldpraktijk\n" in new
    assert "Regel een  \nregel twee\n" in new  # a line break in the text
    assert "Tekst.\n" in new
    assert "code  \n" in new
    assert sorted(c.line for c in changes) == [line_of(text, "title:"), line_of(text, "Tekst. \t")]
    assert all(c.text == "spaties aan het eind van de regel weggehaald" for c in changes)


def test_a_missing_last_reviewed_becomes_today(taxonomy):
    text = changed("last_reviewed: 2026-11-01\n", "")
    new, changes = repaired(text, taxonomy)
    assert new == changed("last_reviewed: 2026-11-01\n", f"last_reviewed: {TODAY.isoformat()}\n")
    [change] = changes
    assert "last_reviewed" in change.text and TODAY.isoformat() in change.text


# -- what it must refuse ------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["03-02-2022", "05/03/2022", "3.5.2022", "3-5-22"])
def test_a_date_with_day_and_month_both_numbers_is_refused_and_said(written, taxonomy):
    text = changed("    date: 2022-02-09", f"    date: '{written}'")
    new, changes = repaired(text, taxonomy)
    assert new == text
    [change] = changes
    assert not change.done
    assert "kan twee datums zijn" in change.text and "niet aangepast" in change.text


@pytest.mark.parametrize("written", ["2022-02-30", "31 april 2022"])
def test_a_date_that_does_not_exist_is_refused(written, taxonomy):
    text = changed("    date: 2022-02-09", f"    date: '{written}'")
    new, changes = repaired(text, taxonomy)
    assert new == text
    [change] = changes
    assert not change.done and "geen bestaande datum" in change.text


@pytest.mark.parametrize("old, new", [
    ("status: lopend", "status: lopen"),  # a near-miss: a person must choose
    ("status: lopend", "status: Lopen"),
    ("themes: [wijkaanpak]", "themes: [wijk aanpak]"),  # not only capitals or spaces around it
    ("    date: 2022-02-09", "    date: mei 2022"),  # no day
    ("    date: 2022-02-09", "    date: 2022-02-09 10:30"),  # a time: which day it meant is not the question
    ("last_reviewed: 2026-11-01", "last_reviewed:"),  # empty: the person may know the date
    ("summary: Een korte", "summary: |\n  Lopend een korte"),
])
def test_what_is_not_certain_is_not_touched(old, new, taxonomy):
    text = changed(old, new)
    result, changes = repaired(text, taxonomy)
    assert result == text
    assert all(not c.done for c in changes)


def test_an_unreadable_file_is_not_touched(taxonomy):
    text = "---\ntitle: [niet dicht\nstatus: Lopend  \n---\n"
    assert repaired(text, taxonomy) == (text, [])


def test_read_date():
    assert read_date("3 mei 2024") == dt.date(2024, 5, 3)
    assert read_date("2024-5-3") == dt.date(2024, 5, 3)
    assert read_date("gisteren") is None
    with pytest.raises(DateRefused):
        read_date("03-05-2024")


def test_a_webinar_gets_its_own_fields(taxonomy):
    text = ("---\ntitle: Webinar  \nstart: 2022-03-22T14:30\nend: 2022-03-22T15:30\npractices: [a]\n"
            "description: Over a.\nsources:\n  - title: T\n    url: https://example.org/a\n    publisher: P\n"
            "    date: 22 maart 2022\n---\n")
    new, changes = repaired(text, taxonomy, WEBINAR)
    assert "    date: 2022-03-22\n" in new and "title: Webinar\n" in new
    assert new.endswith(f"last_reviewed: {TODAY.isoformat()}\n---\n")
    assert len(changes) == 3


# -- the command --------------------------------------------------------------------------------------


def test_check_herstel_fixes_in_place_reports_and_checks_again(project):
    card = changed("status: lopend", "status: Lopend")
    card = changed("    date: 2022-02-09", "    date: 9 februari 2022", card)
    other = changed("title: Voorbeeldpraktijk", "title: Andere")
    other = changed("    date: 2022-02-09", "    date: 09-02-2022", other)
    (project / "practices" / "kaart.md").write_text(card, encoding="utf-8")
    (project / "practices" / "andere.md").write_bytes(other.replace("\n", "\r\n").encode("utf-8"))
    result = run_cli("check", "--herstel", "--today", TODAY.isoformat(), cwd=project)
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert f"practices/kaart.md:{line_of(card, 'status:')}: " in out and "'Lopend' → 'lopend'" in out
    assert "'9 februari 2022' → '2022-02-09'" in out
    assert "practices/andere.md:" in out and "kan twee datums zijn" in out
    assert "Hersteld: 2 aanpassingen in 1 bestand." in out
    assert (project / "practices" / "kaart.md").read_text(encoding="utf-8") == VALID_CARD
    assert (project / "practices" / "andere.md").read_bytes() == other.replace("\n", "\r\n").encode("utf-8")
    # Then the check: the refused date is still an error.
    assert "'09-02-2022' is geen geldige datum" in out
    assert out.rstrip().endswith("2 bestanden gecontroleerd: 1 fout in 1 bestand.")
    assert result.returncode == 1


def test_check_herstel_with_nothing_to_do_changes_nothing(project):
    (project / "practices" / "kaart.md").write_text(VALID_CARD, encoding="utf-8")
    before = (project / "practices" / "kaart.md").stat().st_mtime_ns
    result = run_cli("check", "--herstel", "--today", TODAY.isoformat(), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Niets hersteld" in result.stdout
    assert (project / "practices" / "kaart.md").stat().st_mtime_ns == before


# -- a missing list of sources: a block to paste ------------------------------------------------------


def test_a_missing_sources_gets_a_block_to_paste_that_then_works(tmp_path, taxonomy):
    from praktijkbank.content.cards import load_practice_file

    block = ("sources:\n  - title: Over de praktijk\n    url: https://example.org/over\n"
             "    publisher: Voorbeeld\n    date: 2022-02-09\n")
    text = changed(block, "")
    path = tmp_path / "kaart.md"
    path.write_text(text, encoding="utf-8")
    _, log = load_practice_file(path, "practices/kaart.md", taxonomy, TODAY)
    [problem] = [p for p in log.items if "sources" in p.field]
    assert problem.message == "verplicht veld ontbreekt"
    snippet = problem.allowed.split("Plak dit in de kop en vul het in:\n", 1)[1]
    assert snippet == ("sources:\n  - title: INVULLEN\n    url: INVULLEN\n    publisher: INVULLEN\n"
                       "    date: INVULLEN")
    # Pasted as it is, every INVULLEN is reported; filled in, the card passes.
    path.write_text(changed("contact:", snippet + "\ncontact:", text), encoding="utf-8")
    practice, log = load_practice_file(path, "practices/kaart.md", taxonomy, TODAY)
    assert practice is None
    assert sum(p.message == "nog niet ingevuld" for p in log.items) == 4
    filled = (snippet.replace("title: INVULLEN", "title: Over de praktijk")
              .replace("url: INVULLEN", "url: https://example.org/over")
              .replace("publisher: INVULLEN", "publisher: Voorbeeld").replace("date: INVULLEN", "date: 2022-02-09"))
    path.write_text(changed("contact:", filled + "\ncontact:", text), encoding="utf-8")
    practice, log = load_practice_file(path, "practices/kaart.md", taxonomy, TODAY)
    assert practice is not None, [p.text() for p in log.items]
