"""Warnings that keep the knowledge base true: stale cards and cards that look like another.

Both are warnings, never errors: `check` exits 0, the strict build passes, and the
maintainers' page "Te herzien" lists the stale cards, oldest first.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
import re
import subprocess
import sys
from pathlib import Path

import pytest

from praktijkbank.checks.freshness import age_text, due_for_review, is_due, one_year_before
from praktijkbank.checks.lookalikes import lookalike_pairs, names_alike
from praktijkbank.content.models import Contact, Partner, Place, Practice, Source
from praktijkbank.pages.contributing import review_page
from praktijkbank.sitemodel.source import Html
from support import TODAY as CONTENT_TODAY, VALID_CARD, copy_project, line_of, run_cli

TODAY = dt.date(2026, 11, 22)  # for the rules themselves; checks of the real cards run on CONTENT_TODAY


def card(title: str, reviewed: str = "2026-11-01", municipality: str = "Oss", extra: str = "") -> str:
    text = VALID_CARD.replace("title: Voorbeeldpraktijk", f"title: {title}")
    text = text.replace("last_reviewed: 2026-11-01", f"last_reviewed: {reviewed}")
    text = text.replace("  municipality: Oss", f"  municipality: {municipality}")
    return text.replace("keywords: [voorbeeld]", f"keywords: [voorbeeld]{extra}")


@pytest.fixture
def project(tmp_path) -> Path:
    """The real cards beside a new one, as a contributor's pull request has them."""
    return copy_project(tmp_path / "project")


def check(project: Path, *args: str):
    return run_cli("check", "--today", CONTENT_TODAY.isoformat(), *args, cwd=project)


# -- freshness --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reviewed", "today", "due"),
    [
        ("2025-11-22", "2026-11-22", False),  # exactly a year: just in time
        ("2025-11-21", "2026-11-22", True),
        ("2026-11-22", "2026-11-22", False),
        ("2027-02-28", "2028-02-29", False),  # leap day: a year before is 28 February
        ("2027-02-27", "2028-02-29", True),
    ],
)
def test_a_card_is_due_when_reviewed_more_than_a_year_ago(reviewed, today, due):
    assert is_due(dt.date.fromisoformat(reviewed), dt.date.fromisoformat(today)) is due


