"""`praktijkbank nieuw`: a card with every field and heading, that fails until it is filled in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from praktijkbank.checks.placeholders import PLACEHOLDER
from praktijkbank.content.schema import HEADINGS, LABELS, LIST, MAPPING, PRACTICE, SCHEMAS, Field
from support import ROOT, TODAY as SUPPORT_TODAY, copy_project, line_of, run_cli

TODAY = SUPPORT_TODAY.isoformat()
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>- )?(?P<key>\w+):(?P<value>.*)$")


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the real content: a new card is made among the existing ones."""
    return copy_project(tmp_path / "project")


def new_card(project: Path, name: str, *extra: str):
    return run_cli("nieuw", name, "--today", TODAY, *extra, cwd=project)


def check(project: Path, *paths: str):
    return run_cli("check", "--today", TODAY, *paths, cwd=project)


def all_fields(field: Field, path: tuple[str, ...] = ()):
    for child in field.fields or (field.item.fields if field.item else ()):
        yield path + (child.name,), child
        yield from all_fields(child, path + (child.name,))


def field_by_names(names: list[str]) -> Field:
    field = PRACTICE
    for name in names:
        if field.kind == LIST:
            field = field.item
        field = field.child(name)
        assert field is not None, f"{names} staat niet in het schema"
    return field


def filled_in(scaffold: str) -> str:
    """The scaffold with every placeholder replaced by the schema's own example, comments kept."""
    out, stack = [], []  # stack: (indent, key) of the groups the line is in
    for line in scaffold.split("\n"):
        match = _KEY_LINE.match(line)
        if line.startswith(f"{PLACEHOLDER}:"):
            line = "Tekst uit de bron, in eigen woorden."
        elif match:
            indent = len(match["indent"]) + len(match["dash"] or "")
            while stack and stack[-1][0] >= indent:
                stack.pop()
            names = [key for _, key in stack] + [match["key"]]
            value = match["value"].strip()
            if not value:
                stack.append((indent, match["key"]))
            elif PLACEHOLDER in value:
                example = field_by_names(names).example
                assert example is not None, f"{names}: het schema geeft geen voorbeeld"
                line = f"{match['indent']}{match['dash'] or ''}{match['key']}: {json.dumps(example, ensure_ascii=False)}"
        out.append(line)
    return "\n".join(out)


def placeholder_lines(text: str) -> list[int]:
    """Lines with a placeholder that is not inside a comment."""
    return [n for n, line in enumerate(text.split("\n"), 1) if PLACEHOLDER in line.split("#")[0]]


# -- what the scaffold contains ---------------------------------------------------------------------


def test_new_card_has_every_field_and_heading_explained(project):
    result = new_card(project, "Buurtkamer De Schakel")
    assert result.returncode == 0, result.stderr
    card = project / "practices" / "buurtkamer-de-schakel.md"
    assert "Nieuwe kaart: practices/buurtkamer-de-schakel.md" in result.stdout
    assert "praktijkbank check practices/buurtkamer-de-schakel.md" in result.stdout
    text = card.read_text(encoding="utf-8")
    for path, field in all_fields(PRACTICE):
        key_line = re.compile(rf"^[\s#-]*{path[-1]}:", re.MULTILINE)
        assert key_line.search(text), f"veld {'.'.join(path)} ontbreekt"
        assert f"# {LABELS[field.name]}: {field.description.split()[0]}" in text, f"geen uitleg bij {'.'.join(path)}"
    for heading in HEADINGS:
        assert f"\n## {heading.title}\n\n{PLACEHOLDER}: {heading.description}" in text
    assert text.index("## In het kort") < text.index("## Lessen")
    assert "title: Buurtkamer De Schakel" in text
    assert f"last_reviewed: {TODAY}" in text


def test_every_allowed_value_is_listed_where_it_is_chosen(project, taxonomy):
    new_card(project, "Buurtkamer De Schakel")
    text = (project / "practices" / "buurtkamer-de-schakel.md").read_text(encoding="utf-8")
    for vocabulary in ("scope", "provinces", "themes", "target_groups", "partner_roles", "status", "evidence"):
        for key, shown in taxonomy[vocabulary].values.items():
            assert re.search(rf"^\s*#\s+{re.escape(key)}\s+{re.escape(shown)}$", text, re.MULTILINE), key


def test_every_field_has_a_label_and_every_card_field_an_example():
    """The form, the docs and the filled-in scaffold below rely on both."""
    for root in SCHEMAS.values():
        for path, field in all_fields(root):
            assert field.name in LABELS, f"{'.'.join(path)} heeft geen label in schema.LABELS"
    for path, field in all_fields(PRACTICE):
        if field.kind not in (MAPPING,) and not (field.kind == LIST and field.item.kind == MAPPING):
            assert field.example is not None, f"{'.'.join(path)} heeft geen voorbeeld"


# -- placeholders fail, a filled-in card passes -----------------------------------------------------


def test_unfilled_card_fails_check_once_for_every_placeholder(project):
    new_card(project, "Buurtkamer De Schakel")
    card = project / "practices" / "buurtkamer-de-schakel.md"
    text = card.read_text(encoding="utf-8")

    result = check(project, "practices/buurtkamer-de-schakel.md")

    assert result.returncode == 1, result.stdout
    problems = result.stdout.strip().split("\n")[:-1]
    assert len(problems) == len(placeholder_lines(text)), result.stdout
    for problem, line in zip(problems, placeholder_lines(text)):
        assert problem.startswith(f"practices/buurtkamer-de-schakel.md:{line}: ")
        assert ": nog niet ingevuld" in problem
    assert "Thema 1 (themes[1]): nog niet ingevuld (toegestaan: wijkaanpak," in result.stdout
    assert "Gestart in (started): nog niet ingevuld (Het jaar waarin de praktijk begon, als een bron het noemt; " \
           "of haal de regel weg, want dit veld is optioneel)" in result.stdout
    assert "tekst: nog niet ingevuld onder '## Resultaten' (Wat levert het op" in result.stdout


