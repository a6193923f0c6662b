"""Vocabulary values are accepted regardless of capitals and spaces around them, with a warning
that says how to write them; a near-miss is still an error with 'Bedoelde u …?'."""

from __future__ import annotations

from praktijkbank.content.cards import load_practice_file
from praktijkbank.checks.problems import Severity
from support import TODAY, VALID_CARD, line_of


def check(tmp_path, taxonomy, content):
    folder = tmp_path / "practices"
    folder.mkdir(exist_ok=True)
    path = folder / "kaart.md"
    path.write_text(content, encoding="utf-8")
    practice, log = load_practice_file(path, "practices/kaart.md", taxonomy, TODAY)
    return practice, log.items


def test_capitals_are_accepted_with_a_warning_that_says_what_to_write(tmp_path, taxonomy):
    content = (VALID_CARD.replace("status: lopend", "status: Lopend")
               .replace("target_groups: [wijkbewoners]", "target_groups: [Wijkbewoners, ' ouderen ']")
               .replace("province: noord-brabant", "province: Noord-Brabant"))
    practice, problems = check(tmp_path, taxonomy, content)
    assert practice is not None, [p.text() for p in problems]
    # Nothing valid lost: the model has the keys.
    assert practice.status == "lopend"
    assert practice.target_groups == ("wijkbewoners", "ouderen")
    assert practice.place.province == "noord-brabant"
    assert all(p.severity is Severity.WARNING for p in problems)
    by_value = {p.message.split("'")[1]: p for p in problems}
    assert set(by_value) == {"Lopend", "Wijkbewoners", " ouderen ", "Noord-Brabant"}
    status = by_value["Lopend"]
    assert status.line == line_of(content, "status:")
    assert status.field == "status" or "(status)" in status.field
    assert "schrijf 'lopend'" in status.allowed
    assert "schrijf 'ouderen'" in by_value[" ouderen "].allowed
    assert "schrijf 'noord-brabant'" in by_value["Noord-Brabant"].allowed


def test_a_near_miss_in_capitals_is_still_an_error_with_a_suggestion(tmp_path, taxonomy):
    content = VALID_CARD.replace("status: lopend", "status: Lopen")
    practice, problems = check(tmp_path, taxonomy, content)
    assert practice is None
    [problem] = problems
    assert problem.is_error
    assert problem.suggestion == "lopend"
    assert problem.text().endswith("Bedoelde u 'lopend'?")


def test_the_same_value_twice_in_other_capitals_is_reported_once(tmp_path, taxonomy):
    content = VALID_CARD.replace("themes: [wijkaanpak]", "themes: [wijkaanpak, Wijkaanpak]")
    _, problems = check(tmp_path, taxonomy, content)
    assert any("twee keer" in p.message and p.is_error for p in problems)


def test_an_exact_value_gets_no_warning(tmp_path, taxonomy):
    practice, problems = check(tmp_path, taxonomy, VALID_CARD)
    assert practice is not None and problems == []
