"""A card as one entry in a list: on the overview and on facet pages.

An entry is a small card of its own: title, place line, evidence badge and theme
chips, with the summary in between. On the overview it also carries what the
filters and the sort read (``with_data``; docs/assets/filters.js).
"""

from __future__ import annotations

from ..content.models import Practice
from ..sitemodel.source import Html, html_block
from ..content.taxonomy import Taxonomy
from ..content.text_folding import strip_accents
from ..urls import SiteAddress
from .facets import FACETS
from .markup import attr, escaped, html_link

PRACTICES_FOLDER = "praktijken"

# "Ook in" towns named in a list entry before "en N andere plaatsen".
ALSO_IN_SHOWN = 3


def card_src_uri(slug: str) -> str:
    return f"{PRACTICES_FOLDER}/{slug}.md"


def province_label(practice: Practice, taxonomy: Taxonomy) -> str | None:
    """The province's label, or None where there is none or it would only repeat the place:
    'Utrecht · Utrecht' says 'Utrecht' twice, so the municipality Utrecht stands alone."""
    if not practice.province:
        return None
    label = taxonomy["provinces"].label_of(practice.province)
    municipality = practice.place.municipality or ""
    return None if municipality.casefold() == label.casefold() else label


def place_parts(practice: Practice, taxonomy: Taxonomy) -> list[str]:
    """['Ruwaard, Oss', 'Noord-Brabant'], ['Utrecht'] or ['Landelijk']: the place without repetition."""
    parts = [practice.place.label()]
    province = province_label(practice, taxonomy)
    if province:
        parts.append(province)
    return [p for p in parts if p]


def place_line(practice: Practice, taxonomy: Taxonomy) -> str:
    """'Ruwaard, Oss · Noord-Brabant'; 'Utrecht' (not 'Utrecht · Utrecht')."""
    return " · ".join(place_parts(practice, taxonomy))


def also_in_line(practice: Practice) -> str:
    """'Ook in Zwolle, Eindhoven, Breda en Utrecht'; a long list ends in 'en 12 andere plaatsen'."""
    towns = practice.place.also_in
    if not towns:
        return ""
    if len(towns) <= ALSO_IN_SHOWN + 1:
        named = ", ".join(towns[:-1]) + " en " + towns[-1] if len(towns) > 1 else towns[0]
    else:
        named = ", ".join(towns[:ALSO_IN_SHOWN]) + f" en {len(towns) - ALSO_IN_SHOWN} andere plaatsen"
    return "Ook in " + named


def facet_attributes(practice: Practice) -> dict[str, str]:
    """What the overview's filters read: {"data-thema": "a b", ...}, one per facet."""
    return {f"data-{facet.segment}": " ".join(facet.values_of(practice)) for facet in FACETS}


def facet_data(practice: Practice) -> str:
    return "".join(f' {name}="{attr(value)}"' for name, value in facet_attributes(practice).items())


def _folded(text: str) -> str:
    return " ".join(strip_accents(text).casefold().split())


def sort_attributes(practice: Practice) -> dict[str, str]:
    """What the overview's sort reads (filters.js). The list comes sorted by title from the build,
    which is also the order without JavaScript; the script sorts by

    - place: the municipality, then the neighbourhood, folded (no accents, no case); national
      approaches have no place and go last;
    - newest: the year the practice started (``started``), newest first. That is what "new"
      means to a reader: a young practice. It is not ``last_reviewed``, which says when the
      card's facts were last checked and is a sort of its own ("laatst nagekeken"). Cards
      that do not say when they started go last;
    - last reviewed: ``last_reviewed``, most recent first.

    Ties keep the order by title.
    """
    place = practice.place
    return {
        "data-sort-plaats": "" if place.is_national else _folded(f"{place.municipality or ''} {place.neighbourhood or ''}"),
        "data-sort-gestart": str(practice.started or ""),
        "data-sort-nagekeken": practice.last_reviewed.isoformat(),
    }


def evidence_badge(practice: Practice, taxonomy: Taxonomy) -> str:
    """The evidence as a badge: the short label shown, the long one as its title (a tooltip, and
    the description a screen reader gives); 'Onderbouwing:' is read before it, not shown."""
    evidence = taxonomy["evidence"]
    key = evidence.current(practice.evidence)
    return (f'<span class="pb-badge pb-evidence--{attr(key)}" title="Onderbouwing: {attr(evidence.label_of(key))}">'
            f'<span class="pb-sr">Onderbouwing: </span>{escaped(evidence.short_label_of(key))}</span>')


def theme_chips(practice: Practice, taxonomy: Taxonomy) -> str:
    themes = taxonomy["themes"]
    chips = "".join(f'<li class="pb-chip pb-theme-{attr(t)}">{escaped(themes.label_of(t))}</li>' for t in practice.themes)
    return f'<ul class="pb-chips" aria-label="Thema\'s">{chips}</ul>'


def list_entry(practice: Practice, taxonomy: Taxonomy, href: str, with_data: bool = False) -> str:
    """One card in a list, as finished HTML, linking to ``href``. ``with_data`` adds the attributes
    the overview's filters and sort read."""
    data = ""
    if with_data:
        data = facet_data(practice) + "".join(f' {k}="{attr(v)}"' for k, v in sort_attributes(practice).items())
    also_in = also_in_line(practice)
    return (
        f'<article class="pb-item"{data}>\n'
        f'<h3 class="pb-item-title">{html_link(practice.title, href)}</h3>\n'
        f'<p class="pb-item-place">{escaped(place_line(practice, taxonomy))}'
        + (f'<span class="pb-item-also"> · {escaped(also_in)}</span>' if also_in else "")
        + "</p>\n"
        f'<p class="pb-item-summary">{escaped(practice.summary)}</p>\n'
        f'<div class="pb-item-tags">{evidence_badge(practice, taxonomy)}{theme_chips(practice, taxonomy)}</div>\n'
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
