"""Rendering a generated page to HTML, once, with the Markdown settings of the site.

The site generator tells the core which Markdown extensions the site uses
(``MarkdownSettings``); the core renders every generated page with them exactly
once. What later steps need from a rendering is kept with it, so nothing renders or
re-reads a page again:

- the table of contents and the ids on the page (``toc``, ``anchors``);
- every local link, resolved to the page or file it targets (``links``): the site
  model checks them against its own map of pages and anchors;
- the words of a card's own text (``body_text``), for search;
- the card's own text as HTML that can be placed on another page (``body``): the
  printable card set shows every card's text in another folder, under another
  heading level, next to other cards;
- each section of the card's own text under its second-level heading (``sections``):
  the compare page shows a card's "Resultaten" without reading the HTML back.

For the last two points a rendering is a template: where a local link's address, an id
or a heading level must differ between the card page and the card set, the renderer
writes a token (``_TOKEN``) instead, and ``Rendering.html_for`` fills the tokens in for
the page the text appears on. The tokens are the core's own, so filling them in is a
substitution, not a parse.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..search.documents import html_text
from .source import Html, PageSource

# Private-use characters mark tokens and placeholders; in a page's own text they are replaced
# by U+FFFD before rendering, so nothing a contributor writes can pass for one.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = "\ue002{}\ue003"  # where an HTML part goes, as a paragraph of its own
_PLACEHOLDER_PARAGRAPH = re.compile("<p>\ue002(\\d+)\ue003</p>")
_TOKEN = re.compile(f"{_OPEN}([LIH])(\\d*){_CLOSE}")
PRIVATE_CHARACTERS = re.compile("[\ue000-\ue003]")

_RAW_HTML_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")  # Python-Markdown's stand-in for raw HTML
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)  # a scheme or another host


@dataclass(frozen=True)
class MarkdownSettings:
    """The site's Markdown: extensions by name (or instance) and their settings, as the generator has them."""

    extensions: tuple[Any, ...] = ("toc", "tables", "attr_list")
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    """A local link as written in Markdown, resolved from the page it is on."""

    written: str  # as the author wrote it: 'proeftuin-ruwaard.md#aanpak'
    target: str  # the file among the site's sources: 'praktijken/proeftuin-ruwaard.md' ('' for '#x')
    fragment: str  # 'aanpak' ('' for none)
    in_body: bool  # written in a card's own text (errors there are the card author's)


@dataclass(frozen=True)
class Rendering:
    """One page's HTML as a template with tokens, and what the rendering learnt about the page."""

    src_uri: str
    template: str
    links: tuple[Link, ...]
    toc: list[dict]  # Python-Markdown's toc_tokens: [{level, id, name, children}, ...]
    anchors: frozenset[str]
    body: str | None = None  # the card's own text: a slice of ``template``
    body_text: str = ""  # the words of the card's own text, for search
    # heading of each second-level section of the card's own text -> what stands under it
    # (heading left out), a slice of ``template``
    sections: Mapping[str, str] = field(default_factory=dict)

    def own_text(self) -> "Rendering":
        """This rendering with only the card's own text as its template: what other pages show of a
        card, without keeping the rest of its page."""
        return replace(self, template=self.body or "")

    def html_for(self, href: Callable[[Link], str], id_prefix: str = "", heading_shift: int = 0,
                 template: str | None = None) -> str:
        """The HTML with every token filled in. ``href`` gives a link's address on the page the HTML
        appears on; ``id_prefix`` goes before every id, ``heading_shift`` onto every heading level."""
        links = self.links

        def fill(match: re.Match) -> str:
            kind, number = match.groups()
            if kind == "L":
                return href(links[int(number)])
            if kind == "I":
                return id_prefix
            return str(min(6, int(number) + heading_shift))

        return _TOKEN.sub(fill, self.template if template is None else template)


