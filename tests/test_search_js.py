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


def test_the_worker_ranks_the_real_cards_as_the_command_does(blank_page, real_practices, taxonomy):
    documents = build_documents(real_practices, taxonomy)
    index = build_index(documents)
    entries = [index_entry(d, f"praktijken/{d.key}/") for d in documents]
    blank_page.add_script_tag(content=worker_script())
    blank_page.evaluate("index => PraktijkbankSearch.setup(index)",
                        {"config": {"praktijkbank": ranking_settings()}, "docs": entries})
    for query in QUERIES:
        expected = [(f"praktijken/{h.document.key}/", h.score) for h in search(index, documents, query)]
        found = blank_page.evaluate(
            "query => PraktijkbankSearch.search(query).items.map(group => [group[0].location, group[0].score])",
            query)
        assert [location for location, _ in found] == [location for location, _ in expected], query
        for (_, js_score), (_, py_score) in zip(found, expected):
            assert js_score == pytest.approx(py_score, rel=1e-3), query
        js_words = blank_page.evaluate("query => PraktijkbankSearch.queryWords(query)", query)
        assert js_words == [{"text": w.text, "stem": w.stem, "required": w.required} for w in query_words(query)]


def test_the_worker_marks_the_words_it_matched(blank_page, real_practices, taxonomy):
    documents = build_documents(real_practices, taxonomy)
    blank_page.add_script_tag(content=worker_script())
    blank_page.evaluate("index => PraktijkbankSearch.setup(index)", {
        "config": {"praktijkbank": ranking_settings()},
        "docs": [index_entry(d, f"praktijken/{d.key}/") for d in documents]})
    first = blank_page.evaluate("() => PraktijkbankSearch.search('dakloos <script>').items[0][0]")
    assert first["location"] in {f"praktijken/{p.slug}/" for p in real_practices if "dakloosheid" in p.themes}
    marked = re.findall(r"<mark>(.*?)</mark>", first["text"])
    assert marked and {m.lower() for m in marked} <= {"dakloze", "dakloos"}
    assert first["terms"] == {**{m: True for m in marked}, "script": False}
    assert "<script" not in first["text"] and "<script" not in first["title"]
