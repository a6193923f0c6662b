"""The site's own map of pages and anchors, and the local links in generated pages checked against it.

A link in a card's text is written as Markdown authors write it, to a file among the
site's sources (``proeftuin-ruwaard.md#aanpak``, ``../over.md``). The renderer resolves
each to the file it names (``sitemodel.markdown.Link``); here it is checked and given
its address on the page where it appears. Pages the core makes know their anchors from
their rendering. Of a hand-written page in docs/ the anchors are its headings' ids, as
Markdown's table of contents makes them, and the ids written into it (``{#id}``, ``id="…"``).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify, unique

from ..checks.problems import Problem
from ..urls import SiteAddress
from .markdown import Link

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def markdown_anchors(text: str) -> frozenset[str]:
    """The ids a hand-written Markdown page has: its headings' (as the toc extension makes them) and its own."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[end + 4:] if end != -1 else text
    text = _FENCE.sub("", text)
    used: set[str] = set(_HTML_ID.findall(text))
    for match in _HEADING.finditer(text):
        heading = match.group(1)
        explicit = _ATTR_ID.search(heading)
        if explicit:
            used.add(explicit.group(1))
        else:
            used.add(unique(slugify(html.unescape(heading), "-"), used))
    return frozenset(used)


@dataclass
class SiteMap:
    """Every file of the site by its source path, with the anchors of its pages where known."""

    address: SiteAddress
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)  # a page the core renders -> its ids
    docs: Mapping[str, Path] = field(default_factory=dict)  # a hand-written file -> where it is on disk
    _docs_anchors: dict[str, frozenset[str]] = field(default_factory=dict)

    def has(self, src_uri: str) -> bool:
        return src_uri in self.anchors or src_uri in self.docs

    def anchors_of(self, src_uri: str) -> frozenset[str] | None:
        """The ids of a page; None for a file that is no page (an image, a download)."""
        if src_uri in self.anchors:
            return self.anchors[src_uri]
        if not src_uri.endswith(".md"):
            return None
        if src_uri not in self._docs_anchors:
            self._docs_anchors[src_uri] = markdown_anchors(self.docs[src_uri].read_text(encoding="utf-8-sig"))
        return self._docs_anchors[src_uri]

    def href(self, link: Link, home: str, here: str) -> str:
        """The address of ``link`` (written on the page ``home``) on the page ``here``."""
        fragment = f"#{link.fragment}" if link.fragment else ""
        target = link.target or home
        if target == here and link.target == "":
            return fragment or "#"
        if not self.has(target):
            return link.written
        if target.endswith(".md"):
            return self.address.relative(here, target) + fragment
        return self.address.relative_file(here, target) + fragment

    def problem(self, link: Link, home: str) -> tuple[str, str] | None:
        """What is wrong with ``link`` on the page ``home`` and what would do, in Dutch; or None."""
        target = link.target or home
        if not self.has(target):
            folder_page = posixpath.join(target, "index.md")
            hint = (" (schrijf de link naar het bestand, zoals 'naam.md', niet naar het adres op de site)"
                    if not posixpath.splitext(target)[1] or self.has(folder_page) else "")
            return (f"de link '{link.written}' wijst naar een pagina of bestand dat niet bestaat{hint}",
                    "een link naar een kaart: 'naam-van-de-kaart.md' of 'naam-van-de-kaart.md#kop'")
        anchors = self.anchors_of(target)
        if link.fragment and anchors is not None and link.fragment not in anchors:
            where = "op deze pagina" if not link.target or target == home else "op de pagina waar de link heen gaat"
            return (f"de link '{link.written}': het anker '#{link.fragment}' staat niet {where}",
                    "een anker is de kop in kleine letters met streepjes: '## Wie werken samen' wordt "
                    "'#wie-werken-samen'")
        return None


def link_problem(path: str, line: int, problem: tuple[str, str]) -> Problem:
    message, allowed = problem
    return Problem(path, line, "tekst", message, allowed)
