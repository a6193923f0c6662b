"""Checks of a card's Markdown body: the fixed headings and safe content."""

from __future__ import annotations

import re

from .unsafe_html import find_unsafe
from .problems import ProblemLog
from .did_you_mean import closest

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def headings(body: str, first_line: int) -> list[tuple[int, int, str]]:
    """(level, file line, text) of every ATX heading outside code blocks."""
    found = []
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if match:
            found.append((len(match.group(1)), first_line + offset, match.group(2).strip()))
    return found


def check_headings(body: str, first_line: int, found: list[tuple[int, int, str]], required: tuple[str, ...],
                   log: ProblemLog) -> None:
    """Every required level-2 heading present and in order; no level-1 heading. ``found``: the body's
    ``headings``, read once by the caller."""
    for level, line, text in found:
        if level == 1:
            log.add(line, "tekst", f"kop van niveau 1 ('# {text}') is niet toegestaan",
                    "de titel komt uit het veld title; begin koppen met '## '")
    level_two = [(line, text) for level, line, text in found if level == 2]
    texts = [text.lower() for _, text in level_two]
    missing = [h for h in required if h.lower() not in texts]
    for heading in missing:
        near = [(line, text) for line, text in level_two
                if text.lower() not in [h.lower() for h in required]
                and closest(text, [heading])]
        if near:
            log.add(near[0][0], "tekst", f"de verplichte kop '## {heading}' ontbreekt",
                    f"hernoem '## {near[0][1]}' naar '## {heading}'")
        else:
            end_line = first_line + body.count("\n")
            log.add(_missing_heading_line(heading, required, level_two, end_line), "tekst",
                    f"de verplichte kop '## {heading}' ontbreekt",
                    "verplicht, in deze volgorde: " + " · ".join(required))
    if missing:
        return
    previous = -1
    for heading in required:
        position = texts.index(heading.lower())
        if position < previous:
            log.add(level_two[position][0], "tekst",
                    f"de kop '## {level_two[position][1]}' staat niet op zijn vaste plek",
                    "volgorde: " + " · ".join(required))
            return
        previous = position


def _missing_heading_line(heading: str, required: tuple[str, ...], level_two: list[tuple[int, str]],
                          end_line: int) -> int:
    """Where a missing heading belongs: at the next required heading that is there, else the last one."""
    present = {text.lower(): line for line, text in reversed(level_two)}
    for later in required[required.index(heading) + 1:]:
        if later.lower() in present:
            return present[later.lower()]
    return level_two[-1][0] if level_two else end_line


def check_safe_html(text: str, first_line: int, field: str, log: ProblemLog) -> None:
    """Report every construct in ``text`` that could run script or load from another host."""
    for match in find_unsafe(text):
        line = first_line + text.count("\n", 0, match.offset)
        log.add(line, field, match.message, match.allowed)
