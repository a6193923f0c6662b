"""``praktijkbank export`` refuses clearly, in Dutch, before it builds anything."""

from __future__ import annotations

from support import VALID_CARD, copy_project, run_cli


def _no_zip(project) -> bool:
    return not (project / "dist").exists() or not list((project / "dist").iterdir())


def test_unknown_options_exit_2_with_every_problem_and_a_suggestion(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_cli("export", "--thema", "daklosheid", "--kaart", "housing-frist", cwd=project)
    assert result.returncode == 2
    assert "praktijkbank: --thema 'daklosheid': geen thema" in result.stderr
    assert "Bedoelde u 'dakloosheid'?" in result.stderr
    assert "praktijkbank: --kaart 'housing-frist': geen kaart met die naam" in result.stderr
    assert "Bedoelde u 'housing-first'?" in result.stderr
    assert _no_zip(project)


def test_invalid_content_exits_1_and_names_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "practices" / "kapot.md").write_text(VALID_CARD.replace("status: lopend", "status: bijna"),
                                                   encoding="utf-8")
    result = run_cli("export", cwd=project)
    assert result.returncode == 1
    assert "practices/kapot.md:" in result.stderr and "status" in result.stderr
    assert "eerst de fouten hierboven oplossen" in result.stderr
    assert _no_zip(project)
    assert not list(project.glob(".praktijkbank-export-*"))


def test_a_live_address_must_be_a_web_address(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_cli("export", "--live-adres", "praktijkbank.nl", cwd=project)
    assert result.returncode == 2
    assert "--live-adres: 'praktijkbank.nl' is geen volledig webadres" in result.stderr


def test_help_is_dutch_and_names_the_options():
    result = run_cli("export", "--help")
    assert result.returncode == 0
    for option in ("--thema", "--doelgroep", "--kaart", "--live-adres", "--uitvoer"):
        assert option in result.stdout
    assert "gebruik:" in result.stdout and "zonder internet" in result.stdout
