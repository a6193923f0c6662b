"""Evidence, research, figures and sources: the rules of the card schema that say who says what.

Each rule is reported with the file, the line a person must change, the field and a Dutch
message; an error never costs the valid card beside it, and a warning never fails the check.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from praktijkbank.authoring.json_schema import json_schema
from praktijkbank.content.models import Figure
from praktijkbank.content.cards import load_practice_file, load_practices
from praktijkbank.checks.problems import Problem, Severity
from praktijkbank.content.schema import PRACTICE
from praktijkbank.content.taxonomy import Taxonomy, TaxonomyError, load_taxonomy
from praktijkbank.checks.fields import is_home_page, source_warnings
from support import ROOT, TODAY, VALID_CARD, line_of, run_cli

DISPLAY = "practices/kaart.md"

RESEARCH_SOURCE = """\
  - title: Evaluatie van de praktijk
    url: https://example.org/evaluatie
    publisher: Onderzoeksbureau
    date: 2023-05-01
    research: true
"""


def changed(old: str, new: str, text: str = VALID_CARD) -> str:
    assert old in text, f"{old!r} staat niet in de kaart"
    return text.replace(old, new, 1)


def with_research_source(text: str = VALID_CARD) -> str:
    return changed("contact:\n", RESEARCH_SOURCE + "contact:\n", text)


def evidence(value: str, text: str = VALID_CARD) -> str:
    return changed("evidence: zelf-gerapporteerd", f"evidence: {value}", text)


def check_one(tmp_path: Path, taxonomy, content: str, name: str = "kaart.md"):
    folder = tmp_path / "practices"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(content, encoding="utf-8")
    practice, log = load_practice_file(path, f"practices/{name}", taxonomy, TODAY)
    return practice, log.items


def texts(problems: list[Problem]) -> str:
    return "\n".join(p.text() for p in problems) or "(geen problemen)"


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, texts(problems)
    return problems[0]


def nothing_valid_lost(tmp_path: Path, taxonomy, bad: str) -> None:
    """The bad card beside a valid one: the valid one is still loaded."""
    folder = tmp_path / "samen" / "practices"
    folder.mkdir(parents=True)
    (folder / "a-goed.md").write_text(VALID_CARD, encoding="utf-8")
    (folder / "b-fout.md").write_text(bad.replace("title: Voorbeeldpraktijk", "title: Andere praktijk"),
                                      encoding="utf-8")
    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path / "samen")
    assert [p.slug for p in result.practices] == ["a-goed"]
    assert {p.path for p in result.errors} == {"practices/b-fout.md"}


# -- the vocabulary ---------------------------------------------------------------------------------


def test_evidence_values_are_those_of_the_contract(taxonomy):
    assert taxonomy["evidence"].values == {
        "geen-resultaten-bekend": "Geen resultaten bekend",
        "zelf-gerapporteerd": "Resultaten gemeld door de partners zelf",
        "onderzoek-loopt": "Onderzoek loopt",
        "procesevaluatie": "Procesevaluatie",
        "onderzoek-met-partners": "Onderzoek in opdracht van of samen met de partners",
        "onafhankelijk-onderzoek": "Onafhankelijk onderzoek",
    }
    assert set(taxonomy["evidence"].descriptions) == set(taxonomy["evidence"].values)
    assert taxonomy["evidence"].renamed == {"onafhankelijk-effectonderzoek": "onafhankelijk-onderzoek"}
    assert taxonomy["partner_roles"].values["onbekend"] == "Soort niet bekend"
    assert list(taxonomy["figure_kinds"].values) == ["bewoners", "woningen", "deelnemers", "budget"]


def test_renamed_value_still_works_with_a_warning_and_the_new_key(tmp_path, taxonomy):
    card = with_research_source(evidence("onafhankelijk-effectonderzoek"))
    practice, problems = check_one(tmp_path, taxonomy, card)
    problem = only(problems)
    assert problem.severity is Severity.WARNING
    assert problem.text() == (
        f"{DISPLAY}:{line_of(card, 'evidence:')}: Onderbouwing (evidence): let op: 'onafhankelijk-effectonderzoek' heet nu "
        "'onafhankelijk-onderzoek' (schrijf 'onafhankelijk-onderzoek'; de oude waarde werkt nog, maar "
        "verdwijnt later)")
    assert practice is not None and practice.evidence == "onafhankelijk-onderzoek"
    assert taxonomy["evidence"].label_of("onafhankelijk-effectonderzoek") == "Onafhankelijk onderzoek"


def test_renamed_value_without_research_source_keeps_working_with_two_warnings(tmp_path, taxonomy):
    practice, problems = check_one(tmp_path, taxonomy, evidence("onafhankelijk-effectonderzoek"))
    assert practice is not None
    assert [p.severity for p in problems] == [Severity.WARNING, Severity.WARNING], texts(problems)
    assert "heet nu" in problems[0].message and "research: true" in problems[1].message


def test_renaming_works_for_any_vocabulary(taxonomy, tmp_path):
    data = yaml.safe_load((ROOT / "taxonomy.yml").read_text(encoding="utf-8"))
    data["themes"]["renamed"] = {"wijkgericht": "wijkaanpak"}
    renamed = Taxonomy.from_mapping(data)
    card = changed("themes: [wijkaanpak]", "themes: [wijkgericht]")
    practice, problems = check_one(tmp_path, renamed, card)
    assert practice is not None and practice.themes == ("wijkaanpak",)
    assert only(problems).text() == (
        f"{DISPLAY}:{line_of(card, 'themes:')}: Thema 1 (themes[1]): let op: 'wijkgericht' heet nu 'wijkaanpak' "
        "(schrijf 'wijkaanpak'; de oude waarde werkt nog, maar verdwijnt later)")


@pytest.mark.parametrize(
    ("part", "value", "message"),
    [
        ("renamed", {"oud": "bestaat-niet"}, "'oud' heet nu 'bestaat-niet', maar 'bestaat-niet' staat niet onder 'values'"),
        ("renamed", {"wijk": "gemeente"}, "'wijk' staat onder 'values' én onder 'renamed'"),
        ("renamed", ["oud"], "'renamed' van woordenlijst 'scope' moet 'oud: nieuw' per regel zijn"),
        ("descriptions", {"stad": "Een stad."}, "uitleg bij 'stad', maar die waarde staat niet onder 'values'"),
    ],
)
def test_a_broken_rename_or_description_in_the_taxonomy_is_refused(part, value, message):
    data = yaml.safe_load((ROOT / "taxonomy.yml").read_text(encoding="utf-8"))
    data["scope"][part] = value
    with pytest.raises(TaxonomyError, match=message):
        Taxonomy.from_mapping(data)


def test_partner_role_onbekend_and_researchers_and_funders(tmp_path, taxonomy):
    card = changed("    role: gemeente\n", "    role: gemeente\n  - name: Stichting Buurt\n    role: onbekend\n")
    card = changed("started: 2016", "researchers: [Verwey-Jonker Instituut]\nfunders: [Fonds A, Fonds B]\n"
                   "started: 2016", card)
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert not problems, texts(problems)
    assert [p.role for p in practice.partners] == ["gemeente", "onbekend"]
    assert practice.researchers == ("Verwey-Jonker Instituut",)
    assert practice.funders == ("Fonds A", "Fonds B")


# -- research behind the evidence -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["onafhankelijk-onderzoek", "onderzoek-met-partners"])
def test_research_evidence_needs_a_source_marked_research(value, tmp_path, taxonomy):
    card = evidence(value)
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is None
    problem = only(problems)
    assert problem.is_error
    assert problem.text() == (
        f"{DISPLAY}:{line_of(card, 'evidence:')}: Onderbouwing (evidence): bij '{value}' moet minstens één bron het onderzoek "
        "zelf zijn, maar geen bron heeft 'research: true' (zet 'research: true' bij de bron met het "
        "onderzoek, of kies een andere onderbouwing)")
    nothing_valid_lost(tmp_path, taxonomy, card)


@pytest.mark.parametrize("value", ["onafhankelijk-onderzoek", "onderzoek-met-partners"])
def test_research_evidence_with_a_research_source_passes(value, tmp_path, taxonomy):
    practice, problems = check_one(tmp_path, taxonomy, with_research_source(evidence(value)))
    assert not problems, texts(problems)
    assert [s.research for s in practice.sources] == [False, True]


def test_research_false_is_not_research(tmp_path, taxonomy):
    card = with_research_source(evidence("onafhankelijk-onderzoek")).replace("research: true", "research: false")
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is None and only(problems).field == "evidence"


def test_research_that_is_not_true_or_false_is_reported_once(tmp_path, taxonomy):
    card = with_research_source(evidence("onafhankelijk-onderzoek")).replace("research: true", "research: ja")
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is None
    assert only(problems).text() == (
        f"{DISPLAY}:{line_of(card, 'research: ja')}: Bron 2, onderzoek (sources[2].research): moet true of false zijn, maar is 'ja' "
        "(schrijf true of false, zonder aanhalingstekens)")


def test_other_evidence_needs_no_research(tmp_path, taxonomy):
    for value in ("geen-resultaten-bekend", "zelf-gerapporteerd", "onderzoek-loopt", "procesevaluatie"):
        practice, problems = check_one(tmp_path, taxonomy, evidence(value))
        assert practice is not None and not problems, texts(problems)


# -- figures ----------------------------------------------------------------------------------------

FIGURES = """\
figures:
  - what: woningen
    value: 565
    year: 2017
    source: 1
    note: studio's en kamers
  - what: budget
    value: 2500000
    source: 1
