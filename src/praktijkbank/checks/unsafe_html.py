"""Refusing contributed content that could run script or reach other hosts.

Cards come from outside through pull requests; Markdown passes raw HTML
through to the page. We do not sanitise (that would change what the
contributor wrote without telling them): we refuse, with the line and a fix.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_FLAGS = re.IGNORECASE | re.DOTALL


@dataclass(frozen=True)
class UnsafeMatch:
    offset: int
    message: str
    allowed: str


_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form)\b", _FLAGS),
     "HTML-element <{0}> is niet toegestaan",
     "gebruik gewone Markdown; scripts, ingesloten pagina's en stijlen kunnen niet in een kaart"),
    (re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=", _FLAGS),
     "HTML-attribuut '{0}' (een script bij een gebeurtenis) is niet toegestaan",
     "haal het attribuut weg"),
    (re.compile(r"\b(javascript|vbscript|livescript)\s*:", _FLAGS),
     "'{0}:'-links zijn niet toegestaan",
     "alleen links met https://, http:// of mailto: naar een organisatie"),
    (re.compile(r"(?:\]\(\s*<?|(?:href|src|action|xlink:href)\s*=\s*[\"']?\s*)(data)\s*:", _FLAGS),
     "'{0}:'-adressen zijn niet toegestaan",
     "link naar een gewone webpagina"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?\s*(https?:)?//", _FLAGS),
     "afbeeldingen van een andere website zijn niet toegestaan: de lezer zou die website dan bezoeken",
     "laat de afbeelding weg of zet haar in docs/assets"),
    (re.compile(r"<\s*img\b[^>]*\bsrc\s*=\s*[\"']?\s*(https?:)?//", _FLAGS),
     "afbeeldingen van een andere website zijn niet toegestaan: de lezer zou die website dan bezoeken",
     "laat de afbeelding weg of zet haar in docs/assets"),
)

# Invisible characters that browsers ignore inside 'java\tscript:'.
_INVISIBLE = re.compile(r"[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\u200b-\u200d\ufeff]")


def _normalise(text: str) -> str:
    """Decode entities (``&#106;avascript:``) and drop characters browsers skip, keeping offsets close."""
    return _INVISIBLE.sub("", html.unescape(text))


# Every rule needs one of: a '<'; '![' (perhaps with invisible characters between); or a ':'
# after 'javascript', 'vbscript', 'livescript' or 'data', perhaps with white space or invisible
# characters between. An entity such as '&lt;' or '&#58;' can make any of these, so a text with
# a '&' is also looked at as the browser decodes it. Most texts of a card, web addresses
# ('https:') and Dutch prose with a colon ('Resultaat: …') too, have none and are done at once.
_IMAGE = re.compile("!" + _INVISIBLE.pattern + r"*\[")
_BEFORE_COLON = re.compile(r"[tTaA\s" + _INVISIBLE.pattern[1:-1] + "]")  # tTaA: what (?i)[ta] matches
_SCHEME_END = re.compile(r"(?:script|data)\s*$", _FLAGS)  # the rules' words, folded as the rules fold them
_SCHEME_WINDOW = 64  # characters before a colon that are looked at; a longer run of white space counts as a match


def _scheme_before(text: str, colon: int) -> bool:
    """Whether the colon at ``colon`` may end 'javascript:', 'data:' and the like (never a false 'no')."""
    if not _BEFORE_COLON.match(text, colon - 1):  # the letter before must be a 't' or an 'a'
        return False
    start = max(0, colon - _SCHEME_WINDOW)
    before = _INVISIBLE.sub("", text[start:colon])
    if start and len(before.rstrip()) < len("script"):
        return True  # mostly white space in the window: the word may begin before it
    return _SCHEME_END.search(before) is not None


class _QuickLook:
    """``search(text)`` is None where no rule can match ``text``, as a pattern's search would be.

    Half the check at 1,000 cards (bench/README.md, C6).
    """

    def search(self, text: str) -> bool | None:
        if self._may_match(text) or ("&" in text and self._may_match(html.unescape(text))):
            return True
        return None

    @staticmethod
    def _may_match(text: str) -> bool:
        if "<" in text or ("!" in text and _IMAGE.search(text)):
            return True
        colon = text.find(":", 1)
        while colon != -1:  # a few in a card: a loop over them beats a pattern over every character
            if _scheme_before(text, colon):
                return True
            colon = text.find(":", colon + 1)
        return False


_MAYBE_UNSAFE = _QuickLook()  # tests put a pattern that matches everything in its place


def may_be_unsafe(text: str) -> bool:
    """False when no rule can match ``text``: a quick test before ``find_unsafe``."""
    return _MAYBE_UNSAFE.search(text) is not None


def find_unsafe(text: str) -> list[UnsafeMatch]:
    """Every place in ``text`` that could run script or load from another host."""
    if not may_be_unsafe(text):
        return []
    found: list[UnsafeMatch] = []
    for candidate in {text, _normalise(text)}:
        for pattern, message, allowed in _RULES:
            for match in pattern.finditer(candidate):
                name = match.group(1) if match.groups() and match.group(1) else ""
                offset = _map_offset(text, candidate, match.start())
                found.append(UnsafeMatch(offset, message.format(name.lower()), allowed))
    # The raw and the decoded text often find the same thing: report it once per line.
    unique: dict[tuple[int, str], UnsafeMatch] = {}
    for match in sorted(found, key=lambda m: m.offset):
        unique.setdefault((text.count("\n", 0, match.offset), match.message), match)
    return list(unique.values())


def _map_offset(original: str, candidate: str, offset: int) -> int:
    if candidate is original:
        return offset
    # Entities make the normalised text shorter; map back by matching line numbers.
    line = candidate.count("\n", 0, offset)
    position = 0
    for _ in range(line):
        position = original.index("\n", position) + 1
    return position
