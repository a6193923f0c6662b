"""`praktijkbank formulier`: a submission (issue form or the site form's e-mail) becomes a checked card.

Every run here is in this process, with every way of starting a program switched off: a
submission is data, and nothing in it may ever run.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from praktijkbank.cli import main
from praktijkbank.commands import formulier as formulier_module
from praktijkbank.authoring.issue_form import AGREEMENT, AGREEMENT_LABEL, ISSUE_FORM_PATH, form_questions
from support import ROOT, TODAY, VALID_CARD

DAY = TODAY.isoformat()


# -- nothing may run -------------------------------------------------------------------------------


class Ran(AssertionError):
    pass


@pytest.fixture(autouse=True)
def nothing_runs(monkeypatch):
    """Every way Python starts a program or a shell raises: a test that gets one started fails."""

    def refuse(*args, **kwargs):
        raise Ran(f"a program was started: {args!r}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    for name in ("system", "popen", "execv", "execve", "execvp", "execvpe", "execl", "execlp", "spawnv",
                 "spawnve", "spawnvp", "posix_spawn", "posix_spawnp", "fork", "forkpty"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "taxonomy.yml", root / "taxonomy.yml")
    shutil.copytree(ROOT / "practices", root / "practices")
    monkeypatch.chdir(root)
    monkeypatch.delenv("PRAKTIJKBANK_TODAY", raising=False)
    return root


def run(*args: str, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str, str]:
    """``praktijkbank formulier …`` in this process: (exit code, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["formulier", *args, "--today", DAY])
            except SystemExit as exit_:
                code = exit_.code
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def check(path: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", path, "--today", DAY])
    return code, out.getvalue()


# -- an issue as GitHub writes it -------------------------------------------------------------------

GOOD = {
    "Titel": "Buurtkamer De Schakel",
    "Samenvatting": "In de wijk Ruwaard in Oss ontmoeten bewoners elkaar in een buurtkamer.",
    "Schaal": "Wijk of buurt",
    "Gemeente": "Oss",
    "Wijk of buurt": "Ruwaard",
    "Provincie": "Noord-Brabant",
    "Thema's": "Wijkgerichte aanpak, Eenzaamheid en sociale contacten",
    "Doelgroepen": "Ouderen, Alle bewoners van een wijk",
    "Partner 1 naam": "Gemeente Oss",
    "Partner 1 soort": "Gemeente",
    "Partner 2 naam": "BrabantWonen",
    "Partner 2 soort": "Woningcorporatie",
    "Gestart in": "2021",
    "Status": "Lopend",
    "Onderbouwing": "Resultaten gemeld door de partners zelf",
    "Bron 1 titel": "Buurtkamer De Schakel geopend",
    "Bron 1 adres": "https://example.org/nieuws/buurtkamer-de-schakel",
    "Bron 1 uitgever": "Gemeente Oss",
    "Bron 1 datum": "2024-05-01",
    "Cijfer 1 soort": "Deelnemers",
    "Cijfer 1 getal": "40",
    "Cijfer 1 jaar": "2024",
    "Cijfer 1 bron": "Bron 1",
    "Organisatie": "Gemeente Oss",
    "Webadres": "https://example.org",
    "Zoekwoorden": "buurtkamer\nDe Schakel",
    "In het kort": "Een buurtkamer in de wijk Ruwaard in Oss, sinds 2021.",
    "Aanpak": "Vrijwilligers openen de kamer drie ochtenden per week.",
    "Wie werken samen": "De gemeente Oss en BrabantWonen.",
    "Resultaten": "Volgens de partners komen er elke week zo'n 40 bewoners.",
    "Lessen": "Begin klein en laat bewoners zelf de kamer inrichten.",
}


def labels_in_order(taxonomy) -> list[str]:
    return [question.label for question in form_questions(taxonomy)]


def issue_body(labels: list[str], answers: dict[str, str], ticked: bool = True) -> str:
    """The body GitHub writes for a filled-in issue form: every question, in order."""
    parts = []
    for text in labels:
        parts += [f"### {text}", "", answers.get(text) or "_No response_", ""]
    parts += [f"### {AGREEMENT_LABEL}", ""]
    parts += [f"- [{'X' if ticked else ' '}] {sentence}" for sentence in AGREEMENT]
    return "\n".join(parts)


@pytest.fixture
def body(taxonomy):
    labels = labels_in_order(taxonomy)
    return lambda answers=GOOD, **kw: issue_body(labels, answers, **kw)


def submit_issue(project: Path, text: str, *args: str) -> tuple[int, str, str]:
    (project / "issue.md").write_text(text, encoding="utf-8")
    return run("--issue", "issue.md", *args)


def as_json(out: str) -> dict:
    return json.loads(out)


# -- valid submissions --------------------------------------------------------------------------------


def test_a_filled_in_issue_becomes_a_card_that_passes_the_check_unchanged(project, body):
    code, out, err = submit_issue(project, body())
    assert (code, err) == (0, "")
    assert out.splitlines() == ["Kaart geschreven: practices/buurtkamer-de-schakel.md", "in orde"]
    card = (project / "practices" / "buurtkamer-de-schakel.md").read_text(encoding="utf-8")
    before = card
    assert check("practices/buurtkamer-de-schakel.md") == (0, "1 bestand gecontroleerd: alles in orde.\n")
    assert (project / "practices" / "buurtkamer-de-schakel.md").read_text(encoding="utf-8") == before
    data = yaml.safe_load(card.split("---\n")[1])
    assert data["themes"] == ["wijkaanpak", "eenzaamheid"]  # the labels became the keys
    assert data["target_groups"] == ["ouderen", "wijkbewoners"]
    assert data["partners"] == [{"name": "Gemeente Oss", "role": "gemeente"},
                                {"name": "BrabantWonen", "role": "woningcorporatie"}]
    assert data["sources"][0]["date"].isoformat() == "2024-05-01"
    assert data["figures"] == [{"what": "deelnemers", "value": 40, "year": 2024, "source": 1}]
    assert data["keywords"] == ["buurtkamer", "De Schakel"]
    assert data["started"] == 2021 and data["last_reviewed"] == TODAY
    assert "## Werkzame elementen" not in card  # the optional part, left empty, is left out
    assert card.endswith("## Lessen\n\nBegin klein en laat bewoners zelf de kamer inrichten.\n")


def test_an_issue_written_from_the_committed_form_labels_works(project):
    """A person (or the tester) writes the body from the form file itself, with CRLF and from stdin."""
    form = yaml.safe_load((ROOT / ISSUE_FORM_PATH).read_text(encoding="utf-8"))
    labels = [e["attributes"]["label"] for e in form["body"] if e["type"] in ("input", "textarea", "dropdown")]
    text = issue_body(labels, GOOD).replace("\n", "\r\n")
    code, out, _ = run("--issue", "-", "--format", "json", "--auteur", "octo-cat", stdin=text.encode())
    result = as_json(out)
    assert code == 0 and result["ok"] and result["errors"] == 0
    assert (result["slug"], result["path"], result["author"]) == (
        "buurtkamer-de-schakel", "practices/buurtkamer-de-schakel.md", "octo-cat")
    assert result["comment"] is None


def test_empty_blocks_are_skipped_and_a_figure_keeps_its_source(project, body):
    answers = {**GOOD, "Bron 3 titel": "Jaarverslag", "Bron 3 adres": "https://example.org/jaarverslag-2024",
               "Bron 3 uitgever": "BrabantWonen", "Cijfer 1 bron": "Bron 3",
               "Partner 1 naam": "", "Partner 1 soort": "", "Partner 4 naam": "Gemeente Oss",
               "Partner 4 soort": "Gemeente"}
    code, out, _ = submit_issue(project, body(answers), "--format", "json")
    assert code == 0, out
    data = yaml.safe_load((project / "practices" / "buurtkamer-de-schakel.md").read_text("utf-8").split("---\n")[1])
    assert [s["title"] for s in data["sources"]] == ["Buurtkamer De Schakel geopend", "Jaarverslag"]
    assert data["figures"][0]["source"] == 2  # Bron 3 of the form is the second source on the card
    assert [p["name"] for p in data["partners"]] == ["BrabantWonen", "Gemeente Oss"]


def email(card: str, slug: str = "buurtkamer-de-schakel") -> str:
    return ("Beste redactie van de Praktijkbank,\n\nHierbij meld ik een praktijk aan.\n\n"
            f"----- BEGIN PRAKTIJKKAART practices/{slug}.md -----\n{card}----- EINDE PRAKTIJKKAART -----\n\n"
            "Met vriendelijke groet\n")


@pytest.mark.parametrize("mangle", [
    lambda text: text,
    lambda text: text.replace("\n", "\r\n"),
    lambda text: "".join("> " + line if line.strip() else ">" + line for line in text.splitlines(True)),
    lambda text: "".join(">> " + line for line in text.splitlines(True)).replace("\n", "\r\n"),
], ids=["plain", "crlf", "quoted", "quoted-twice-crlf"])
def test_an_email_from_the_site_form_gives_the_card_unchanged(project, mangle):
    card = VALID_CARD.replace("Voorbeeldpraktijk", "Buurtkamer De Schakel")
    (project / "mail.txt").write_bytes(mangle(email(card)).encode("utf-8"))
    code, out, err = run("--email", "mail.txt")
    assert (code, err) == (0, ""), out
    written = (project / "practices" / "buurtkamer-de-schakel.md").read_text(encoding="utf-8")
    assert written == card
    assert check("practices/buurtkamer-de-schakel.md")[0] == 0


# -- invalid submissions: Dutch problems, named as the form names its questions ------------------------


def test_mistakes_in_an_issue_give_dutch_problems_named_after_the_form(project, body):
    answers = {**GOOD, "Bron 1 adres": "example.org/nieuws", "Bron 1 datum": "1 mei 2024", "Lessen": "",
               "Partner 2 soort": "", "Samenvatting": ""}
    code, out, _ = submit_issue(project, body(answers, ticked=False), "--format", "json")
    result = as_json(out)
    assert code == 1 and result["written"] and not result["ok"]
    by_question = {p["question"]: p for p in result["problems"]}
    assert "geen volledig webadres" in by_question["Bron 1 adres"]["message"]
    assert "geen geldige datum" in by_question["Bron 1 datum"]["message"]
    assert "nog leeg" in by_question["Lessen"]["message"]
    assert "ontbreekt" in by_question["Partner 2 soort"]["message"]
    assert "ontbreekt" in by_question["Samenvatting"]["message"]
    assert "aangevinkt" in by_question[AGREEMENT_LABEL]["message"]
    comment = result["comment"]
    assert comment.startswith("Dank u voor uw aanmelding!")
    assert "- **Bron 1 adres**: 'example.org/nieuws' is geen volledig webadres" in comment
    assert "**Edit**" in comment and " je " not in comment


def test_problems_in_text_form_name_file_line_field_and_question(project, body):
    code, out, _ = submit_issue(project, body({**GOOD, "Bron 1 adres": "geen adres"}))
    assert code == 1
    line = next(text for text in out.splitlines() if "sources[1].url" in text)
    assert line.startswith("practices/buurtkamer-de-schakel.md:")
    assert line.endswith("[formulier: Bron 1 adres]")
    assert out.splitlines()[-1] == "1 bestand gecontroleerd: 1 fout in 1 bestand."


def test_not_a_form_and_unknown_choices(project):
    code, out, _ = submit_issue(project, "Hallo, ik heb een mooie praktijk in Oss!", "--format", "json")
    result = as_json(out)
    assert code == 1 and not result["written"] and result["path"] is None
    assert "geen aanmelding met het formulier" in result["problems"][0]["message"]
    assert not list((project / "practices").glob("buurtkamer*"))


def test_an_existing_card_is_never_overwritten_without_overschrijf(project, body):
    target = project / "practices" / "proeftuin-ruwaard.md"
    before = target.read_text(encoding="utf-8")
    code, out, _ = submit_issue(project, body({**GOOD, "Titel": "Proeftuin Ruwaard"}), "--format", "json")
    result = as_json(out)
    assert code == 1 and not result["written"]
    assert "er is al een kaart practices/proeftuin-ruwaard.md" in result["problems"][0]["message"]
    assert target.read_text(encoding="utf-8") == before
    code, out, _ = submit_issue(project, body({**GOOD, "Titel": "Proeftuin Ruwaard"}), "--overschrijf")
    assert target.read_text(encoding="utf-8") != before
    assert "Proeftuin Ruwaard" in target.read_text(encoding="utf-8")


def test_uitvoer_writes_elsewhere(project, body, tmp_path):
    code, out, _ = submit_issue(project, body(), "--uitvoer", str(tmp_path / "kaarten"))
    assert code == 0, out
    assert (tmp_path / "kaarten" / "buurtkamer-de-schakel.md").is_file()
    assert not (project / "practices" / "buurtkamer-de-schakel.md").exists()


@pytest.mark.parametrize(("text", "message"), [
    ("Geen kaart hier.\n", "er staat geen kaart in deze e-mail"),
    (email(VALID_CARD).split("----- EINDE")[0], "het einde van de kaart ontbreekt"),
    (email(VALID_CARD) + email(VALID_CARD), "er staan 2 kaarten in deze e-mail"),
    (email(VALID_CARD, slug="../../etc/passwd"), "geen bestandsnaam van een kaart"),
    (email(VALID_CARD, slug="Hoofd Letters"), "geen bestandsnaam van een kaart"),
    ("".join("> " + line for line in email(VALID_CARD).splitlines(True)).replace("> status", "status"),
     "niet geciteerd zoals de rest"),
    (email(VALID_CARD.replace("Een korte samenvatting", "Een korte =C3=A9 samen=\nvatting")),
     "nog gecodeerd (quoted-printable"),
], ids=["no-markers", "no-end", "two-cards", "path-escape", "bad-slug", "mixed-quoting", "quoted-printable"])
def test_a_damaged_email_gives_a_dutch_problem_and_no_card(project, text, message):
    (project / "mail.txt").write_text(text, encoding="utf-8")
    code, out, _ = run("--email", "mail.txt", "--format", "json")
    result = as_json(out)
    assert code == 1 and not result["written"]
    assert message in result["problems"][0]["message"]
    assert sorted(p.name for p in (project / "practices").iterdir()) == sorted(
        p.name for p in (ROOT / "practices").iterdir())


def test_a_wrapped_card_in_an_email_is_reported_not_repaired(project):
    card = VALID_CARD.replace("summary: Een korte samenvatting van een voorbeeldpraktijk.",
                              "summary: Een korte samenvatting van\neen: voorbeeldpraktijk.")
    (project / "mail.txt").write_text(email(card), encoding="utf-8")
    code, out, _ = run("--email", "mail.txt")
    assert code == 1
    assert "practices/buurtkamer-de-schakel.md:" in out


def test_usage_mistakes_exit_2_in_dutch(project):
    assert run()[0] == 2
    code, _, err = run("--issue", "a.md", "--email", "b.md")
    assert code == 2 and "geef één aanmelding" in err
    code, _, err = run("--issue", "bestaat-niet.md")
    assert code == 2 and "kan 'bestaat-niet.md' niet lezen" in err
    code, _, err = run("--issue", "-", "--auteur", "$(whoami)", stdin=b"")
    assert code == 2 and "geen GitHub-naam" in err


# -- hostile submissions ---------------------------------------------------------------------------------

SHELL = "$(rm -rf /) `touch /tmp/pwned` ; ls | cat && echo $HOME > /tmp/x"


def front(project: Path, slug: str) -> dict:
    text = (project / "practices" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_shell_metacharacters_stay_plain_text(project, body):
    answers = {**GOOD, "Titel": "Buurtkamer " + SHELL[:60], "Partner 2 naam": SHELL, "Zoekwoorden": SHELL,
               "Aanpak": SHELL}
    code, out, _ = submit_issue(project, body(answers), "--format", "json")
    result = as_json(out)
    slug = result["slug"]
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    data = front(project, slug)
    assert data["title"] == "Buurtkamer " + " ".join(SHELL[:60].split())
    assert data["partners"][1]["name"] == SHELL and data["keywords"] == [SHELL]
    assert not Path("/tmp/pwned").exists()


def test_script_gives_dutch_problems(project, body):
    answers = {**GOOD, "Aanpak": "<script>alert(1)</script>", "Partner 2 naam": "<img src=x onerror=alert(1)>"}
    code, out, _ = submit_issue(project, body(answers), "--format", "json")
    result = as_json(out)
    assert code == 1
    questions = {p["question"] for p in result["problems"] if p["severity"] == "fout"}
    assert {"Aanpak", "Partner 2 naam"} <= questions
    assert "<script>" not in result["comment"] and "\\<script\\>" in result["comment"]


@pytest.mark.parametrize("evil", [
    "!!python/object/apply:os.system ['touch /tmp/pwned']",
    "&a [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
    "*a",
    "---",
    "x\n---\ntitle: Gekaapt",
    "x\nstatus: gestopt\nevidence: onafhankelijk-onderzoek",
    "'; \"; \\n: {a: b}",
    "null",
    "2024-01-01",
    "123",
    "yes",
], ids=["python-tag", "alias-bomb", "alias", "document-marker", "document-break", "smuggled-keys",
        "quotes", "null", "date-like", "number-like", "bool-like"])
def test_yaml_in_answers_stays_text(project, body, evil):
    answers = {**GOOD, "Samenvatting": evil, "Partner 2 naam": evil, "Zoekwoorden": evil}
    code, out, _ = submit_issue(project, body(answers), "--format", "json")
    result = as_json(out)
    assert result["written"], out
    data = front(project, "buurtkamer-de-schakel")
    one_line = " ".join(evil.split())
    assert data["summary"] == one_line and data["partners"][1]["name"] == one_line
    assert data["status"] == "lopend" and data["evidence"] == "zelf-gerapporteerd"
    assert data["title"] == "Buurtkamer De Schakel"
    assert not Path("/tmp/pwned").exists()


def test_a_question_smuggled_into_an_answer_is_refused(project, body):
    answers = {**GOOD, "Samenvatting": "Mooi.\n\n### Onderbouwing\n\nOnafhankelijk onderzoek"}
    code, out, _ = submit_issue(project, body(answers), "--format", "json")
    result = as_json(out)
    assert code == 1 and not result["written"]
    assert "de vraag 'Onderbouwing' staat twee keer" in result["problems"][0]["message"]


def test_a_heading_in_the_text_stays_inside_its_part(project, body):
    answers = {**GOOD, "Aanpak": "Zo gaat het.\n\n### Stap 1\n\nEerst koffie.\n\n---\n\nDaarna praten."}
    code, out, _ = submit_issue(project, body(answers))
    assert code == 0, out
    card = (project / "practices" / "buurtkamer-de-schakel.md").read_text(encoding="utf-8")
    assert "## Aanpak\n\nZo gaat het.\n\n### Stap 1\n\nEerst koffie.\n\n---\n\nDaarna praten.\n" in card


def test_a_level_two_heading_in_an_answer_is_reported(project, body):
    code, out, _ = submit_issue(project, body({**GOOD, "Aanpak": "Tekst.\n\n## Lessen\n\nNep."}), "--format", "json")
    result = as_json(out)
    assert code == 1 and any(p["field"] == "tekst" for p in result["problems"])


@pytest.mark.parametrize("card", [
    VALID_CARD.replace("title: Voorbeeldpraktijk", "title: !!python/object/apply:os.system ['touch /tmp/pwned']"),
    VALID_CARD.replace("keywords: [voorbeeld]", "keywords: &a [voorbeeld]\nrelated: *a"),
    VALID_CARD.replace("keywords: [voorbeeld]",
                       "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]"),
    VALID_CARD.replace("## Aanpak\n", "## Aanpak\n\n<script>fetch('/')</script>\n"),
], ids=["python-tag", "alias", "alias-bomb", "script"])
def test_a_hostile_card_in_an_email_gives_dutch_problems(project, card):
    (project / "mail.txt").write_text(email(card), encoding="utf-8")
    code, out, _ = run("--email", "mail.txt", "--format", "json")
    result = as_json(out)
    assert code == 1 and result["errors"] >= 1
    assert all(p["message"] for p in result["problems"])
    assert not Path("/tmp/pwned").exists()


def test_huge_input_is_refused_before_it_is_read(project, monkeypatch):
    class Endless(io.RawIOBase):
        """A stream that never ends, and counts what was asked of it."""
        asked = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            Endless.asked += len(buffer)
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BufferedReader(Endless()))
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["formulier", "--issue", "-", "--format", "json", "--today", DAY])
    finally:
        sys.stdin = saved
    result = as_json(out.getvalue())
    assert code == 1 and not result["written"]
    assert "de aanmelding is te groot (meer dan 256 kB)" in result["problems"][0]["message"]
    assert Endless.asked < 2 * formulier_module.MAX_INPUT_BYTES


