"""Files made from the schema: JSON Schemas, the issue form and the blank card never drift from it."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from praktijkbank.authoring.derived_files import REGENERATE, derived_files, find_drift
from praktijkbank.content.field_kinds import URL_PATTERN, ecma_pattern
from praktijkbank.authoring.issue_form import ISSUE_FORM_PATH, ITEM_LABELS, MAINTAINER_FIELDS, NUMBERED, issue_form
from praktijkbank.authoring.json_schema import json_schema, schema_path
from praktijkbank.content.project import Project
from praktijkbank.content.schema import HEADINGS, LIST, MAPPING, PRACTICE, SCHEMAS, VOCAB, label
from support import ROOT, VALID_CARD, run_cli

HINT = f"Maak ze opnieuw met: {REGENERATE}"


# -- drift ------------------------------------------------------------------------------------------


def test_committed_derived_files_are_what_the_code_makes(taxonomy):
    drift = find_drift(ROOT, taxonomy)
    assert not drift, "\n".join([d.text() for d in drift] + [HINT])


def test_every_schema_in_the_registry_is_published(taxonomy):
    files = derived_files(taxonomy)
    for name in SCHEMAS:
        assert schema_path(name) in files
    assert {"schemas/praktijkkaart.schema.json", ISSUE_FORM_PATH, "sjablonen/praktijkkaart.md"} <= set(files)


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "taxonomy.yml", root / "taxonomy.yml")
    for path in derived_files_paths():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, root / path)
    return root


def derived_files_paths() -> list[str]:
    from praktijkbank.content.taxonomy import load_taxonomy

    return list(derived_files(load_taxonomy(ROOT / "taxonomy.yml")))


def test_schema_command_says_which_files_are_stale_and_how_to_fix_it(project):
    assert run_cli("schema", cwd=project).returncode == 0
    taxonomy = project / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        "    eenzaamheid: Eenzaamheid en sociale contacten\n",
        "    eenzaamheid: Eenzaamheid en sociale contacten\n    mantelzorg: Mantelzorg\n"), encoding="utf-8")
    (project / "schemas" / "oud.schema.json").write_text("{}", encoding="utf-8")

    stale = run_cli("schema", cwd=project)

    assert stale.returncode == 1
    lines = stale.stdout.strip().split("\n")
    assert "schemas/praktijkkaart.schema.json is verouderd: het schema of taxonomy.yml is veranderd" in lines
    assert f"{ISSUE_FORM_PATH} is verouderd: het schema of taxonomy.yml is veranderd" in lines
    assert "sjablonen/praktijkkaart.md is verouderd: het schema of taxonomy.yml is veranderd" in lines
    assert "schemas/oud.schema.json hoort bij geen schema meer" in lines
    assert lines[-1] == HINT

    written = run_cli("schema", "--write", cwd=project)
    assert written.returncode == 0, written.stderr
    assert not (project / "schemas" / "oud.schema.json").exists()
    assert run_cli("schema", cwd=project).returncode == 0
    card_schema = json.loads((project / "schemas" / "praktijkkaart.schema.json").read_text(encoding="utf-8"))
    assert "mantelzorg" in card_schema["properties"]["themes"]["items"]["enum"]
    form = yaml.safe_load((project / ISSUE_FORM_PATH).read_text(encoding="utf-8"))
    themes = next(e for e in form["body"] if e.get("id") == "themes")
    assert themes["attributes"]["options"][-1] == "Mantelzorg"


def test_schema_command_outside_a_project_exits_2(tmp_path):
    result = run_cli("schema", cwd=tmp_path)
    assert result.returncode == 2
    assert "geen Praktijkbank-project gevonden" in result.stderr


# -- the JSON Schemas -------------------------------------------------------------------------------


def _as_json(value):
    """Front matter as a JSON tool sees it: dates are strings."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat() if isinstance(value, dt.date) and not isinstance(value, dt.datetime) \
            else value.strftime("%Y-%m-%d %H:%M:%S")
    return value


