"""Dutch search on the built site: the index, the search box in real Chromium, and `praktijkbank zoek`.

The site is the real project plus two test cards (only in the temporary copy) for word
forms the real cards do not use: statushouder(s), geïnteresseerd, a corporation named
only inside "woningcorporatie".
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from praktijkbank.search.dutch import stem
from praktijkbank.search.site_index import INDEX_FILE, WORKER_FILE
from support import copy_project, mkdocs_build, run_cli
from test_search_engine import card_text

MAJELLA, RUWAARD, SELWERD = "gemengd-wonen-majella-wonen", "proeftuin-ruwaard", "sunny-selwerd"
POSTEN, HOUSING_FIRST, PANNEN = "droomwijk-de-posten", "housing-first", "onder-de-pannen"
STATUSHOUDERS, CORPORATIE = "testkaart-statushouders", "testkaart-corporatie"

TEST_CARDS = {
    STATUSHOUDERS: card_text(
        "Testkaart Thuis voor nieuwkomers", summary="Een testkaart over wonen voor nieuwkomers.",
        body="Elke statushouder krijgt een maatje. Geïnteresseerde buren helpen met de taal.",
        target_groups="[statushouders]", municipality="Testdorp", neighbourhood="Testwijk"),
    CORPORATIE: card_text(
        "Testkaart Sleutelbos", summary="Een testkaart over een buurtpand.",
        body="De woningcorporatie stelt een pand beschikbaar.", keywords="[Sleutelbos]",
        municipality="Proefstad", neighbourhood="Proefwijk"),
}

PLACEHOLDER = "Typ om te beginnen met zoeken"
NONE_FOUND = "Geen resultaten"


@pytest.fixture(scope="module")
def search_project(tmp_path_factory) -> Path:
    """The real project and the test cards, built with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("search"))
    for slug, text in TEST_CARDS.items():
        (project / "practices" / f"{slug}.md").write_text(text, encoding="utf-8")
    result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return project


