"""The browser's half of search answers exactly as the Python half: the analyser and the ranking.

The index is analysed in Python at build time and queries in JavaScript in the reader's
browser, so the two must agree word for word. These tests run the shipped scripts in
real Chromium on the same input as the Python code and compare.
"""

from __future__ import annotations

import re

import pytest

from praktijkbank.search.documents import build_documents
from praktijkbank.search.dutch import STOP_WORDS, fold, stem, words
from praktijkbank.search.engine import build_index, query_words, search
from praktijkbank.search.ranking import ranking_settings
from praktijkbank.search.site_index import WEB_DIR, index_entry, worker_script
from support import ROOT
from test_search_dutch import SNOWBALL

pytestmark = pytest.mark.browser

TRICKY_TEXTS = [
    "Één GEÏNTERESSEERDE café-eigenaar", "Straße Ærø Łódź œuvre", "thema’s, auto's en 's-Hertogenbosch",
    "HVO-Querido (2006) – 83 procent!", "Thomas à Kempisweg 1", "  ", "ĳsbaan Ĳmuiden", "naïef coördinator",
]


@pytest.fixture
def blank_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.goto("about:blank")
    yield page
    context.close()


def corpus_words() -> list[str]:
    """Every word of the real cards and hand-written pages, plus the stemmer's test words."""
    found: set[str] = set(SNOWBALL)
    for path in [*sorted((ROOT / "practices").glob("*.md")), *sorted((ROOT / "docs").rglob("*.md"))]:
        found.update(words(path.read_text(encoding="utf-8")))
    for text in TRICKY_TEXTS:
        found.update(words(text))
    found.update(["categorieen", "corporaties", "gezinnen", "huizen", "brieven", "yoga", "zeeuwse", "kooien"])
    return sorted(found)


def test_the_analyser_in_the_browser_equals_the_python_one(blank_page):
    blank_page.add_script_tag(content=(WEB_DIR / "dutch.js").read_text(encoding="utf-8"))
    vocabulary = corpus_words()
    assert len(vocabulary) > 800  # the real content, not a handful of words
    js = blank_page.evaluate(
        """([vocabulary, texts]) => ({
            stems: vocabulary.map(w => PraktijkbankDutch.stem(w)),
            folded: texts.map(t => PraktijkbankDutch.fold(t)),
            words: texts.map(t => PraktijkbankDutch.words(t)),
            stopWords: Array.from(PraktijkbankDutch.STOP_WORDS).sort(),
        })""",
        [vocabulary, TRICKY_TEXTS],
    )
    differ = [(w, s, js_s) for w, s, js_s in zip(vocabulary, map(stem, vocabulary), js["stems"]) if s != js_s]
    assert differ == [], differ[:20]
    assert js["folded"] == [fold(t) for t in TRICKY_TEXTS]
    assert js["words"] == [words(t) for t in TRICKY_TEXTS]
    assert js["stopWords"] == sorted(STOP_WORDS)


# Queries as people type them: names, word forms, typing errors, prefixes, several words.
QUERIES = [
    "dakloos", "dakloze jongeren", "daklozen", "ouderen", "oudere", "Oss", "osse wijk", "Groningen", "Utrecht",
    "Majella Wonen", "Majela", "Selwert", "housing frist", "Regenbooggroep", "één wijkbudget", "corporatie",
    "woningcorporaties en zorg in Oss", "langer thuis wonen", "gemeente", "wonen", "zorg", "de", "onder de pannen",
    "xylofoon", "GGZ Oost-Brabant", "HVO-Querido", "thomas a kempisweg", "bewonersparticipatie", "83 procent",
    *["Proeftuin Ruwaard"[:n] for n in range(2, 18)],
    *["dakloze jongeren"[:n] for n in range(2, 17)],
]


