"""A card as one entry in a list: on the overview and on facet pages."""

from __future__ import annotations

from ..models import Practice
from ..sitemodel.source import Html, html_block
from ..taxonomy import Taxonomy
from ..urls import SiteAddress
from .facets import FACETS
from .markup import attr, escaped, html_link

PRACTICES_FOLDER = "praktijken"


def card_src_uri(slug: str) -> str:
    return f"{PRACTICES_FOLDER}/{slug}.md"


def place_line(practice: Practice, taxonomy: Taxonomy) -> str:
    place = practice.place.label()
    if practice.province:
        place += f" · {taxonomy['provinces'].label_of(practice.province)}"
    return place


def facet_attributes(practice: Practice) -> dict[str, str]:
    """What the overview's filters read: {"data-thema": "a b", ...}, one per facet."""
    return {f"data-{facet.segment}": " ".join(facet.values_of(practice)) for facet in FACETS}


def facet_data(practice: Practice) -> str:
    return "".join(f' {name}="{attr(value)}"' for name, value in facet_attributes(practice).items())


def list_entry(practice: Practice, taxonomy: Taxonomy, href: str, with_data: bool = False) -> str:
    """One card in a list, as finished HTML, linking to ``href``. ``with_data`` adds the attributes
    the overview's filters read."""
    data = facet_data(practice) if with_data else ""
    themes = ", ".join(taxonomy["themes"].label_of(t) for t in practice.themes)
    return (
        f'<article class="pb-item"{data}>\n'
        f'<h3 class="pb-item-title">{html_link(practice.title, href)}</h3>\n'
        f'<p class="pb-item-place">{escaped(place_line(practice, taxonomy))}</p>\n'
        f'<p class="pb-item-summary">{escaped(practice.summary)}</p>\n'
        f'<p class="pb-item-themes"><span class="pb-label">Thema\'s:</span> {escaped(themes)}</p>\n'
        "</article>\n"
    )


class ListEntries:
    """Each card's list entry, made once per link to it.

    A card is on a dozen lists (the overview, facet pages), and lists in folders at the
    same depth link to it alike: at 1,000 cards this took the facet pages from 0.23 s to
    a third of that.
    """

    def __init__(self, taxonomy: Taxonomy, address: SiteAddress) -> None:
        self.taxonomy = taxonomy
        self.address = address
        self._made: dict[tuple[str, str, bool], str] = {}

    def entry(self, practice: Practice, from_src: str, with_data: bool = False) -> str:
        href = self.address.relative(from_src, card_src_uri(practice.slug))
        key = (practice.slug, href, with_data)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = list_entry(practice, self.taxonomy, href, with_data)
        return made


def card_list(practices: list[Practice], entries: ListEntries, from_src: str, with_data: bool = False,
              list_id: str = "") -> Html:
    """The cards by title in a ``pb-list``, as one block of finished HTML."""
    ordered = sorted(practices, key=lambda p: p.title.casefold())
    id_attribute = f' id="{attr(list_id)}"' if list_id else ""
    items = "\n".join(entries.entry(p, from_src, with_data) for p in ordered)
    return html_block(f'<div class="pb-list"{id_attribute}>\n{items}\n</div>')