def test_one_year_before_and_age_in_words():
    assert one_year_before(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    assert age_text(dt.date(2025, 9, 23), TODAY) == "13 maanden"
    assert age_text(dt.date(2025, 9, 22), TODAY) == "14 maanden"
    assert age_text(dt.date(2023, 1, 1), TODAY) == "3 jaar"


def test_stale_card_is_a_warning_on_last_reviewed_and_check_exits_0(project):
    text = card("Buurtkamer De Schakel", reviewed="2025-09-01")
    (project / "practices" / "buurtkamer.md").write_text(text, encoding="utf-8")

    result = check(project, "practices/buurtkamer.md")

    assert result.returncode == 0, result.stdout
    assert result.stdout.split("\n")[0] == (
        f"practices/buurtkamer.md:{line_of(text, 'last_reviewed:')}: Laatst nagekeken (last_reviewed): let op: de kaart is "
        f"{age_text(dt.date(2025, 9, 1), CONTENT_TODAY)} niet nagekeken (sinds 1 september 2025) (kijk de feiten na bij de bronnen en zet "
        "last_reviewed op de datum van vandaag)")
    assert result.stdout.strip().endswith("1 bestand gecontroleerd: alles in orde, 1 waarschuwing.")


def test_freshness_depends_on_the_given_today(project):
    (project / "practices" / "buurtkamer.md").write_text(card("Buurtkamer", reviewed="2025-09-01"), encoding="utf-8")
    earlier = run_cli("check", "--today", "2026-08-31", "practices/buurtkamer.md", cwd=project)
    assert earlier.returncode == 0 and "niet nagekeken" not in earlier.stdout, earlier.stdout


def test_the_real_cards_are_fresh_and_unique_today():
    result = run_cli("check", "--today", CONTENT_TODAY.isoformat())
    assert result.returncode == 0
    # Sources without a date may stay (not every page shows one): only these warnings may not.
    assert "niet nagekeken" not in result.stdout and "lijkt op" not in result.stdout, result.stdout
    assert "heet nu" not in result.stdout, result.stdout


def _practice(slug: str, title: str, reviewed: dt.date, municipality: str = "Utrecht",
              related: tuple[str, ...] = (), keywords: tuple[str, ...] = (), scope: str = "gemeente") -> Practice:
    return Practice(
        slug=slug, source_path=f"practices/{slug}.md", title=title, summary="Kort.",
        place=Place(scope=scope, municipality=None if scope == "landelijk" else municipality,
                    province=None if scope == "landelijk" else "utrecht"),
        themes=("wijkaanpak",), target_groups=("wijkbewoners",), partners=(Partner("Gemeente", "gemeente"),),
        status="lopend", evidence="zelf-gerapporteerd",
        sources=(Source("Bron", "https://example.org/bron", "Voorbeeld", dt.date(2026, 1, 5)),),
        contact=Contact("Voorbeeld"),
        last_reviewed=reviewed, body="", related=related, keywords=keywords,
    )


def _page_text(practices: list[Practice]) -> str:
    """The page's parts in a row: its prose in Markdown, its tables as finished HTML."""
    return "\n".join(part.text if isinstance(part, Html) else part for part in review_page(practices, TODAY).parts)


def _rows(section: str) -> list[list[str]]:
    """The cells of each row of the tables in ``section`` (finished HTML, as the page has it)."""
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr><td>.*?</tr>", section)]


def test_review_page_lists_stale_cards_oldest_first():
    practices = [
        _practice("b", "Bijna oud", dt.date(2025, 6, 1)),
        _practice("vers", "Vers", dt.date(2026, 6, 1)),
        _practice("a", "Heel oud", dt.date(2022, 3, 15)),
        _practice("c", "Ook oud", dt.date(2025, 6, 1)),
    ]
    assert [p.slug for p in due_for_review(practices, TODAY)] == ["a", "b", "c"]
    page = _page_text(practices)
    rows = _rows(page.split("## Bronnen om na te kijken")[0])
    assert [re.match(r'<a href="[^"]+">([^<]+)</a>', row[0]).group(1) for row in rows] == ["Heel oud", "Bijna oud", "Ook oud"]
    assert rows[0] == ['<a href="../../praktijken/a/">Heel oud</a>', "Utrecht", "15 maart 2022", "4 jaar",
                       "<code>practices/a.md</code>"]
    assert "Stand op 22 november 2026." in page and "3 kaarten te herzien." in page
    assert "<th>Laatst nagekeken</th>" in page


def test_review_page_says_when_nothing_is_due():
    page = _page_text([_practice("vers", "Vers", dt.date(2026, 6, 1))])
    assert "er is nu geen kaart aan de beurt." in page
    assert "Alle bronnen hebben een eigen adres en een datum." in page
    assert "<table" not in page


def test_review_page_lists_sources_with_a_home_page_or_without_a_date():
    home = Source("Over ons", "https://trimbos.nl/", "Trimbos", dt.date(2024, 2, 1))
    undated = Source("Het rapport", "https://example.org/rapport", "Voorbeeld")
    both = Source("Nieuws", "https://nu.nl", "NU.nl")
    good = Source("Goed", "https://example.org/goed", "Voorbeeld", dt.date(2024, 2, 1))
    practices = [
        replace(_practice("b", "Bravo", dt.date(2026, 6, 1)), sources=(good, home)),
        replace(_practice("a", "Alfa", dt.date(2026, 6, 1)), sources=(undated, good, both)),
        _practice("vers", "Vers", dt.date(2026, 6, 1)),
    ]

    page = _page_text(practices)

    section = page.split("## Bronnen om na te kijken")[1]
    assert "3 bronnen op 2 kaarten." in section
    assert _rows(section) == [
        ['<a href="../../praktijken/a/">Alfa</a>', "1. Het rapport (<code>https://example.org/rapport</code>)",
         "geen datum", "<code>practices/a.md</code>"],
        ['<a href="../../praktijken/a/">Alfa</a>', "3. Nieuws (<code>https://nu.nl</code>)",
         "het adres is de voorpagina van een website; geen datum", "<code>practices/a.md</code>"],
        ['<a href="../../praktijken/b/">Bravo</a>', "2. Over ons (<code>https://trimbos.nl/</code>)",
         "het adres is de voorpagina van een website", "<code>practices/b.md</code>"],
    ]
    assert "Vers" not in section
    assert "er is nu geen kaart aan de beurt." in page  # no card is stale


def test_review_page_escapes_what_cards_say():
    odd = Source("<b>Bron</b> & co", 'https://example.org/a"<script>', "Voorbeeld")
    practices = [replace(_practice("x", "<script>alert(1)</script>", dt.date(2020, 1, 1)), sources=(odd,))]
    page = _page_text(practices)
    assert "<script>" not in page and "<b>Bron</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Bron&lt;/b&gt; &amp; co" in page


# -- look-alikes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "other", "place_words", "alike"),
    [
        ("Proeftuin Ruwaard Oss", "Proeftuin Ruwaard", {"oss", "ruwaard"}, True),
        ("proeftuin ruwaard", "Proeftuin Ruwaard", set(), True),
        ("Proeftuin Ruwaart", "Proeftuin Ruwaard", {"ruwaard"}, True),  # a typo
        ("Housing First", "Housing First voor jongeren", set(), True),
        ("Zo doen we dat: Gemengd Wonen", "Gemengd wonen", set(), True),
        ("Goede kaart A", "Goede kaart Z", set(), False),  # one distinguishing word differs
        ("Wijkaanpak Oss", "Schuldhulp Oss", {"oss"}, False),  # only the place is shared
        ("Housing First", "Onder de Pannen", set(), False),
    ],
)
def test_names_alike(name, other, place_words, alike):
    assert names_alike(name, other, frozenset(place_words)) is alike
    assert names_alike(other, name, frozenset(place_words)) is alike


