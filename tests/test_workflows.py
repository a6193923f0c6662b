"""The GitHub workflows: lint-clean (actionlint, zizmor), pinned, least privilege, and safe with hostile issues.

The shell steps of aanmelding.yml are also run here, as GitHub would run them, with a hostile
issue body in the environment and a stand-in for the `gh` command: what the body says must
never run, and the card must arrive on the branch unchanged.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT, TODAY, copy_project

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent

# Every action the workflows use, at the commit of the release named in the comment next to it.
# Where each SHA comes from (nothing here can reach GitHub): checkout and setup-python as the
# workflows already pinned them; upload-artifact v5.0.0 as pinned, with that version comment, by
# several public workflows in the search index (also the same SHA in a table of pins "v5.0.0").
PINNED = {
    "actions/checkout": ("08c6903cd8c0fde910a37f88322edcfb5dd907a8", "v5.0.0"),
    "actions/setup-python": ("e797f83bcb11b83ae66e0230d6156d7c80228e7c", "v6.0.0"),
    "actions/upload-artifact": ("330a01c490aca151604b8cf639adc76d48f6c5d4", "v5.0.0"),
    "actions/upload-pages-artifact": ("7b1f4a764d45c48632c6b24a0339c27f5614fb0b", "v4.0.0"),
    "actions/deploy-pages": ("d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e", "v4.0.5"),
}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, job, step


# -- the linters ----------------------------------------------------------------------------------


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: .venv/bin/pip install -e '.[test]'")
    return found


def test_actionlint_finds_nothing():
    result = subprocess.run([tool("actionlint"), "-no-color", *map(str, WORKFLOWS)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_zizmor_finds_nothing_and_nothing_is_silenced():
    result = subprocess.run([tool("zizmor"), "--offline", "--no-progress", "--format", "json", ".github"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []
    for path in WORKFLOWS:
        assert "zizmor: ignore" not in path.read_text(encoding="utf-8"), f"{path.name}: a silenced finding"


# -- pinned, least privilege, no expressions in shell -------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_version(path):
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", text, re.MULTILINE)
    assert uses
    for reference, comment in uses:
        action, _, ref = reference.partition("@")
        assert action in PINNED, f"{action}: add it to PINNED with the provenance of its SHA"
        sha, version = PINNED[action]
        assert ref == sha, f"{action}@{ref}"
        assert comment.strip() == f"# {version}", f"{action}: version comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_no_expression_inside_a_shell_script(path):
    workflow = load(path)
    assert workflow.get("permissions") in ({}, {"contents": "read"}), "the workflow itself may read at most"
    writing = {"contents", "pull-requests", "issues", "pages", "id-token"}
    for name, job, step in steps(workflow):
        if "run" in step:
            assert "${{" not in step["run"], f"{name}: '{step.get('name')}' puts an expression in the shell"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, f"{name}: checkout keeps the token"
    for name, job in workflow["jobs"].items():
        granted = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
        assert granted <= writing
        if granted:
            uses_token = any("github.token" in str(step.get("env", {})) or step.get("uses", "").startswith(
                "actions/deploy-pages@") for step in job.get("steps", []))
            assert uses_token, f"{name}: write permissions but nothing uses the token"


def test_the_issue_workflow_splits_reading_from_writing():
    workflow = load(ROOT / ".github" / "workflows" / "aanmelding.yml")
    assert workflow["on"] == {"issues": {"types": ["opened", "edited"]}}
    jobs = workflow["jobs"]
    assert jobs["kaart"]["permissions"] == {"contents": "read"}
    assert jobs["voorstel"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert jobs["antwoord"]["permissions"] == {"issues": "write"}
    assert "'praktijkvoorbeeld'" in jobs["kaart"]["if"]
    body_steps = [step for _, _, step in steps(workflow) if "github.event.issue.body" in json.dumps(step)]
    assert len(body_steps) == 1
    assert body_steps[0]["env"]["BODY"] == "${{ github.event.issue.body }}"
    assert 'printf \'%s\' "$BODY" | .venv/bin/praktijkbank formulier --issue -' in body_steps[0]["run"]


def test_the_pull_request_check_keeps_the_site_and_comments_with_the_cards_addresses():
    workflow = load(ROOT / ".github" / "workflows" / "controle.yml")
    controle = workflow["jobs"]["controle"]
    upload = next(step for step in controle["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "site" and upload["with"]["path"] == "site"
    reactie = workflow["jobs"]["reactie"]
    assert reactie["permissions"] == {"pull-requests": "write"}
    assert "github.event.pull_request.head.repo.full_name == github.repository" in reactie["if"]


# -- the comment on a pull request ------------------------------------------------------------------------


def reactie_module():
    sys.path.insert(0, str(ROOT / ".github" / "scripts"))
    try:
        import controle_reactie
    finally:
        sys.path.pop(0)
    return controle_reactie


def test_the_comment_links_each_changed_card_to_its_page_on_the_live_site(monkeypatch):
    module = reactie_module()
    monkeypatch.delenv("PRAKTIJKBANK_SITE_URL", raising=False)
    base = module.site_url(ROOT / "mkdocs.yml")
    assert base == "https://praktijkbank.github.io/praktijkbank/"
    check = {"errors": 1, "summary": "2 bestanden gecontroleerd: 1 fout in 1 bestand.", "problems": [
        {"path": "practices/nieuw.md", "severity": "fout", "text": "practices/nieuw.md:3: title: ``` <b>kapot</b>"},
        {"path": "practices/ander.md", "severity": "fout", "text": "practices/ander.md:1: niet gewijzigd"}]}
    text = module.comment(check, ["practices/nieuw.md", "webinars/2026-01-01-x.md"], "https://run", base)
    assert "| `practices/nieuw.md` | <https://praktijkbank.github.io/praktijkbank/praktijken/nieuw/> | 1 fout |" in text
    assert "| `webinars/2026-01-01-x.md` | – | in orde |" in text
    assert "niet gewijzigd" not in text  # only the changed files' problems
    assert text.count("```") == 2  # a card's text cannot close the code block
    assert "[deze controle](https://run)" in text
    monkeypatch.setenv("PRAKTIJKBANK_SITE_URL", "https://voorbeeld.nl/")
    assert module.site_url(ROOT / "mkdocs.yml") == "https://voorbeeld.nl/"
    assert "De controle kon niet draaien" in module.comment(None, ["practices/x.md"], "https://run", base)


# -- the shell steps of aanmelding.yml, run for real with a hostile issue ------------------------------


def step_script(job: str, step_id: str) -> tuple[str, dict]:
    workflow = load(ROOT / ".github" / "workflows" / "aanmelding.yml")
    step = next(s for s in workflow["jobs"][job]["steps"] if s.get("id") == step_id)
    return step["run"], step["env"]


def bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    # As GitHub runs a `run:` step: bash --noprofile --norc -eo pipefail
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=180)


def outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


HOSTILE_TITLE = "Buurtkamer $(touch {marker}) `touch {marker}`; touch {marker}"


def hostile_issue(marker: Path, ok: bool = True) -> str:
    from test_formulier import GOOD, issue_body
    from praktijkbank.authoring.issue_form import form_questions
    from praktijkbank.content.taxonomy import load_taxonomy

    labels = [q.label for q in form_questions(load_taxonomy(ROOT / "taxonomy.yml"))]
    answers = {**GOOD, "Titel": HOSTILE_TITLE.format(marker=marker.name),
               "Aanpak": f"\"; touch {marker}; echo \"\n$(touch {marker})\n${{{{ github.token }}}}"}
    if not ok:
        answers["Bron 1 adres"] = f"$(touch {marker})"
    return issue_body(labels, answers)


@pytest.fixture
def workspace(tmp_path) -> Path:
    root = copy_project(tmp_path / "werk")
    (root / ".venv").mkdir()
    (root / ".venv" / "bin").mkdir()
    (root / ".venv" / "bin" / "praktijkbank").symlink_to(BIN / "praktijkbank")
    return root


def run_kaart(workspace: Path, tmp_path: Path, body: str) -> tuple[subprocess.CompletedProcess, dict]:
    script, env = step_script("kaart", "formulier")
    assert env == {"BODY": "${{ github.event.issue.body }}", "AUTEUR": "${{ github.event.issue.user.login }}"}
    output = tmp_path / "github_output"
    output.write_text("")
    result = bash(script, workspace, {"PATH": os.environ["PATH"], "BODY": body, "AUTEUR": "octo-cat",
                                      "GITHUB_OUTPUT": str(output), "PRAKTIJKBANK_TODAY": TODAY.isoformat()})
    return result, outputs(output)


def test_the_card_step_runs_nothing_from_the_issue_and_hands_on_the_card(workspace, tmp_path):
    marker = tmp_path / "uitgevoerd"
    result, out = run_kaart(workspace, tmp_path, hostile_issue(marker))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    assert out["ok"] == "true" and re.fullmatch(r"[a-z0-9-]+", out["slug"])
    card = base64.b64decode(out["kaart"]).decode("utf-8")
    assert card == (workspace / "practices" / f"{out['slug']}.md").read_text(encoding="utf-8")
    assert base64.b64decode(out["titel"]).decode("utf-8") == HOSTILE_TITLE.format(marker=marker.name)
    assert not (workspace / marker.name).exists()
    assert f"$(touch {marker})" in card and "${{ github.token }}" in card  # as text, not run or expanded


def test_the_card_step_hands_on_dutch_problems_for_the_answer(workspace, tmp_path):
    marker = tmp_path / "uitgevoerd"
    result, out = run_kaart(workspace, tmp_path, hostile_issue(marker, ok=False))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    assert out["ok"] == "false" and "kaart" not in out
    comment = base64.b64decode(out["reactie"]).decode("utf-8")
    assert "**Bron 1 adres**" in comment and "geen volledig webadres" in comment


def test_the_pull_request_step_pushes_the_card_and_credits_the_author(workspace, tmp_path):
    marker = tmp_path / "uitgevoerd"
    _, out = run_kaart(workspace, tmp_path, hostile_issue(marker))
    card = base64.b64decode(out["kaart"])
    # A repository with the content of main, its 'origin' a bare repository on disk.
    repo, origin = tmp_path / "repo", tmp_path / "origin.git"
    shutil.copytree(ROOT / "practices", repo / "practices")
    git_env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1"}
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "."],
                    ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "main"],
                    ["git", "init", "-q", "--bare", str(origin)], ["git", "remote", "add", "origin", str(origin)]):
        subprocess.run(command, cwd=repo, env=git_env, check=True, capture_output=True)
    # `gh` stands in: it writes down what it was asked and answers as GitHub would.
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "gh.log"
    (fake / "gh").write_text(f"""#!/bin/sh