def test_filled_in_card_passes_check(project):
    new_card(project, "Buurtkamer De Schakel")
    card = project / "practices" / "buurtkamer-de-schakel.md"
    card.write_text(filled_in(card.read_text(encoding="utf-8")), encoding="utf-8")

    result = check(project, "practices/buurtkamer-de-schakel.md")

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "1 bestand gecontroleerd: alles in orde."
    everything = check(project)
    assert everything.returncode == 0 and "alles in orde" in everything.stdout, everything.stdout


def test_one_placeholder_left_is_one_error_on_its_line(project):
    new_card(project, "Buurtkamer De Schakel")
    card = project / "practices" / "buurtkamer-de-schakel.md"
    text = filled_in(card.read_text(encoding="utf-8")).replace('status: "lopend"', f"status: {PLACEHOLDER}")
    card.write_text(text, encoding="utf-8")

    result = check(project, "practices/buurtkamer-de-schakel.md")

    assert result.returncode == 1
    assert result.stdout.split("\n")[0] == (
        f"practices/buurtkamer-de-schakel.md:{line_of(text, 'status: INVULLEN')}: Status (status): nog niet ingevuld "
        "(toegestaan: idee, pilot, lopend, structureel, afgerond, gestopt, onbekend)")
    assert "1 fout in 1 bestand" in result.stdout


def test_optional_groups_are_switched_off_and_can_be_switched_on(project):
    new_card(project, "Buurtkamer De Schakel")
    card = project / "practices" / "buurtkamer-de-schakel.md"
    text = filled_in(card.read_text(encoding="utf-8"))
    assert "\n# coordinates:\n#   # Breedtegraad" in text
    switched_on = text.replace("\n# coordinates:\n", "\ncoordinates:\n").replace("\n#   lat: INVULLEN", "\n  lat: 51.76") \
        .replace("\n#   lon: INVULLEN", "\n  lon: 5.53").replace("\n#   # ", "\n  # ")
    card.write_text(switched_on, encoding="utf-8")
    assert check(project, "practices/buurtkamer-de-schakel.md").returncode == 0
    card.write_text(switched_on.replace("  lon: 5.53", "  lon: INVULLEN"), encoding="utf-8")
    result = check(project, "practices/buurtkamer-de-schakel.md")
    assert result.returncode == 1 and "Lengtegraad (coordinates.lon): nog niet ingevuld" in result.stdout


def test_the_template_for_the_website_is_the_scaffold_without_name_and_date(project, taxonomy):
    template = (ROOT / "sjablonen" / "praktijkkaart.md").read_text(encoding="utf-8")
    assert f"title: {PLACEHOLDER}" in template and f"last_reviewed: {PLACEHOLDER}" in template
    (project / "practices" / "sjabloon.md").write_text(template, encoding="utf-8")
    result = check(project, "practices/sjabloon.md")
    assert result.returncode == 1
    assert result.stdout.count("nog niet ingevuld") == len(placeholder_lines(template))


# -- never overwrite, and clear usage errors --------------------------------------------------------


def test_nieuw_never_overwrites_a_card(project):
    assert new_card(project, "Buurtkamer De Schakel").returncode == 0
    card = project / "practices" / "buurtkamer-de-schakel.md"
    card.write_text("mijn eigen werk", encoding="utf-8")

    again = new_card(project, "Buurtkamer De Schakel")

    assert again.returncode == 2
    assert card.read_text(encoding="utf-8") == "mijn eigen werk"
    assert "practices/buurtkamer-de-schakel.md bestaat al; er is niets overschreven" in again.stderr
    assert "Traceback" not in again.stderr


def test_nieuw_never_overwrites_an_existing_real_card(project):
    before = (project / "practices" / "proeftuin-ruwaard.md").read_bytes()
    result = new_card(project, "Proeftuin Ruwaard")
    assert result.returncode == 2 and "bestaat al" in result.stderr
    assert (project / "practices" / "proeftuin-ruwaard.md").read_bytes() == before


def test_nieuw_points_at_a_card_with_a_similar_name(project):
    result = new_card(project, "Proeftuin Ruwaart Oss")
    assert result.returncode == 0
    assert "Let op: practices/proeftuin-ruwaard.md ('Proeftuin Ruwaard') heeft een naam die erop lijkt" in result.stdout


def test_a_name_with_yaml_characters_becomes_the_exact_title(project):
    name = "Wonen: 'samen' #1 & meer"
    result = new_card(project, name)
    assert result.returncode == 0, result.stderr
    text = (project / "practices" / "wonen-samen-1-en-meer.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["   "], "geef de naam van de praktijk"),
        (["x" * 121], "de naam is te lang (121 tekens; hoogstens 120)"),
        (["Goede naam", "--slug", "Geen Slug"], "'Geen Slug' is geen geldige bestandsnaam"),
    ],
    ids=["empty-name", "name-too-long", "bad-slug"],
)
def test_nieuw_usage_errors_exit_2_in_dutch(project, args, message):
    before = sorted(p.name for p in (project / "practices").iterdir())
    result = run_cli("nieuw", *args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert sorted(p.name for p in (project / "practices").iterdir()) == before


def test_nieuw_outside_a_project_exits_2(tmp_path):
    result = run_cli("nieuw", "Iets", cwd=tmp_path)
    assert result.returncode == 2
    assert "geen Praktijkbank-project gevonden" in result.stderr
