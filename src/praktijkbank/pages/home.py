"""The front door: the home page at /, made from the cards.

One sentence on what this is, a search field (it opens the site's own search:
the form reloads the page with ``?q=…``, which Material's search box reads, so the
same Dutch search answers it, offline too), the number of practices and one button
to all of them, tiles per theme and per kind of partner with their counts, the
cards reviewed most recently, and the map. The layout is overrides/home.html
(``template`` in the meta below); everything on the page is made here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from ..content.models import Practice
from ..schedule import WebinarCalendar
from ..sitemodel.source import PageSource, html_block
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .facets import FACET_BY_VOCABULARY
from .listing import card_src_uri, place_line
from .map import overview_map
from .markup import NOT_IN_SEARCH, attr, dutch_date, escaped, html_link, link
from .overview import CONTRIBUTE_SRC, OVERVIEW_SRC
from .webinars import WEBINARS_SRC

HOME_SRC = "index.md"
HOME_TEMPLATE = "home.html"
ABOUT_SRC = "over.md"  # docs/
RECENT = 4  # how many recently reviewed cards the front door shows
SEARCH_ID = "pb-home-q"
ALL_BUTTON_ID = "pb-home-all"


@dataclass(frozen=True)
class RoleTile:
    """'Ik werk bij … een gemeente': the practices in which one of ``roles`` took part."""

    label: str
    roles: tuple[str, ...]  # keys of the vocabulary partner_roles


ROLE_TILES = (
    RoleTile("een gemeente", ("gemeente",)),
    RoleTile("een woningcorporatie", ("woningcorporatie",)),
    RoleTile("een zorg- of welzijnsorganisatie",
             ("zorgaanbieder", "ggz", "maatschappelijke-opvang", "welzijnsorganisatie")),
    RoleTile("een huurdersorganisatie", ("huurdersorganisatie",)),
    RoleTile("een adviesraad", ("adviesraad",)),
    RoleTile("een bewonersinitiatief", ("bewonersorganisatie",)),
)


def count_words(count: int) -> str:
    if count == 0:
        return "nog geen praktijk"
    return f"{count} praktijk" if count == 1 else f"{count} praktijken"


def all_label(total: int) -> str:
    """The words on the button to all practices: with their number."""
    if total == 0:
        return "Naar het overzicht van de praktijken"
    return "Bekijk de praktijk" if total == 1 else f"Bekijk alle {total} praktijken"


def theme_counts(practices: list[Practice], taxonomy: Taxonomy) -> dict[str, int]:
    """Every theme of the vocabulary, in its order, with the number of cards that have it."""
    counts = FACET_BY_VOCABULARY["themes"].count(practices)
    return {key: counts.get(key, 0) for key in taxonomy["themes"].values}


def role_count(practices: list[Practice], tile: RoleTile) -> int:
    """Cards with at least one partner in one of the tile's roles: each card counts once."""
    return sum(1 for p in practices if set(p.partner_roles) & set(tile.roles))


def role_href(tile: RoleTile, address: SiteAddress) -> str:
    """One role: its own page (works without JavaScript). Several: the overview, filtered on them."""
    if len(tile.roles) == 1:
        return address.relative(HOME_SRC, FACET_BY_VOCABULARY["partner_roles"].src_uri(tile.roles[0]))
    facet = FACET_BY_VOCABULARY["partner_roles"].segment
    return address.relative(HOME_SRC, OVERVIEW_SRC) + "?" + urlencode([(facet, role) for role in tile.roles])


def recently_reviewed(practices: list[Practice], count: int = RECENT) -> list[Practice]:
    """The cards reviewed last, newest first; on the same day by title."""
    return sorted(practices, key=lambda p: (-p.last_reviewed.toordinal(), p.title.casefold()))[:count]


def _hero(practices: list[Practice], address: SiteAddress) -> str:
    total = len(practices)
    overview = attr(address.relative(HOME_SRC, OVERVIEW_SRC))
    return (
        '<section class="pb-home-hero" aria-labelledby="pb-home-title">\n'
        '<h1 id="pb-home-title">Voorbeelden uit de praktijk</h1>\n'
        '<p class="pb-home-lead">De Praktijkbank verzamelt voorbeelden van gemeenten, woningcorporaties, '
        "zorg- en welzijnsorganisaties, huurders en bewoners die samenwerken, zodat mensen goed kunnen wonen "
        "met de zorg en steun die ze nodig hebben.</p>\n"
        # No action: the form reloads this page with ?q=…, and the site's search box opens with it.
        f'<form class="pb-home-search" role="search" method="get" aria-label="Zoeken in de Praktijkbank">\n'
        f'<label class="pb-home-search-label" for="{SEARCH_ID}">Zoek een praktijk, plaats of onderwerp</label>\n'
        '<div class="pb-home-search-row">\n'
        f'<input class="pb-home-search-input" id="{SEARCH_ID}" name="q" type="search" autocomplete="off" '
        'placeholder="Bijvoorbeeld: dakloos">\n'
        '<button class="md-button pb-home-search-button" type="submit">Zoeken</button>\n'
        "</div>\n</form>\n"
        '<p class="pb-home-all">'
        f'<a class="md-button md-button--primary" id="{ALL_BUTTON_ID}" href="{overview}">'
        f"{all_label(total)}</a></p>\n"
        "</section>"
    )


