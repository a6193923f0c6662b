"""A practice's own page: lead, facts panel, the contributor's body, sources, related cards."""

from __future__ import annotations

import datetime as dt
import posixpath

from ..licence import ATTRIBUTION
from ..content.models import Practice
from ..related import RelatedIndex
from ..schedule import WebinarCalendar
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .facets import FACET_BY_VOCABULARY
from .listing import card_src_uri, place_line, province_label
from .map import card_location
from ..sitemodel.source import PageSource, html_block
from .markup import NOT_IN_SEARCH, attr, dutch_date, escaped, html_link, text
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


# -- what a visitor can do with a card: badge, breadcrumb, actions, the print header ---------------
# docs/assets/kaart.js makes the actions work (they stay hidden without it); docs/assets/print.css
# prints the card page in the card set's layout, one A4 with this header on top.

def evidence_badge_long(practice: Practice, taxonomy: Taxonomy, named: bool = True) -> str:
    """The evidence as a badge with its full label (the lists' badge, listing.py, has the short one);
    ``named``: preceded by "Onderbouwing:" (not where a row label says it already)."""
    key = taxonomy["evidence"].current(practice.evidence)
    name = "Onderbouwing: " if named else ""
    return f'<span class="pb-badge pb-evidence--{attr(key)}">{name}{escaped(taxonomy["evidence"].label_of(key))}</span>'


def breadcrumb(practice: Practice, address: SiteAddress) -> str:
    """Back to the overview. kaart.js gives the link the filters the visitor last had there."""
    src = card_src_uri(practice.slug)
    overview = address.relative(src, posixpath.join(posixpath.dirname(src), "index.md"))  # the cards' folder
    return (
        '<nav class="pb-breadcrumb" aria-label="Kruimelpad">\n<ol>\n'
        f'<li><a href="{attr(overview)}" data-pb-overview>Praktijken</a></li>\n'
        f'<li aria-current="page">{escaped(practice.title)}</li>\n'
        "</ol>\n</nav>"
    )


def card_actions(practice: Practice, address: SiteAddress, public: str | None) -> str:
    """"Kopieer link", "Afdrukken", "Vergelijk met…": hidden until kaart.js makes them work.
    ``public`` is the card's address on the live site, when known (copied from an offline copy)."""
    from .compare import COMPARE_SRC  # the compare page shows card columns made here

    src = card_src_uri(practice.slug)
    compare = address.relative(src, COMPARE_SRC) + "?kaart=" + practice.slug
    data = f' data-pb-address="{attr(public)}"' if public else ""
    return (
        f'<div class="pb-card-actions" id="pb-card-actions"{data} hidden>\n'
        '<button type="button" class="md-button pb-action" data-pb-action="copy">Kopieer link</button>\n'
        '<button type="button" class="md-button pb-action" data-pb-action="print">Afdrukken</button>\n'
        f'<a class="md-button pb-action" href="{attr(compare)}" data-pb-action="compare">Vergelijk met…</a>\n'
        '<p class="pb-copy-field" hidden><label for="pb-copy-address">Link naar deze kaart</label> '
        '<input type="text" id="pb-copy-address" readonly></p>\n'
        '<p class="pb-action-status" id="pb-action-status" role="status"></p>\n'
        "</div>"
    )


def print_header(public: str | None, built: dt.date) -> str:
    """On paper only: the site's name, the card's public address and the date. kaart.js puts in the
    day of printing; without it the page says the day it was built."""
    where = f' · <a class="pb-print-url" href="{attr(public)}">{attr(public)}</a>' if public else ""
    return (
        f'<p class="pb-print-header"><span class="pb-print-site">{escaped(ATTRIBUTION)}</span>{where} · '
        f'<span class="pb-print-when" data-pb-print-date>Stand van {dutch_date(built)}</span></p>'
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


def report_section(practice: Practice, address: SiteAddress | None = None) -> list:
    """'Fout gezien? Meld het': the way to the contributor page, under every card (no edit pencil)."""
    href = (address or SiteAddress()).relative(card_src_uri(practice.slug), "bijdragen/index.md")
    return [html_block(f'<p class="pb-report">Fout gezien? '
                       f'<a href="{attr(href)}#een-fout-op-een-kaart-melden">Meld het</a>.</p>')]


def card_page(practice: Practice, by_slug: dict[str, Practice], taxonomy: Taxonomy,
              calendar: WebinarCalendar | None = None, related: RelatedIndex | None = None,
              address: SiteAddress | None = None, live: SiteAddress | None = None) -> PageSource:
    """``live``: where the site is published, for the address printed on the card (in an offline
    copy the live site's, not the copy's); by default ``address``."""
    # The Dutch search indexes a card from its model (search/site_index.py), so Material's
    # search plugin need not parse the page: at 1,000 cards that saved 1.7 s of a build.
    meta = {"title": practice.title, "description": practice.summary, **NOT_IN_SEARCH}
    address = address or SiteAddress()
    public = (live or address).absolute_page(card_src_uri(practice.slug))
    built = (calendar or WebinarCalendar()).today  # the build's one "today"
    head = "\n".join([f'<p class="pb-card-evidence">{evidence_badge_long(practice, taxonomy)}</p>',
                      card_actions(practice, address, public),
                      print_header(public, built),
                      f'<p class="pb-lead">{escaped(practice.summary)}</p>',
                      facts_panel(practice, taxonomy, address=address),
                      card_location(practice, taxonomy)])
    parts = [
        html_block(breadcrumb(practice, address)),
        f"# {text(practice.title)}\n",
        html_block(head, toc=(FACTS_HEADING,)),
    ]
    body_part = len(parts)
    parts += [
        practice.body.rstrip() + "\n",  # the contributor's own text (PageSource.body_part)
        webinars_section(practice, calendar, by_slug),
        sources_section(practice),
        contact_section(practice),
        related_section(practice, by_slug, taxonomy, related, address),
        report_section(practice, address),
    ]
    return PageSource.of(card_src_uri(practice.slug), meta, parts, source_path=practice.source_path,
                         body_part=body_part, body_line=practice.body_line)
