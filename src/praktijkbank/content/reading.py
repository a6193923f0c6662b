"""Reading a content file: bytes to text, front matter split from body, lines kept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.nesting import check_nesting
from ..checks.problems import ProblemLog
from .yaml_tree import REFUSED, FieldPath, load_yaml_tree

# A card is a page of text; anything this large is a mistake (a pasted PDF, an image).
MAX_FILE_BYTES = 200 * 1024
FENCE = "---"
_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


@dataclass
class Document:
    """A file split into its front matter (as plain values) and its Markdown body."""

    path: str  # as shown to people, relative to the project where possible
    data: dict[str, Any]
    lines: dict[FieldPath, int]
    body: str
    body_first_line: int  # file line on which the body starts
    front_matter_line: int = 1  # the opening '---'
    closing_line: int = 1  # the closing '---'
    extra: dict[str, Any] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int:
        """The line of a field, or of the nearest enclosing field that exists."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.front_matter_line


def decode(raw: bytes, log: ProblemLog) -> str | None:
    """UTF-8 text with Windows line endings and a byte order mark accepted."""
    if len(raw) > MAX_FILE_BYTES:
        log.add(
            1,
            "bestand",
            f"het bestand is te groot ({len(raw) // 1024} kB)",
            f"hoogstens {MAX_FILE_BYTES // 1024} kB; zet bijlagen niet in de kaart",
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        log.add(
            line,
            "bestand",
            f"het bestand is geen UTF-8 (onleesbaar teken op positie {exc.start})",
            "sla het bestand op als UTF-8",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        log.add(1, "bestand", "het bestand is leeg", "een kaart begint met een kop tussen '---'-regels")
        return None
    if "\x00" in text:
        log.add(text[: text.index("\x00")].count("\n") + 1, "bestand", "het bestand bevat een nul-teken; is het wel tekst?")
        return None
    return text


def split_front_matter(text: str, log: ProblemLog) -> tuple[str, int, str, int] | None:
    """(front matter text, its first line, body, body's first line), or None with a problem."""
    first_break = text.find("\n")
    if (text if first_break == -1 else text[:first_break]).rstrip() != FENCE:
        log.add(
            1,
            "kop",
            "het bestand begint niet met een kop (front matter) tussen twee '---'-regels",
            "de eerste regel moet precies '---' zijn",
        )
        return None
    # The first later line that is '---' or '...' with only spaces after it (what rstrip() takes off).
    closing = _CLOSING_LINE.search(text, first_break + 1) if first_break != -1 else None
    if closing is None:
        log.add(1, "kop", "de kop wordt nergens afgesloten", "zet een regel '---' onder de laatste veldregel")
        return None
    front = text[first_break + 1 : closing.start() - 1]  # without the line break before the closing line
    body = text[closing.end() + 1 :]
    return front, 2, body, text.count("\n", 0, closing.start()) + 2


def read_document(path: Path, display: str, log: ProblemLog) -> Document | None:
    """Read one content file; None (with problems in ``log``) when nothing usable is in it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        log.add(1, "bestand", f"kan het bestand niet lezen ({exc.strerror})")
        return None
    text = decode(raw, log)
    if text is None:
        return None
    return parse_document(text, display, log)


def parse_document(text: str, display: str, log: ProblemLog) -> Document | None:
    parts = split_front_matter(text, log)
    if parts is None:
        return None
    front, front_first_line, body, body_first_line = parts
    check_nesting(body, body_first_line, "tekst", log)  # before anything renders the body
    data, lines, ok = load_yaml_tree(front, front_first_line, log)
    if not ok or data is REFUSED:  # REFUSED: a custom tag on the whole front matter, already reported
        return None
    if data is None:
        log.add(1, "kop", "de kop is leeg", "zet de velden van de kaart tussen de '---'-regels")
        return None
    if not isinstance(data, dict):
        log.add(
            front_first_line,
            "kop",
            "de kop moet bestaan uit velden ('naam: waarde'), niet uit een losse tekst of lijst",
        )
        return None
    return Document(
        path=display,
        data=data,
        lines=lines,
        body=body,
        body_first_line=body_first_line,
        closing_line=body_first_line - 1,
    )