class _Collector(Treeprocessor):
    """Runs last: resolves local links into tokens, marks ids and heading levels, reads the body's words."""

    def __init__(self, md: markdown.Markdown, renderer: "Renderer") -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        job = self.renderer._job
        start, end = job.body_markers or (None, None)
        in_body = False
        body_words: list[str] = []
        for child in list(root):
            marker = _marker_number(child)
            if marker is not None:
                in_body = marker == start or (in_body and marker != end)
                continue
            if in_body and child.tag == "h2":
                self._mark_section(root, child, job)
            for parent in child.iter():
                for element in list(parent):
                    self._element(parent, element, in_body, job)
            self._element(root, child, in_body, job)
            if in_body:
                body_words.append("".join(child.itertext()))
        stash = self.md.htmlStash.rawHtmlBlocks
        # Raw HTML and entities Markdown kept aside count with their words: '&amp;' is '&', tags are none.
        # A tag parts words (' '), an entity stands within one.
        job.body_text = _RAW_HTML_PLACEHOLDER.sub(
            lambda m: f" {html_text(raw)} " if "<" in (raw := str(stash[int(m[1])])) else html.unescape(raw),
            " ".join(body_words))

    def _mark_section(self, root: etree.Element, heading: etree.Element, job: "_Job") -> None:
        """Placeholders before and after a second-level heading of the card's text, so that
        ``Renderer.render`` knows where each section starts and where its text begins."""
        name = "".join(_text_without_permalink(heading)).strip()
        index = list(root).index(heading)
        for offset in (0, 2):
            marker = etree.Element("p")
            marker.text = _PLACEHOLDER.format(job.next_marker)
            job.next_marker += 1
            root.insert(index + offset, marker)
        job.sections.append(name)

    def _element(self, parent: etree.Element, element: etree.Element, in_body: bool, job: "_Job") -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag.startswith("h" + _OPEN):
            return  # a comment, or a heading already marked
        if "id" in element.attrib and not element.attrib["id"].startswith(_OPEN):
            job.anchors.add(element.attrib["id"])
            element.set("id", f"{_OPEN}I{_CLOSE}" + element.attrib["id"])
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            element.tag = f"h{_OPEN}H{tag[1]}{_CLOSE}"
        elif tag in ("a", "img"):
            key = "href" if tag == "a" else "src"
            written = element.get(key)
            if written is None or written.startswith(_OPEN) or _EXTERNAL.match(written) or written.startswith("/"):
                return  # web and mail addresses; a root path is the author's own business
            parts = urlsplit(written)
            if parts.query:
                return
            path = unquote(parts.path)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(job.src_uri), path)) if path else ""
            if target.startswith(".."):
                target = path  # outside the site: reported as not found
            link = Link(written, target, parts.fragment, in_body)
            elsewhere = self.renderer.left_out(target) if target else False
            if elsewhere is False:
                job.links.append(link)
                element.set(key, f"{_OPEN}L{len(job.links) - 1}{_CLOSE}")
            elif elsewhere is None and tag == "a":
                _unwrap(parent, element)  # a card that is not in this edition: its name, no link
            else:
                element.set(key, (elsewhere or "") + (f"#{parts.fragment}" if parts.fragment else ""))


def _unwrap(parent: etree.Element, element: etree.Element) -> None:
    """Replace ``element`` by its text and children, in place."""
    index = list(parent).index(element)
    before = parent[index - 1] if index else None

    def append_text(text: str | None) -> None:
        if not text:
            return
        if before is None:
            parent.text = (parent.text or "") + text
        else:
            before.tail = (before.tail or "") + text

    children = list(element)
    append_text(element.text)
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + (element.tail or "")
    else:
        append_text(element.tail)


def _text_without_permalink(element: etree.Element) -> list[str]:
    """The text of a heading, without the permalink the toc extension may have added ('¶')."""
    texts = [element.text or ""]
    for child in element:
        if "headerlink" not in (child.get("class") or "").split():
            texts += _text_without_permalink(child)
        texts.append(child.tail or "")
    return texts


def _marker_number(element: etree.Element) -> int | None:
    if element.tag != "p" or len(element) or not element.text:
        return None
    text = element.text
    if text.startswith("\ue002") and text.endswith("\ue003") and text[1:-1].isdigit():
        return int(text[1:-1])
    return None


