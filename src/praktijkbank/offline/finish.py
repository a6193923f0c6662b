"""Make a built site work from a folder on a USB stick (file://), with nothing from the network.

What a page opened as a file cannot do, and what is done about it:

- fetch the search index: Material's search then loads ``search/search_index.js``
  (the index as a script) instead, which we write from the final index;
- start a Web Worker: the iframe-worker shim, shipped in the site with its
  licence (see worker_shim.py), stands in; the page's Content-Security-Policy
  gets the hash of the one inline script the shim writes, per page;
- rely on ``'self'`` in that policy: ``file:`` is added beside it (``offline_policy``);
- a sitemap and a 404 page are for the web; they are left out.

Page addresses as files (``praktijken/x.html``) are the build's business
(``use_directory_urls: false``); this step only finishes what the build wrote.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

from ..csp import rewrite_policy
from .worker_shim import LICENSE_FILE, SHIM_FILE, SITE_FOLDER, bootstrap_hash

SEARCH_INDEX = "search/search_index.json"
SEARCH_SCRIPT = "search/search_index.js"
# For web servers and search engines, of no use from a stick (404.html links from the site root).
LEFT_OUT = ("sitemap.xml", "sitemap.xml.gz", "404.html")

_QUOTED_SCRIPT = re.compile(r'(?P<attribute>\bsrc=)?"(?P<address>[^"\s<>]+\.js)"')


def finish_offline_site(site_dir: Path) -> None:
    write_search_script(site_dir)
    ship_worker_shim(site_dir)
    allow_worker_shim(site_dir)  # and file: beside 'self' in every page's policy
    for name in LEFT_OUT:
        (site_dir / name).unlink(missing_ok=True)


def write_search_script(site_dir: Path) -> None:
    """The search index as a script, which a page opened as a file may load (as Material's offline plugin)."""
    index = site_dir / SEARCH_INDEX
    if index.is_file():
        data = index.read_text(encoding="utf-8")
        (site_dir / SEARCH_SCRIPT).write_text(f"var __index = {data}", encoding="utf-8")


def ship_worker_shim(site_dir: Path) -> None:
    folder = site_dir / SITE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM_FILE, folder / "shim.js")
    shutil.copyfile(LICENSE_FILE, folder / "LICENSE")


def worker_addresses(html: str, page_path: str, scripts: set[str]) -> list[str]:
    """Script addresses the page's own script text names (as it writes them, relative to the page).

    The search worker's address is such a string: in Material's configuration block,
    and in the Dutch search's override of it (src/praktijkbank/search). Scripts the
    page loads with ``<script src>`` are not. The shim's inline script contains the
    address exactly as the page hands it to ``new Worker``, so it is taken from the
    page's own text, not rebuilt; ``scripts`` (the site's .js files) keeps only real ones.
    """
    folder = posixpath.dirname(page_path)
    found = []
    for match in _QUOTED_SCRIPT.finditer(html):
        address = match.group("address")
        if match.group("attribute") or address in found:
            continue
        if posixpath.normpath(posixpath.join(folder, address)) in scripts:
            found.append(address)
    return found


def offline_policy(html: str, script_hashes: list[str]) -> str:
    """``html`` with its policy fit for file:// (unchanged when the page has no policy).

    - ``script_hashes`` join script-src: the shim's inline iframe script.
    - Wherever the policy allows ``'self'``, ``file:`` is allowed too. A page opened as
      a file has an opaque origin, and by the CSP specification ``'self'`` then matches
      nothing; Chromium matches file: URLs anyway, other browsers need not. ``file:``
      is the disk the page itself is on, so the policy still lets nothing come from
      the network.
    """

    def adapt(policy: str) -> str:
        directives = [d.strip() for d in policy.split(";") if d.strip()]
        for index, directive in enumerate(directives):
            sources = directive.split()
            extra = ["file:"] if "'self'" in sources else []
            if sources[0].lower() == "script-src":
                extra += script_hashes
            directives[index] = " ".join(sources + [s for s in extra if s not in sources])
        return "; ".join(directives)

    return rewrite_policy(html, adapt)


def allow_worker_shim(site_dir: Path) -> None:
    scripts = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.js")}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        addresses = worker_addresses(html, page.relative_to(site_dir).as_posix(), scripts)
        adapted = offline_policy(html, [bootstrap_hash(a) for a in addresses])
        if adapted != html:
            page.write_text(adapted, encoding="utf-8")