# Pages as the site has them (title, text, heading), for the tiers of pages and cards.
PAGES = [
    ("", "Home", "Praktijkbank Wonen, Zorg en Welzijn. Welkom bij de Praktijkbank: voorbeelden van wonen, "
     "zorg en welzijn in de wijk. Meld een praktijk aan.", ""),
    ("over/", "Over", "Over de Praktijkbank. Waar de feiten vandaan komen en wie de kaarten nakijkt.",
     "Over de Praktijkbank"),
    ("bijdragen/", "Zo doet u mee", "Bijdragen. Een praktijk aanmelden met het formulier op GitHub; "
     "zelf een kaart maken over huurachterstand of dakloosheid.", "Bijdragen"),
    ("bijdragen/velden/", "Velden van een kaart", "Velden van een kaart. Thema's: Schulden en huurachterstand; "
     "Dakloosheid; Wonen en zorg. Adviesraad, woningcorporatie, huurdersorganisatie.", "Velden van een kaart"),
    ("open-data/", "Open data", "Open data. Alle praktijkkaarten als JSON en CSV, per thema en gemeente.",
     "Open data"),
    ("toegankelijkheid/", "Toegankelijkheid", "Toegankelijkheidsverklaring. De site is te gebruiken met "
     "een schermlezer.", "Toegankelijkheidsverklaring"),
    ("wat-weten-we/", "Wat weten we?", "Wat weten we? Onderbouwing per thema: onderzoek, evaluatie.",
     "Wat weten we?"),
    ("webinars/", "Webinars", "Webinars over Housing First en dakloze jongeren; aanmelden bij de organisator.",
     "Webinars"),
]
PAGE_QUERIES = [
    "open data", "open da", "toegankelijkheid", "webinars", "webinar housing first", "wat weten we", "bijdragen",
    "kaart", "velden", "aanmelden", "formulier", "github", "praktijkbank", "huurachterstand", "adviesraad",
    "schermlezer", "uitstroom beschermd wonen", "statushouders Amsterdam", "woningcorporatie huurders",
    "ouderen eenzaamheid", "xylofoon", "over", "data",
]


def _worker_with(page, documents):
    page.add_script_tag(content=worker_script())
    page.evaluate("index => PraktijkbankSearch.setup(index)", {
        "config": {"praktijkbank": ranking_settings()},
        "docs": [index_entry(d, f"praktijken/{d.key}/" if d.kind == "praktijk" else d.key) for d in documents]})


def _compare(page, index, queries):
    for query in queries:
        expected = [(f"praktijken/{h.document.key}/" if h.document.kind == "praktijk" else h.document.key, h.score)
                    for h in search(index, query)]
        found = page.evaluate(
            "query => PraktijkbankSearch.search(query).items.map(group => [group[0].location, group[0].score])",
            query)
        assert [location for location, _ in found] == [location for location, _ in expected], query
        for (_, js_score), (_, py_score) in zip(found, expected):
            assert js_score == pytest.approx(py_score, rel=1e-3), query
        js_words = page.evaluate("query => PraktijkbankSearch.queryWords(query)", query)
        assert js_words == [{"text": w.text, "stem": w.stem, "required": w.required} for w in query_words(query)]


def test_the_worker_ranks_the_real_cards_as_the_command_does(blank_page, real_practices, taxonomy):
    documents = build_documents(real_practices, taxonomy)
    _worker_with(blank_page, documents)
    _compare(blank_page, build_index(documents), QUERIES)


def test_the_worker_ranks_cards_and_pages_as_the_engine_does(blank_page, real_practices, taxonomy):
    documents = build_documents(real_practices, taxonomy, PAGES)
    _worker_with(blank_page, documents)
    index = build_index(documents)
    _compare(blank_page, index, QUERIES + PAGE_QUERIES)
    tiers = {query: [h.tier for h in search(index, query)] for query in PAGE_QUERIES}
    assert tiers["open data"][0] == 0 and tiers["kaart"] == sorted(tiers["kaart"])  # the test covers every tier
    assert {tier for found in tiers.values() for tier in found} == {0, 1, 2, 3, 4}


def test_the_worker_marks_the_words_it_matched(blank_page, real_practices, taxonomy):
    documents = build_documents(real_practices, taxonomy)
    _worker_with(blank_page, documents)
    first = blank_page.evaluate("() => PraktijkbankSearch.search('dakloos <script>').items[0][0]")
    assert first["location"] in {f"praktijken/{p.slug}/" for p in real_practices if "dakloosheid" in p.themes}
    marked = re.findall(r"<mark>(.*?)</mark>", first["text"])
    assert marked and {m.lower() for m in marked} <= {"dakloze", "dakloos"}
    # Only the words it has: Material would show a word it lacks struck through ("Ontbreekt: script").
    assert first["terms"] == {m: True for m in marked}
    assert "<script" not in first["text"] and "<script" not in first["title"]