def _front_matter(text: str) -> dict:
    return _as_json(yaml.safe_load(text.lstrip("\ufeff").split("---\n")[1]))


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / schema_path(name)).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_published_schemas_are_valid_json_schema(name):
    schema = json.loads((ROOT / schema_path(name)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert REGENERATE in schema["$comment"]


def test_every_real_card_and_webinar_passes_its_json_schema():
    project = Project(ROOT)
    checked = 0
    for name, files in (("praktijkkaart", project.practice_files()), ("webinar", project.webinar_files())):
        validator = _validator(name)
        for path in files:
            errors = [e.message for e in validator.iter_errors(_front_matter(path.read_text(encoding="utf-8")))]
            assert not errors, f"{path.name}: {errors}"
            checked += 1
    assert checked >= 6


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("themes: [wijkaanpak]", "themes: [wijkaanpakk]"),
        ("themes: [wijkaanpak]", "themes: []"),
        ("themes: [wijkaanpak]", "themes: [wijkaanpak, wijkaanpak]"),
        ("    url: https://example.org/over\n", "    url: javascript:alert(1)\n"),
        ("status: lopend", "status: lopend\nkleur: rood"),
        ("title: Voorbeeldpraktijk\n", ""),
        ("started: 2016", "started: '2016'"),
        ("started: 2016", "started: 1850"),
        ("    role: gemeente", "    role: GGZ-instelling"),  # a label: a capital alone only gets a warning
        ("keywords: [voorbeeld]", "related: [Geen Slug]"),
        ("last_reviewed: 2026-11-01", "last_reviewed: 1-11-2026"),
        ("  province: noord-brabant", "  province: noord-brabant\n  street: Hoofdstraat"),
    ],
    ids=["unknown-theme", "no-theme", "theme-twice", "javascript-url", "unknown-field", "no-title",
         "year-as-text", "implausible-year", "role-as-label", "bad-slug", "bad-date", "unknown-place-field"],
)
def test_json_schema_and_check_refuse_the_same_bad_card(tmp_path, old, new):
    assert old in VALID_CARD
    card = VALID_CARD.replace(old, new, 1)
    assert list(_validator("praktijkkaart").iter_errors(_front_matter(card))), "het JSON Schema keurt dit goed"
    (tmp_path / "practices").mkdir()
    shutil.copy2(ROOT / "taxonomy.yml", tmp_path / "taxonomy.yml")
    (tmp_path / "practices" / "kaart.md").write_text(card, encoding="utf-8")
    assert run_cli("check", "--today", "2026-11-22", cwd=tmp_path).returncode == 1, "de controle keurt dit goed"


def test_json_schema_accepts_the_valid_card_and_empty_optional_fields():
    validator = _validator("praktijkkaart")
    assert not list(validator.iter_errors(_front_matter(VALID_CARD)))
    with_empty = VALID_CARD.replace("keywords: [voorbeeld]", "keywords:").replace("started: 2016", "started:")
    assert not list(validator.iter_errors(_front_matter(with_empty)))


@pytest.mark.parametrize(
    "text", ["https://example.org", "HTTPS://Example.org/pad?x=1#kop", "http://a.b", "ftp://example.org",
             "javascript:alert(1)", "https://example", "https://exa mple.org", "example.org", "Http://x.nl/"],
)
def test_url_pattern_in_the_json_schema_matches_the_check(text):
    assert bool(re.search(ecma_pattern(URL_PATTERN), text)) == bool(URL_PATTERN.match(text))


def test_ecma_pattern_refuses_what_it_cannot_translate():
    with pytest.raises(ValueError):
        ecma_pattern(re.compile(r"^[a-z]+$", re.IGNORECASE))


def test_every_field_is_described_in_the_json_schema(taxonomy):
    schema = json_schema("praktijkkaart", PRACTICE, taxonomy)
    for field in PRACTICE.fields:
        node = schema["properties"][field.name]
        assert node["title"] == label(field)
        assert node["description"].startswith(field.description)
    assert schema["required"] == [f.name for f in PRACTICE.fields if f.required]
    assert schema["additionalProperties"] is False
    roles = schema["properties"]["partners"]["items"]["properties"]["role"]
    assert roles["enum"] == list(taxonomy["partner_roles"].values)
    assert "woningcorporatie (Woningcorporatie)" in roles["description"]


# -- served on the site -----------------------------------------------------------------------------


def test_schemas_are_served_on_the_site_and_documented(built_site):
    for name in SCHEMAS:
        served = built_site / schema_path(name)
        assert served.read_text(encoding="utf-8") == (ROOT / schema_path(name)).read_text(encoding="utf-8")
    fields_page = (built_site / "bijdragen" / "velden" / "index.html").read_text(encoding="utf-8")
    for name in SCHEMAS:
        assert f'href="../../{schema_path(name)}"' in fields_page
    for field in PRACTICE.fields:
        assert f"<code>{field.name}</code>" in fields_page
    for heading in HEADINGS:
        assert heading.description.split("?")[0] in fields_page
    assert 'id="woordenlijst-partner-roles"' in fields_page
    assert 'href="#woordenlijst-partner-roles"' in fields_page


# -- the issue form ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def form() -> dict:
    return yaml.safe_load((ROOT / ISSUE_FORM_PATH).read_text(encoding="utf-8"))


