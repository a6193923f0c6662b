"""Unit tests of the generated pages, without a build."""

from __future__ import annotations

import datetime as dt

import markdown

from praktijkbank.sitemodel.markdown import MarkdownSettings, Renderer

from praktijkbank.content.models import Contact, Partner, Place, Practice, Source
from praktijkbank.pages import generate_pages, made_pages
from praktijkbank.pages.markup import text
from praktijkbank.related import related_practices


def _practice(slug, title, themes=("wijkaanpak",), groups=("wijkbewoners",), province="utrecht", related=()):
    return Practice(
        slug=slug, source_path=f"practices/{slug}.md", title=title, summary=f"Over {title}.",
        place=Place(scope="gemeente", municipality="Utrecht", province=province),
        themes=tuple(themes), target_groups=tuple(groups),
        partners=(Partner("Gemeente Utrecht", "gemeente"),), status="lopend", evidence="zelf-gerapporteerd",
        sources=(Source("Bron", "https://example.org/bron", "Voorbeeld", dt.date(2022, 2, 9)),),
        contact=Contact("Voorbeeld"), last_reviewed=dt.date(2026, 1, 1), body="## In het kort\n\nTekst.\n",
        related=tuple(related),
    )


def test_related_puts_named_cards_first_then_the_most_alike():
    a = _practice("a", "A", themes=("wijkaanpak", "gezondheid-en-welzijn"), related=("d",))
    b = _practice("b", "B", themes=("wijkaanpak", "gezondheid-en-welzijn"))
    c = _practice("c", "C", themes=("wijkaanpak",), groups=("ouderen",), province="limburg")
    d = _practice("d", "D", themes=("dakloosheid",), groups=("jongeren",), province="limburg")
    by_slug = {p.slug: p for p in (a, b, c, d)}
    assert [p.slug for p in related_practices(a, by_slug)] == ["d", "b", "c"]


def test_related_leaves_out_cards_with_nothing_in_common():
    a = _practice("a", "A", groups=("ouderen",), province="limburg")
    far = _practice("far", "Ver weg", themes=("dakloosheid",), groups=("jongeren",), province="groningen")
    far = far.__class__(**{**far.__dict__, "partners": (Partner("X", "ggz"),)})
    assert related_practices(a, {"a": a, "far": far}) == []


def test_text_cannot_inject_markup():
    rendered = markdown.markdown(text("<script>alert(1)</script> *vet* [link](javascript:x)"))
    assert "<script>" not in rendered and "<em>" not in rendered and "<a " not in rendered


def test_each_card_page_is_made_only_when_it_is_asked_for(taxonomy, monkeypatch):
    """Every page's address is known at once (for links), but a card's page is made when the model
    renders it, so a large build never holds every card's parts at once (bench/README.md, B22)."""
    import praktijkbank.pages as pages_module

    made = []
    card_page = pages_module.card_page
    monkeypatch.setattr(pages_module, "card_page", lambda practice, *args: made.append(practice.slug) or
                        card_page(practice, *args))
    practices = [_practice("a", "Een"), _practice("b", "Twee", themes=("dakloosheid",))]
    to_make = generate_pages(practices, taxonomy)
    uris = [page.src_uri for page in to_make]
    assert {"praktijken/a.md", "praktijken/b.md", "praktijken/index.md", "thema/dakloosheid.md"} <= set(uris)
    assert len(uris) == len(set(uris)) and made == []
    card = next(page for page in to_make if page.src_uri == "praktijken/b.md")
    assert card.make().title == "Twee" and made == ["b"]


def test_generate_pages_makes_card_overview_and_facet_pages(taxonomy):
    practices = [_practice("a", "Een & ander <b>"), _practice("b", "Twee", themes=("dakloosheid",))]
    pages = made_pages(generate_pages(practices, taxonomy))
    renderer = Renderer(MarkdownSettings())

    def html(uri: str) -> str:
        rendering = renderer.render(pages[uri])
        return rendering.html_for(lambda link: link.written)

    assert "praktijken/index.md" in pages
    assert pages["praktijken/a.md"].source_path == "practices/a.md"
    assert "thema/dakloosheid.md" in pages and "doelgroep/index.md" in pages
    overview = html("praktijken/index.md")
    assert overview.count('class="pb-item"') == 2
    assert 'data-thema="dakloosheid"' in overview
    assert "&lt;b&gt;" in overview and "<b>" not in overview
    facet_page = html("thema/dakloosheid.md")
    assert "Twee" in facet_page and "Een &amp; ander" not in facet_page
    card = html("praktijken/a.md")
    assert '<a href="https://example.org/bron">Bron</a>' in card and "9 februari 2022" in card
