"""Where generated pages end up: their address on the built site, relative or absolute.

MkDocs rewrites links in Markdown, but not in raw HTML such as the inline SVG of
the map, and exports (feeds, open data) need full addresses. Both follow the
same two settings of the site generator: its public address (``site_url``) and
whether pages live in folders (``praktijken/x/``) or as files (``praktijken/x.html``).
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class SiteAddress:
    site_url: str | None = None  # e.g. https://example.org/praktijkbank/ ; None when unknown
    directory_urls: bool = True

    @functools.lru_cache(maxsize=65536)  # noqa: B019 (frozen and few: the cache may keep them)
    def path_of(self, src_uri: str) -> str:
        """'praktijken/x.md' -> 'praktijken/x/' (or 'praktijken/x.html'), as MkDocs lays pages out."""
        stem, _ = posixpath.splitext(src_uri)
        folder, name = posixpath.split(stem)
        if name == "index":
            return posixpath.join(folder, "") if self.directory_urls else posixpath.join(folder, "index.html")
        return posixpath.join(folder, name, "") if self.directory_urls else posixpath.join(folder, name + ".html")

    def relative(self, from_src: str, to_src: str) -> str:
        """A link from one generated page to another that works on any host and from file://."""
        base = self.folder_of(from_src)
        target = self.path_of(to_src)
        link = relative_path(target.rstrip("/") or ".", base or ".")
        return link + "/" if target.endswith("/") or not target else link

    def relative_file(self, from_src: str, path: str) -> str:
        """A link from a generated page to a file at ``path`` from the site root ('praktijken.json')."""
        return relative_path(path, self.folder_of(from_src) or ".")

    def folder_of(self, src_uri: str) -> str:
        """The folder a browser resolves relative links against on the page of ``src_uri``."""
        here = self.path_of(src_uri)
        return here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)

    def absolute(self, path: str) -> str | None:
        """A site path ('praktijken/x/', 'feed.xml') as a full address, when the site's address is known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")

    def absolute_page(self, src_uri: str) -> str | None:
        return self.absolute(self.path_of(src_uri))


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath`` for paths inside the site, without asking the file system.

    A build computes tens of thousands of links; ``posixpath.relpath`` makes both paths
    absolute against the working directory each time (bench/profile_build.py).
    """
    to = [part for part in path.split("/") if part not in ("", ".")]
    here = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    for mine, theirs in zip(to, here):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."