def _tile(href: str, label: str, count: int, css_class: str = "") -> str:
    classes = "pb-tile" + (f" {css_class}" if css_class else "")
    return (f'<li class="{classes}"><a class="pb-tile-link" href="{attr(href)}">'
            f'<span class="pb-tile-label">{escaped(label)}</span> '
            f'<span class="pb-tile-count">{count_words(count)}</span></a></li>')


def _theme_tiles(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress) -> str:
    facet = FACET_BY_VOCABULARY["themes"]
    labels = taxonomy["themes"]
    tiles = "\n".join(
        _tile(address.relative(HOME_SRC, facet.src_uri(key)), labels.label_of(key), count, f"pb-theme-{key}")
        for key, count in theme_counts(practices, taxonomy).items()
    )
    return ('<section class="pb-home-section" aria-labelledby="pb-home-themes">\n'
            "<h2 id=\"pb-home-themes\">Thema's</h2>\n"
            f'<ul class="pb-tiles pb-tiles--themes">\n{tiles}\n</ul>\n</section>')


def _role_tiles(practices: list[Practice], address: SiteAddress) -> str:
    tiles = "\n".join(_tile(role_href(tile, address), tile.label, role_count(practices, tile), "pb-tile--role")
                      for tile in ROLE_TILES)
    return ('<section class="pb-home-section" aria-labelledby="pb-home-roles">\n'
            '<h2 id="pb-home-roles">Ik werk bij of ik ben van …</h2>\n'
            '<p>Praktijken waarin zo\'n organisatie meedoet.</p>\n'
            f'<ul class="pb-tiles pb-tiles--roles">\n{tiles}\n</ul>\n</section>')


def _recent(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress) -> str:
    items = "\n".join(
        '<li class="pb-home-card">'
        f'<h3 class="pb-home-card-title">{html_link(p.title, address.relative(HOME_SRC, card_src_uri(p.slug)))}</h3>'
        f'<p class="pb-home-card-place">{escaped(place_line(p, taxonomy))}</p>'
        f'<p class="pb-home-card-summary">{escaped(p.summary)}</p>'
        f'<p class="pb-home-card-date">Nagekeken op '
        f'<time datetime="{p.last_reviewed.isoformat()}">{dutch_date(p.last_reviewed)}</time></p>'
        "</li>"
        for p in recently_reviewed(practices)
    )
    return ('<section class="pb-home-section" aria-labelledby="pb-home-recent">\n'
            '<h2 id="pb-home-recent">Onlangs nagekeken</h2>\n'
            f'<ul class="pb-home-cards">\n{items}\n</ul>\n</section>')


def home_page(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress | None = None,
              calendar: WebinarCalendar | None = None) -> PageSource:
    address = address or SiteAddress()
    meta = {"title": "Start", "template": HOME_TEMPLATE, "hide": ["toc"], **NOT_IN_SEARCH,
            "description": "Voorbeelden uit de praktijk van samenwerking tussen wonen, zorg en welzijn: "
                           "zoek, kies een thema of bekijk ze op de kaart."}
    webinars = len(calendar.webinars) if calendar is not None else 0
    more = [
        "## Meer\n",
        f"- {link('Webinars', WEBINARS_SRC, HOME_SRC)}: "
        + (f"{webinars} webinars over praktijken uit de Praktijkbank.\n" if webinars
           else "webinars over praktijken uit de Praktijkbank.\n"),
        f"- {link('Over de Praktijkbank', ABOUT_SRC, HOME_SRC)}: voor wie de Praktijkbank is, "
        "hoe u hem gebruikt en waar de feiten vandaan komen.\n",
        f"- {link('Bijdragen', CONTRIBUTE_SRC, HOME_SRC)}: meld een praktijk aan of werk een kaart bij.\n",
    ]
    return PageSource.of(HOME_SRC, meta, [
        html_block(_hero(practices, address)
                   + "\n" + _theme_tiles(practices, taxonomy, address)
                   + "\n" + _role_tiles(practices, address)
                   + "\n" + _recent(practices, taxonomy, address)
                   + "\n" + overview_map(practices, taxonomy, address, HOME_SRC),
                   anchors=("pb-home-title", SEARCH_ID, ALL_BUTTON_ID, "pb-home-themes", "pb-home-roles",
                            "pb-home-recent", "op-de-kaart")),
        "".join(more),
    ])
