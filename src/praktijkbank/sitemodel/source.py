"""What a generated page is made of, before it is rendered: Markdown, and finished HTML.

A page generator (src/praktijkbank/pages/) writes a ``PageSource``: the page's meta data
(title, description, what the theme should hide) and a list of parts. A part is either
Markdown (a ``str``: headings, a paragraph, a card's own text) or finished HTML (``Html``:
card lists, facts panels, the map), which the core has built and escaped itself. The
renderer (``sitemodel.markdown``) renders the Markdown of a page as one document and puts
the HTML parts in their places untouched: finished HTML never passes through Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Union


@dataclass(frozen=True)
class Html:
    """Finished, escaped HTML. ``toc``: its headings that belong in the page's table of contents,
    as (id, text), put first under the page title; ``anchors``: ids in it that links may target."""

    text: str
    toc: tuple[tuple[str, str], ...] = ()
    anchors: tuple[str, ...] = ()


# A part, or a list of parts (a section: its heading and its HTML), flattened when the page is made.
Part = Union[str, Html, Iterable["Part"], None]


@dataclass(frozen=True)
class PageSource:
    src_uri: str  # where the page lives among the site's source files: 'praktijken/x.md'
    meta: Mapping[str, Any]  # title, description, hide, search: what a page's front matter would hold
    parts: tuple[str | Html, ...]
    source_path: str | None = None  # the file a person edits, relative to the project root
    # A card's own text, by index into ``parts``: kept apart so the card set and search can use
    # the same rendering of it.
    body_part: int | None = None
    body_line: int = 1  # the line of the card file on which that text starts

    @classmethod
    def of(cls, src_uri: str, meta: Mapping[str, Any], parts: Iterable[Part], **kwargs) -> "PageSource":
        return cls(src_uri, dict(meta), tuple(_flat(parts)), **kwargs)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))


def _flat(parts: Iterable[Part]) -> Iterable[str | Html]:
    for part in parts:
        if part is None or part == "":
            continue
        if isinstance(part, (str, Html)):
            yield part
        else:
            yield from _flat(part)


def html_block(text: str, toc: tuple[tuple[str, str], ...] = (), anchors: tuple[str, ...] = ()) -> Html:
    """Finished HTML as a part of a page."""
    return Html(text.strip(), toc, anchors)


@dataclass(frozen=True)
class RawFile:
    """A file that is part of the site as it is (a calendar file)."""

    src_uri: str
    content: str


@dataclass(frozen=True)
class PageToMake:
    """A page whose address is known now and whose source is made when it is rendered.

    The site model knows every page's address before it renders one (for links), but makes
    and renders one page at a time: a 3,000-card build never holds every card's parts at once
    (bench/README.md, B22).
    """

    src_uri: str
    make: Callable[[], PageSource]

    @classmethod
    def made(cls, source: PageSource) -> "PageToMake":
        """A page already made (the few pages that are not one per card)."""
        return cls(source.src_uri, lambda: source)
