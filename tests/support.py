"""Shared helpers for the tests: a valid card to mutate, project copies and builds."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 12, 5)  # a fixed "today", so date checks do not change with the calendar
CHROMIUM = os.environ.get("PRAKTIJKBANK_CHROMIUM", "/usr/bin/chromium")
# The two screens every page a visitor sees is tested at: a laptop, and a phone held upright.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "telefoon": {"width": 375, "height": 812}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

# Everything a build needs; site/, .venv/ and the like stay behind.
PROJECT_PARTS = ("mkdocs.yml", "taxonomy.yml", "practices", "webinars", "docs", "hooks", "overrides", "src")

VALID_CARD = """\
---
title: Voorbeeldpraktijk
summary: Een korte samenvatting van een voorbeeldpraktijk.
place:
  scope: wijk
  municipality: Oss
  neighbourhood: Ruwaard
  province: noord-brabant
themes: [wijkaanpak]
target_groups: [wijkbewoners]
partners:
  - name: Gemeente Oss
    role: gemeente
started: 2016
status: lopend
evidence: zelf-gerapporteerd
sources:
  - title: Over de praktijk
    url: https://example.org/over
    publisher: Voorbeeld
    date: 2022-02-09
contact:
  organisation: Voorbeeld
  url: https://example.org
keywords: [voorbeeld]
last_reviewed: 2026-11-01
---

## In het kort

Tekst.

## Aanpak

Tekst.

## Wie werken samen

Tekst.

## Resultaten

Tekst.

## Lessen

Tekst.
"""


def line_of(text: str, fragment: str) -> int:
    """The 1-based line on which ``fragment`` first occurs in ``text``."""
    index = text.index(fragment)
    return text.count("\n", 0, index) + 1


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def mkdocs_build(project: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build` of ``project`` into ``project/site``, in this process (as mkdocstrings' tests
    do): what the command would print goes to ``stderr``, its exit status to ``returncode``."""
    import contextlib
    import io
    import logging

    from mkdocs.exceptions import Abort

    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level, logger.level = logger.level, logging.INFO
    logger.addHandler(handler)
    returncode = 0
    try:
        with contextlib.chdir(project):
            build_in_process(project, strict=strict)
    except Abort as abort:
        output.write(f"\n{abort}\n")
        returncode = 1
    finally:
        logger.removeHandler(handler)
        logger.level = level
    return subprocess.CompletedProcess(["mkdocs", "build"], returncode, "", output.getvalue())


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``praktijkbank ARGS`` in this process, in ``cwd``: its exit code, output and errors.

    In-process because starting Python for each of some sixty commands took half of the
    fast lane; the process itself (``python -m praktijkbank.cli``) is tested by
    ``run_cli_process``, which takes the same arguments.
    """
    from praktijkbank.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as stop:  # argparse's usage errors and --help; sys.exit(message)
                if isinstance(stop.code, str):
                    print(stop.code, file=sys.stderr)
                code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["praktijkbank", *args], code, out.getvalue(), err.getvalue())


def run_cli_process(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``python -m praktijkbank.cli ARGS`` as its own process."""
    command = [sys.executable, "-m", "praktijkbank.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def build_in_process(project: Path, strict: bool = True, site_dir: Path | None = None):
    """A `mkdocs build` in this process (as mkdocstrings' tests do); returns the loaded config.

    MkDocs raises ``SystemExit``'s subclass ``mkdocs.exceptions.Abort`` when the build stops.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), strict=strict,
                         site_dir=str(site_dir or project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config
