"""The printable card set: every card of the build on one page, one card per A4 sheet.

For workshops: "print" in the browser gives a deck to lay on the table. Each
card keeps what makes it a card on paper: title, summary, facts panel, the
contributor's text, sources and contact. Left out are what paper cannot use:
the small map, webinars (they date), related cards (links between sheets). The
layout on paper (one sheet per card, no navigation, header or footer, web
addresses printed after their links) is in docs/assets/print.css.

With filters in its address (``?thema=dakloosheid``, as the overview writes them)
docs/assets/kaartenset.js shows and prints only the matching cards; the overview's
link here carries its filters along.

The page is finished HTML. Each card's own text is the rendering made for the card's
page, filled in for this page (``sitemodel.markdown.Rendering.html_for``: headings one
level down, ids made unique, links re-aimed), so no card text is rendered twice. The
page has its own title; each card's title is a level-2 heading.
"""

from __future__ import annotations

from collections.abc import Callable

from ..content.models import Practice
from ..sitemodel.source import PageSource, html_block
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .card import contact_line, facts_panel, sources_list
from .listing import card_src_uri, facet_data
from .markup import NOT_IN_SEARCH, attr, escaped, html_link

CARDSET_FOLDER = "kaartenset"
CARDSET_SRC = f"{CARDSET_FOLDER}/index.md"
CARDSET_TITLE = "Kaartenset om af te drukken"


def _card_sheet(practice: Practice, taxonomy: Taxonomy, live: SiteAddress, here: SiteAddress,
                card_text: Callable[[str], str]) -> str:
    slug = practice.slug
    title_id = f"kaart-{slug}"
    online = live.absolute_page(card_src_uri(slug))
    address = (f'<p class="pb-print-address">Online: <a href="{attr(online)}">{attr(online)}</a></p>\n'
               if online else "")
    return (
        f'<article class="pb-print-card" aria-labelledby="{title_id}"{facet_data(practice)}>\n'
        f'<h2 id="{title_id}">{html_link(practice.title, here.relative(CARDSET_SRC, card_src_uri(slug)))}</h2>\n'
        f'<p class="pb-lead">{escaped(practice.summary)}</p>\n'
        + address
        + facts_panel(practice, taxonomy, from_src=CARDSET_SRC, title_id=f"kenmerken-{slug}", heading="h3",
                      address=here)
        + "\n"
        '<div class="pb-print-text">\n'
        + card_text(slug)
        + f"\n<h3>Bronnen</h3>\n{sources_list(practice)}\n<h3>Contact</h3>\n{contact_line(practice)}\n</div>\n"
        "</article>"
    )


def cardset_page(practices: list[Practice], taxonomy: Taxonomy, card_text: Callable[[str], str],
                 live: SiteAddress | None = None, here: SiteAddress | None = None) -> PageSource:
    """The page, with the cards in the overview's order (by title).

    ``card_text(slug)`` is a card's own text as HTML for this page. ``live`` is where the cards
    are published; when known, each sheet prints its web address. ``here`` is the layout of this
    build, for the links of the facts panels.
    """
    live = live or SiteAddress()
    here = here or live
    cards = sorted(practices, key=lambda p: p.title.casefold())
    count = f"{len(cards)} kaart" if len(cards) == 1 else f"{len(cards)} kaarten"
    sheets = "\n".join(_card_sheet(p, taxonomy, live, here, card_text) for p in cards)
    meta = {"title": CARDSET_TITLE, "hide": ["navigation", "toc"], **NOT_IN_SEARCH,
            "description": "Alle praktijkkaarten onder elkaar, om af te drukken: één kaart per A4."}
    return PageSource.of(CARDSET_SRC, meta, [
        f"# {CARDSET_TITLE}\n",
        html_block(
            '<div class="pb-cardset-intro">\n'
            f"<p>Deze pagina zet {count} onder elkaar, om af te drukken voor een bijeenkomst. Kies in de browser "
            "<strong>Afdrukken</strong> (Ctrl+P, op een Mac Cmd+P): elke kaart komt op een eigen A4, zonder menu "
            "of zoekbalk, en webadressen worden achter hun link afgedrukt.</p>\n"
            # docs/assets/kaartenset.js: only the cards matching the overview's filters (?thema=…).
            '<p class="pb-cardset-count" id="pb-cardset-count" role="status" hidden></p>\n'
            "</div>"),
        html_block(f'<div class="pb-cardset">\n{sheets}\n</div>'),
    ])
