"""The MkDocs plugin ``praktijkbank`` (entry point in pyproject.toml): translation only.

- ``on_config``: what the core needs to know about this site (``BuildSettings``).
- ``on_files``: the core builds the site model; its problems are logged, and a strict
  build stops on any error, whatever the log level (``-q`` hides warnings from MkDocs'
  own count); its pages and files become MkDocs files.
- ``on_page_markdown`` / ``on_page_content`` / ``on_page_context``: a generated page's meta
  data, table of contents and HTML come from the model; MkDocs renders nothing of it.
- ``on_page_content`` of a hand-written page: its text is kept for the search index.
- ``on_post_page`` / ``on_post_template``: the Content-Security-Policy of each page.
- ``on_post_build``: the exports (open data, feed, calendars, search index) from the model.

State lives on the instance, anew for every build; nothing is kept in modules.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from ..csp import with_content_security_policy
from ..exports import write_exports
from ..search.site_index import PageText, write_search_index
from ..sitemodel.markdown import MarkdownSettings
from ..sitemodel.model import BuildSettings, SettingError, SiteModel, SitePage, build_site_model
from ..content.taxonomy import TaxonomyError
from .shared_parts import SharedParts

# Only warnings on a logger below "mkdocs." count for `mkdocs build --strict`.
log = logging.getLogger("mkdocs.plugins.praktijkbank")


class _OfflineConfig(base.Config):
    """An offline edition (praktijkbank export writes it; offline/edition.py reads it)."""

    date = c.Optional(c.Type(str))  # set: this build is an offline edition
    live_url = c.Optional(c.Type(str))
    cards = c.Optional(c.ListOfItems(c.Type(str)))
    total_cards = c.Type(int, default=0)
    selection = c.Type(str, default="")
    note_html = c.Type(str, default="")


class PraktijkbankConfig(base.Config):
    # Set by `praktijkbank export` in the configuration it builds with; empty for the live site.
    offline = c.SubConfig(_OfflineConfig)


def _extra(config, name: str) -> str | None:
    """A text setting under ``extra.praktijkbank`` in mkdocs.yml, or None where it is unset or empty."""
    value = ((config.extra or {}).get("praktijkbank") or {}).get(name)
    return str(value).strip() or None if value else None


class PraktijkbankPlugin(BasePlugin[PraktijkbankConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.model: SiteModel | None = None
        self._pages: dict[str, SitePage] = {}  # generated pages not yet written, by source path
        self.serving = False
        self._docs_texts: list[PageText] = []

    def _offline(self) -> dict | None:
        return dict(self.config.offline) if self.config.offline.date else None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` injects its own live-reload script into every page it serves;
        # a policy written at build time cannot know that script's hash.
        self.serving = command == "serve"

    def on_config(self, config):
        self._root = Path(config.config_file_path).resolve().parent
        self._settings = BuildSettings(
            site_url=config.site_url or None,
            directory_urls=config.use_directory_urls,
            markdown=MarkdownSettings(tuple(config.markdown_extensions), dict(config.mdx_configs or {})),
            offline=self._offline(),
            # The form "Praktijk aanmelden": the editors' address, and the repository for "open on GitHub"
            # (repo_url, or extra.praktijkbank.repository where repo_url is left unset; see mkdocs.yml).
            submit_email=_extra(config, "submit_email"),
            repository=config.repo_url or _extra(config, "repository"),
        )
        return config

    def on_files(self, files: Files, config) -> Files:
        docs = {f.src_uri: Path(f.abs_src_path) for f in files if f.abs_src_path}
        try:
            model = build_site_model(self._root, replace(self._settings, docs=docs))
        except (TaxonomyError, SettingError) as exc:
            raise PluginError(str(exc)) from exc
        self._report(model, strict=config.strict)
        # The generated pages are handed over to MkDocs one by one and let go of once written
        # (on_post_page); the exports after the build need the rest of the model, not the pages.
        self._pages, self.model = model.pages, replace(model, pages={})
        self._docs_texts = []
        for page in self._pages.values():
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(f"docs/{page.src_uri} bestaat al; die pagina wordt door de Praktijkbank gemaakt")
            generated = File.generated(config, page.src_uri, content="")
            if page.source_path:
                # "Edit this page" opens the card itself, not a file that does not exist.
                generated.edit_uri = Path(os.path.relpath(self._root, config.docs_dir), page.source_path).as_posix()
            files.append(generated)
        for file in model.files:
            files.append(File.generated(config, file.src_uri, content=file.content))
        return files

    def _report(self, model: SiteModel, strict: bool) -> None:
        problems = sorted(model.result.problems)
        for problem in problems:
            (log.warning if problem.is_error else log.info)(problem.text())
        errors = [p for p in problems if p.is_error]
        if not errors:
            return
        invalid = len({p.path for p in errors})
        summary = (f"{invalid} bestand(en) met fouten worden niet getoond; "
                   f"{len(model.result.practices)} geldige kaarten en {len(model.calendar.webinars)} "
                   "geldige webinars wel.")
        if strict:
            # Fails whatever the log level: with -q, MkDocs never counts the warnings above.
            raise PluginError("De inhoud heeft fouten; de strenge bouw stopt.\n"
                              + "\n".join(p.text() for p in errors))
        log.warning(summary)

    def on_env(self, env, config, files):
        # Plain data for the templates (overrides/): the offline note, or nothing on the live site.
        env.globals["praktijkbank_offline"] = self._offline()
        # "material/partials/nav.html" is the theme's own template, even where overrides/ has one
        # of that name: an override can then wrap Material's partial instead of copying it.
        theme_dirs = [folder for folder in config.theme.dirs if folder != config.theme.custom_dir]
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(theme_dirs)})])
        self._shared = SharedParts(env)  # anew for every build
        return env

    def on_page_markdown(self, markdown, page, config, files):
        generated = self._pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        page.meta = dict(generated.meta)
        return ""  # its HTML comes from the model (on_page_context)

    def on_page_content(self, html, page, config, files):
        generated = self._pages.get(page.file.src_uri)
        if generated is not None:
            page.toc = get_toc(generated.toc)
            page.present_anchor_ids = set(generated.anchors)
        if not (page.meta.get("search") or {}).get("exclude"):
            # Decoded here only for the few generated pages in the search index (B24).
            self._docs_texts.append(PageText(page.url, page.title or "",
                                             html if generated is None else generated.html))
        # A generated page's HTML reaches the page in on_page_context, after Material's search plugin.
        return "" if generated is not None else html

    # After Material's search plugin (priority 0): in this event it scans every page's HTML for
    # attributes to strip (a regular expression over the whole text, 8 % of a build at 1,000 cards,
    # bench/README.md, B19). Generated pages have none of those attributes, and our search index
    # replaces Material's (on_post_build), so their HTML is handed over only now.
    @event_priority(-50)
    def on_page_context(self, context, page, config, nav):
        generated = self._pages.get(page.file.src_uri)
        if generated is not None:
            page.content = generated.html
        self._shared.add_to(context, page, nav)
        # MkDocs joins edit_uri and '../practices/x.md' without resolving '..'; do it here.
        if page.edit_url and "/../" in page.edit_url:
            start, _, rest = page.edit_url.partition("/../")
            page.edit_url = urljoin(start + "/", "../" + rest)
        return context

    def on_post_page(self, output, page, config):
        if self._pages.pop(page.file.src_uri, None) is not None:
            page.content = None  # written: nothing reads it again (B23)
        return output if self.serving else with_content_security_policy(output)

    def on_post_template(self, output_content, template_name, config):
        if self.serving or not template_name.endswith(".html"):  # 404.html, not sitemap.xml
            return output_content
        return with_content_security_policy(output_content)

    # After Material's search plugin has written its index: ours replaces it (search/site_index.py).
    @event_priority(-100)
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        write_exports(self.model, site_dir)
        search = config.plugins.get("material/search")
        if search is not None and search.config.enabled:
            settings = {key: search.config[key] for key in ("lang", "separator", "pipeline", "fields")}
            write_search_index(self.model, site_dir, self._docs_texts, settings)
