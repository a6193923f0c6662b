"""Slugs: the kebab-case file names of cards, made from a practice's name."""

from __future__ import annotations

import re
import unicodedata


def slugify(name: str) -> str:
    """'Gemengd Wonen: Majella Wonen' -> 'gemengd-wonen-majella-wonen'; 'één' -> 'een'."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_only = ascii_only.replace("&", " en ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-") or "praktijk"