def test_issue_form_is_a_valid_github_form(form):
    assert form["name"] == "Praktijkvoorbeeld aanmelden"
    assert form["description"] and form["body"]
    kinds = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    ids, labels = [], []
    for element in form["body"]:
        assert element["type"] in kinds
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        ids.append(element["id"])
        labels.append(element["attributes"]["label"])
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        if element["type"] == "dropdown":
            options = element["attributes"]["options"]
            assert options and len(options) == len(set(options)) and "None" not in options
    assert len(ids) == len(set(ids)), "elk veld een eigen id"
    assert len(labels) == len(set(labels)), "elk veld een eigen label"


def test_issue_form_asks_every_field_with_the_choices_of_the_taxonomy(form, taxonomy):
    by_id = {e.get("id"): e for e in form["body"]}

    def expect(field, element_id, field_label=None, required=None):
        element = by_id.get(element_id)
        assert element is not None, f"het formulier vraagt niet naar {element_id}"
        attributes = element["attributes"]
        assert attributes["label"] == (field_label or label(field))
        expected_required = field.required if required is None else required
        assert element.get("validations", {}).get("required", False) == expected_required
        vocabulary = field.item if field.kind == LIST and field.item.kind == VOCAB else field
        if vocabulary.kind == VOCAB:
            assert element["type"] == "dropdown"
            assert attributes["options"] == list(taxonomy[vocabulary.vocabulary].values.values())
            assert attributes.get("multiple", False) == (field.kind == LIST)

    for field in PRACTICE.fields:
        if field.name in MAINTAINER_FIELDS:
            assert not any(k and k.startswith(field.name.replace("_", "-")) for k in by_id)
        elif field.kind == MAPPING:
            for child in field.fields:
                expect(child, f"{field.name}-{child.name}".replace("_", "-"))
        elif field.holds_groups:  # numbered blocks of fields, the first ones required
            word, count = NUMBERED[field.name]
            assert f"{field.name}-{count + 1}-{field.item.fields[0].name}" not in by_id
            for number in range(1, count + 1):
                for child in field.item.fields:
                    if field.name == "figures" and child.name == "source":
                        continue  # a dropdown of the sources' numbers, see below
                    expect(child, f"{field.name}-{number}-{child.name}",
                           f"{word} {number} {ITEM_LABELS[field.name, child.name]}",
                           required=child.required and number <= field.min_items)
        else:
            expect(field, field.name.replace("_", "-"))
    assert by_id["partners-1-name"]["attributes"]["label"] == "Partner 1 naam"
    assert by_id["partners-8-role"]["attributes"]["label"] == "Partner 8 soort"
    assert [by_id[f"sources-1-{key}"]["attributes"]["label"] for key in ("title", "url", "publisher", "date")] == [
        "Bron 1 titel", "Bron 1 adres", "Bron 1 uitgever", "Bron 1 datum"]
    assert by_id["sources-6-research"]["attributes"]["options"] == ["Nee", "Ja"]
    assert by_id["figures-1-source"]["attributes"]["options"] == [f"Bron {n}" for n in range(1, 7)]
    heading_elements = [e for e in form["body"] if str(e.get("id", "")).startswith("heading-")]
    assert [e["attributes"]["label"] for e in heading_elements] == [h.title for h in HEADINGS]
    assert [e.get("validations", {}).get("required", False) for e in heading_elements] == [
        h.required for h in HEADINGS]
    agreement = by_id["agreement"]["attributes"]["options"]
    assert all(option["required"] for option in agreement)


def test_issue_form_speaks_plain_dutch_to_people_without_git(form):
    """No file names, YAML or GitHub jargon in what a person reads; no semicolon lists to fill in."""
    texts = [form["description"]]
    for element in form["body"]:
        attributes = element["attributes"]
        texts += [attributes.get("value", ""), attributes.get("description", ""), attributes.get("label", "")]
    text = "\n".join(texts)
    for jargon in ("taxonomy.yml", "pull request", "research: true", "CONTRIBUTING", "praktijkbank nieuw",
                   "; soort", "Eén per regel: "):
        assert jargon not in text, jargon
    assert not re.search(r"\b(je|jij|jouw)\b", text, re.IGNORECASE), "de lezer heet 'u'"


def test_issue_form_follows_a_changed_taxonomy(taxonomy):
    changed = copy.deepcopy(taxonomy)
    changed.vocabularies["status"].values["herstart"] = "Opnieuw gestart"
    status = next(e for e in issue_form(changed)["body"] if e.get("id") == "status")
    assert status["attributes"]["options"][-1] == "Opnieuw gestart"