def test_lookalikes_need_the_same_place_and_no_related_link():
    existing = _practice("housing-first-utrecht", "Housing First Utrecht", TODAY)
    assert list(lookalike_pairs([_practice("new", "Housing First", TODAY)], [existing])) \
        == [(_practice("new", "Housing First", TODAY), existing)]
    elsewhere = _practice("new", "Housing First", TODAY, municipality="Zwolle")
    assert not list(lookalike_pairs([elsewhere], [existing]))
    linked = _practice("new", "Housing First", TODAY, related=("housing-first-utrecht",))
    assert not list(lookalike_pairs([linked], [existing]))
    national = _practice("hf", "Housing First Nederland", TODAY, scope="landelijk")
    assert list(lookalike_pairs([_practice("n", "Housing First", TODAY, scope="landelijk")], [national]))


def test_a_title_that_is_another_cards_keyword_is_a_lookalike():
    existing = _practice("gemengd-wonen", "Gemengd Wonen", TODAY, keywords=("Majella Wonen", "Utrecht"))
    new = _practice("majella", "Majella Wonen", TODAY)
    assert [other.slug for _, other in lookalike_pairs([new], [existing])] == ["gemengd-wonen"]


def test_check_of_one_new_card_warns_and_names_the_existing_card(project):
    text = card("Proeftuin Ruwaard Oss")  # VALID_CARD is in Oss, Ruwaard
    (project / "practices" / "ruwaard-oss.md").write_text(text, encoding="utf-8")

    result = check(project, "practices/ruwaard-oss.md")

    assert result.returncode == 0, result.stdout
    assert result.stdout.split("\n")[0] == (
        f"practices/ruwaard-oss.md:{line_of(text, 'title:')}: Titel (title): let op: lijkt op de bestaande kaart "
        "practices/proeftuin-ruwaard.md ('Proeftuin Ruwaard', Ruwaard, Oss) (is het dezelfde praktijk, "
        "werk dan die kaart bij; is het een andere, noem hem dan onder related: [proeftuin-ruwaard])")
    assert "1 waarschuwing" in result.stdout


def test_check_of_all_cards_warns_on_both_lookalikes(project):
    (project / "practices" / "ruwaard-oss.md").write_text(card("Proeftuin Ruwaard Oss"), encoding="utf-8")
    result = check(project)
    assert result.returncode == 0
    warnings = [line for line in result.stdout.split("\n") if "lijkt op de bestaande kaart" in line]
    assert len(warnings) == 2
    assert warnings[0].startswith("practices/proeftuin-ruwaard.md:") and "practices/ruwaard-oss.md" in warnings[0]
    assert warnings[1].startswith("practices/ruwaard-oss.md:") and "practices/proeftuin-ruwaard.md" in warnings[1]


def test_related_says_they_are_different_practices(project):
    text = card("Proeftuin Ruwaard Oss", extra="\nrelated: [proeftuin-ruwaard]")
    (project / "practices" / "ruwaard-oss.md").write_text(text, encoding="utf-8")
    result = check(project, "practices/ruwaard-oss.md")
    assert result.returncode == 0 and "lijkt op" not in result.stdout, result.stdout


def test_same_name_in_another_town_is_no_lookalike(project):
    text = card("Proeftuin Ruwaard", municipality="Tilburg")
    (project / "practices" / "ruwaard-tilburg.md").write_text(text, encoding="utf-8")
    result = check(project, "practices/ruwaard-tilburg.md")
    assert result.returncode == 0 and "lijkt op" not in result.stdout, result.stdout


# -- the build: warnings never fail --strict, "Te herzien" lists the stale cards ---------------------


@pytest.mark.build
def test_strict_build_passes_with_warnings_and_lists_stale_cards_oldest_first(tmp_path):
    project = copy_project(tmp_path / "project")
    ages = {"sunny-selwerd": "2024-05-01", "housing-first": "2021-03-01"}
    for slug, reviewed in ages.items():
        path = project / "practices" / f"{slug}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"last_reviewed: \S+", f"last_reviewed: {reviewed}", text), encoding="utf-8")
    (project / "practices" / "ruwaard-oss.md").write_text(card("Proeftuin Ruwaard Oss"), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PRAKTIJKBANK_TODAY=CONTENT_TODAY.isoformat())

    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)

    assert result.returncode == 0, result.stderr
    assert "let op: de kaart is 5 jaar niet nagekeken" in result.stderr  # reported, at info level
    assert "let op: lijkt op de bestaande kaart" in result.stderr
    page = (project / "site" / "bijdragen" / "te-herzien" / "index.html").read_text(encoding="utf-8")
    assert "2 kaarten te herzien." in page
    assert page.index("Housing First") < page.index("Sunny Selwerd")
    assert 'href="../../praktijken/housing-first/"' in page
    assert "Proeftuin Ruwaard" not in page.split("te herzien.")[1].split("Bronnen om na te kijken")[0]