@dataclass
class _Job:
    src_uri: str
    body_markers: tuple[int, ...]  # placeholders before and after a card's own text
    next_marker: int  # the number the next section placeholder gets (after the HTML parts')
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    body_text: str = ""
    sections: list[str] = field(default_factory=list)  # headings; two placeholders each, in order


class _CollectorExtension(Extension):
    def __init__(self, renderer: "Renderer") -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After every other tree processor (unescaping included, at 0): links and ids are final.
        md.treeprocessors.register(_Collector(md, self.renderer), "praktijkbank_collector", -10)


class Renderer:
    """One Markdown converter for every generated page of a build, reset between pages."""

    def __init__(self, settings: MarkdownSettings,
                 left_out: Callable[[str], "str | None | bool"] = lambda target: False) -> None:
        """``left_out(target)``: False for a link that stays; for a link to a page left out of this
        edition (offline/edition.py) the address it goes to instead, or None: plain text."""
        self.left_out = left_out
        self._job: _Job | None = None
        self._md = markdown.Markdown(extensions=[*settings.extensions, _CollectorExtension(self)],
                                     extension_configs={k: dict(v) for k, v in settings.configs.items()})

    def render(self, page: PageSource) -> Rendering:
        parts: list[str] = []
        html_parts: list[Html] = []
        body_markers: tuple[int, ...] = ()
        for index, part in enumerate(page.parts):
            if index == page.body_part:
                # Placeholders around the card's own text, so its part of the rendering is known.
                start, end = len(html_parts), len(html_parts) + 1
                html_parts += [Html(""), Html("")]
                body_markers = (start, end)
                parts += [_PLACEHOLDER.format(start), PRIVATE_CHARACTERS.sub("\ufffd", part), _PLACEHOLDER.format(end)]
            elif isinstance(part, Html):
                parts.append(_PLACEHOLDER.format(len(html_parts)))
                html_parts.append(part)
            else:
                parts.append(PRIVATE_CHARACTERS.sub("\ufffd", part))
        self._job = job = _Job(page.src_uri, body_markers, len(html_parts))
        try:
            self._md.reset()
            html = self._md.convert("\n\n".join(parts))
            toc = list(getattr(self._md, "toc_tokens", []))
        finally:
            self._job = None
        pieces = _PLACEHOLDER_PARAGRAPH.split(html)
        out: list[str] = [pieces[0]]
        length = len(pieces[0])
        body_start = body_end = None
        section_marks: list[int] = []  # where each section starts, then where its text starts
        for number, text in zip(pieces[1::2], pieces[2::2]):
            number = int(number)
            if number >= len(html_parts):
                section_marks.append(length)
                out.append(text)  # the placeholder had no line break after it: the HTML is as without
                length += len(text)
                continue
            if body_markers and number == body_markers[0]:
                body_start = length
            elif body_markers and number == body_markers[1]:
                body_end = length
            out += [html_parts[number].text, text]
            length += len(html_parts[number].text) + len(text)
        template = "".join(out)
        anchors = set(job.anchors)
        lead: list[tuple[str, str]] = []
        for part in html_parts:
            anchors.update(part.anchors)
            anchors.update(anchor for anchor, _ in part.toc)
            lead.extend(part.toc)
        if lead and toc:
            # Headings in finished HTML first under the page's title, as if Markdown had seen them.
            title = toc[0]
            title["children"] = [{"level": title["level"] + 1, "id": anchor, "name": text, "children": []}
                                 for anchor, text in lead] + title["children"]
        body = template[body_start:body_end].strip("\n") if body_start is not None and body_end is not None else None
        # A section runs from its heading to the next section or the end of the card's text.
        ends = section_marks[2::2] + [body_end if body_end is not None else len(template)]
        sections: dict[str, str] = {}
        for name, text_start, end in zip(job.sections, section_marks[1::2], ends):
            sections.setdefault(name, template[text_start:end].strip("\n"))
        return Rendering(page.src_uri, template, tuple(job.links), toc, frozenset(anchors), body, job.body_text,
                         sections)
