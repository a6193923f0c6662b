"""Fixtures: the taxonomy, a built copy of the real site, a local server and real Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from praktijkbank.content.taxonomy import load_taxonomy
from support import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project, mkdocs_build


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(ROOT / "taxonomy.yml")


@pytest.fixture(scope="session")
def real_practices(taxonomy):
    """The project's own cards, loaded as the build loads them; none may be invalid."""
    from praktijkbank.content.cards import load_practices
    from praktijkbank.content.project import Project
    from support import TODAY

    result = load_practices(Project(ROOT).practice_files(), taxonomy, TODAY, root=ROOT)
    assert not result.errors, [p.text() for p in result.errors]
    return result.practices


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once with `mkdocs build --strict` in a temporary folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def serve_folder():
    """Serve any folder on loopback only: ``serve_folder(path)`` returns its base address."""
    servers = []

    def serve(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site, serve_folder):
    """Serve the built site on loopback only; yields its base address."""
    return serve_folder(built_site)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright. Missing Chromium fails loudly: browser tests never skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium niet gevonden op {CHROMIUM}. Installeer het met 'apt-get install chromium' "
            "of zet PRAKTIJKBANK_CHROMIUM op het pad van een Chromium-browser."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class RequestLog:
    """Every request a page makes, to prove that nothing leaves the site."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self, allowed_prefix: str) -> list[str]:
        return [u for u in self.urls if not (u.startswith(allowed_prefix) or u.startswith(("data:", "blob:", "about:")))]


@pytest.fixture
def browser_page(chromium):
    """A fresh page and the log of every request it makes (frames and workers included)."""
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    requests = RequestLog()
    context.on("request", requests.record)
    page = context.new_page()
    yield page, requests
    context.close()
