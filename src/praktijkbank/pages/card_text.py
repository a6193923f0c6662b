"""A card's own text, rendered once for its page and reused on the printable card set.

The card set shows every card's text on one page. Rendering all of that Markdown a
second time cost as much as a fifth of a build at 1,000 cards (bench/profile_build.py),
and the site generator has just rendered each text for the card's own page. So the
card page marks where the contributor's text begins and ends (``START`` and ``END``,
HTML comments that any Markdown renderer passes through); after the generator has
rendered a card page, ``CardTexts.keep`` takes the marked HTML out of it, and when the
card set page is written, ``CardTexts.fill`` puts each text where the card set has left
its placeholder. The generator renders every page before it writes any (MkDocs does),
so every text is there by then.

On the card set the text sits under the card's own title, in another folder, among
other cards: headings move one level down, ids get the card's slug in front (unique
on the page), and relative links are re-aimed from the card set's folder; a link to
a place within the card goes to the card's own page. Everything else stays as the
generator wrote it, so both pages show the same text.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..urls import SiteAddress, relative_path
from .listing import card_src_uri
from .markup import attr

START = "<!--praktijkbank:kaarttekst-->"
END = "<!--/praktijkbank:kaarttekst-->"
_PLACEHOLDER = "<!--praktijkbank:kaarttekst:{slug}-->"
_PLACEHOLDERS = re.compile(r"<!--praktijkbank:kaarttekst:([a-z0-9-]+)-->")

# The tags that may change: headings, and tags with attributes (a plain <p> or </li> cannot).
# Attribute values hold no '>' (the generator escapes it).
_TAG = re.compile(r"<(/?)([hH][1-6](?=[\s>])|[a-zA-Z][a-zA-Z0-9-]*(?=\s))([^>]*)>")
_HEADING = re.compile(r"h[1-6]", re.IGNORECASE)
_ID = re.compile(r"(\sid\s*=\s*)([\"'])(.*?)\2", re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"(\s(?:href|src)\s*=\s*)([\"'])(.*?)\2", re.IGNORECASE | re.DOTALL)
_OWN_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.IGNORECASE)  # a scheme, another host, the root


def placeholder(slug: str) -> str:
    """Where the card set wants the text of the card ``slug``."""
    return _PLACEHOLDER.format(slug=slug)


@dataclass(frozen=True)
class Move:
    """From which page to which page a card's rendered text moves."""

    slug: str
    card_folder: str  # the folder the card page's links are relative to ('praktijken/x')
    card_path: str  # the card page itself ('praktijken/x/'), for links within the card
    target_folder: str  # the folder of the page the text moves to ('kaartenset')

    def link(self, href: str) -> str:
        target = html.unescape(href)
        if not target or _OWN_HOST.match(target):
            return href  # web and mail addresses, and root paths, mean the same from anywhere
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(self.card_folder, path)) if path else self.card_path
        moved = relative_path(resolved, self.target_folder)
        if path.endswith("/") or (not path and self.card_path.endswith("/")):
            moved += "/"
        return attr(moved + hash_ + fragment)

    def tag(self, match: re.Match) -> str:
        closing, name, attributes = match.groups()
        if _HEADING.fullmatch(name):
            name = f"h{min(6, int(name[1]) + 1)}"
        if attributes:
            attributes = _ID.sub(lambda m: f"{m[1]}{m[2]}{attr(self.slug)}--{m[3]}{m[2]}", attributes)
            attributes = _LINK.sub(lambda m: f"{m[1]}{m[2]}{self.link(m[3])}{m[2]}", attributes)
        return f"<{closing}{name}{attributes}>"

    def apply(self, text: str) -> str:
        return _TAG.sub(self.tag, text)


class CardTexts:
    """The rendered texts of the cards of one build, on their way to the card set page."""

    def __init__(self, slugs: Iterable[str], target_src: str, address: SiteAddress) -> None:
        self.target_src = target_src  # the page that shows the texts (the card set)
        self.address = address  # the layout of this build's pages, for the links
        self._slugs = {card_src_uri(slug): slug for slug in slugs}  # card page -> slug
        self._texts: dict[str, str] = {}  # slug -> the text as the card set shows it

    def keep(self, src_uri: str, page_html: str) -> str:
        """Take the text out of a rendered card page; the page is returned without the markers."""
        slug = self._slugs.get(src_uri)
        if slug is None:
            return page_html
        start, end = page_html.find(START), page_html.find(END)
        if start < 0 or end < start:
            return page_html  # the text broke the page; fill() then links to the page instead
        self._texts[slug] = self._move(slug).apply(page_html[start + len(START):end].strip("\n"))
        return page_html[:start] + page_html[start + len(START):end] + page_html[end + len(END):]

    def fill(self, src_uri: str, page_html: str) -> str:
        """The card set page with every placeholder replaced by its card's text."""
        if src_uri != self.target_src:
            return page_html
        return _PLACEHOLDERS.sub(lambda m: self._texts.get(m[1]) or self._missing(m[1]), page_html)

    def _move(self, slug: str) -> Move:
        card = card_src_uri(slug)
        return Move(slug, self.address.folder_of(card), self.address.path_of(card),
                    self.address.folder_of(self.target_src))

    def _missing(self, slug: str) -> str:
        # Only when the card page was not rendered in this build (mkdocs build --dirty).
        href = self.address.relative(self.target_src, card_src_uri(slug))
        return f'<p>De tekst van deze kaart staat op <a href="{attr(href)}">de pagina van de kaart</a>.</p>'
