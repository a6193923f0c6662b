"""Pages generated from the content: each a ``PageSource`` for the core to render (sitemodel/)."""

from __future__ import annotations

from ..content.models import Practice
from ..related import RelatedIndex
from ..schedule import WebinarCalendar
from ..sitemodel.source import PageSource
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .card import card_page
from .evidence_overview import evidence_overview_page
from .facets import FACETS
from .home import home_page
from .listing import ListEntries
from .map import OPEN_DATA_SRC
from .open_data import OPEN_DATA_META, open_data_page
from .overview import facet_index_page, facet_value_page, overview_page
from .submit_form import SubmitTargets, submit_form_page
from .webinars import webinars_page


def generate_pages(practices: list[Practice], taxonomy: Taxonomy,
                   calendar: WebinarCalendar | None = None,
                   address: SiteAddress | None = None,
                   submit: SubmitTargets = SubmitTargets(),
                   live: SiteAddress | None = None) -> list[PageSource]:
    """Every page made from the cards but the card set and the compare page, which need their
    rendered texts. ``live``: where the site is published (an offline copy prints it on the cards)."""
    by_slug = {p.slug: p for p in practices}
    calendar = calendar or WebinarCalendar()
    address = address or SiteAddress()
    entries = ListEntries(taxonomy, address)
    pages = [overview_page(practices, taxonomy, address, entries),
             webinars_page(calendar, by_slug),
             PageSource.of(OPEN_DATA_SRC, OPEN_DATA_META, [open_data_page(taxonomy, address)]),
             evidence_overview_page(practices, taxonomy, address),
             home_page(practices, taxonomy, address, calendar)]
    pages.append(submit_form_page(taxonomy, submit, address))
    related = RelatedIndex(practices)
    pages += [card_page(practice, by_slug, taxonomy, calendar, related, address, live) for practice in practices]
    for facet in FACETS:
        pages.append(facet_index_page(facet, practices, taxonomy))
        pages += [facet_value_page(facet, key, practices, taxonomy, address, entries)
                  for key in taxonomy[facet.vocabulary].values]
    return pages
