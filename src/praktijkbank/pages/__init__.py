"""Pages generated from the content: each a ``PageSource`` for the core to render (sitemodel/)."""

from __future__ import annotations

from ..content.models import Practice
from ..related import RelatedIndex
from ..schedule import WebinarCalendar
from ..sitemodel.source import PageSource, PageToMake
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .card import card_page
from .evidence_overview import evidence_overview_page
from .facets import FACETS
from .home import home_page
from .listing import ListEntries, card_src_uri
from .map import OPEN_DATA_SRC
from .open_data import OPEN_DATA_META, open_data_page
from .overview import facet_index_page, facet_value_page, overview_page
from .submit_form import SubmitTargets, submit_form_page
from .webinars import webinars_page


def generate_pages(practices: list[Practice], taxonomy: Taxonomy,
                   calendar: WebinarCalendar | None = None,
                   address: SiteAddress | None = None,
                   submit: SubmitTargets = SubmitTargets(),
                   live: SiteAddress | None = None) -> list[PageToMake]:
    """Every page made from the cards but the card set and the compare page, which need their
    rendered texts. ``live``: where the site is published (an offline copy prints it on the cards).

    The pages that list many cards are made at once; each card's page is made when it is rendered.
    """
    by_slug = {p.slug: p for p in practices}
    calendar = calendar or WebinarCalendar()
    address = address or SiteAddress()
    entries = ListEntries(taxonomy, address)
    made = [overview_page(practices, taxonomy, address, entries),
            webinars_page(calendar, by_slug),
            PageSource.of(OPEN_DATA_SRC, OPEN_DATA_META, [open_data_page(taxonomy, address)]),
            evidence_overview_page(practices, taxonomy, address),
            home_page(practices, taxonomy, address, calendar),
            submit_form_page(taxonomy, submit, address)]
    facet_pages = []
    for facet in FACETS:
        facet_pages.append(facet_index_page(facet, practices, taxonomy))
        facet_pages += [facet_value_page(facet, key, practices, taxonomy, address, entries)
                        for key in taxonomy[facet.vocabulary].values]
    related = RelatedIndex(practices)

    def card(practice: Practice) -> PageToMake:
        return PageToMake(card_src_uri(practice.slug),
                          lambda: card_page(practice, by_slug, taxonomy, calendar, related, address, live))

    return ([PageToMake.made(page) for page in made] + [card(practice) for practice in practices]
            + [PageToMake.made(page) for page in facet_pages])


def made_pages(pages: list[PageToMake]) -> dict[str, PageSource]:
    """Every page made now, by address: for tests and tools that look at the sources themselves."""
    return {page.src_uri: page.make() for page in pages}
