"""What the cards know, shown: figures in the facts panel, "Wat weten we?", empty values, the docs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from praktijkbank.content.models import Contact, Figure, Partner, Place, Practice, Source
from praktijkbank.pages.contributing import fields_page
from praktijkbank.pages.evidence_overview import (dutch_number, evidence_counts, evidence_overview_html,
                                                  figure_text, figure_texts)
from praktijkbank.content.taxonomy import NO_CARD_YET, empty_values


def practice(slug: str, themes=("wijkaanpak",), evidence="zelf-gerapporteerd", **extra) -> Practice:
    values = dict(
        slug=slug, source_path=f"practices/{slug}.md", title=slug.replace("-", " ").title(), summary="Kort.",
        place=Place(scope="gemeente", municipality="Utrecht", province="utrecht"), themes=tuple(themes),
        target_groups=("wijkbewoners",), partners=(Partner("Gemeente Utrecht", "gemeente"),), status="lopend",
        evidence=evidence, sources=(Source("Bron", "https://example.org/bron", "Voorbeeld", dt.date(2024, 1, 1)),
                                    Source("Rapport", "https://example.org/rapport", "Bureau", research=True)),
        contact=Contact("Voorbeeld"), last_reviewed=dt.date(2026, 11, 1), body="## In het kort\n\nTekst.\n",
    )
    values.update(extra)
    return Practice(**values)


# -- figures in words -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "shown"), [(565, "565"), (2500000, "2.500.000"), (2.5, "2,5"),
                                              (1250000.5, "1.250.000,5"), (565.0, "565"), (0, "0")])
def test_dutch_numbers(value, shown):
    assert dutch_number(value) == shown


def test_a_figure_says_its_year_and_source(taxonomy):
    assert figure_text(Figure("woningen", 565, 2, 2017), taxonomy) == "565 woningen (2017, bron 2)"
    assert figure_text(Figure("bewoners", 1200, 1), taxonomy) == "1.200 bewoners (bron 1)"
    assert figure_text(Figure("budget", 2500000, 3, 2019), taxonomy) == "budget € 2.500.000 (2019, bron 3)"
    assert figure_text(Figure("deelnemers", 40, 1, None, "per jaar"), taxonomy) == "40 deelnemers (bron 1) – per jaar"


def test_figures_that_disagree_are_both_shown_and_the_difference_said(taxonomy):
    card = practice("a", figures=(Figure("woningen", 565, 1, 2017), Figure("woningen", 600, 2, 2017),
                                  Figure("woningen", 700, 2, 2020), Figure("budget", 10, 1), Figure("budget", 12, 2)))
    assert figure_texts(card, taxonomy) == [
        "565 woningen (2017, bron 1)", "600 woningen (2017, bron 2)", "700 woningen (2020, bron 2)",
        "budget € 10 (bron 1)", "budget € 12 (bron 2)",
        "De bronnen noemen een ander getal voor het aantal woningen in 2017.",
        "De bronnen noemen een ander getal voor het budget.",
    ]


def test_facts_panel_shows_figures_funders_and_researchers(taxonomy):
    from praktijkbank.pages.card import facts_list

    card = practice("a", evidence="onafhankelijk-onderzoek", funders=("Fonds <A>",),
                    researchers=("Verwey-Jonker Instituut",),
                    figures=(Figure("woningen", 565, 2, 2017), Figure("woningen", 600, 1, 2017)))
    html = facts_list(card, taxonomy)
    assert "<dt>Geldgevers</dt>\n<dd>Fonds &lt;A&gt;</dd>" in html
    assert "<dt>Onderzoek door</dt>\n<dd>Verwey-Jonker Instituut</dd>" in html
    assert ("<dt>Cijfers</dt>\n<dd>565 woningen (2017, bron 2)<br>600 woningen (2017, bron 1)<br>"
            "De bronnen noemen een ander getal voor het aantal woningen in 2017.</dd>") in html
    assert html.index("<dt>Partners</dt>") < html.index("<dt>Geldgevers</dt>") < html.index("<dt>Thema's</dt>")
    assert html.index("<dt>Onderbouwing</dt>") < html.index("<dt>Onderzoek door</dt>") < html.index("<dt>Cijfers</dt>")
    plain = facts_list(practice("b"), taxonomy)
    assert "Geldgevers" not in plain and "Onderzoek door" not in plain and "Cijfers" not in plain


# -- "Wat weten we?" --------------------------------------------------------------------------------


class _Table(HTMLParser):
    """The table's cells as text, by row, and the links of each cell."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: dict[tuple[int, int], str] = {}
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = []
        elif tag == "a" and self.cell is not None:
            self.links[(len(self.rows) - 1, len(self.rows[-1]))] = dict(attrs)["href"]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


@pytest.fixture
def cards():
    return [
        practice("a", themes=("wijkaanpak", "eenzaamheid"), evidence="zelf-gerapporteerd"),
        practice("b", themes=("wijkaanpak",), evidence="onafhankelijk-onderzoek"),
        practice("c", themes=("wijkaanpak", "wijkaanpak"), evidence="zelf-gerapporteerd"),
        practice("d", themes=("dakloosheid",), evidence="onderzoek-met-partners"),
    ]


