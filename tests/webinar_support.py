"""Webinar files for the tests: a valid one to mutate, and a project copy with extra webinars."""

from __future__ import annotations

from pathlib import Path

from support import copy_project

VALID_WEBINAR = """\
---
title: Voorbeeldwebinar
start: 2022-03-22T14:30
end: 2022-03-22T15:30
organisers: [Divosa, Valente]
practices: [gemengd-wonen-majella-wonen]
description: Een korte beschrijving van een voorbeeldwebinar.
registration: https://example.org/aanmelden
sources:
  - title: Over het webinar
    url: https://example.org/webinar
    publisher: Voorbeeld
    date: 2022-02-09
last_reviewed: 2026-11-01
---
"""

# The real cards a webinar may point to.
CARD_SLUGS = {"gemengd-wonen-majella-wonen", "proeftuin-ruwaard", "sunny-selwerd", "droomwijk-de-posten"}


def webinar(title: str, start: str, end: str | None, practice: str = "proeftuin-ruwaard",
            registration: str | None = None) -> str:
    """A valid webinar file; ``end=None`` writes one whose time is unknown (only the date)."""
    times = f"start: {start}\nend: {end}\n" if end else f"start: {start}\ntime_known: false\n"
    extra = f"registration: {registration}\n" if registration else ""
    return (
        f"---\ntitle: {title}\n{times}practices: [{practice}]\n"
        f"description: Beschrijving van {title}.\n{extra}"
        "sources:\n  - title: Bron\n    url: https://example.org/bron\n    publisher: Voorbeeld\n"
        "last_reviewed: 2026-11-01\n---\n"
    )


def project_with_webinars(dest: Path, files: dict[str, str]) -> Path:
    """A copy of the real project with extra files in webinars/ (name -> text)."""
    project = copy_project(dest)
    for name, text in files.items():
        (project / "webinars" / name).write_text(text, encoding="utf-8")
    return project
