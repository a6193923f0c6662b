"""A card as one entry in a list: on the overview and on facet pages."""

from __future__ import annotations

from ..models import Practice
from ..taxonomy import Taxonomy
from .facets import FACETS
from .markup import attr, link, text

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


def list_entry(practice: Practice, taxonomy: Taxonomy, from_src: str, with_data: bool = False) -> str:
    """One card in a list. ``with_data`` adds the attributes the overview's filters read."""
    data = facet_data(practice) if with_data else ""
    themes = ", ".join(taxonomy["themes"].label_of(t) for t in practice.themes)
    return (
        f'<article class="pb-item"{data} markdown>\n'
        f'<h3 class="pb-item-title" markdown="span">{link(practice.title, card_src_uri(practice.slug), from_src)}</h3>\n'
        f'<p class="pb-item-place" markdown="span">{text(place_line(practice, taxonomy))}</p>\n'
        f'<p class="pb-item-summary" markdown="span">{text(practice.summary)}</p>\n'
        f'<p class="pb-item-themes" markdown="span"><span class="pb-label">Thema\'s:</span> {text(themes)}</p>\n'
        "</article>\n"
    )


def entries(practices: list[Practice], taxonomy: Taxonomy, from_src: str, with_data: bool = False) -> str:
    ordered = sorted(practices, key=lambda p: p.title.casefold())
    return "\n".join(list_entry(p, taxonomy, from_src, with_data) for p in ordered)
