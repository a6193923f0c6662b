"""The site model: one per build, made by the core, read by every output.

``build_site_model`` loads and checks all content once, makes every generated page
(``pages/``), renders each page once (``sitemodel.markdown``) and checks the local links
in them against the site's own map (``sitemodel.links``). What an output needs about a
card is here, derived once: its rendered page, its own text as HTML and as words, where it
lives. The site generator's adapter (``mkdocs_adapter``) only translates this model into
the generator's pages and files; exports (``exports/``, ``search/``) read it after the build.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..exports.calendars import calendar_files
from ..offline.edition import EditionError, OfflineEdition
from ..pages import generate_pages
from ..pages.cardset import CARDSET_SRC, cardset_page
from ..pages.compare import COMPARE_SRC, compare_page
from ..pages.contributing import contributor_pages
from ..pages.listing import card_src_uri
from ..pages.submit_form import SubmitTargets
from ..content.models import Practice
from ..content.cards import LoadResult, load_practices
from ..checks.problems import Problem
from ..content.project import Project
from ..schedule import WebinarCalendar
from ..content.taxonomy import Taxonomy, load_taxonomy
from ..content.today import TodayError, today as today_of_build
from ..urls import SiteAddress
from ..content.webinars import load_webinars
from .links import SiteMap, link_problem
from .markdown import Link, MarkdownSettings, Renderer, Rendering
from .source import PageSource, PageToMake, RawFile


class SettingError(Exception):
    """A build setting that cannot be used; the message is Dutch and says how to fix it."""


@dataclass(frozen=True)
class BuildSettings:
    """What the site generator tells the core about the site it builds."""

    site_url: str | None = None  # where the site is published (full addresses in feeds, open data)
    directory_urls: bool = True  # pages as folders ('praktijken/x/') or files ('praktijken/x.html')
    markdown: MarkdownSettings = field(default_factory=MarkdownSettings)
    offline: Mapping | None = None  # an offline edition's setting (praktijkbank export), or None
    # Hand-written files, source path -> file: the generator's list; without one, docs/ of the project.
    docs: Mapping[str, Path] | None = None
    today: dt.date | None = None  # None: the one "today" (src/praktijkbank/content/today.py)
    # Where the form "Praktijk aanmelden" may send a card: the editors' e-mail address
    # (mkdocs.yml extra.praktijkbank.submit_email) and the repository on GitHub (repo_url).
    submit_email: str | None = None
    repository: str | None = None


@dataclass(frozen=True)
class SitePage:
    """A generated page, rendered: what the generator shows, and what its template needs."""

    src_uri: str
    meta: Mapping
    utf8: bytes  # the page's HTML (``html``), kept encoded until a host takes it (B24)
    toc: list[dict]  # Python-Markdown's toc_tokens
    anchors: frozenset[str]
    source_path: str | None = None  # the file a person edits, relative to the project root

    @property
    def html(self) -> str:
        return self.utf8.decode("utf-8")

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))


@dataclass(frozen=True)
class SiteModel:
    project: Project
    taxonomy: Taxonomy
    result: LoadResult  # valid cards and every problem (content and links)
    calendar: WebinarCalendar
    address: SiteAddress
    edition: OfflineEdition | None
    pages: dict[str, SitePage]  # by source path: 'praktijken/x.md'; a host may take them (mkdocs_adapter)
    page_uris: frozenset[str]  # every generated page's source path, also once the pages are taken
    files: tuple[RawFile, ...]  # calendars and JSON Schemas, copied as they are
    card_words: dict[str, str]  # slug -> the words of the card's own text, for search

    @property
    def today(self) -> dt.date:
        return self.calendar.today

    def card_page(self, slug: str) -> SitePage:
        return self.pages[card_src_uri(slug)]


def build_site_model(root: Path, settings: BuildSettings = BuildSettings()) -> SiteModel:
    """Load, check and render all content under ``root``; invalid cards and webinars are reported
    (in ``result.problems``), valid ones kept. Raises ``TaxonomyError`` when taxonomy.yml itself is
    broken, ``SettingError`` for a setting that cannot be used."""
    try:
        edition = OfflineEdition.from_setting(settings.offline)
        today = settings.today or today_of_build()
    except (EditionError, TodayError) as exc:
        raise SettingError(str(exc)) from None
    project = Project(root)
    taxonomy = load_taxonomy(project.taxonomy_path)
    card_files = project.practice_files()
    result = load_practices(card_files, taxonomy, today, root=root)
    webinars = load_webinars(project.webinar_files(), taxonomy, today, {p.stem for p in card_files}, root=root)
    # One list of problems for everything, so every one is reported and a strict build fails on any.
    result.problems.extend(webinars.problems)
    result.files_checked += webinars.files_checked
    shown_webinars = webinars.webinars
    left_out = lambda target: False  # noqa: E731
    if edition is not None:
        kept, shown_webinars = edition.narrow(result.practices, shown_webinars)
        left_out = edition.link_policy({card_src_uri(p.slug) for p in result.practices} -
                                       {card_src_uri(p.slug) for p in kept})
        result = replace(result, practices=kept)
    address = SiteAddress(settings.site_url, settings.directory_urls)
    calendar = WebinarCalendar(tuple(shown_webinars), today, address)

    # Where the site is published: cards print their public address, also in an offline bundle.
    live = SiteAddress(edition.live_url) if edition is not None else address
    to_make = generate_pages(result.practices, taxonomy, calendar, address,
                             SubmitTargets(settings.submit_email, settings.repository), live=live)
    files = [RawFile(uri, ics) for uri, ics in calendar_files(calendar, result.by_slug())]
    for made in contributor_pages(result.practices, taxonomy, today, address):
        if isinstance(made, RawFile):
            files.append(made)
        else:
            to_make.append(PageToMake.made(made))

    renderer = Renderer(settings.markdown, left_out)
    docs = settings.docs if settings.docs is not None else _files_under(project.root / "docs")
    # Every page the core makes is known before one is rendered, so each page's links can be filled
    # in as soon as it is rendered; the anchors of each page follow as it is rendered.
    site_map = SiteMap(address, {uri: frozenset() for uri in
                                 (*(p.src_uri for p in to_make), CARDSET_SRC, COMPARE_SRC, *(f.src_uri for f in files))},
                       docs)
    pages: dict[str, SitePage] = {}
    written: list[_WrittenLinks] = []
    card_texts: dict[str, Rendering] = {}  # slug -> what the card set, compare page and search take of a card

    def finish(source: PageSource) -> Rendering:
        """Render a page and make it final at once: a page's parts and its whole rendering are not
        kept after that (keeping them all until the end raised the peak memory of a 3,000-card build
        from 575 MB to 784 MB; bench/README.md, B20)."""
        rendering = renderer.render(source)
        site_map.anchors[source.src_uri] = rendering.anchors
        written.append(_WrittenLinks.of(source, rendering))
        src_uri, meta, source_path = source.src_uri, source.meta, source.source_path
        # The card set and the compare page hold every card: their parts go before their final
        # HTML is made (the peak of a 3,000-card build is the compare page's; bench/README.md, B25).
        del source
        pages[src_uri] = _page(src_uri, meta, source_path, rendering, site_map)
        return rendering

    queue = deque(to_make)
    del to_make
    by_uri = {card_src_uri(p.slug): p.slug for p in result.practices}
    while queue:
        source = queue.popleft().make()
        rendering = finish(source)
        if source.src_uri in by_uri:
            card_texts[by_uri[source.src_uri]] = rendering.own_text()

    # The card set shows every card's own text as rendered for its page, filled in for the card set.
    def card_text(slug: str) -> str:
        text = card_texts[slug]
        return text.html_for(lambda link: site_map.href(link, text.src_uri, CARDSET_SRC),
                             id_prefix=f"{slug}--", heading_shift=1)

    finish(cardset_page(result.practices, taxonomy, card_text, live, address))

    # The compare page holds a section of every card's text as rendered for its page, filled in for that page.
    def compare_section(slug: str, heading: str) -> str:
        text = card_texts[slug]
        return text.html_for(lambda link: site_map.href(link, text.src_uri, COMPARE_SRC),
                             id_prefix=f"vergelijk-{slug}--", template=text.sections.get(heading, ""))

    finish(compare_page(result.practices, taxonomy, compare_section, address))

    result.problems.extend(_link_problems(written, site_map))
    words = {slug: text.body_text for slug, text in card_texts.items()}
    return SiteModel(project, taxonomy, result, calendar, address, edition, pages, frozenset(pages), tuple(files),
                     words)


@dataclass(frozen=True)
class _WrittenLinks:
    """The local links of a page, with what a problem report needs of the page they are on."""

    src_uri: str
    source_path: str | None
    body: str  # a card's own text as written ('' for other pages): to find a link's line
    body_line: int
    links: tuple[Link, ...]

    @classmethod
    def of(cls, source: PageSource, rendering: Rendering) -> "_WrittenLinks":
        body = source.parts[source.body_part] if source.body_part is not None else ""
        return cls(source.src_uri, source.source_path, body, source.body_line, rendering.links)


def _files_under(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in folder.rglob("*") if path.is_file()}


def _page(src_uri: str, meta: Mapping, source_path: str | None, rendering: Rendering, site_map: SiteMap) -> SitePage:
    html = rendering.html_for(lambda link: site_map.href(link, src_uri, src_uri))
    # Encoded, a page takes half the memory or less: its HTML is mostly ASCII, but one character
    # such as '…' makes Python keep every character of a text in two bytes (B24).
    return SitePage(src_uri, meta, html.encode("utf-8"), rendering.toc, rendering.anchors, source_path)


def _link_problems(pages: list[_WrittenLinks], site_map: SiteMap) -> list[Problem]:
    """Every broken local link: in a card's text reported at the card's file and line."""
    problems = []
    for page in pages:
        for link in page.links:
            message = site_map.problem(link, page.src_uri)
            if message is None:
                continue
            path = page.source_path or f"(gemaakte pagina {page.src_uri})"
            line = _line_of(page, link.written) if link.in_body else 1
            problems.append(link_problem(path, line, message))
    return problems


def _line_of(page: _WrittenLinks, written: str) -> int:
    """The line of the card file on which ``written`` first stands in the card's own text."""
    offset = page.body.find(written)
    return page.body_line + (page.body.count("\n", 0, offset) if offset >= 0 else 0)


def body_words(practices: Iterable[Practice], settings: MarkdownSettings = MarkdownSettings()) -> dict[str, str]:
    """slug -> the words of each card's own text, rendered as a build renders it (for search
    without a build: ``praktijkbank zoek`` and tests)."""
    renderer = Renderer(settings)
    return {p.slug: renderer.render(PageSource.of(card_src_uri(p.slug), {}, [p.body], body_part=0)).body_text
            for p in practices}
