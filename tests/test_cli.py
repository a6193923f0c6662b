"""`praktijkbank check` as a contributor and CI run it: exit codes 0/1/2, output and messages.

Most tests run the command in-process (``support.run_cli``); the first ones run it as its own
process too and expect the same exit code and output.
"""

from __future__ import annotations

import re

import json
import shutil
from pathlib import Path

import pytest

from support import ROOT, VALID_CARD, line_of, run_cli, run_cli_process


def changed(old: str, new: str, text: str = VALID_CARD) -> str:
    assert old in text, f"{old!r} staat niet in de kaart"
    return text.replace(old, new, 1)


def titled(title: str, text: str = VALID_CARD) -> str:
    return changed("title: Voorbeeldpraktijk", f"title: {title}", text)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh project: the real taxonomy.yml and a practices/ folder with two valid cards."""
    root = tmp_path / "project"
    (root / "practices").mkdir(parents=True)
    shutil.copy2(ROOT / "taxonomy.yml", root / "taxonomy.yml")
    add(root, "ruwaard.md", titled("Ruwaard"))
    add(root, "selwerd.md", titled("Selwerd"))
    return root


def add(root: Path, name: str, content: str | bytes) -> str:
    path = root / "practices" / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return content if isinstance(content, str) else ""


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr, result.stderr


# -- as its own process ----------------------------------------------------------------------------


@pytest.mark.parametrize("card, args, code", [
    (None, ("check", "--today", "2026-11-22"), 0),
    ("---\ntitle: Kapot\n---\n", ("check", "--today", "2026-11-22"), 1),
    (None, ("check", "--formaat", "xml"), 2),
], ids=["in-orde", "fout", "verkeerd-gebruik"])
def test_the_process_exits_and_prints_as_the_command_does_in_process(project, card, args, code):
    if card is not None:
        add(project, "kapot.md", card)
    alone, here = run_cli_process(*args, cwd=project), run_cli(*args, cwd=project)
    assert alone.returncode == here.returncode == code, alone.stdout + alone.stderr
    assert (alone.stdout, alone.stderr) == (here.stdout, here.stderr)
    assert alone.stdout + alone.stderr, "the command says something"
    no_traceback(alone)


# -- exit 0 ----------------------------------------------------------------------------------------


def test_valid_content_exits_0_with_a_dutch_summary(project):
    result = run_cli("check", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["2 bestanden gecontroleerd: alles in orde."]
    assert result.stderr == ""


def test_a_folder_as_argument_checks_its_cards(project):
    result = run_cli("check", "practices", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "2 bestanden gecontroleerd: alles in orde."


def test_today_option_is_used_for_date_checks(project):
    # The cards were reviewed on 2026-11-01: on 2026-10-01 that lies in the future.
    result = run_cli("check", "--today", "2026-10-01", cwd=project)
    assert result.returncode == 1
    line = line_of(VALID_CARD, "last_reviewed:")
    assert (f"practices/ruwaard.md:{line}: Laatst nagekeken (last_reviewed): 2026-11-01 ligt in de toekomst "
            "(uiterlijk vandaag, 2026-10-01)") in result.stdout.splitlines()


# -- exit 1 ----------------------------------------------------------------------------------------


def test_invalid_content_exits_1_and_prints_every_problem_of_every_file(project):
    first = titled("Fout A", changed("## Lessen\n", "", changed("status: lopend", "status: lopen")))
    second = titled("Fout B", changed("last_reviewed: 2026-11-01", "last_reviewed: 2024-13-45",
                                      changed("role: gemeente", "role: woningcorporaties")))
    add(project, "a-fout.md", first)
    add(project, "b-fout.md", second)
    add(project, "c-leeg.md", b"")

    result = run_cli("check", "--today", "2026-11-22", cwd=project)

    assert result.returncode == 1, result.stdout + result.stderr
    no_traceback(result)
    lines = result.stdout.splitlines()
    assert lines[:-1] == [
        f"practices/a-fout.md:{line_of(first, 'status:')}: Status (status): 'lopen' staat niet in de woordenlijst "
        "'statussen' (toegestaan: idee, pilot, lopend, structureel, afgerond, gestopt, onbekend). "
        "Bedoelde u 'lopend'?",
        f"practices/a-fout.md:{line_of(first, '## Resultaten')}: tekst: de verplichte kop '## Lessen' ontbreekt "
        "(verplicht, in deze volgorde: In het kort · Aanpak · Wie werken samen · Resultaten · Lessen)",
        f"practices/b-fout.md:{line_of(second, 'role:')}: Partner 1, soort partner (partners[1].role): 'woningcorporaties' staat niet in "
        "de woordenlijst 'soorten partners' (toegestaan: gemeente, provincie, rijksoverheid, woningcorporatie, "
        "zorgaanbieder, ggz, maatschappelijke-opvang, welzijnsorganisatie, zorgverzekeraar, huurdersorganisatie, "
        "bewonersorganisatie, adviesraad, kennisinstituut, brancheorganisatie, particulieren, overig, onbekend). "
        "Bedoelde u 'woningcorporatie'?",
        f"practices/b-fout.md:{line_of(second, 'last_reviewed:')}: Laatst nagekeken (last_reviewed): '2024-13-45' is geen "
        "bestaande datum (schrijf JJJJ-MM-DD, bijvoorbeeld 2024-05-01)",
        "practices/c-leeg.md:1: bestand: het bestand is leeg (een kaart begint met een kop tussen '---'-regels)",
    ]
    assert lines[-1] == "5 bestanden gecontroleerd: 5 fouten in 3 bestanden."


def test_one_invalid_file_gives_singular_summary(project):
    add(project, "kapot.md", "geen kop\n")
    result = run_cli("check", "practices/kapot.md", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "practices/kapot.md:1: kop: het bestand begint niet met een kop (front matter) tussen twee "
        "'---'-regels (de eerste regel moet precies '---' zijn)",
        "1 bestand gecontroleerd: 1 fout in 1 bestand.",
    ]


def test_non_utf8_card_is_a_content_error_not_a_crash(project):
    add(project, "latin.md", titled("Café").encode("latin-1"))
    result = run_cli("check", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 1
    no_traceback(result)
    assert "practices/latin.md:2: bestand: het bestand is geen UTF-8" in result.stdout


# -- exit 2 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["practices/bestaat-niet.md", "nergens", "/bestaat/echt/niet.md"])
def test_missing_path_exits_2_in_dutch(project, missing):
    result = run_cli("check", missing, cwd=project)
    assert result.returncode == 2
    no_traceback(result)
    assert result.stdout == ""
    assert result.stderr.strip() == f"praktijkbank: '{missing}' bestaat niet"


def test_broken_taxonomy_yaml_exits_2(project):
    (project / "taxonomy.yml").write_text("scope:\n  values: [wijk\n", encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 2
    no_traceback(result)
    assert result.stdout == ""
    assert "taxonomy.yml: geen geldige YAML" in result.stderr


def test_taxonomy_without_a_vocabulary_exits_2(project):
    taxonomy = (project / "taxonomy.yml").read_text(encoding="utf-8")
    (project / "taxonomy.yml").write_text(taxonomy.replace("themes:\n", "thema:\n"), encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 2
    no_traceback(result)
    assert "woordenlijst 'themes' ontbreekt of heeft geen 'values'" in result.stderr


def test_outside_a_project_exits_2(tmp_path):
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2
    no_traceback(result)
    assert "geen Praktijkbank-project gevonden" in result.stderr
    assert "taxonomy.yml" in result.stderr


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["check", "--bestaat-niet"], "fout in de opdracht: onbekende optie of waarde: --bestaat-niet"),
        (["check", "--format", "xml"], "fout in de opdracht: --format: onbekende keuze 'xml' (kies uit 'tekst', 'text', 'json', 'github')"),
        (["check", "--format"], "fout in de opdracht: --format: hier hoort een waarde achter"),
        (["check", "--today", "22-11-2026"], "fout in de opdracht: --today: '22-11-2026' is geen datum (JJJJ-MM-DD)"),
        (["controleer"], "fout in de opdracht: opdracht: onbekende keuze 'controleer' (kies uit 'check', 'nieuw', 'formulier', 'schema', 'export', 'zoek')"),
    ],
    ids=["unknown-option", "bad-format", "format-without-value", "bad-today", "unknown-command"],
)
def test_usage_errors_exit_2_in_dutch(project, args, dutch):
    result = run_cli(*args, cwd=project)
    assert result.returncode == 2
    no_traceback(result)
    assert result.stdout == ""
    assert result.stderr.startswith("gebruik: praktijkbank")
    assert result.stderr.splitlines()[-1] == f"praktijkbank: {dutch}"
    for english in ("usage:", "unrecognized", "invalid choice", "expected one argument", "argument "):
        assert english not in result.stderr


def test_help_is_dutch(project):
    result = run_cli("check", "--help", cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: praktijkbank check")
    assert "toon deze hulp en stop" in result.stdout
    for english in ("usage:", "show this help message", "positional arguments", "options:"):
        assert english not in result.stdout


# -- JSON for tools ----------------------------------------------------------------------------------


def test_json_output_carries_path_line_field_and_message(project):
    bad = add(project, "fout.md", titled("Fout", changed("themes: [wijkaanpak]", "themes: [Daklozenheid]")))
    result = run_cli("check", "--format", "json", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["files_checked"] == 3
    assert report["errors"] == 1 and report["warnings"] == 0
    assert report["summary"] == "3 bestanden gecontroleerd: 1 fout in 1 bestand."
    [problem] = report["problems"]
    assert problem["path"] == "practices/fout.md"
    assert problem["line"] == line_of(bad, "themes:")
    assert problem["field"] == "themes[1]"
    assert problem["message"] == "'Daklozenheid' staat niet in de woordenlijst 'thema's'"
    assert problem["allowed"].startswith("toegestaan: wijkaanpak")
    assert problem["suggestion"] == "dakloosheid"
    assert problem["severity"] == "fout"
    assert problem["text"].endswith("Bedoelde u 'dakloosheid'?")


def test_json_output_for_valid_content(project):
    result = run_cli("check", "--format", "json", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["problems"] == [] and report["errors"] == 0 and report["files_checked"] == 2


# -- one card, checked against the others --------------------------------------------------------------


def test_single_file_resolves_related_against_the_other_cards(project):
    add(project, "nieuw.md", titled("Nieuw", changed("keywords: [voorbeeld]",
                                                     "keywords: [voorbeeld]\nrelated: [ruwaard, selwerd]")))
    result = run_cli("check", "practices/nieuw.md", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["1 bestand gecontroleerd: alles in orde."]


def test_single_file_named_as_related_by_another_card_is_checked_without_a_crash(project):
    """The other cards are loaded to compare with; their related entries may name the checked card."""
    add(project, "nieuw.md", titled("Nieuw"))
    add(project, "ouder.md", titled("Ouder", changed("keywords: [voorbeeld]",
                                                     "keywords: [voorbeeld]\nrelated: [nieuw, ruwaard]")))
    result = run_cli("check", "practices/nieuw.md", "--today", "2026-11-22", cwd=project)
    no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["1 bestand gecontroleerd: alles in orde."]


def test_single_file_with_unknown_related_card_gets_a_suggestion(project):
    card = add(project, "nieuw.md", titled("Nieuw", changed("keywords: [voorbeeld]",
                                                            "keywords: [voorbeeld]\nrelated: [ruward]")))
    result = run_cli("check", "practices/nieuw.md", "--today", "2026-11-22", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"practices/nieuw.md:{line_of(card, 'related:')}: Verwante kaart 1 (related[1]): er is geen kaart 'ruward' "
        "(bestandsnamen zonder .md). Bedoelde u 'ruwaard'?"
    )


def test_single_file_from_a_subfolder_of_the_project(project):
    """Run from inside practices/: the project is found upwards, paths are shown from where you stand."""
    add(project, "nieuw.md", titled("Nieuw", changed("keywords: [voorbeeld]",
                                                     "keywords: [voorbeeld]\nrelated: [selwerd]")))
    result = run_cli("check", "nieuw.md", "--today", "2026-11-22", cwd=project / "practices")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "1 bestand gecontroleerd: alles in orde."


# -- the real content --------------------------------------------------------------------------------


def test_the_real_project_content_is_valid():
    result = run_cli("check", "--today", "2026-12-05")
    assert result.returncode == 0, result.stdout + result.stderr
    cards = sorted((ROOT / "practices").glob("*.md"))
    assert len(cards) >= 6, "Ruwaard, Gemengd Wonen, Selwerd, De Posten, Housing First en Onder de Pannen"
    webinars = sorted((ROOT / "webinars").glob("*.md"))  # checked too, by default
    assert len(webinars) >= 4, "de vier webinars van 2022"
    *warnings, summary = result.stdout.splitlines()
    assert re.fullmatch(f"{len(cards) + len(webinars)} bestanden gecontroleerd: alles in orde"
                        r"(, \d+ waarschuwingen?)?\.", summary), summary
    # Only the warnings a source may deserve: no date, or an address without a path.
    assert all(re.search(r"Bron \d+, (datum|webadres) \(sources\[\d+\]\.(date|url)\): let op: ", line) for line in warnings), warnings
