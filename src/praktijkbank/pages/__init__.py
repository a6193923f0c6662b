"""Pages generated from the content: Markdown for the site generator to render."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Practice
from ..related import RelatedIndex
from ..schedule import WebinarCalendar
from ..taxonomy import Taxonomy
from ..urls import SiteAddress
from .card import FACTS_HEADING, card_page
from .facets import FACETS
from .listing import ListEntries, card_src_uri
from .map import OPEN_DATA_SRC
from .open_data import open_data_page
from .overview import OVERVIEW_SRC, facet_index_page, facet_value_page, overview_page
from .webinars import WEBINARS_SRC, webinars_page


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page pretends to live in docs/
    markdown: str
    source_path: str | None = None  # the file a person edits, relative to the project root
    # Headings in finished HTML before the page's first Markdown heading, as (id, text): the
    # generator's table of contents cannot see them, so they go first under the page's title.
    toc_lead: tuple[tuple[str, str], ...] = ()


def generate_pages(practices: list[Practice], taxonomy: Taxonomy,
                   calendar: WebinarCalendar | None = None,
                   address: SiteAddress | None = None) -> list[GeneratedPage]:
    by_slug = {p.slug: p for p in practices}
    calendar = calendar or WebinarCalendar()
    address = address or SiteAddress()
    entries = ListEntries(taxonomy, address)
    pages = [GeneratedPage(OVERVIEW_SRC, overview_page(practices, taxonomy, address, entries)),
             GeneratedPage(WEBINARS_SRC, webinars_page(calendar, by_slug)),
             GeneratedPage(OPEN_DATA_SRC, open_data_page(taxonomy, address))]
    related = RelatedIndex(practices)
    for practice in practices:
        pages.append(GeneratedPage(card_src_uri(practice.slug),
                                   card_page(practice, by_slug, taxonomy, calendar, related, address),
                                   practice.source_path, toc_lead=(FACTS_HEADING,)))
    for facet in FACETS:
        pages.append(GeneratedPage(facet.index_src_uri(), facet_index_page(facet, practices, taxonomy)))
        for key in taxonomy[facet.vocabulary].values:
            pages.append(GeneratedPage(facet.src_uri(key), facet_value_page(facet, key, practices, taxonomy, address, entries)))
    return pages
