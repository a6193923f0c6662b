"""An Atom feed (RFC 4287) of new and updated practices: feed.xml at the site root.

A card counts as new or updated on its ``last_reviewed`` date: contributors set it
whenever they add or change a card, and unlike git history it is also there in a
copy without history. Entries are newest first; the feed keeps the latest
``FEED_SIZE`` cards, like most feeds, so it stays small as the bank grows.

Identifiers are ``urn:uuid:`` values derived from the card's file name, so a
reader keeps recognising an entry when the site moves. Links are absolute when
the site's address (``site_url``) is known; otherwise they are relative to the
feed itself, which RFC 4287 allows and feed readers resolve.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from ..licence import ATTRIBUTION, CONTENT_LICENCE
from ..content.models import Practice
from ..pages.listing import PRACTICES_FOLDER, card_src_uri
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .formats import FEED_FILE, FEED_SIZE

if TYPE_CHECKING:
    from ..sitemodel.model import SiteModel

FEED_TITLE = "Praktijkbank: nieuwe en bijgewerkte praktijken"
ATOM = "http://www.w3.org/2005/Atom"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "praktijkbank:praktijken")


def entry_id(practice: Practice) -> str:
    return uuid.uuid5(_NAMESPACE, practice.slug).urn


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _link(address: SiteAddress, path: str) -> str:
    return address.absolute(path) or path


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress) -> str:
    newest = sorted(practices, key=lambda p: (p.last_reviewed, p.slug), reverse=True)[:FEED_SIZE]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    _add(feed, "id", uuid.uuid5(_NAMESPACE, "feed").urn)
    _add(feed, "title", FEED_TITLE)
    _add(feed, "subtitle", "Praktijkvoorbeelden waar wonen, zorg en welzijn samenkomen, "
                           "nieuw of bijgewerkt op de datum dat de kaart is nagekeken.")
    _add(feed, "updated", _timestamp(max((p.last_reviewed for p in practices), default=dt.date(2000, 1, 1))))
    _add(feed, "link", rel="self", type="application/atom+xml", href=_link(address, FEED_FILE))
    _add(feed, "link", rel="alternate", type="text/html", href=_link(address, address.path_of(f"{PRACTICES_FOLDER}/index.md")))
    author = _add(feed, "author")
    _add(author, "name", ATTRIBUTION)
    _add(feed, "rights", f"{CONTENT_LICENCE}; de bronnen houden hun eigen rechten")
    for practice in newest:
        entry = _add(feed, "entry")
        _add(entry, "id", entry_id(practice))
        _add(entry, "title", practice.title)
        _add(entry, "updated", _timestamp(practice.last_reviewed))
        _add(entry, "link", rel="alternate", type="text/html",
             href=_link(address, address.path_of(card_src_uri(practice.slug))))
        _add(entry, "summary", practice.summary)
        for theme in practice.themes:
            _add(entry, "category", term=theme, label=taxonomy["themes"].label_of(theme))
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def write_feed(content: "SiteModel", site_dir: Path) -> list[Path]:
    path = site_dir / FEED_FILE
    path.write_text(atom_feed(content.result.practices, content.taxonomy, content.address), encoding="utf-8")
    return [path]
