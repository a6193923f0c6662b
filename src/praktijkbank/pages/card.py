"""A practice's own page: lead, facts panel, the contributor's body, sources, related cards."""

from __future__ import annotations

from ..html_blocks import html_block
from ..models import Practice
from ..related import RelatedIndex
from ..schedule import WebinarCalendar
from ..taxonomy import Taxonomy
from ..urls import SiteAddress
from .facets import FACET_BY_VOCABULARY
from .listing import card_src_uri, place_line
from .map import card_location
from .markup import dutch_date, escaped, front_matter, html_link, text
from .webinars import webinars_section

# The generated parts of a card are finished HTML (html_blocks): Markdown only renders the
# contributor's own text. Their links come from SiteAddress, for either layout of the site.


def _facet_links(vocabulary: str, keys: tuple[str, ...], taxonomy: Taxonomy, from_src: str,
                 address: SiteAddress) -> str:
    facet = FACET_BY_VOCABULARY[vocabulary]
    labels = taxonomy[vocabulary]
    return ", ".join(html_link(labels.label_of(k), address.relative(from_src, facet.src_uri(k))) for k in keys)


def facts_panel(practice: Practice, taxonomy: Taxonomy, from_src: str | None = None,
                title_id: str = "pb-facts-title", heading: str = "h2", address: SiteAddress | None = None) -> str:
    """The same facts, in the same order, on every card, so cards compare side by side.

    Another page showing the panel (the printable card set) passes its own
    ``from_src`` for the links, a ``title_id`` unique on that page, and its heading level.
    The heading stays Markdown-in-HTML, so it is in the page's table of contents.
    """
    address = address or SiteAddress()
    src = from_src or card_src_uri(practice.slug)
    place = practice.place
    facts: list[tuple[str, str]] = []
    where = escaped(place.label())
    if place.province:
        where += " (" + _facet_links("provinces", (place.province,), taxonomy, src, address) + ")"
    facts.append(("Plaats", where))
    if place.also_in:
        facts.append(("Ook in", escaped(", ".join(place.also_in))))
    facts.append(("Schaal", escaped(taxonomy["scope"].label_of(place.scope))))
    partners = "<br>".join(
        f"{escaped(p.name)} ({_facet_links('partner_roles', (p.role,), taxonomy, src, address)})"
        for p in practice.partners
    )
    facts.append(("Partners", partners))
    facts.append(("Thema's", _facet_links("themes", practice.themes, taxonomy, src, address)))
    facts.append(("Doelgroepen", _facet_links("target_groups", practice.target_groups, taxonomy, src, address)))
    facts.append(("Status", _facet_links("status", (practice.status,), taxonomy, src, address)))
    if practice.started:
        facts.append(("Gestart", str(practice.started)))
    facts.append(("Onderbouwing", escaped(taxonomy["evidence"].label_of(practice.evidence))))
    facts.append(("Laatst nagekeken", dutch_date(practice.last_reviewed)))
    rows = "\n".join(f"<dt>{label}</dt>\n<dd>{value}</dd>" for label, value in facts)
    return (
        f'<aside class="pb-facts" aria-labelledby="{title_id}" markdown>\n'
        f'<{heading} id="{title_id}" class="pb-facts-title">Kenmerken</{heading}>\n'
        + html_block(f"<dl>\n{rows}\n</dl>")
        + "</aside>\n"
    )


def sources_section(practice: Practice) -> str:
    items = []
    for source in practice.sources:
        entry = f"<li>{html_link(source.title, source.url)} — {escaped(source.publisher)}"
        if source.date:
            entry += f", {dutch_date(source.date)}"
        items.append(entry + "</li>")
    return "## Bronnen\n" + html_block("<ol>\n" + "\n".join(items) + "\n</ol>")


def contact_section(practice: Practice) -> str:
    contact = practice.contact
    line = html_link(contact.organisation, contact.url) if contact.url else escaped(contact.organisation)
    return "## Contact\n" + html_block(f"<p>{line}</p>")


def related_section(practice: Practice, by_slug: dict[str, Practice], taxonomy: Taxonomy,
                    index: RelatedIndex | None = None, address: SiteAddress | None = None) -> str:
    """``index``: one RelatedIndex for all cards of a build (building it per card costs the square)."""
    related = (index or RelatedIndex(by_slug.values())).related(practice)
    if not related:
        return ""
    address = address or SiteAddress()
    src = card_src_uri(practice.slug)
    items = "\n".join(
        f"<li>{html_link(other.title, address.relative(src, card_src_uri(other.slug)))}"
        f" — {escaped(place_line(other, taxonomy))}</li>"
        for other in related
    )
    return "## Verwante praktijken\n" + html_block(f"<ul>\n{items}\n</ul>")


def card_page(practice: Practice, by_slug: dict[str, Practice], taxonomy: Taxonomy,
              calendar: WebinarCalendar | None = None, related: RelatedIndex | None = None,
              address: SiteAddress | None = None) -> str:
    meta = {"title": practice.title, "description": practice.summary}
    parts = [
        front_matter(meta),
        f"# {text(practice.title)}\n",
        html_block(f'<p class="pb-lead">{escaped(practice.summary)}</p>'),
        facts_panel(practice, taxonomy, address=address),
        html_block(card_location(practice, taxonomy)),
        practice.body.strip() + "\n",
        webinars_section(practice, calendar, by_slug),
        sources_section(practice),
        contact_section(practice),
        related_section(practice, by_slug, taxonomy, related, address),
    ]
    return "\n".join(part for part in parts if part)
