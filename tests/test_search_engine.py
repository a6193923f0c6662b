"""Search documents and ranking in Python: what `praktijkbank zoek` and the site's search answer."""

from __future__ import annotations

import pytest

from praktijkbank.content.cards import load_practices
from praktijkbank.search.documents import KIND_GUIDE, KIND_PAGE, KIND_PRACTICE, build_documents, html_text
from praktijkbank.search.dutch import stem
from praktijkbank.search.engine import build_index, query_words, search
from support import TODAY, VALID_CARD


def card_text(title: str, *, summary: str = "Een korte samenvatting.", body: str = "Tekst.",
              keywords: str = "[voorbeeld]", target_groups: str = "[wijkbewoners]",
              municipality: str = "Oss", neighbourhood: str = "Ruwaard", province: str = "noord-brabant",
              partner: tuple[str, str] = ("Gemeente Oss", "gemeente")) -> str:
    """VALID_CARD with the fields search cares about replaced."""
    text = VALID_CARD
    for old, new in [
        ("title: Voorbeeldpraktijk", f"title: {title}"),
        ("summary: Een korte samenvatting van een voorbeeldpraktijk.", f"summary: {summary}"),
        ("  municipality: Oss\n  neighbourhood: Ruwaard\n  province: noord-brabant\n",
         f"  municipality: {municipality}\n  neighbourhood: {neighbourhood}\n  province: {province}\n"),
        ("target_groups: [wijkbewoners]", f"target_groups: {target_groups}"),
        ("keywords: [voorbeeld]", f"keywords: {keywords}"),
        ("  - name: Gemeente Oss\n    role: gemeente", f"  - name: {partner[0]}\n    role: {partner[1]}"),
        ("## In het kort\n\nTekst.", f"## In het kort\n\n{body}"),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture
def cards(tmp_path, taxonomy):
    """A handful of cards, each one making one point about ranking."""
    folder = tmp_path / "practices"
    folder.mkdir()
    texts = {
        "buurtkamer-zonnehoek": card_text(
            "Buurtkamer Zonnehoek", summary="Een huiskamer voor de buurt.",
            body="Bewoners komen samen in de buurtkamer. Statushouders en oudere buren helpen mee."),
        "kamers-voor-daklozen": card_text(
            "Kamers voor daklozen", summary="Een woonplek voor daklozen en dakloze jongeren.",
            body="Daklozen huren een kamer. De woningcorporatie en geïnteresseerde buren helpen.",
            target_groups="[dakloze-mensen, jongeren]", keywords="[Majella]",
            municipality="Zwolle", neighbourhood="Assendorp", province="overijssel", partner=("Woonstichting Triade", "woningcorporatie")),
        "onder-de-dakpannen": card_text(
            "Onder de Dakpannen", summary="Een logeerkamer bij een particulier.",
            body="Wie dakloos is, woont een jaar bij een gastgever. Eén keer per week komt een buurtkamer-vrijwilliger langs.",
            target_groups="[dakloze-mensen]", municipality="Breda", neighbourhood="Noord-Oost"),
    }
    for slug, text in texts.items():
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    result = load_practices(sorted(folder.glob("*.md")), taxonomy, TODAY, root=tmp_path)
    assert not result.errors, [p.text() for p in result.errors]
    return result.practices


@pytest.fixture
def documents(cards, taxonomy):
    return build_documents(cards, taxonomy)


@pytest.fixture
def ask(documents):
    index = build_index(documents)
    return lambda query: [hit.document.key for hit in search(index, query)]


def test_one_document_per_card_in_slug_order(documents, cards):
    assert [d.key for d in documents] == sorted(c.slug for c in cards)
    assert {d.kind for d in documents} == {KIND_PRACTICE}
    assert [d.path for d in documents] == [f"practices/{d.key}.md" for d in documents]


def test_the_cards_facts_are_in_their_own_fields(documents):
    doc = next(d for d in documents if d.key == "kamers-voor-daklozen")
    terms = {name: value.split() for name, value in doc.terms.items()}
    assert {stem("zwolle"), stem("assendorp"), stem("overijssel")} <= set(terms["plaats"])
    assert {"triade", "woonstichting"} <= set(terms["partners"])
    assert "woningcorporatie" in terms["partners"]  # the kind of partner, by its label
    assert {"majella"} <= set(terms["trefwoorden"])
    assert {"jonger", "jongeren", "daklos", "dakloze"} <= set(terms["doelgroepen"])
    assert "corporatie" in terms["delen"]  # woning|corporatie
    assert doc.text.startswith(doc.place + " — ")


def test_hyphenated_names_are_searchable_as_one_word(documents):
    doc = next(d for d in documents if d.key == "onder-de-dakpannen")
    assert "noordoost" in doc.terms["delen"].split()


def test_stop_words_stay_in_names_but_not_in_text(documents):
    doc = next(d for d in documents if d.key == "onder-de-dakpannen")
    assert doc.terms["titel"].split()[:2] == ["onder", "de"]
    assert "de" not in doc.terms["tekst"].split()


def test_index_terms_hold_the_stem_and_the_word_itself(documents):
    doc = next(d for d in documents if d.key == "kamers-voor-daklozen")
    text = doc.terms["tekst"].split()
    assert text[text.index("daklos") + 1] == "daklozen"  # the stem, then the form as written


def test_a_cards_words_come_from_its_rendering_without_addresses_and_markup(cards):
    import dataclasses

    from praktijkbank.sitemodel.model import body_words

    source = ("Zie [de projectpagina](https://example.org/pad) en *dit*.\n\n"
              "[ref]: https://example.org/ref\n\nTekst &amp; meer\n{: .klasse }")
    card = dataclasses.replace(cards[0], body=source)
    text = body_words([card])[card.slug]
    assert "projectpagina" in text and "dit" in text and "& meer" in text
    assert "example" not in text and "klasse" not in text and "*" not in text


def test_html_text_collapses_blocks():
    assert html_text("<p>Een</p><ul><li>twee</li><li>drie &amp; vier</li></ul>") == "Een twee drie & vier"


def test_pages_are_documents_after_the_cards(cards, taxonomy):
    docs = build_documents(cards, taxonomy, [("over/", "Over", "Waar de feiten vandaan komen.", "Over de Praktijkbank"),
                                             ("webinars.html", "Webinars", "Wat eraan komt.")])
    assert [d.kind for d in docs] == [KIND_PRACTICE] * len(cards) + [KIND_GUIDE, KIND_PAGE]
    assert docs[-2].key == "over/" and "feit" in docs[-2].terms["tekst"]
    assert docs[-2].names == (("over",), ("praktijkbank",))  # title and heading; stop words only when alone
    assert {"over", "praktijkbank"} <= set(docs[-2].terms["titel"].split())


@pytest.mark.parametrize("query", ["dakloos", "dakloze", "daklozen", "Daklozen", "dakloosheid"])
def test_every_form_of_a_word_finds_every_other(ask, query):
    assert set(ask(query)) == {"kamers-voor-daklozen", "onder-de-dakpannen"}


@pytest.mark.parametrize("query", ["statushouder", "statushouders", "statush", "oudere", "ouderen"])
def test_singular_plural_and_prefixes(ask, query):
    assert ask(query)[0] == "buurtkamer-zonnehoek"


@pytest.mark.parametrize("query", ["geïnteresseerd", "geinteresseerde", "GEÏNTERESSEERDEN", "een keer", "één KEER"])
def test_accents_and_case_do_not_matter(ask, query):
    assert ask(query)[0] in {"kamers-voor-daklozen", "onder-de-dakpannen"}
    assert ask(query) == ask(query.lower().replace("ï", "i").replace("é", "e"))


def test_a_card_named_after_the_query_ranks_above_one_that_mentions_it(ask):
    # "buurtkamer" is the first card's title and once a word in the third card's text.
    assert ask("buurtkamer")[:2] == ["buurtkamer-zonnehoek", "onder-de-dakpannen"]


def test_compound_parts_are_found(ask):
    assert "kamers-voor-daklozen" in ask("corporatie")  # the card says only "woningcorporatie"


@pytest.mark.parametrize("query, slug", [
    ("Majella", "kamers-voor-daklozen"),     # a keyword
    ("Zwolle", "kamers-voor-daklozen"),      # the place
    ("Assendorp", "kamers-voor-daklozen"),   # the neighbourhood
    ("Overijssel", "kamers-voor-daklozen"),  # the province, by its label
    ("Triade", "kamers-voor-daklozen"),      # a partner
    ("gastgever", "onder-de-dakpannen"),     # the text
])
def test_facts_are_searchable(ask, query, slug):
    assert ask(query)[0] == slug


def test_a_typing_error_is_forgiven_when_nothing_else_matches(ask):
    assert ask("Zonnehoeck")[0] == "buurtkamer-zonnehoek"
    assert ask("Asendorp")[0] == "kamers-voor-daklozen"
    assert ask("Zwole")[0] == "kamers-voor-daklozen"
    assert ask("Brda") == []  # under five letters: too many words are one letter away


def test_two_words_written_together_are_found(ask):
    assert ask("buurtkamerzonnehoek") == ["buurtkamer-zonnehoek"]


def test_cards_matching_every_word_come_first(documents):
    index = build_index(documents)
    hits = search(index, "dakloze jongeren")
    assert [h.document.key for h in hits] == ["kamers-voor-daklozen", "onder-de-dakpannen"]
    assert hits[0].missing == () and hits[1].missing == ("jongeren",)
    assert hits[0].score > hits[1].score


def test_a_query_that_must_find_nothing(ask):
    assert ask("xylofoon") == []
    assert ask("") == [] and ask("  ?! ") == []


def test_stop_words_are_dropped_except_while_being_typed():
    words = query_words("onder de pannen van")
    assert [(w.text, w.required) for w in words] == [("onder", True), ("pannen", True), ("van", False)]


def test_a_stop_word_alone_is_looked_up_as_a_prefix(ask):
    assert ask("de") == ["onder-de-dakpannen"]  # "de" in its title; stop words are not in texts