def test_overview_counts_equal_the_cards(cards, taxonomy):
    html = evidence_overview_html(cards, taxonomy, lambda key: f"../thema/{key}/")
    assert html.startswith("<h1>Wat weten we?</h1>")
    table = _Table()
    table.feed(html)
    evidence, themes = list(taxonomy["evidence"].values), list(taxonomy["themes"].values)
    header, *body, totals = table.rows
    assert header == ["Thema", *taxonomy["evidence"].values.values(), "Alle onderbouwingen"]
    assert [row[0] for row in body] == list(taxonomy["themes"].values.values())
    for r, theme in enumerate(themes, start=1):
        row = body[r - 1]
        for c, key in enumerate(evidence, start=1):
            expected = sum(1 for p in cards if theme in p.themes and p.evidence == key)
            assert row[c] == str(expected), (theme, key)
            assert ((r, c) in table.links) == (expected > 0)
            if expected:
                assert table.links[(r, c)] == f"../thema/{theme}/"
        assert row[-1] == str(sum(1 for p in cards if theme in p.themes))
    assert totals == ["Alle kaarten", *[str(sum(1 for p in cards if p.evidence == k)) for k in evidence], "4"]
    assert body[themes.index("wijkaanpak")][1 + evidence.index("zelf-gerapporteerd")] == "2"  # 'c' counts once


def test_overview_counts_the_real_cards(real_practices, taxonomy):
    counts = evidence_counts(real_practices, taxonomy)
    for theme, row in counts.items():
        for key, count in row.items():
            assert count == sum(1 for p in real_practices if theme in p.themes and p.evidence == key)
    assert sum(sum(row.values()) for row in counts.values()) == sum(len(set(p.themes)) for p in real_practices)


def test_overview_says_honestly_how_little_is_known(cards, taxonomy):
    html = evidence_overview_html(cards, taxonomy, lambda key: key)
    paragraph = re.search(r"<p>Van de 4 kaarten.*?</p>", html).group(0)
    assert "rusten er 2 op onderzoek, en daarvan 1 op onafhankelijk onderzoek" in paragraph
    assert "Bij 2 weten we alleen wat de partners er zelf over zeggen" in paragraph
    assert "weet het veld weinig" in paragraph
    partners_only = evidence_overview_html([practice("y", evidence="onderzoek-met-partners")], taxonomy, str)
    assert "rust er 1 op onderzoek, en daarvan geen enkele op onafhankelijk onderzoek." in partners_only
    none = evidence_overview_html([practice("x")], taxonomy, lambda key: key)
    assert "Van de 1 kaart in de Praktijkbank rust er nog geen enkele op onderzoek." in none
    for key, label in taxonomy["evidence"].values.items():
        assert f"<dt>{label}</dt>\n<dd>{taxonomy['evidence'].descriptions[key]}</dd>" in html
    empty = evidence_overview_html([], taxonomy, lambda key: key)
    assert empty.startswith("<h1>") and "nog niets te tellen" in empty


def test_overview_escapes_what_it_is_given(cards, taxonomy):
    html = evidence_overview_html(cards, taxonomy, lambda key: f'"><script>{key}')
    assert "<script>" not in html


# -- values without a card --------------------------------------------------------------------------


def test_empty_values_are_the_keys_no_card_has(cards, taxonomy):
    empty = empty_values(cards, taxonomy)
    assert set(empty) == {"themes", "target_groups", "partner_roles"}
    assert empty["themes"] == [k for k in taxonomy["themes"].values
                               if k not in {"wijkaanpak", "eenzaamheid", "dakloosheid"}]
    assert empty["target_groups"] == [k for k in taxonomy["target_groups"].values if k != "wijkbewoners"]
    assert "gemeente" not in empty["partner_roles"] and "onbekend" in empty["partner_roles"]
    assert empty_values([], taxonomy)["themes"] == list(taxonomy["themes"].values)
    with_all = [dataclasses.replace(cards[0], themes=tuple(taxonomy["themes"].values))]
    assert empty_values(with_all, taxonomy)["themes"] == []


def test_the_sentence_for_an_empty_value():
    assert NO_CARD_YET == "Nog geen praktijk met dit kenmerk — kent u er een? Meld het aan."


# -- the definitions in the docs -------------------------------------------------------------------


def test_fields_page_explains_evidence_and_the_renamed_value(taxonomy):
    page = fields_page(taxonomy)
    for key, label in taxonomy["evidence"].values.items():
        assert f"| `{key}` | {label} | {taxonomy['evidence'].descriptions[key]} |" in page
    assert "Hernoemd: `onafhankelijk-effectonderzoek` heet nu `onafhankelijk-onderzoek`." in page
    for key in ("figures", "researchers", "funders", "sources[].research", "figures[].source"):
        assert f"| `{key}` |" in page
    assert "**Werkzame elementen**: Optioneel:" in page


def test_open_data_page_explains_evidence_and_the_new_fields(taxonomy):
    from praktijkbank.pages.open_data import open_data_page
    from praktijkbank.urls import SiteAddress

    page = open_data_page(taxonomy, SiteAddress())
    for key, label in taxonomy["evidence"].values.items():
        assert f"| `{key}` | {label} | {taxonomy['evidence'].descriptions[key]} |" in page
    for key in ("figures[].what", "figures[].value", "figures[].source", "sources[].research", "researchers",
                "funders"):
        assert f"| `{key}` |" in page
    assert "`bewoners` Bewoners" in page
