"""A practice's own page: lead, facts panel, the contributor's body, sources, related cards."""

from __future__ import annotations

from ..models import Practice
from ..related import RelatedIndex
from ..schedule import WebinarCalendar
from ..taxonomy import Taxonomy
from ..urls import SiteAddress
from .facets import FACET_BY_VOCABULARY
from .listing import card_src_uri, place_line, province_label
from .map import card_location
from ..sitemodel.source import PageSource, html_block
from .markup import NOT_IN_SEARCH, dutch_date, escaped, html_link, text
from .webinars import webinars_section

# The generated parts of a card are finished HTML (sitemodel.source.Html): Markdown only renders
# the contributor's own text. Their links come from SiteAddress, for either layout of the site.


def _facet_links(vocabulary: str, keys: tuple[str, ...], taxonomy: Taxonomy, from_src: str,
                 address: SiteAddress) -> str:
    facet = FACET_BY_VOCABULARY[vocabulary]
    labels = taxonomy[vocabulary]
    return ", ".join(html_link(labels.label_of(k), address.relative(from_src, facet.src_uri(k))) for k in keys)


def facts_list(practice: Practice, taxonomy: Taxonomy, from_src: str | None = None,
               address: SiteAddress | None = None) -> str:
    """The same facts, in the same order, on every card, so cards compare side by side.

    As finished HTML (a ``<dl>``); ``from_src`` is the page it appears on, for its links
    (the card's own page unless another page, such as the printable card set, shows it).
    Optional facts (funders, researchers, figures) appear only on the cards that have them.
    """
    from .evidence_overview import figure_texts  # figures in words, each with its source

    address = address or SiteAddress()
    src = from_src or card_src_uri(practice.slug)
    place = practice.place
    facts: list[tuple[str, str]] = []
    where = escaped(place.label())
    if place.province and province_label(practice, taxonomy):  # not 'Utrecht (Utrecht)'
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
    if practice.funders:
        facts.append(("Geldgevers", "<br>".join(escaped(name) for name in practice.funders)))
    facts.append(("Thema's", _facet_links("themes", practice.themes, taxonomy, src, address)))
    facts.append(("Doelgroepen", _facet_links("target_groups", practice.target_groups, taxonomy, src, address)))
    facts.append(("Status", _facet_links("status", (practice.status,), taxonomy, src, address)))
    if practice.started:
        facts.append(("Gestart", str(practice.started)))
    facts.append(("Onderbouwing", escaped(taxonomy["evidence"].label_of(practice.evidence))))
    if practice.researchers:
        facts.append(("Onderzoek door", "<br>".join(escaped(name) for name in practice.researchers)))
    if practice.figures:
        facts.append(("Cijfers", "<br>".join(escaped(line) for line in figure_texts(practice, taxonomy))))
    facts.append(("Laatst nagekeken", dutch_date(practice.last_reviewed)))
    rows = "\n".join(f"<dt>{label}</dt>\n<dd>{value}</dd>" for label, value in facts)
    return f"<dl>\n{rows}\n</dl>"


# The facts panel's heading is finished HTML, which Markdown's table of contents does not see;
# the panel declares it as a heading for the page's table of contents (Html.toc).
FACTS_HEADING = ("pb-facts-title", "Kenmerken")


def facts_panel(practice: Practice, taxonomy: Taxonomy, from_src: str | None = None,
                title_id: str = FACTS_HEADING[0], heading: str = "h2", address: SiteAddress | None = None) -> str:
    """The facts panel as finished HTML. Another page showing it (the printable card set) passes its
    own ``from_src`` for the links, a ``title_id`` unique on that page, and its heading level."""
    return (
        f'<aside class="pb-facts" aria-labelledby="{title_id}">\n'
        f'<{heading} id="{title_id}" class="pb-facts-title">{FACTS_HEADING[1]}</{heading}>\n'
        + facts_list(practice, taxonomy, from_src, address)
        + "\n</aside>"
    )


def sources_list(practice: Practice) -> str:
    items = []
    for source in practice.sources:
        entry = f"<li>{html_link(source.title, source.url)} — {escaped(source.publisher)}"
        if source.date:
            entry += f", {dutch_date(source.date)}"
        items.append(entry + "</li>")
    return "<ol>\n" + "\n".join(items) + "\n</ol>"


def contact_line(practice: Practice) -> str:
    contact = practice.contact
    line = html_link(contact.organisation, contact.url) if contact.url else escaped(contact.organisation)
    return f"<p>{line}</p>"


def sources_section(practice: Practice) -> list:
    return ["## Bronnen\n", html_block(sources_list(practice))]


def contact_section(practice: Practice) -> list:
    return ["## Contact\n", html_block(contact_line(practice))]


def related_section(practice: Practice, by_slug: dict[str, Practice], taxonomy: Taxonomy,
                    index: RelatedIndex | None = None, address: SiteAddress | None = None) -> list:
    """``index``: one RelatedIndex for all cards of a build (building it per card costs the square)."""
    related = (index or RelatedIndex(by_slug.values())).related(practice)
    if not related:
        return []
    address = address or SiteAddress()
    src = card_src_uri(practice.slug)
    items = "\n".join(
        f"<li>{html_link(other.title, address.relative(src, card_src_uri(other.slug)))}"
        f" — {escaped(place_line(other, taxonomy))}</li>"
        for other in related
    )
    return ["## Verwante praktijken\n", html_block(f"<ul>\n{items}\n</ul>")]


def card_page(practice: Practice, by_slug: dict[str, Practice], taxonomy: Taxonomy,
              calendar: WebinarCalendar | None = None, related: RelatedIndex | None = None,
              address: SiteAddress | None = None) -> PageSource:
    # The Dutch search indexes a card from its model (search/site_index.py), so Material's
    # search plugin need not parse the page: at 1,000 cards that saved 1.7 s of a build.
    meta = {"title": practice.title, "description": practice.summary, **NOT_IN_SEARCH}
    head = "\n".join([f'<p class="pb-lead">{escaped(practice.summary)}</p>',
                      facts_panel(practice, taxonomy, address=address),
                      card_location(practice, taxonomy)])
    parts = [
        f"# {text(practice.title)}\n",
        html_block(head, toc=(FACTS_HEADING,)),
        practice.body.rstrip() + "\n",  # the contributor's own text (PageSource.body_part)
        webinars_section(practice, calendar, by_slug),
        sources_section(practice),
        contact_section(practice),
        related_section(practice, by_slug, taxonomy, related, address),
    ]
    return PageSource.of(card_src_uri(practice.slug), meta, parts, source_path=practice.source_path,
                         body_part=2, body_line=practice.body_line)
