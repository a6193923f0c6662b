"""MkDocs adapter for the Praktijkbank core: it only translates events into calls.

All knowledge of cards, validation and pages lives in the ``praktijkbank``
package, which does not import MkDocs. Keep this file thin.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import posixpath
import sys
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink

# Only warnings on a logger below "mkdocs." count for `mkdocs build --strict`.
log = logging.getLogger("mkdocs.hooks.praktijkbank")

_content = None  # the SiteContent of the current build
_serving = False  # under `mkdocs serve` (see on_startup)
_toc_lead: dict[str, tuple[tuple[str, str], ...]] = {}  # src_uri -> headings the page's Markdown hides


def _fresh_core():
    """Import the core anew, so `mkdocs serve` picks up code changes in src/praktijkbank."""
    for name in [n for n in sys.modules if n == "praktijkbank" or n.startswith("praktijkbank.")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    return importlib.import_module("praktijkbank.site"), importlib.import_module("praktijkbank.taxonomy")


def on_config(config):
    global _content
    site, taxonomy = _fresh_core()
    root = Path(config.config_file_path).resolve().parent
    try:
        _content = site.load_site_content(root, site_url=config.site_url or None,
                                          directory_urls=config.use_directory_urls,
                                          offline=config.extra.get("praktijkbank_offline"))  # praktijkbank export
    except (taxonomy.TaxonomyError, site.SettingError) as exc:
        raise PluginError(str(exc)) from exc
    for problem in sorted(_content.result.problems):
        if problem.is_error:
            log.warning(problem.text())
        else:
            log.info(problem.text())
    invalid = len({p.path for p in _content.result.errors})
    if invalid:
        log.warning(f"{invalid} bestand(en) met fouten worden niet getoond; "
                    f"{len(_content.result.practices)} geldige kaarten en "
                    f"{len(_content.calendar.webinars)} geldige webinars wel.")
    return config


def on_files(files: Files, config) -> Files:
    _toc_lead.clear()
    for page in _content.pages:
        if page.toc_lead:
            _toc_lead[page.src_uri] = page.toc_lead
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            raise PluginError(f"docs/{page.src_uri} bestaat al; die pagina wordt door de Praktijkbank gemaakt")
        generated = File.generated(config, page.src_uri, content=page.markdown)
        if page.source_path:
            # "Edit this page" opens the card itself, not a file that does not exist.
            docs_to_root = os.path.relpath(_content.project.root, config.docs_dir)
            generated.edit_uri = Path(docs_to_root, page.source_path).as_posix()
        files.append(generated)
    # The content lives until the build ends: keep the garbage collector from walking it again at
    # every full collection (gc.freeze). Measured with gc.callbacks at 1,000 cards: 0.5 s -> 0.3 s.
    gc.freeze()
    return files


def on_post_build(config):
    from praktijkbank.exports import write_exports

    write_exports(_content, Path(config.site_dir))
    gc.unfreeze()  # under `mkdocs serve` the next build's content takes its place


def on_build_error(error):
    gc.unfreeze()


def on_startup(command, dirty):
    global _serving
    # `mkdocs serve` injects its own live-reload script into every page it serves;
    # a policy written at build time cannot know that script's hash.
    _serving = command == "serve"


def on_page_content(html, page, config, files):
    lead = _toc_lead.get(page.file.src_uri)
    if lead and page.toc:
        # Headings in finished HTML (the facts panel's) first under the title, as if Markdown had seen them.
        title = page.toc.items[0]
        title.children[0:0] = [AnchorLink(text, anchor, title.level + 1) for anchor, text in lead]
        page.present_anchor_ids = (page.present_anchor_ids or set()) | {anchor for anchor, _ in lead}
    # A card's rendered text, kept for the card set (MkDocs renders every page before writing any).
    return _content.card_texts.keep(page.file.src_uri, html)


def on_post_page(output, page, config):
    from praktijkbank.csp import with_content_security_policy

    output = _content.card_texts.fill(page.file.src_uri, output)
    return output if _serving else with_content_security_policy(output)


def on_post_template(output_content, template_name, config):
    from praktijkbank.csp import with_content_security_policy

    if _serving or not template_name.endswith(".html"):  # 404.html, not sitemap.xml
        return output_content
    return with_content_security_policy(output_content)


class _SharedParts:
    """Parts of Material's page that many pages have alike, rendered once (overrides/main.html).

    - ``by_depth``: what only links to the site's own files (stylesheets, scripts, the
      configuration block): the same on every page at the same depth (``base_url``).
    - ``outside_menu``: the menu and the footer of a page outside the menu (a card, a facet
      page). Nothing in them is active or next/previous for such a page, and from any page in
      one folder a relative link to a menu entry is the same, as long as no entry lives below
      the page itself. A page in the menu gets its own.
    """

    def __init__(self) -> None:
        self._parts: dict[tuple[str, str], str] = {}

    def _render(self, key: tuple[str, str], make) -> str:
        part = self._parts.get(key)
        if part is None:
            part = self._parts[key] = make()
        return part

    def by_depth(self, name: str, base_url: str, make) -> str:
        return self._render((name, base_url), make)

    def outside_menu(self, name: str, page, nav, caller) -> str:
        if page is None or page in nav.pages or any(p.url.startswith(page.url) for p in nav.pages if page.url):
            return caller()
        return self._render((name, posixpath.dirname(page.url.rstrip("/"))), caller)


def on_env(env, config, files):
    env.globals["praktijkbank_shared"] = _SharedParts()  # anew for every build
    # "material/partials/nav.html" is the theme's own template, even where overrides/ has one of
    # that name: an override can then wrap Material's partial instead of copying it.
    theme_dirs = [folder for folder in config.theme.dirs if folder != config.theme.custom_dir]
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(theme_dirs)})])
    return env


def on_page_context(context, page, config, nav):
    # MkDocs joins edit_uri and '../practices/x.md' without resolving '..'; do it here.
    if page.edit_url and "/../" in page.edit_url:
        base, _, rest = page.edit_url.partition("/../")
        page.edit_url = urljoin(base + "/", "../" + rest)
    return context
