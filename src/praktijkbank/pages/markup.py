"""Small helpers for writing generated Markdown and HTML safely."""

from __future__ import annotations

import html
import posixpath
import re


from ..content.dutch_dates import dutch_date  # noqa: F401 (the pages import it from here)
from ..sitemodel.source import Html, html_block

# Characters Python-Markdown lets us escape with a backslash; '<' and '&' become entities.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#!])")


def text(value: str) -> str:
    """Plain text on one line, made safe for Markdown: no markup, no HTML, no list at the start."""
    flat = " ".join(value.split())
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(flat, quote=False))
    return re.sub(r"^(\d+)\.(\s)|^([-+=])", lambda m: f"{m.group(1)}\\.{m.group(2)}" if m.group(1) else "\\" + m.group(3), escaped)


def attr(value: str) -> str:
    return html.escape(value, quote=True)


def escaped(value: str) -> str:
    """Plain text on one line, escaped for finished HTML (``sitemodel.source.Html``): no markup can get in."""
    return html.escape(" ".join(value.split()), quote=False)


def html_link(label: str, href: str) -> str:
    """A link in finished HTML; ``href`` comes from ``SiteAddress`` (nothing rewrites it later)."""
    return f'<a href="{attr(href)}">{escaped(label)}</a>'


def html_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> Html:
    """A table in finished HTML: ``headers`` as plain text, each cell of ``rows`` finished HTML."""
    head = "".join(f"<th>{escaped(header)}</th>" for header in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return html_block(f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def link(label: str, target_src: str, from_src: str, fragment: str = "") -> str:
    """A Markdown link from one source page to another: the renderer checks and rewrites it (sitemodel/)."""
    href = posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")
    return f"[{text(label)}]({href}{'#' + fragment if fragment else ''})"


# Meta data for pages that only repeat what the cards say (lists of cards, print sheets):
# Material's search leaves them out, so a search finds the card itself (src/praktijkbank/search).
NOT_IN_SEARCH = {"search": {"exclude": True}}
