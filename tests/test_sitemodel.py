"""The site model: every generated page rendered once by the core, links checked against its own map."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from model_support import load_site_model
from praktijkbank.offline.edition import OfflineEdition
from praktijkbank.pages.cardset import CARDSET_SRC
from praktijkbank.pages.listing import card_src_uri
from praktijkbank.sitemodel.links import SiteMap, markdown_anchors
from praktijkbank.sitemodel.markdown import MarkdownSettings, Renderer
from praktijkbank.sitemodel.model import body_words
from praktijkbank.sitemodel.source import PageSource, html_block
from praktijkbank.urls import SiteAddress
from support import ROOT, TODAY, VALID_CARD, copy_project

BODY = ("## In het kort\n\nZie [de aanpak in Oss](proeftuin-ruwaard.md#aanpak) en [hierboven](#in-het-kort), "
        "[web](https://example.org/a.md) en [over](../over.md).\n\n## Aanpak\n\nTekst met *nadruk*.\n")


def card_source(body: str = BODY, slug: str = "kaart") -> PageSource:
    return PageSource.of(card_src_uri(slug), {"title": "Kaart"},
                         ["# Kaart\n", html_block('<p class="pb-lead">Lead</p>', toc=(("pb-facts-title", "Kenmerken"),)),
                          body, "## Bronnen\n", html_block("<ol><li>bron</li></ol>")],
                         source_path=f"practices/{slug}.md", body_part=2, body_line=30)


def site_map(address: SiteAddress = SiteAddress()) -> SiteMap:
    anchors = {card_src_uri("kaart"): frozenset({"in-het-kort", "aanpak"}),
               card_src_uri("proeftuin-ruwaard"): frozenset({"aanpak"})}
    return SiteMap(address, anchors, {"over.md": ROOT / "docs" / "over.md"})


def test_a_page_is_rendered_once_with_its_html_parts_untouched_and_a_table_of_contents():
    rendering = Renderer(MarkdownSettings()).render(card_source())
    html = rendering.html_for(lambda link: site_map().href(link, rendering.src_uri, rendering.src_uri))
    assert '<p class="pb-lead">Lead</p>' in html and "<ol><li>bron</li></ol>" in html
    assert '<h2 id="in-het-kort">In het kort</h2>' in html
    assert 'href="../proeftuin-ruwaard/#aanpak"' in html and 'href="#in-het-kort"' in html
    assert 'href="https://example.org/a.md"' in html and 'href="../../over/"' in html
    assert "\ue000" not in html and "\ue002" not in html
    title = rendering.toc[0]
    assert [child["id"] for child in title["children"]] == ["pb-facts-title", "in-het-kort", "aanpak", "bronnen"]
    assert {"in-het-kort", "aanpak", "bronnen", "pb-facts-title"} <= rendering.anchors


def test_the_card_set_takes_the_same_rendering_re_aimed_renumbered_and_with_unique_ids():
    rendering = Renderer(MarkdownSettings()).render(card_source())
    moved = rendering.html_for(lambda link: site_map().href(link, rendering.src_uri, CARDSET_SRC),
                               id_prefix="kaart--", heading_shift=1, template=rendering.body)
    assert '<h3 id="kaart--in-het-kort">In het kort</h3>' in moved
    assert 'href="../praktijken/proeftuin-ruwaard/#aanpak"' in moved
    assert 'href="../praktijken/kaart/#in-het-kort"' in moved  # a place within the card: on its own page
    assert "Bronnen" not in moved and "Lead" not in moved  # only the card's own text


SECTIONED = ("## In het kort\n\nKort.\n\n## Resultaten\n\nMinder *schulden*, zie [Oss](proeftuin-ruwaard.md).\n\n"
             "### Cijfers\n\n- 12 gezinnen\n\n## Werkzame elementen\n\nSamen.\n")


@pytest.mark.parametrize("configs", [{}, {"toc": {"permalink": True}}], ids=["zonder-permalink", "met-permalink"])
def test_each_section_of_a_cards_text_is_known_from_its_rendering(configs):
    settings = MarkdownSettings(configs=configs)
    plain = Renderer(settings).render(card_source(SECTIONED))
    assert list(plain.sections) == ["In het kort", "Resultaten", "Werkzame elementen"]
    results = plain.html_for(lambda link: site_map().href(link, plain.src_uri, plain.src_uri),
                             template=plain.sections["Resultaten"])
    # From under the heading up to the next section: subheadings belong to it.
    assert results.startswith("<p>Minder <em>schulden</em>, zie <a href=\"../proeftuin-ruwaard/\">Oss</a>.</p>")
    assert '<h3 id="cijfers">Cijfers' in results and "<li>12 gezinnen</li>" in results
    assert "Resultaten" not in results and "Samen" not in results and "Kort." not in results
    # The last section ends with the card's text, before the sources.
    assert plain.sections["Werkzame elementen"] == "<p>Samen.</p>"
    # Knowing the sections leaves the page as it is: the body is the sections in a row, with their headings.
    html = plain.html_for(lambda link: "x")
    assert "\ue002" not in html and "<p></p>" not in html
    assert re.findall('<h2 id="([^"]+)"', html) == ["in-het-kort", "resultaten", "werkzame-elementen", "bronnen"]
    assert "Kort.</p>\n<h2" in html and "</h2>\n<p>Minder" in html  # line breaks as Markdown wrote them
    assert plain.body.endswith(plain.sections["Werkzame elementen"]) and plain.sections["Resultaten"] in plain.body
    bare = Renderer(settings).render(card_source(SECTIONED.replace("## ", "#### ")))
    assert bare.sections == {}  # only second-level headings make sections


def test_a_card_without_the_section_gives_nothing_for_it():
    rendering = Renderer(MarkdownSettings()).render(card_source())
    assert "Resultaten" not in rendering.sections and rendering.sections["Aanpak"] == "<p>Tekst met <em>nadruk</em>.</p>"


def test_the_words_of_a_card_are_read_from_its_rendering():
    rendering = Renderer(MarkdownSettings()).render(card_source())
    assert rendering.body_text.split() == ["In", "het", "kort", "Zie", "de", "aanpak", "in", "Oss", "en",
                                           "hierboven,", "web", "en", "over.", "Aanpak", "Tekst", "met",
                                           "nadruk."]
    assert "proeftuin-ruwaard.md" not in rendering.body_text  # link targets are no words


def test_links_to_cards_left_out_of_an_edition_become_their_text():
    left_out = {card_src_uri("proeftuin-ruwaard")}
    renderer = Renderer(MarkdownSettings(), OfflineEdition(dt.date(2026, 11, 1), None, ("kaart",)).link_policy(left_out))
    rendering = renderer.render(card_source())
    html = rendering.html_for(lambda link: site_map().href(link, rendering.src_uri, rendering.src_uri))
    assert "Zie de aanpak in Oss en" in html and "proeftuin-ruwaard" not in html
    assert [link.written for link in rendering.links] == ["#in-het-kort", "../over.md"]


@pytest.mark.parametrize("written, message", [
    ("[deze kaart](bestaat-niet.md)", "de link 'bestaat-niet.md' wijst naar een pagina of bestand dat niet bestaat"),
    ("[Oss](proeftuin-ruwaard.md#bestaat-niet)", "het anker '#bestaat-niet' staat niet op de pagina waar de link"),
    ("[hier](#bestaat-niet)", "het anker '#bestaat-niet' staat niet op deze pagina"),
    ("[de kaart](../praktijken/proeftuin-ruwaard/)", "niet naar het adres op de site"),
])
def test_a_broken_link_is_reported_at_the_card_file_and_line(written, message):
    rendering = Renderer(MarkdownSettings()).render(card_source(f"## In het kort\n\nTekst.\n\nZie {written}.\n"))
    problems = [site_map().problem(link, rendering.src_uri) for link in rendering.links]
    assert [p[0] for p in problems if p] and message in [p for p in problems if p][0][0]


def test_the_model_reports_a_broken_link_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    card = VALID_CARD.replace("## Aanpak\n\nTekst.", "## Aanpak\n\nTekst.\n\nZie [weg](bestaat-niet.md).")
    (project / "practices" / "kaart-met-link.md").write_text(card, encoding="utf-8")
    line = card.splitlines().index("Zie [weg](bestaat-niet.md).") + 1
    model = load_site_model(project, today=TODAY)
    found = [p for p in model.result.problems if p.path == "practices/kaart-met-link.md"]
    assert [(p.line, p.field, p.is_error) for p in found] == [(line, "tekst", True)]
    assert "bestaat-niet.md" in found[0].message


def test_anchors_of_a_hand_written_page_are_its_headings_as_markdown_makes_them():
    text = "---\ntitle: x\n---\n# Over\n\n## Waar komen de feiten vandaan?\n\n## Twee {#eigen}\n\n## Over\n\n<p id=\"los\"></p>\n"
    assert markdown_anchors(text) == {"over", "waar-komen-de-feiten-vandaan", "eigen", "over_1", "los"}


def test_the_real_site_model_renders_every_card_once_and_knows_its_words():
    model = load_site_model(ROOT, today=TODAY)
    cards = model.result.practices
    assert len(cards) >= 16
    assert not [p for p in model.result.problems if p.is_error and p.field == "tekst"]
    cardset = model.pages[CARDSET_SRC].html
    for practice in cards:
        page = model.card_page(practice.slug)
        assert page.html.count("<h1") == 1 and "\ue000" not in page.html
        assert cardset.count(f'id="kaart-{practice.slug}"') == 1
        assert f'id="{practice.slug}--in-het-kort"' in cardset
        assert model.card_words[practice.slug]
    ids = re.findall(r'\bid="([^"]+)"', cardset)
    assert len(ids) == len(set(ids)), "every id on the card set once"
    # The search words of `praktijkbank zoek` (no build) are those of the build.
    assert body_words(cards) == model.card_words


def test_two_models_of_the_same_content_are_equal_page_for_page():
    first, second = load_site_model(ROOT, today=TODAY), load_site_model(ROOT, today=TODAY)
    assert {uri: page.html for uri, page in first.pages.items()} == {uri: page.html for uri, page in second.pages.items()}


def test_a_card_whose_text_has_a_private_use_character_cannot_confuse_the_renderer():
    practice_body = "## In het kort\n\nTekst \ue000L0\ue001 en \ue002" + "1\ue003.\n"
    rendering = Renderer(MarkdownSettings()).render(card_source(practice_body))
    html = rendering.html_for(lambda link: site_map().href(link, rendering.src_uri, rendering.src_uri))
    assert "Tekst" in html


def test_file_layout_links_follow_the_generator_setting():
    address = SiteAddress(None, directory_urls=False)
    rendering = Renderer(MarkdownSettings()).render(card_source())
    html = rendering.html_for(lambda link: site_map(address).href(link, rendering.src_uri, rendering.src_uri))
    assert 'href="proeftuin-ruwaard.html#aanpak"' in html and 'href="../over.html"' in html
    assert dataclasses.is_dataclass(rendering)


def test_every_theme_target_group_and_partner_role_has_a_card_or_shows_the_next_step():
    from praktijkbank.pages.facets import FACET_BY_VOCABULARY
    from praktijkbank.content.taxonomy import NO_CARD_YET, empty_values

    model = load_site_model(ROOT, today=TODAY)
    empty = empty_values(model.result.practices, model.taxonomy)
    next_step = NO_CARD_YET.removesuffix(" Meld het aan.")
    for vocabulary in ("themes", "target_groups", "partner_roles"):
        facet = FACET_BY_VOCABULARY[vocabulary]
        for key in model.taxonomy[vocabulary].values:
            html = model.pages[facet.src_uri(key)].html
            if key in empty[vocabulary]:
                assert next_step in html and 'href="../../bijdragen/">Meld het aan</a>' in html, key
                assert 'class="pb-item"' not in html, key
            else:
                assert 'class="pb-item"' in html and next_step not in html, key