def test_a_huge_answer_within_the_limit_gives_a_problem_not_a_crash(project, body):
    answers = {**GOOD, "Titel": "Buurtkamer " + "heel lang " * 2000, "Aanpak": "tekst " * 30000}
    code, out, _ = submit_issue(project, body(answers), "--format", "json")
    result = as_json(out)
    assert code == 1
    assert any("te lang" in p["message"] and p["question"] == "Titel" for p in result["problems"])
    assert len(result["slug"]) <= formulier_module.MAX_SLUG_LENGTH


def test_the_guard_against_programs_works():
    with pytest.raises(Ran):
        subprocess.run(["true"])
    with pytest.raises(Ran):
        os.system("true")


def test_the_site_forms_email_markers_are_the_ones_read_here(project):
    """The contract with the page 'Praktijk aanmelden': its intro and marker lines, this reader."""
    from praktijkbank.pages.submit_form import EMAIL_BEGIN, EMAIL_END, EMAIL_INTRO, slug_of

    card = VALID_CARD.replace("Voorbeeldpraktijk", "Buurtkamer De Schakel")
    slug = slug_of("Buurtkamer De Schakel")
    text = "\n".join([*EMAIL_INTRO, "", EMAIL_BEGIN.format(slug=slug), card.rstrip("\n"), EMAIL_END, ""])
    (project / "mail.txt").write_text(text, encoding="utf-8")
    code, out, _ = run("--email", "mail.txt", "--format", "json")
    assert code == 0, out
    assert (project / "practices" / f"{slug}.md").read_text(encoding="utf-8") == card
