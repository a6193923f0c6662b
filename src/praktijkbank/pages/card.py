"""A practice's own page: lead, facts panel, the contributor's body, sources, related cards."""

from __future__ import annotations

from ..models import Practice
from ..related import RelatedIndex
from ..schedule import WebinarCalendar
from ..taxonomy import Taxonomy
from .facets import FACET_BY_VOCABULARY
from .listing import card_src_uri, place_line
from .map import card_location
from .markup import dutch_date, front_matter, link, text
from .webinars import webinars_section


def _facet_links(vocabulary: str, keys: tuple[str, ...], taxonomy: Taxonomy, from_src: str) -> str:
    facet = FACET_BY_VOCABULARY[vocabulary]
    labels = taxonomy[vocabulary]
    return ", ".join(link(labels.label_of(k), facet.src_uri(k), from_src) for k in keys)


def facts_panel(practice: Practice, taxonomy: Taxonomy, from_src: str | None = None,
                title_id: str = "pb-facts-title", heading: str = "h2") -> str:
    """The same facts, in the same order, on every card, so cards compare side by side.

    Another page showing the panel (the printable card set) passes its own
    ``from_src`` for the links, a ``title_id`` unique on that page, and its heading level.
    """
    src = from_src or card_src_uri(practice.slug)
    place = practice.place
    facts: list[tuple[str, str]] = []
    where = text(place.label())
    if place.province:
        where += " (" + _facet_links("provinces", (place.province,), taxonomy, src) + ")"
    facts.append(("Plaats", where))
    if place.also_in:
        facts.append(("Ook in", text(", ".join(place.also_in))))
    facts.append(("Schaal", text(taxonomy["scope"].label_of(place.scope))))
    partners = "<br>".join(
        f"{text(p.name)} ({_facet_links('partner_roles', (p.role,), taxonomy, src)})" for p in practice.partners
    )
    facts.append(("Partners", partners))
    facts.append(("Thema's", _facet_links("themes", practice.themes, taxonomy, src)))
    facts.append(("Doelgroepen", _facet_links("target_groups", practice.target_groups, taxonomy, src)))
    facts.append(("Status", _facet_links("status", (practice.status,), taxonomy, src)))
    if practice.started:
        facts.append(("Gestart", str(practice.started)))
    facts.append(("Onderbouwing", text(taxonomy["evidence"].label_of(practice.evidence))))
    facts.append(("Laatst nagekeken", dutch_date(practice.last_reviewed)))
    rows = "\n".join(
        f'<dt>{label}</dt>\n<dd markdown="span">{value}</dd>' for label, value in facts
    )
    return (
        f'<aside class="pb-facts" aria-labelledby="{title_id}" markdown>\n'
        f'<{heading} id="{title_id}" class="pb-facts-title">Kenmerken</{heading}>\n'
        f'<dl markdown>\n{rows}\n</dl>\n'
        "</aside>\n"
    )


def sources_section(practice: Practice) -> str:
    lines = ["## Bronnen", ""]
    for source in practice.sources:
        entry = f"1. [{text(source.title)}](<{source.url}>) — {text(source.publisher)}"
        if source.date:
            entry += f", {dutch_date(source.date)}"
        lines.append(entry)
    return "\n".join(lines) + "\n"


def contact_section(practice: Practice) -> str:
    contact = practice.contact
    name = text(contact.organisation)
    line = f"[{name}](<{contact.url}>)" if contact.url else name
    return f"## Contact\n\n{line}\n"


def related_section(practice: Practice, by_slug: dict[str, Practice], taxonomy: Taxonomy,
                    index: RelatedIndex | None = None) -> str:
    """``index``: one RelatedIndex for all cards of a build (building it per card costs the square)."""
    related = (index or RelatedIndex(by_slug.values())).related(practice)
    if not related:
        return ""
    src = card_src_uri(practice.slug)
    items = "\n".join(
        f"- {link(other.title, card_src_uri(other.slug), src)} — {text(place_line(other, taxonomy))}"
        for other in related
    )
    return f"## Verwante praktijken\n\n{items}\n"


def card_page(practice: Practice, by_slug: dict[str, Practice], taxonomy: Taxonomy,
              calendar: WebinarCalendar | None = None, related: RelatedIndex | None = None) -> str:
    meta = {"title": practice.title, "description": practice.summary}
    parts = [
        front_matter(meta),
        f"# {text(practice.title)}\n",
        f'<p class="pb-lead" markdown="span">{text(practice.summary)}</p>\n',
        facts_panel(practice, taxonomy),
        card_location(practice, taxonomy),
        practice.body.strip() + "\n",
        webinars_section(practice, calendar, by_slug),
        sources_section(practice),
        contact_section(practice),
        related_section(practice, by_slug, taxonomy, related),
    ]
    return "\n".join(part for part in parts if part)