@pytest.fixture(scope="module")
def index(search_project) -> dict:
    return json.loads((search_project / "site" / INDEX_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def search_url(search_project, serve_folder) -> str:
    return serve_folder(search_project / "site")


def _cards_in(project: Path) -> set[str]:
    return {p.stem for p in (project / "practices").glob("*.md")}


# --- the index --------------------------------------------------------------------------------


def test_the_index_has_exactly_one_entry_per_card(index, search_project):
    cards = [d for d in index["docs"] if d["kind"] == "praktijk"]
    assert sorted(d["location"] for d in cards) == sorted(f"praktijken/{slug}/" for slug in _cards_in(search_project))
    card_pages = {d["location"] for d in cards}
    sections = [d["location"] for d in index["docs"] if d["location"].split("#")[0] in card_pages and "#" in d["location"]]
    assert sections == [], "Material's per-section entries of card pages are replaced"


def test_a_card_entry_carries_its_facts_as_search_fields(index):
    entry = next(d for d in index["docs"] if d["location"] == f"praktijken/{RUWAARD}/")
    assert entry["title"] == "Proeftuin Ruwaard"
    assert entry["text"].startswith("Ruwaard, Oss · Noord-Brabant — ")
    assert set(entry["terms"]) >= {"titel", "trefwoorden", "plaats", "partners", "themas", "doelgroepen", "tekst"}
    assert {stem("oss"), "ruwaard", "noord", stem("brabant")} <= set(entry["terms"]["plaats"].split())
    assert {stem("brabantwonen"), "vgz", stem("zorgverzekeraar")} <= set(entry["terms"]["partners"].split())


def test_pages_that_only_repeat_cards_are_not_in_the_index(index):
    pages = {d["location"].split("#")[0] for d in index["docs"] if d["kind"] != "praktijk"}
    assert {"over/", "bijdragen/", "open-data/"} <= pages  # the other pages are searchable
    assert not {p for p in pages if p.startswith(("praktijken/", "thema/", "doelgroep/", "provincie/",
                                                  "partner/", "status/", "kaartenset/"))}


def test_the_index_tells_the_worker_its_weights(index):
    settings = index["config"]["praktijkbank"]
    assert settings["fields"]["titel"] > settings["fields"]["tekst"]
    assert index["config"]["separator"]  # Material's own settings stay for its page highlighter


def test_every_page_uses_our_worker_and_it_is_in_the_site(search_project):
    site = search_project / "site"
    assert (site / WORKER_FILE).stat().st_size > 30_000  # lunr, the analyser and the worker
    for page in ("index.html", f"praktijken/{RUWAARD}/index.html", "over/index.html"):
        assert WORKER_FILE in (site / page).read_text(encoding="utf-8"), page


# --- the search box, in Chromium ---------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Type ``query`` in the site's search box; the pages of the results, in order."""
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")  # Material searches on key up
    expect(meta).to_have_text(PLACEHOLDER)
    box.fill(query)
    box.press("End")
    expect(meta).not_to_have_text(PLACEHOLDER)
    items = page.locator(".md-search-result__item > a:first-child")
    return items.evaluate_all("links => links.map(a => new URL(a.href).pathname)")


def cards_found(paths: list[str]) -> list[str]:
    return [p.strip("/").split("/")[1] for p in paths if p.startswith("/praktijken/")]


@pytest.fixture(scope="module")
def search_page(chromium, search_url):
    """One page for all searches, and the log of every request it makes."""
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(search_url)
    page.requests = requests
    yield page
    context.close()


# Each query finds the expected cards; "first" means they must be the first results.
WORD_FORMS = [
    ("dakloos", {HOUSING_FIRST, PANNEN, MAJELLA}, False),
    ("dakloze", {HOUSING_FIRST, PANNEN, MAJELLA}, False),
    ("daklozen", {HOUSING_FIRST, PANNEN, MAJELLA}, False),
    ("jongere", {MAJELLA, HOUSING_FIRST}, False),
    ("jongeren", {MAJELLA, HOUSING_FIRST}, False),
    ("oudere", {POSTEN}, False),
    ("ouderen", {POSTEN}, False),
    ("statushouder", {STATUSHOUDERS}, False),
    ("statushouders", {STATUSHOUDERS}, False),
    ("statush", {STATUSHOUDERS}, False),                 # a prefix, while typing
    ("één wijkbudget", {RUWAARD}, True),                # accents
    ("een wijkbudget", {RUWAARD}, True),
    ("geïnteresseerd", {STATUSHOUDERS}, True),
    ("geinteresseerde", {STATUSHOUDERS}, True),
    ("GEÏNTERESSEERDEN", {STATUSHOUDERS}, True),        # case
    ("ENSCHEDE", {POSTEN}, False),
    ("Sleutelbos", {CORPORATIE}, True),                 # a keyword
    ("Selwert", {SELWERD}, True),                       # a typing error
    ("Majella Wonen", {MAJELLA}, True),
    ("wesselerb", {POSTEN}, True),
]


@pytest.mark.browser
@pytest.mark.parametrize("query, expected, first", WORD_FORMS, ids=[q for q, _, _ in WORD_FORMS])
def test_the_search_box_finds_word_forms(search_page, query, expected, first):
    found = cards_found(search(search_page, query))
    assert expected <= set(found), f"{query!r} vond {found}"
    if first:
        assert set(found[: len(expected)]) == expected, f"{query!r} vond {found}"


@pytest.mark.browser
def test_a_query_that_must_find_nothing(search_page):
    assert search(search_page, "xylofoon") == []
    expect(search_page.locator(".md-search-result__meta")).to_have_text(NONE_FOUND)


@pytest.mark.browser
def test_a_result_shows_the_card_with_the_words_marked_and_opens_it(search_page, search_url):
    search(search_page, "daklozen")
    first = search_page.locator(".md-search-result__item").first
    article = first.locator("article").first
    assert article.locator("h1").inner_text() == "Housing First"
    marked = {m.lower() for m in article.locator("mark").all_inner_texts()}
    assert marked and marked <= {"dakloos", "dakloze", "daklozen"}, marked
    first.locator("a").first.click()
    search_page.wait_for_url(f"{search_url}praktijken/{HOUSING_FIRST}/?h=*")
    assert search_page.get_by_role("heading", level=1).inner_text().strip() == "Housing First"
    search_page.goto(search_url)


@pytest.mark.browser
def test_a_missing_word_is_not_struck_through(search_page):
    """Material would show a word a result lacks struck through after "Ontbreekt:"; the cards with
    every word come first instead, and the marks show which words a later one has."""
    found = cards_found(search(search_page, "daklozen jongeren"))
    assert found.index(HOUSING_FIRST) < found.index(PANNEN)  # Onder de Pannen lacks "jongeren"
    items = search_page.locator(".md-search-result__item")
    pannen = items.filter(has=search_page.locator(f'a[href*="/praktijken/{PANNEN}/"]'))
    assert pannen.locator("del").count() == 0 and "Ontbreekt" not in pannen.inner_text()
    assert {m.lower() for m in pannen.locator("mark").all_inner_texts()} <= {"daklozen", "dakloze", "dakloos"}


@pytest.mark.browser
def test_searching_loads_nothing_from_other_hosts(search_page, search_url):
    search(search_page, "dakloze jongeren")
    search(search_page, "Selwert")
    requests = search_page.requests
    assert f"{search_url}{WORKER_FILE}" in requests and f"{search_url}{INDEX_FILE}" in requests
    foreign = [u for u in requests if not u.startswith((search_url, "data:", "blob:", "about:"))]
    assert foreign == [], f"verzoeken buiten de site: {foreign}"


# --- the browser's search answers as `praktijkbank zoek` does ---------------------------------


PARITY_QUERIES = ["dakloze jongeren", "wonen", "zorg in de wijk", "Groningen", "corporatie", "Selwert",
                  "gemeente", "ouderen en jongeren", "bewonersparticipatie", "woningcorporaties",
                  # visitors' queries (tests/test_search_visitors.py): every word before some
                  "huurachterstand", "adviesraad", "ouderen eenzaamheid", "uitstroom beschermd wonen",
                  "statushouders Amsterdam", "woningcorporatie huurders", "vrijwilligers buurt", "sociale huur",
                  "kaart"]


@pytest.mark.browser
def test_the_site_and_the_command_rank_cards_alike(search_page, search_project):
    for query in PARITY_QUERIES:
        site = cards_found(search(search_page, query))
        result = run_cli("zoek", query, "--format", "json", "--aantal", "100", cwd=search_project)
        assert result.returncode == 0, result.stderr
        command = [card["slug"] for card in json.loads(result.stdout)["kaarten"]]
        # Material shows the first ten results and more while scrolling: compare what is shown.
        assert site and site == command[: len(site)], f"{query!r}: site {site}, opdracht {command}"


# --- praktijkbank zoek -------------------------------------------------------------------------


def test_zoek_lists_the_best_cards_with_their_files(search_project):
    result = run_cli("zoek", "dakloze", "jongeren", cwd=search_project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"\d+ kaarten gevonden voor 'dakloze jongeren':", lines[0])
    assert re.fullmatch(r"1\. .+ — .+", lines[1]) and lines[2].strip().startswith("practices/")
    assert "2. Housing First — Landelijk" in result.stdout and "   practices/housing-first.md" in result.stdout
    assert "Onder de Pannen — Amsterdam · Noord-Holland  (ontbreekt: jongeren)" in result.stdout


def test_zoek_forgives_forms_accents_and_typing_errors(search_project):
    for query, slug in [("statushouder", STATUSHOUDERS), ("GEÏNTERESSEERD", STATUSHOUDERS), ("Majela", MAJELLA)]:
        result = run_cli("zoek", query, "--format", "json", cwd=search_project)
        # Real cards about the same people may rank alongside (Startblok Riekerhaven for statushouders).
        assert slug in [card["slug"] for card in json.loads(result.stdout)["kaarten"][:2]], query


def test_a_part_of_a_compound_finds_the_card(search_project):
    """'corporatie' finds the card that says only 'woningcorporatie'. Many real cards say it too, so
    the test card ranks past the first screen of the search box; the site ranks as `zoek` does
    (the parity test above), so the whole list is asked of `zoek`."""
    result = run_cli("zoek", "corporatie", "--aantal", "50", "--format", "json", cwd=search_project)
    assert CORPORATIE in [card["slug"] for card in json.loads(result.stdout)["kaarten"]]


def test_zoek_limits_the_list(search_project):
    result = run_cli("zoek", "wonen", "--aantal", "2", cwd=search_project)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith(", de eerste 2:")
    assert [line.split(".")[0] for line in lines[1::2]] == ["1", "2"] and len(lines) == 5


def test_zoek_json_for_tools(search_project):
    result = run_cli("zoek", "Oss", "--format", "json", cwd=search_project)
    data = json.loads(result.stdout)
    assert data["zoekvraag"] == "Oss" and data["gevonden"] == len(data["kaarten"]) >= 1
    best = data["kaarten"][0]
    assert (best["slug"], best["titel"], best["plaats"]) == (RUWAARD, "Proeftuin Ruwaard", "Ruwaard, Oss · Noord-Brabant")
    assert best["bestand"] == "practices/proeftuin-ruwaard.md" and best["ontbreekt"] == [] and best["score"] > 0


def test_zoek_says_when_nothing_is_found(search_project):
    result = run_cli("zoek", "xylofoon", cwd=search_project)
    assert result.returncode == 1
    assert result.stdout.strip() == "Geen kaarten gevonden voor 'xylofoon'."


def test_zoek_usage_errors(search_project, tmp_path):
    missing = run_cli("zoek", cwd=search_project)
    assert missing.returncode == 2 and "ZOEKWOORD" in missing.stderr
    blank = run_cli("zoek", "  ", cwd=search_project)
    assert blank.returncode == 2 and "geef een zoekwoord op" in blank.stderr
    bad_limit = run_cli("zoek", "wonen", "--aantal", "0", cwd=search_project)
    assert bad_limit.returncode == 2 and "positief" in bad_limit.stderr
    outside = run_cli("zoek", "wonen", cwd=tmp_path)
    assert outside.returncode == 2 and "geen Praktijkbank-project gevonden" in outside.stderr


def test_zoek_searches_the_valid_cards_and_names_the_broken_ones(tmp_path, search_project):
    project = tmp_path / "project"
    shutil.copytree(search_project / "practices", project / "practices")
    shutil.copy2(search_project / "taxonomy.yml", project / "taxonomy.yml")
    (project / "practices" / "kapot.md").write_text("---\ntitle: [kapot\n---\n", encoding="utf-8")
    result = run_cli("zoek", "Selwerd", cwd=project)
    assert result.returncode == 0
    assert "1 kaart(en) met fouten zijn niet doorzocht" in result.stderr
    assert "Sunny Selwerd" in result.stdout
