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

The page lives at the same folder depth as the cards, so the facts panel's
links are the cards' own. Headings move one level down: the page has its own
title, each card's title is a level-2 heading.
"""

from __future__ import annotations

from ..body import demote_headings
from ..body_links import relative_target, rewrite_links
from ..models import Practice
from ..taxonomy import Taxonomy
from ..urls import SiteAddress
from .card import contact_section, facts_panel, sources_section
from .listing import card_src_uri, facet_data
from .markup import NOT_IN_SEARCH, attr, front_matter, link, text

CARDSET_FOLDER = "kaartenset"
CARDSET_SRC = f"{CARDSET_FOLDER}/index.md"
CARDSET_TITLE = "Kaartenset om af te drukken"


def _card_sheet(practice: Practice, taxonomy: Taxonomy, live: SiteAddress, here: SiteAddress) -> str:
    title_id = f"kaart-{practice.slug}"
    online = live.absolute_page(card_src_uri(practice.slug))
    address = (f'<p class="pb-print-address">Online: <a href="{attr(online)}">{attr(online)}</a></p>\n'
               if online else "")
    # The card's own links, re-aimed from this page; a link within the card goes to the card's page.
    own_page = card_src_uri(practice.slug)
    body = rewrite_links(practice.body, own_page, lambda target: relative_target(target, CARDSET_SRC), own_page)
    own_text = demote_headings("\n".join([
        body.strip() + "\n",
        sources_section(practice),
        contact_section(practice),
    ]))
    return "\n".join([
        f'<article class="pb-print-card" aria-labelledby="{title_id}"{facet_data(practice)} markdown>\n',
        f'<h2 id="{title_id}" markdown="span">{link(practice.title, card_src_uri(practice.slug), CARDSET_SRC)}</h2>\n',
        f'<p class="pb-lead" markdown="span">{text(practice.summary)}</p>\n',
        address,
        facts_panel(practice, taxonomy, from_src=CARDSET_SRC, title_id=f"kenmerken-{practice.slug}", heading="h3",
                    address=here),
        f'<div class="pb-print-text" markdown>\n\n{own_text}\n</div>\n',
        "</article>\n",
    ])


def cardset_page(practices: list[Practice], taxonomy: Taxonomy, live: SiteAddress | None = None,
                 here: SiteAddress | None = None) -> str:
    """The page, with the cards in the overview's order (by title).

    ``live`` is where the cards are published; when known, each sheet prints its web address.
    ``here`` is the layout of this build, for the links of the facts panels.
    """
    live = live or SiteAddress()
    here = here or live
    cards = sorted(practices, key=lambda p: p.title.casefold())
    count = f"{len(cards)} kaart" if len(cards) == 1 else f"{len(cards)} kaarten"
    sheets = "\n".join(_card_sheet(p, taxonomy, live, here) for p in cards)
    return "\n".join([
        front_matter({"title": CARDSET_TITLE, "hide": ["navigation", "toc"], **NOT_IN_SEARCH,
                      "description": "Alle praktijkkaarten onder elkaar, om af te drukken: één kaart per A4."}),
        f"# {CARDSET_TITLE}\n",
        '<div class="pb-cardset-intro" markdown>\n',
        f"Deze pagina zet {count} onder elkaar, om af te drukken voor een bijeenkomst. Kies in de browser "
        "**Afdrukken** (Ctrl+P, op een Mac Cmd+P): elke kaart komt op een eigen A4, zonder menu of "
        "zoekbalk, en webadressen worden achter hun link afgedrukt.\n",
        # docs/assets/kaartenset.js: only the cards matching the overview's filters (?thema=…).
        '<p class="pb-cardset-count" id="pb-cardset-count" role="status" hidden></p>\n',
        "</div>\n",
        f'<div class="pb-cardset" markdown>\n\n{sheets}\n</div>\n',
    ])
