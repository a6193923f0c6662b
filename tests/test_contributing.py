"""The contributor's path on GitHub: annotations, workflows, templates, pre-commit, CONTRIBUTING.md."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from praktijkbank.checks.github_annotations import escape_data, escape_property, github_annotation
from praktijkbank.checks.problems import Problem, Severity
from support import ROOT, VALID_CARD, line_of, run_cli

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w.-]+)*@[0-9a-f]{40}$")


# -- GitHub annotations -----------------------------------------------------------------------------


def test_workflow_command_escaping():
    assert escape_data("50% klaar\r\nnieuwe regel") == "50%25 klaar%0D%0Anieuwe regel"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("a:b,c") == "a:b,c"  # only properties escape ':' and ','


def test_annotation_of_an_error_and_a_warning():
    error = Problem("practices/a,b:c.md", 12, "themes[1]", "'x' staat niet in de lijst", "toegestaan: a, b",
                    "wijkaanpak")
    assert github_annotation(error) == (
        "::error file=practices/a%2Cb%3Ac.md,line=12,title=Praktijkbank%3A fout in Thema 1 (themes[1])::"
        "Thema 1 (themes[1]): 'x' staat niet in de lijst (toegestaan: a, b). Bedoelde u 'wijkaanpak'?")
    warning = Problem("practices/a.md", 3, "last_reviewed", "100% oud\necht", severity=Severity.WARNING)
    assert github_annotation(warning) == (
        "::warning file=practices/a.md,line=3,title=Praktijkbank%3A waarschuwing in Laatst nagekeken (last_reviewed)::"
        "Laatst nagekeken (last_reviewed): let op: 100%25 oud%0Aecht")


def test_check_format_github_prints_one_annotation_per_problem(tmp_path):
    (tmp_path / "practices").mkdir()
    shutil.copy2(ROOT / "taxonomy.yml", tmp_path / "taxonomy.yml")
    bad = VALID_CARD.replace("themes: [wijkaanpak]", "themes: [wijkaanpakk]")
    stale = VALID_CARD.replace("title: Voorbeeldpraktijk", "title: Andere praktijk") \
        .replace("last_reviewed: 2026-11-01", "last_reviewed: 2024-01-31")
    (tmp_path / "practices" / "fout.md").write_text(bad, encoding="utf-8")
    (tmp_path / "practices" / "oud.md").write_text(stale, encoding="utf-8")

    result = run_cli("check", "--format", "github", "--today", "2026-11-22", cwd=tmp_path)

    assert result.returncode == 1
    lines = result.stdout.strip().split("\n")
    assert lines == [
        f"::error file=practices/fout.md,line={line_of(bad, 'themes:')},title=Praktijkbank%3A fout in Thema 1 (themes[1])::"
        "Thema 1 (themes[1]): 'wijkaanpakk' staat niet in de woordenlijst 'thema's' (toegestaan: wijkaanpak, "
        "gezondheid-en-welzijn, gemengd-wonen, dakloosheid, uitstroom, langer-thuis, bewonersparticipatie, "
        "wijkvernieuwing, ontschotting, schulden-en-huurachterstand, woonzorgvisie, eenzaamheid). "
        "Bedoelde u 'wijkaanpak'?",
        f"::warning file=practices/oud.md,line={line_of(stale, 'last_reviewed:')},"
        "title=Praktijkbank%3A waarschuwing in Laatst nagekeken (last_reviewed)::Laatst nagekeken (last_reviewed): let op: de kaart is 2 jaar "
        "niet nagekeken (sinds 31 januari 2024) (kijk de feiten na bij de bronnen en zet last_reviewed op "
        "de datum van vandaag)",
        "2 bestanden gecontroleerd: 1 fout in 1 bestand, 1 waarschuwing.",
    ]


# -- workflows --------------------------------------------------------------------------------------


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _run_lines(workflow: dict) -> list[str]:
    return [line.strip() for step in _steps(workflow) for line in step.get("run", "").split("\n") if line.strip()]


def _commands(script: Path) -> list[str]:
    """The commands a shell script runs, without its set-up lines and comments."""
    lines = [line.split(" #")[0].strip() for line in script.read_text(encoding="utf-8").split("\n")]
    return [line for line in lines if line and not line.startswith(("#", "set ", "cd ", "export "))]


def test_every_workflow_is_yaml_with_actions_pinned_by_commit():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["aanmelding.yml", "controle.yml", "publiceren.yml"]
    for path in files:
        workflow = _workflow(path.name)
        assert workflow["name"] and workflow["jobs"], path.name
        for step in _steps(workflow):
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']} is niet vastgezet op een commit"


def test_pull_request_workflow_runs_what_ci_runs_read_only():
    workflow = _workflow("controle.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():  # only the comment may write, and only to pull requests
        assert "permissions" not in job or (name, job["permissions"]) == ("reactie", {"pull-requests": "write"}), \
            "geen job krijgt meer rechten"
    runs = _run_lines(workflow)
    for command in _commands(ROOT / ".ci" / "run"):
        assert command in runs, f"de workflow draait '{command}' uit .ci/run niet"
    env = next(iter(workflow["jobs"].values()))["env"]
    assert env["DEBIAN_FRONTEND"] == "noninteractive"  # the export of .ci/run
    install = next(line for line in _commands(ROOT / "scripts" / "test.sh") if "pip install" in line)
    assert install.split("|| ")[-1].strip() in runs or install in runs
    order = [runs.index(".venv/bin/praktijkbank check --format github"),
             runs.index(".venv/bin/mkdocs build --strict"), runs.index("bash scripts/test.sh")]
    assert order == sorted(order), "eerst controleren, dan streng bouwen, dan testen"
    assert "python:3.11" in next(iter(workflow["jobs"].values()))["container"]


def test_deploy_workflow_publishes_main_on_github_pages():
    workflow = _workflow("publiceren.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" not in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["bouwen"], workflow["jobs"]["publiceren"]
    runs = _run_lines({"jobs": {"bouwen": build}})
    assert ".venv/bin/praktijkbank check --format github" in runs
    assert ".venv/bin/mkdocs build --strict" in runs
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "bouwen"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any("actions/deploy-pages@" in s.get("uses", "") for s in deploy["steps"])


# -- templates and pre-commit -----------------------------------------------------------------------


def test_pull_request_template_has_a_reviewer_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)", text, re.MULTILINE)
    assert len(items) >= 6
    for needed in ("bron", "personen", "last_reviewed", "praktijkbank check", "INVULLEN", "zelf melden"):
        assert any(needed in item for item in items), needed


def test_pre_commit_runs_the_check_and_the_schema_drift_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    check, schema = hooks["praktijkbank-check"], hooks["praktijkbank-schema"]
    assert check["entry"].endswith("praktijkbank check") and check["language"] == "system"
    for changed in ("practices/nieuw.md", "webinars/2026-01-01-x.md", "taxonomy.yml"):
        assert re.search(check["files"], changed), changed
    assert not re.search(check["files"], "docs/index.md")
    for changed in ("src/praktijkbank/content/schema.py", "taxonomy.yml", "schemas/webinar.schema.json"):
        assert re.search(schema["files"], changed), changed
    for hook in (check, schema):  # the hooks run, and pass on the real project
        result = subprocess.run(shlex.split(hook["entry"]), cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr


# -- CONTRIBUTING.md --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def contributing() -> str:
    return (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_contributing_covers_the_web_interface_and_git(contributing):
    for needed in ("bash scripts/site.sh", "praktijkbank check", "praktijkbank nieuw", "Create new file",
                   "Create pull request", "Files changed", "sjablonen/praktijkkaart.md",
                   "praktijkvoorbeeld-aanmelden.yml", "Te herzien", "praktijkbank schema --write"):
        assert needed in contributing, needed


def test_contributing_links_point_at_files_that_exist(contributing):
    for target in re.findall(r"\]\(([^)#]+?)\)", contributing):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), target


def test_the_example_card_in_contributing_passes_the_check(tmp_path, contributing):
    example = re.search(r"```markdown\n(---\n.*?)```", contributing, re.DOTALL).group(1)
    (tmp_path / "practices").mkdir()
    shutil.copy2(ROOT / "taxonomy.yml", tmp_path / "taxonomy.yml")
    (tmp_path / "practices" / "proeftuin-ruwaard.md").write_text(example, encoding="utf-8")
    result = run_cli("check", "--today", "2026-11-22", cwd=tmp_path)
    # The example's source has no date (we know none): the one warning it may give.
    warnings = [line for line in result.stdout.splitlines() if "let op" in line]
    assert result.returncode == 0 and all("de bron heeft geen datum" in w for w in warnings), result.stdout


# -- on the site, in Chromium -----------------------------------------------------------------------


@pytest.mark.browser
def test_contributor_pages_are_in_the_navigation_and_serve_the_schema(browser_page, site_url):
    page, requests = browser_page
    page.goto(site_url)
    navigation = page.get_by_role("navigation", name="Navigatie")
    navigation.get_by_text("Bijdragen", exact=True).first.click()  # opens the section
    navigation.get_by_role("link", name="Velden van een kaart").first.click()
    page.wait_for_url(f"{site_url}bijdragen/velden/")
    assert page.get_by_role("heading", name="Velden van een kaart", level=1).is_visible()
    assert page.locator("table code", has_text="partners[].role").count() == 1

    page.get_by_role("link", name="Soorten partners").first.click()
    assert page.url.endswith("#woordenlijst-partner-roles")
    assert page.locator("#woordenlijst-partner-roles").is_visible()

    schema = page.evaluate("""async () => {
        const link = [...document.querySelectorAll('a')].find(a => a.textContent === 'praktijkkaart.schema.json');
        const response = await fetch(link.href);
        return {status: response.status, body: await response.json()};
    }""")
    assert schema["status"] == 200
    assert schema["body"]["title"] == "Praktijkbank: praktijkkaart"

    page.get_by_role("navigation", name="Navigatie").get_by_role("link", name="Te herzien").first.click()
    page.wait_for_url(f"{site_url}bijdragen/te-herzien/")
    assert page.get_by_text("Alle kaarten zijn het afgelopen jaar nagekeken").is_visible()
    assert requests.foreign(site_url) == []
