"""Limits on how a card's Markdown may nest, so that a hostile body cannot stall the build.

Python-Markdown recurses for nested lists, quotes and markdown-in-HTML blocks and
runs out of stack a few hundred levels deep (a RecursionError that stops
`mkdocs build`); with thousands of '[' in one paragraph its link search takes
minutes (10,000 took 73 s). No real card comes near these limits, so a body past
them is refused with a message before anything renders it.

Fenced code is not exempt: the site does not enable fenced code blocks, so text
between ``` lines is still parsed as Markdown.
"""

from __future__ import annotations

import re

from .problems import ProblemLog

MAX_INDENT = 40  # columns: ten list levels of Python-Markdown's four spaces
MAX_QUOTE_DEPTH = 10
MAX_BRACKETS_PER_PARAGRAPH = 200
MAX_MARKDOWN_BLOCKS = 50

_QUOTE_MARKERS = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
_MARKDOWN_BLOCK = re.compile(r"<[A-Za-z][\w-]*\b[^>]*\bmarkdown\b", re.IGNORECASE)


# A line indented past MAX_INDENT starts with at least this many spaces and tabs (a tab is
# at most four columns): where no line does, no line needs measuring.
_MIN_RUN_TOO_INDENTED = MAX_INDENT // 4 + 1
_FIRST_LINE_MAYBE_TOO_INDENTED = re.compile(f"[ \t]{{{_MIN_RUN_TOO_INDENTED}}}")
_LINE_MAYBE_TOO_INDENTED = re.compile(f"\n[ \t]{{{_MIN_RUN_TOO_INDENTED}}}")


def check_nesting(text: str, first_line: int, field: str, log: ProblemLog) -> None:
    """Report (once each) indentation, quotes, brackets or markdown blocks past the limits.

    Each limit is looked for line by line only where the whole text could reach it (enough
    spaces at the start of a line, '>' or '[' in all): a card's body almost never does.
    """
    if _FIRST_LINE_MAYBE_TOO_INDENTED.match(text) or _LINE_MAYBE_TOO_INDENTED.search(text):
        _first(log, field, first_line, text.split("\n"), _too_indented,
               "de tekst springt te ver in", f"hoogstens {MAX_INDENT // 4} niveaus lijsten in elkaar")
    if ">" in text and text.count(">") > MAX_QUOTE_DEPTH:
        _first(log, field, first_line, text.split("\n"), _too_quoted,
               "de tekst heeft te veel citaten in elkaar ('>')", f"hoogstens {MAX_QUOTE_DEPTH} niveaus")
    if "[" in text and text.count("[") > MAX_BRACKETS_PER_PARAGRAPH:
        _too_many_brackets(text.split("\n"), first_line, field, log)
    blocks = list(_MARKDOWN_BLOCK.finditer(text))
    if len(blocks) > MAX_MARKDOWN_BLOCKS:
        offset = blocks[MAX_MARKDOWN_BLOCKS].start()
        log.add(first_line + text.count("\n", 0, offset), field,
                "de tekst heeft te veel HTML-blokken met het attribuut markdown",
                f"hoogstens {MAX_MARKDOWN_BLOCKS}")


def _too_many_brackets(lines: list[str], first_line: int, field: str, log: ProblemLog) -> None:
    paragraph_start, brackets = 0, 0
    for index, line in enumerate(lines):
        if not line.strip():
            paragraph_start, brackets = index + 1, 0
            continue
        brackets += line.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            log.add(first_line + paragraph_start, field, "deze alinea heeft te veel '['-haken",
                    f"hoogstens {MAX_BRACKETS_PER_PARAGRAPH} per alinea; zet een lege regel tussen alinea's")
            return


def _too_indented(line: str) -> bool:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" ")) > MAX_INDENT and bool(expanded.strip())


def _too_quoted(line: str) -> bool:
    match = _QUOTE_MARKERS.match(line)
    return bool(match) and match.group(1).count(">") > MAX_QUOTE_DEPTH


def _first(log: ProblemLog, field: str, first_line: int, lines: list[str], test, message: str, allowed: str) -> None:
    for index, line in enumerate(lines):
        if test(line):
            log.add(first_line + index, field, message, allowed)
            return
