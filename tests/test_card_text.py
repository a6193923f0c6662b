"""A card's rendered text moves from its page to the printable card set (pages/card_text.py)."""

from __future__ import annotations

import re

import pytest

from praktijkbank.pages.card_text import END, START, CardTexts, placeholder
from praktijkbank.pages.cardset import CARDSET_SRC
from praktijkbank.urls import SiteAddress

RENDERED = (
    '<h2 id="in-het-kort">In het kort</h2>\n'
    '<p>Zie <a href="../proeftuin-ruwaard/#aanpak">Oss</a>, <a href="#lessen">hieronder</a>, '
    '<a href="https://example.org/a?x=1&amp;y=2">web</a>, <a href="mailto:a@example.org">mail</a> '
    "en <a href='/over/'>over</a>.</p>\n"
    '<h3 id="detail" class="x">Detail</h3>\n<img alt="" src="../../assets/beeld.png">\n'
    "<pre><code>&lt;h2 id=&quot;code&quot;&gt;</code></pre>\n"
    '<h6 id="diep">Diep</h6>\n<p>data-id="blijft" zoals het is</p>'
)


def _card_page(text: str) -> str:
    return f"<h1>Titel</h1>\n<p>lead</p>\n{START}\n{text}\n{END}\n<h2>Bronnen</h2>"


def _moved(address: SiteAddress, text: str = RENDERED) -> str:
    texts = CardTexts(["kaart"], CARDSET_SRC, address)
    texts.keep("praktijken/kaart.md", _card_page(text))
    return texts.fill(CARDSET_SRC, f"<main>{placeholder('kaart')}</main>")


def test_headings_go_one_level_down_and_ids_get_the_card_in_front():
    moved = _moved(SiteAddress())
    assert '<h3 id="kaart--in-het-kort">In het kort</h3>' in moved
    assert '<h4 id="kaart--detail" class="x">Detail</h4>' in moved
    assert '<h6 id="kaart--diep">Diep</h6>' in moved  # level 6 is as deep as HTML goes
    assert "&lt;h2 id=&quot;code&quot;&gt;" in moved  # code shown as text stays text
    assert 'data-id="blijft"' in moved  # only attributes inside tags change


@pytest.mark.parametrize("address, card, own", [
    (SiteAddress(), "../praktijken/proeftuin-ruwaard/#aanpak", "../praktijken/kaart/#lessen"),
    (SiteAddress(directory_urls=False), "../praktijken/proeftuin-ruwaard.html#aanpak",
     "../praktijken/kaart.html#lessen"),
])
def test_links_are_re_aimed_from_the_card_set_in_both_page_layouts(address, card, own):
    text = RENDERED
    if not address.directory_urls:  # as MkDocs renders the card page when pages are files
        text = text.replace("../proeftuin-ruwaard/#aanpak", "proeftuin-ruwaard.html#aanpak")
        text = text.replace("../../assets/beeld.png", "../assets/beeld.png")
    moved = _moved(address, text)
    assert f'<a href="{card}">Oss</a>' in moved
    assert f'<a href="{own}">hieronder</a>' in moved  # within the card: to the card's own page
    assert 'src="../assets/beeld.png"' in moved
    assert 'href="https://example.org/a?x=1&amp;y=2"' in moved and 'href="mailto:a@example.org"' in moved
    assert "href='/over/'" in moved


def test_the_card_page_loses_its_markers_and_keeps_its_text():
    texts = CardTexts(["kaart"], CARDSET_SRC, SiteAddress())
    page = texts.keep("praktijken/kaart.md", _card_page(RENDERED))
    assert page == f"<h1>Titel</h1>\n<p>lead</p>\n\n{RENDERED}\n\n<h2>Bronnen</h2>"
    assert texts.keep("praktijken/index.md", _card_page("x")) == _card_page("x")  # not a card: untouched
    assert texts.fill("praktijken/kaart.md", placeholder("kaart")) == placeholder("kaart")  # not the card set


def test_a_card_whose_text_was_not_rendered_links_to_its_page():
    texts = CardTexts(["kaart", "andere"], CARDSET_SRC, SiteAddress())
    texts.keep("praktijken/kaart.md", "<p>markers lost</p>")  # the text broke out of its markers
    filled = texts.fill(CARDSET_SRC, placeholder("kaart") + placeholder("andere"))
    assert filled.count('<a href="../praktijken/kaart/">de pagina van de kaart</a>') == 1
    assert filled.count('<a href="../praktijken/andere/">de pagina van de kaart</a>') == 1


@pytest.mark.build
def test_card_set_shows_each_cards_text_as_its_page_does(built_site, real_practices):
    cardset = (built_site / "kaartenset" / "index.html").read_text(encoding="utf-8")
    assert "praktijkbank:kaarttekst" not in cardset
    ids = re.findall(r'\sid="([^"]+)"', cardset)
    assert len(ids) == len(set(ids)), "dubbele id's op de kaartenset"

    def words(html: str) -> list[str]:
        return re.sub(r"<[^>]+>", " ", html).split()

    for practice in real_practices:
        page = (built_site / "praktijken" / practice.slug / "index.html").read_text(encoding="utf-8")
        assert "praktijkbank:kaarttekst" not in page
        sheet = cardset[cardset.index(f'id="kaart-{practice.slug}"'):]
        sheet = sheet[sheet.index('<div class="pb-print-text">'):sheet.index("<h3>Bronnen</h3>")]
        first_heading = re.match(r"#+\s+(.+)", practice.body.strip())[1]
        text_on_page = page[page.rindex("<h2", 0, page.index(f">{first_heading}</h2>")):]
        assert words(sheet) == words(text_on_page)[:len(words(sheet))], practice.slug
        assert f'<h3 id="{practice.slug}--' in sheet and "<h2" not in sheet, practice.slug
