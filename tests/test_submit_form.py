"""The form "Praktijk aanmelden" (/aanmelden/): its rules are the schema's, and a person can use it.

In Chromium, the form is filled in as a person would, with mistakes whose messages must be the
check's own, then corrected; the card it gives is downloaded and passes `praktijkbank check`
unchanged; the e-mail link's body gives the same card back through `praktijkbank formulier
--email`; the form works from the offline copy through file://; axe-core finds no violation.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from pathlib import Path

import pytest
import yaml

from model_support import load_site_model
from praktijkbank.pages.submit_form import (DATA_ID, EMAIL_BEGIN, EMAIL_END, LEFT_TO_EDITORS, SUBMIT_SRC,
                                            SubmitTargets, form_rules, submit_form_page)
from praktijkbank.content.schema import HEADINGS, PRACTICE, label
from praktijkbank.content.slugs import slugify
from support import ROOT, TODAY, copy_project, mkdocs_build, run_cli

EMAIL = "redactie@example.org"
SHOTS = Path("/tmp/shots")
_DATA = re.compile(rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', re.DOTALL)


def _rules_in(html: str) -> dict:
    match = _DATA.search(html)
    assert match, "de pagina heeft geen regels voor het script"
    return json.loads(match.group(1))


# -- the rules in the page are the schema's --------------------------------------------------

@pytest.fixture(scope="module")
def model():
    return load_site_model(ROOT, today=TODAY)


def test_the_rules_in_the_page_equal_the_schema(model, taxonomy):
    rules = _rules_in(model.pages[SUBMIT_SRC].html)
    assert rules == json.loads(json.dumps(form_rules(taxonomy, SubmitTargets())))

    def compare(node, field):
        assert node["name"] == field.name and node["label"] == label(field)
        assert node["kind"] == field.kind.name and node["required"] == field.required
        assert node["description"] == field.description
        assert node.get("max_length") == field.max_length
        assert node.get("vocabulary") == field.vocabulary
        assert [c["name"] for c in node.get("fields", [])] == [c.name for c in field.fields]
        for child_node, child in zip(node.get("fields", []), field.fields):
            compare(child_node, child)
        if field.item is not None:
            compare(node["item"], field.item)

    asked = [f for f in PRACTICE.fields if f.name not in LEFT_TO_EDITORS]
    assert [n["name"] for n in rules["fields"]] == [f.name for f in asked]
    for node, field in zip(rules["fields"], asked):
        compare(node, field)
    assert rules["all_fields"] == [f.name for f in PRACTICE.fields]
    for name, vocabulary in taxonomy.vocabularies.items():
        assert rules["vocabularies"][name]["values"] == [[k, v] for k, v in vocabulary.values.items()]
    assert rules["headings"] == [{"title": h.title, "description": h.description, "required": h.required}
                                 for h in HEADINGS]


def test_every_message_is_a_template_of_the_check(taxonomy):
    messages = form_rules(taxonomy)["messages"]
    assert messages["required"] == {"message": "verplicht veld ontbreekt", "allowed": "{description}",
                                    "warning": False}
    assert messages["date_future"]["message"] == "{value} ligt in de toekomst"
    assert "{today}" in messages["date_future"]["allowed"]
    assert messages["home_page"]["warning"] and "{value}" in messages["home_page"]["message"]
    for name, template in messages.items():  # no probe value left behind in a template
        assert "probe" not in json.dumps(template).lower(), name
        assert "2031" not in json.dumps(template), name


def test_every_control_has_a_label_and_the_page_offers_only_what_is_set(model, taxonomy):
    html = model.pages[SUBMIT_SRC].html
    ids = set(re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html))
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    assert ids and ids <= labelled | {"pb-email-text"}
    # The core alone knows no address and no repository: neither is offered, and the page says so.
    assert "E-mail maken" not in html and "niet ingesteld" in html and "Openen op GitHub" not in html
    page = submit_form_page(taxonomy, SubmitTargets(None, "https://github.com/praktijkbank/praktijkbank"))
    assert "Openen op GitHub" in "".join(getattr(part, "text", part) for part in page.parts)
    page = submit_form_page(taxonomy, SubmitTargets(EMAIL, None))  # an address, no repository
    text = "".join(getattr(part, "text", part) for part in page.parts)
    assert "E-mail maken" in text and EMAIL in text and "Openen op GitHub" not in text


# -- in the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    """The real project with an editors' address set, built strictly; (project, site folder)."""
    project = copy_project(tmp_path_factory.mktemp("aanmelden"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  praktijkbank:\n" in text
    config.write_text(text.replace("\n  praktijkbank:\n", f"\n  praktijkbank:\n    submit_email: {EMAIL}\n", 1),
                      encoding="utf-8")
    result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, result.stderr
    return project, project / "site"


@pytest.fixture
def form_page(chromium, form_site, serve_folder):
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.clock.set_fixed_time(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    page.goto(serve_folder(form_site[1]) + "aanmelden/")
    yield page, errors
    context.close()


TITLE = 'Buurtkamer "De Schakel": samen eten & praten'


def _message(page, control_id: str) -> str:
    slot = page.locator(f"#{control_id}-msg")
    return slot.inner_text() if slot.is_visible() else ""


def _fill_like_a_person(page) -> None:
    page.locator("#pb-f-summary").fill("Een buurtkamer waar bewoners samen eten; de corporatie geeft de ruimte.")
    place = page.get_by_role("group", name="Plaats")
    place.get_by_role("radio", name="Wijk of buurt").check()
    page.locator("#pb-f-place-municipality").fill("Deventer")
    page.locator("#pb-f-place-neighbourhood").fill("Keizerslanden")
    page.locator("#pb-f-place-province").select_option(label="Overijssel")
    page.get_by_role("group", name=re.compile("^Thema's")).get_by_role("checkbox", name="Eenzaamheid en sociale contacten").check()
    page.get_by_role("group", name=re.compile("^Doelgroepen")).get_by_role("checkbox", name="Ouderen").check()
    page.locator("#pb-f-partners-1-name").fill("Woonbedrijf Deventer")
    page.locator("#pb-f-partners-1-role").select_option(label="Woningcorporatie")
    page.get_by_role("button", name="Nog een partner").click()
    page.locator("#pb-f-partners-2-name").fill("Welzijn Deventer")
    page.locator("#pb-f-partners-2-role").select_option(label="Welzijnsorganisatie of sociaal wijkteam")
    page.locator("#pb-f-started").fill("2021")
    page.locator("#pb-f-status").select_option(label="Lopend")
    page.get_by_role("radio", name="Resultaten gemeld door de partners zelf").check()
    page.locator("#pb-f-sources-1-title").fill("De Schakel opent haar deuren")
    page.locator("#pb-f-sources-1-publisher").fill("Woonbedrijf Deventer")
    page.locator("#pb-f-contact-organisation").fill("Welzijn Deventer")
    page.locator("#pb-f-contact-url").fill("https://welzijn-deventer.example/de-schakel")
    page.locator("#pb-f-keywords").fill("Schakel\nKeizerslanden")
    texts = {
        "In het kort": "De Schakel is een buurtkamer in Keizerslanden, sinds 2021.",
        "Aanpak": "Elke week koken vrijwilligers.\n\n- maandag soep\n- donderdag warm eten",
        "Wie werken samen": "De corporatie geeft de ruimte; het welzijnswerk begeleidt de vrijwilligers.",
        "Resultaten": "Volgens de partners komen er elke week zo'n dertig bewoners.",
        "Lessen": "Zie [het artikel](https://woonbedrijf.example/nieuws/de-schakel).",
    }
    for index, heading in enumerate(HEADINGS, start=1):
        if heading.title in texts:
            page.locator(f"#pb-f-tekst-{index}").fill(texts[heading.title])


def _check_json(project: Path, card: Path) -> dict:
    result = run_cli("check", str(card), "--format", "json", "--today", TODAY.isoformat(), cwd=project)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _shown(problem: dict) -> str:
    """A problem as the form shows it beside its field: the check's words, without the field."""
    text = ("let op: " if problem["severity"] == "waarschuwing" else "") + problem["message"]
    return text + (f" ({problem['allowed']})" if problem["allowed"] else "")


@pytest.mark.browser
def test_a_person_fills_in_the_form_with_mistakes_and_gets_a_card_that_passes_the_check(form_page, form_site, tmp_path):
    page, errors = form_page
    project = form_site[0]
    SHOTS.mkdir(parents=True, exist_ok=True)
    _fill_like_a_person(page)
    # Mistakes: no title, a date written the Dutch way, then one in the future, a home page as source.
    page.locator("#pb-f-sources-1-url").fill("https://www.woonbedrijf.example")
    page.locator("#pb-f-sources-1-date").fill("12-05-2024")
    page.get_by_role("button", name="Kaart controleren en maken").click()
    summary = page.locator("#pb-form-summary")
    assert summary.is_visible() and page.evaluate("document.activeElement.id") == "pb-form-summary"
    assert "Er zijn nog 2 fouten" in summary.inner_text()
    shown = {key: _message(page, key) for key in ("pb-f-title", "pb-f-sources-1-date", "pb-f-sources-1-url")}
    page.screenshot(path=str(SHOTS / "form-test-mistakes.png"), full_page=False)
    assert page.locator("#pb-form-done").is_hidden()

    # The same mistakes in a card file: the check says exactly what the form said.
    page.locator("#pb-f-sources-1-date").fill("2099-01-01")
    page.locator("#pb-f-sources-1-date").blur()
    page.wait_for_timeout(300)
    future = _message(page, "pb-f-sources-1-date")
    page.locator("#pb-f-title").fill(TITLE)
    page.locator("#pb-f-title").blur()
    page.locator("#pb-f-sources-1-date").fill("2024-05-12")
    page.get_by_role("button", name="Kaart controleren en maken").click()
    card_text = page.locator("#pb-preview-file").text_content()
    with_home_page = tmp_path / "met-voorpagina"
    with_home_page.mkdir()
    mistakes = {
        "pb-f-title": card_text.replace(f"title: {json.dumps(TITLE)}\n", ""),
        "pb-f-sources-1-date": card_text.replace("date: 2024-05-12", "date: 12-05-2024"),
        "future": card_text.replace("date: 2024-05-12", "date: 2099-01-01"),
    }
    assert all(text != card_text for text in mistakes.values())
    checked = {}
    for key, text in mistakes.items():
        target = project / "practices" / f"fout-{key.replace('pb-f-', '')}.md"
        target.write_text(text, encoding="utf-8")
        checked[key] = [_shown(p) for p in _check_json(project, target)["problems"]]
        target.unlink()
    assert shown["pb-f-title"] in checked["pb-f-title"], (shown, checked)
    assert shown["pb-f-sources-1-date"] in checked["pb-f-sources-1-date"]
    assert future in checked["future"] and "ligt in de toekomst" in future
    assert "voorpagina van een website" in shown["pb-f-sources-1-url"] and shown["pb-f-sources-1-url"].startswith("let op:")

    # The home page is a warning: the card is ready, with a remark. Corrected, none is left.
    assert page.locator("#pb-form-done").is_visible()
    assert "1 opmerking" in page.locator("#pb-form-done-status").inner_text()
    page.locator("#pb-f-sources-1-url").fill("https://www.woonbedrijf.example/nieuws/de-schakel")
    page.get_by_role("button", name="Nog een bron").click()
    page.get_by_role("button", name="Bron 2 weghalen").click()
    assert page.locator("#pb-f-sources-2-title").count() == 0
    assert summary.is_hidden()
    page.get_by_role("button", name="Kaart controleren en maken").click()
    assert page.locator("#pb-form-done-status").inner_text() == "De kaart is in orde."
    assert page.evaluate("document.activeElement.id") == "pb-form-done-title"
    page.locator("#pb-form-done").screenshot(path=str(SHOTS / "form-test-done.png"))

    # The preview shows the card's text simply: title, facts, sections with a list and a link.
    preview = page.locator("#pb-preview")
    assert preview.locator("h3").inner_text() == TITLE
    assert preview.locator("li", has_text="donderdag warm eten").count() == 1
    assert preview.get_by_role("link", name="het artikel").get_attribute("href") == "https://woonbedrijf.example/nieuws/de-schakel"

    # Download: the file is the card, named after the title, and passes the check unchanged.
    slug = slugify(TITLE)
    with page.expect_download() as download:
        page.get_by_role("button", name="Kaart bewaren").click()
    assert download.value.suggested_filename == f"{slug}.md"
    saved = project / "practices" / f"{slug}.md"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    report = _check_json(project, saved)
    saved.unlink()
    assert report["errors"] == 0 and report["warnings"] == 0, report["problems"]
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == TITLE
    assert front["place"] == {"scope": "wijk", "municipality": "Deventer", "neighbourhood": "Keizerslanden",
                              "province": "overijssel"}
    assert [p["role"] for p in front["partners"]] == ["woningcorporatie", "welzijnsorganisatie"]
    assert front["sources"][0]["date"] == dt.date(2024, 5, 12)
    assert front["keywords"] == ["Schakel", "Keizerslanden"]
    assert front["last_reviewed"] == TODAY
    assert "## Werkzame elementen" not in text  # optional, left empty

    # E-mail: the body carries the same card between the contract's markers.
    href = page.locator("#pb-send-email").get_attribute("href")
    address, _, query = href.partition("?")
    assert address == f"mailto:{EMAIL}"
    fields = urllib.parse.parse_qs(query)
    assert fields["subject"] == [f"Praktijk aanmelden: {TITLE}"]
    body = fields["body"][0]
    assert "\r\n" in body
    lines = body.replace("\r\n", "\n").split("\n")
    begin = lines.index(EMAIL_BEGIN.format(slug=slug))
    end = lines.index(EMAIL_END)
    assert "\n".join(lines[begin + 1:end]) + "\n" == text
    mail = tmp_path / "mail.txt"
    mail.write_text(body, encoding="utf-8")
    out = tmp_path / "uit"
    made = run_cli("formulier", "--email", str(mail), "--uitvoer", str(out), "--today", TODAY.isoformat(),
                   cwd=project)
    assert made.returncode == 0, made.stdout + made.stderr
    assert (out / f"{slug}.md").read_text(encoding="utf-8") == text

    # GitHub: a new file in practices/, prefilled with the same card.
    github = page.locator("#pb-send-github").get_attribute("href")
    base, _, query = github.partition("?")
    assert base == "https://github.com/praktijkbank/praktijkbank/new/main/practices"
    assert urllib.parse.parse_qs(query) == {"filename": [f"{slug}.md"], "value": [text]}
    assert errors == []


@pytest.mark.browser
def test_the_form_works_offline_from_file(browser_page, tmp_path_factory):
    from offline_support import exported_bundle

    bundle = exported_bundle(tmp_path_factory.mktemp("offline-aanmelden"), "alles")
    page, requests = browser_page
    page.clock.set_fixed_time(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(bundle.url("aanmelden.html"))
    assert page.locator("#pb-form").is_visible()
    page.locator("#pb-f-title").fill("Offline praktijk")
    page.get_by_role("button", name="Kaart controleren en maken").click()
    assert "verplicht veld ontbreekt" in page.locator("#pb-form-summary").inner_text()
    _fill_like_a_person(page)
    page.locator("#pb-f-sources-1-url").fill("https://www.woonbedrijf.example/nieuws/de-schakel")
    page.locator("#pb-f-sources-1-date").fill("2024-05-12")
    page.get_by_role("button", name="Kaart controleren en maken").click()
    assert page.locator("#pb-form-done-status").inner_text() == "De kaart is in orde."
    with page.expect_download() as download:
        page.get_by_role("button", name="Kaart bewaren").click()
    assert download.value.suggested_filename == "offline-praktijk.md"
    assert "title: Offline praktijk" in Path(download.value.path()).read_text(encoding="utf-8")
    assert requests.foreign(bundle.base) == []
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(1280, 900), (375, 812)], ids=["desktop", "telefoon"])
def test_no_axe_violations_on_the_form(chromium, form_site, serve_folder, viewport):
    from test_accessibility import AXE, WCAG_21_AA, _format

    width, height = viewport
    context = chromium.new_context(locale="nl-NL", viewport={"width": width, "height": height}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(serve_folder(form_site[1]) + "aanmelden/")
        page.locator("#pb-f-sources-1-url").fill("https://www.example.nl")
        page.locator("#pb-f-sources-1-date").fill("morgen")
        page.get_by_role("button", name="Nog een partner").click()
        page.get_by_role("button", name="Kaart controleren en maken").click()  # messages and summary shown
        page.screenshot(path=str(SHOTS / f"form-{width}-axe.png"))
        page.add_script_tag(path=str(AXE))
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_21_AA)
        assert results["violations"] == [], _format(results["violations"])
    finally:
        context.close()
