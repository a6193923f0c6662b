"""Slugs: the kebab-case file names of cards, made from a practice's name."""

from __future__ import annotations

import re

from .text_folding import strip_accents


def slugify(name: str) -> str:
    """'Gemengd Wonen: Majella Wonen' -> 'gemengd-wonen-majella-wonen'; 'één' -> 'een'."""
    plain = strip_accents(name).replace("&", " en ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "praktijk"
