"""Build the site for offline use, by running MkDocs as its own process.

The core does not import MkDocs (see DESIGN.md), so the export does what a
person would do: run ``python -m mkdocs build --strict`` with a config file. A
separate process is also the honest test: the same strict build CI runs, the
same hook, no state shared with the export command.

The config is a small file that inherits the project's mkdocs.yml (MkDocs'
``INHERIT``) and changes only what an offline copy needs. It is written next to
mkdocs.yml, as a hidden file removed afterwards, because MkDocs resolves every
relative path (docs/, hooks/, overrides/) from the folder of the config file.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from .edition import SETTING_KEY, OfflineEdition
from .worker_shim import SITE_SHIM

CONFIG_FILE = "mkdocs.yml"
TIMEOUT_SECONDS = 3600


class BuildFailed(Exception):
    """MkDocs stopped; ``output`` is what it said."""

    def __init__(self, output: str) -> None:
        super().__init__(output)
        self.output = output


def offline_config(edition: OfflineEdition) -> dict:
    """What differs from mkdocs.yml in an offline build."""
    return {
        "INHERIT": CONFIG_FILE,
        # Pages as files (praktijken/x.html): a folder address means nothing on a USB stick.
        "use_directory_urls": False,
        # No public address in the pages themselves: canonical links, feeds and calendar
        # files would otherwise point at addresses (…/x.html) the live site does not have.
        "site_url": None,
        "extra": {
            # In every page's head, before Material's script starts the search worker.
            "polyfills": [SITE_SHIM],
            SETTING_KEY: edition.to_setting(),
        },
    }


def build_environment(edition: OfflineEdition) -> dict[str, str]:
    epoch = int(dt.datetime.combine(edition.date, dt.time(), dt.timezone.utc).timestamp())
    return dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        # MkDocs dates the sitemap and its gzip header from this; we date everything from the content.
        SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH") or str(epoch),
        # "Today" for the build (what is upcoming): the content's date, so the bundle does not
        # change from one day to the next; in the browser, webinars.js checks against the clock.
        PRAKTIJKBANK_TODAY=os.environ.get("PRAKTIJKBANK_TODAY") or edition.date.isoformat(),
        # The same order of sets and dicts in every run.
        PYTHONHASHSEED="0",
    )


def build_offline_site(project_root: Path, edition: OfflineEdition, site_dir: Path) -> None:
    """Build the site of ``edition`` into ``site_dir``; ``BuildFailed`` when MkDocs stops."""
    handle, name = tempfile.mkstemp(prefix=".praktijkbank-export-", suffix=".yml", dir=project_root)
    config = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write("# Temporary: made by `praktijkbank export`, removed when it is done.\n")
            yaml.safe_dump(offline_config(edition), stream, allow_unicode=True, sort_keys=False)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict",
                   "--config-file", str(config), "--site-dir", str(site_dir)]
        result = subprocess.run(command, cwd=project_root, env=build_environment(edition),
                                capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    finally:
        config.unlink(missing_ok=True)
    if result.returncode != 0:
        raise BuildFailed((result.stdout + result.stderr).strip())