printf '%s\\n' "$*" >> {log}
for arg in "$@"; do case "$prev" in --body-file) cat "$arg" >> {log};; esac; prev=$arg; done
case "$1 $2" in "pr create") echo https://github.com/praktijkbank/praktijkbank/pull/7;; esac
exit 0
""")
    (fake / "gh").chmod(0o755)
    script, env = step_script("voorstel", "pr")
    assert env["TITEL"] == "${{ needs.kaart.outputs.titel }}" and env["KAART"] == "${{ needs.kaart.outputs.kaart }}"
    output = tmp_path / "pr_output"
    output.write_text("")
    result = bash(script, repo, {**git_env, "PATH": f"{fake}:{os.environ['PATH']}", "GH_TOKEN": "x",
                                 "BASIS": "main", "NUMMER": "42", "AUTEUR": "octo-cat", "AUTEUR_ID": "583231",
                                 "SLUG": out["slug"], "TITEL": out["titel"], "KAART": out["kaart"],
                                 "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    assert outputs(output)["adres"] == "https://github.com/praktijkbank/praktijkbank/pull/7"
    show = lambda *args: subprocess.run(["git", *args], cwd=origin, env=git_env, capture_output=True,  # noqa: E731
                                        check=True).stdout
    assert show("show", f"aanmelding/42:practices/{out['slug']}.md") == card
    message = show("log", "-1", "--format=%B", "aanmelding/42").decode("utf-8")
    assert "Co-authored-by: octo-cat <583231+octo-cat@users.noreply.github.com>" in message
    assert message.startswith("Kaart: " + HOSTILE_TITLE.format(marker=marker.name))
    assert not (repo / marker.name).exists() and not (workspace / marker.name).exists()
    asked = log.read_text(encoding="utf-8")
    assert "auth setup-git" in asked and "pr create --base main --head aanmelding/42" in asked
    assert "Closes #42" in asked and "@octo-cat" in asked
