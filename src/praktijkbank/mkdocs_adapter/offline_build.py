"""Build the site for offline use, by running MkDocs as its own process.

The export does what a person would do: run ``python -m mkdocs build --strict`` with a
config file. A separate process is the honest test: the same strict build CI runs, no
state shared with the export command. This module imports no MkDocs, so the export
command (core) may call it; it lives here because it knows MkDocs' configuration.

The config is a small file that inherits the project's mkdocs.yml (MkDocs'
``INHERIT``) and changes only what an offline copy needs, the plugin's ``offline``
setting among them. It is written next to mkdocs.yml, as a hidden file removed
afterwards, because MkDocs resolves every relative path (docs/, hooks/, overrides/)
from the folder of the config file.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from ..offline.edition import OfflineEdition
from ..offline.worker_shim import SITE_SHIM

CONFIG_FILE = "mkdocs.yml"
TIMEOUT_SECONDS = 3600


class BuildFailed(Exception):
    """MkDocs stopped; ``output`` is what it said."""

    def __init__(self, output: str) -> None:
        super().__init__(output)
        self.output = output


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml's plugin list: MkDocs' own tags (!ENV, !relative) as their plain values."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else
    loader.construct_mapping(node) if isinstance(node, yaml.MappingNode) else loader.construct_scalar(node)))


def offline_plugins(plugins: list, edition: OfflineEdition) -> list:
    """mkdocs.yml's plugins, with the edition as the ``offline`` setting of the plugin praktijkbank
    (MkDocs' INHERIT replaces a list as a whole, so the list is written out again)."""
    out = []
    for entry in plugins:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name == "praktijkbank":
            options = {} if isinstance(entry, str) else dict(entry[name] or {})
            entry = {name: {**options, "offline": edition.to_setting()}}
        out.append(entry)
    return out


def offline_config(edition: OfflineEdition, project_root: Path) -> dict:
    """What differs from mkdocs.yml in an offline build."""
    with open(project_root / CONFIG_FILE, encoding="utf-8") as stream:
        plugins = (yaml.load(stream, Loader=_AnyTag) or {}).get("plugins", [])
    return {
        "INHERIT": CONFIG_FILE,
        # Pages as files (praktijken/x.html): a folder address means nothing on a USB stick.
        "use_directory_urls": False,
        # No public address in the pages themselves: canonical links, feeds and calendar
        # files would otherwise point at addresses (…/x.html) the live site does not have.
        "site_url": None,
        # In every page's head, before Material's script starts the search worker.
        "extra": {"polyfills": [SITE_SHIM]},
        "plugins": offline_plugins(plugins, edition),
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
            yaml.safe_dump(offline_config(edition, project_root), stream, allow_unicode=True, sort_keys=False)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict",
                   "--config-file", str(config), "--site-dir", str(site_dir)]
        result = subprocess.run(command, cwd=project_root, env=build_environment(edition),
                                capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    finally:
        config.unlink(missing_ok=True)
    if result.returncode != 0:
        raise BuildFailed((result.stdout + result.stderr).strip())