"""


def with_figures(figures: str = FIGURES, text: str = VALID_CARD) -> str:
    return changed("contact:\n", figures + "contact:\n", text)


def test_figures_become_part_of_the_card(tmp_path, taxonomy):
    practice, problems = check_one(tmp_path, taxonomy, with_figures())
    assert not problems, texts(problems)
    assert practice.figures == (Figure("woningen", 565, 1, 2017, "studio's en kamers"),
                                Figure("budget", 2500000, 1))
    assert isinstance(practice.figures[0].value, int)


def test_a_figure_may_be_a_decimal_and_about_a_coming_year(tmp_path, taxonomy):
    card = with_figures(FIGURES.replace("value: 2500000", "value: 2.5").replace("year: 2017", "year: 2028"))
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert not problems, texts(problems)
    assert practice.figures[1].value == 2.5 and practice.figures[0].year == 2028


@pytest.mark.parametrize(
    ("old", "new", "expected", "at"),
    [
        ("    source: 1\n    note", "    source: 3\n    note",
         "Cijfer 1, bron (figures[1].source): er is geen bron 3: de kaart heeft 1 bron (1, de enige bron onder sources)",
         "source: 3"),
        ("    value: 2500000\n    source: 1", "    value: 2500000\n    source: 0",
         "Cijfer 2, bron (figures[2].source): 0 valt buiten het bereik (1 of meer)", "source: 0"),
        ("    source: 1\n    note", "    source: eerste\n    note",
         "Cijfer 1, bron (figures[1].source): moet een heel getal zijn, maar is tekst", "source: eerste"),
        ("    source: 1\n    note", "    source: '1'\n    note",
         "Cijfer 1, bron (figures[1].source): moet een heel getal zijn, maar is tekst (zonder aanhalingstekens)", "source: '1'"),
        ("    source: 1\n    note", "    note",
         "Cijfer 1, bron (figures[1].source): verplicht veld ontbreekt (Het nummer van de bron onder sources die het cijfer "
         "noemt (1 is de eerste bron))", "- what: woningen"),
        ("  - what: woningen", "  - what: huizen",
         "Cijfer 1, soort cijfer (figures[1].what): 'huizen' staat niet in de woordenlijst 'soorten cijfers' (toegestaan: bewoners, "
         "woningen, deelnemers, budget)", "what: huizen"),
        ("    value: 565", "    value: veel", "Cijfer 1, getal (figures[1].value): moet een getal zijn, maar is tekst", "value: veel"),
        ("    value: 565", "    value: -5", "Cijfer 1, getal (figures[1].value): -5 is kleiner dan 0 (0 of meer)", "value: -5"),
        ("    year: 2017", "    year: 1850", "Cijfer 1, jaar (figures[1].year): 1850 is geen aannemelijk jaartal (vanaf 1900)",
         "year: 1850"),
    ],
    ids=["source-not-on-card", "source-zero", "source-text", "source-quoted", "source-missing", "unknown-kind",
         "value-text", "value-negative", "year-implausible"],
)
def test_a_wrong_figure_is_reported_with_line_and_field(old, new, expected, at, tmp_path, taxonomy):
    card = with_figures(FIGURES.replace(old, new, 1))
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is None
    problem = only([p for p in problems if p.is_error])
    assert problem.detail().startswith(expected), problem.detail()
    assert problem.path == DISPLAY and problem.line == line_of(card, at)
    nothing_valid_lost(tmp_path, taxonomy, card)


def test_figure_source_counts_the_sources_of_the_card(tmp_path, taxonomy):
    card = with_figures(FIGURES.replace("    source: 1\n    note", "    source: 3\n    note"),
                        with_research_source(VALID_CARD))
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is None
    assert only(problems).text() == (
        f"{DISPLAY}:{line_of(card, 'source: 3')}: Cijfer 1, bron (figures[1].source): er is geen bron 3: de kaart heeft 2 bronnen "
        "(een nummer van 1 tot en met 2; 1 is de eerste bron onder sources)")
    fixed = card.replace("source: 3", "source: 2")
    practice, problems = check_one(tmp_path, taxonomy, fixed)
    assert not problems and practice.figures[0].source == 2


# -- sources: the page that says it, and its date ---------------------------------------------------


@pytest.mark.parametrize(
    ("url", "home"),
    [("https://trimbos.nl", True), ("https://trimbos.nl/", True), ("http://www.trimbos.nl/", True),
     ("https://trimbos.nl/over-ons", False), ("https://trimbos.nl/?p=12", False), ("https://trimbos.nl/#a", True)],
)
def test_home_page_is_an_address_without_a_path(url, home):
    assert is_home_page(url) is home


def test_source_url_without_path_is_a_warning_on_its_line(tmp_path, taxonomy):
    card = changed("    url: https://example.org/over\n", "    url: https://trimbos.nl/\n")
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is not None  # a warning: the card stays
    problem = only(problems)
    assert problem.severity is Severity.WARNING
    assert problem.text() == (
        f"{DISPLAY}:{line_of(card, 'url: https://trimbos.nl/')}: Bron 1, webadres (sources[1].url): let op: 'https://trimbos.nl/' "
        "is de voorpagina van een website, niet de pagina met het feit (geef het adres van de pagina waar het "
        "feit staat)")


def test_source_without_date_is_a_warning_on_the_source(tmp_path, taxonomy):
    card = changed("    date: 2022-02-09\n", "")
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is not None
    problem = only(problems)
    assert problem.severity is Severity.WARNING
    assert problem.text() == (
        f"{DISPLAY}:{line_of(card, '  - title: Over de praktijk')}: Bron 1, datum (sources[1].date): let op: de bron heeft geen "
        "datum (zet date: JJJJ-MM-DD erbij als de pagina een datum noemt)")


def test_source_warnings_are_one_rule(taxonomy):
    assert [w.field for w in source_warnings("https://nu.nl", None)] == ["url", "date"]
    assert source_warnings("https://nu.nl/artikel", "2024-01-01") == []
    assert source_warnings("geen adres", "2024-01-01") == []  # the schema reports a broken address


def test_check_exits_0_with_source_warnings(tmp_path):
    shutil.copy2(ROOT / "taxonomy.yml", tmp_path / "taxonomy.yml")
    (tmp_path / "practices").mkdir()
    card = changed("    url: https://example.org/over\n    publisher: Voorbeeld\n    date: 2022-02-09\n",
                   "    url: https://nu.nl\n    publisher: Voorbeeld\n")
    (tmp_path / "practices" / "kaart.md").write_text(card, encoding="utf-8")
    result = run_cli("check", "--today", TODAY.isoformat(), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().split("\n")[-1] == "1 bestand gecontroleerd: alles in orde, 2 waarschuwingen."


# -- the optional heading "Werkzame elementen" ------------------------------------------------------

SECTION = "## Werkzame elementen\n\nVolgens de evaluatie maakte de vaste contactpersoon het verschil.\n\n"


def test_werkzame_elementen_between_resultaten_and_lessen_passes(tmp_path, taxonomy):
    card = changed("## Lessen\n", SECTION + "## Lessen\n")
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert not problems, texts(problems)
    assert "Werkzame elementen" in practice.body


@pytest.mark.parametrize("before", ["## Resultaten\n", "## In het kort\n", None])
def test_werkzame_elementen_in_another_place_is_an_error(before, tmp_path, taxonomy):
    card = changed(before, SECTION + before) if before else VALID_CARD + "\n" + SECTION
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is None
    assert only(problems).text() == (
        f"{DISPLAY}:{line_of(card, '## Werkzame elementen')}: tekst: de kop '## Werkzame elementen' staat niet op "
        "zijn vaste plek (zet hem tussen '## Resultaten' en '## Lessen')")
    nothing_valid_lost(tmp_path, taxonomy, card)


def test_required_headings_are_still_required(tmp_path, taxonomy):
    card = changed("## Lessen\n\nTekst.\n", SECTION)
    practice, problems = check_one(tmp_path, taxonomy, card)
    assert practice is None
    assert "de verplichte kop '## Lessen' ontbreekt" in texts(problems)


# -- the JSON Schema follows --------------------------------------------------------------------------


def test_json_schema_knows_the_new_fields_and_the_old_key(taxonomy):
    validator = jsonschema.Draft202012Validator(json_schema("praktijkkaart", PRACTICE, taxonomy))

    def front(text: str) -> dict:
        return json.loads(json.dumps(yaml.safe_load(text.split("---\n")[1]), default=str))

    good = with_figures(text=with_research_source(evidence("onafhankelijk-onderzoek")))
    assert not list(validator.iter_errors(front(good)))
    assert not list(validator.iter_errors(front(evidence("onafhankelijk-effectonderzoek"))))
    assert list(validator.iter_errors(front(with_figures(FIGURES.replace("source: 1\n    note", "source: 0\n    note")))))
    assert list(validator.iter_errors(front(with_figures(FIGURES.replace("what: woningen", "what: huizen")))))
    node = json_schema("praktijkkaart", PRACTICE, taxonomy)["properties"]["evidence"]
    assert "onafhankelijk-effectonderzoek (heet nu onafhankelijk-onderzoek)" in node["description"]


def test_the_real_taxonomy_loads():
    assert isinstance(load_taxonomy(ROOT / "taxonomy.yml"), Taxonomy)
