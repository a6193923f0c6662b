"""'Bedoelde u …?': the nearest allowed value for a near-miss."""

from __future__ import annotations

import difflib

from ..content.text_folding import strip_accents


def _fold(text: str) -> str:
    """Lower case, no accents, spaces and underscores as dashes: how people mistype keys."""
    return strip_accents(str(text)).strip().lower().replace("_", "-").replace(" ", "-")


def closest(value: object, candidates: dict[str, str] | list[str]) -> str:
    """The candidate key closest to ``value``, or '' when nothing is near.

    ``candidates`` may map keys to labels: a contributor who types the label
    ("Woningcorporatie") is pointed at its key ("woningcorporatie").
    """
    labels = candidates if isinstance(candidates, dict) else {c: c for c in candidates}
    folded_value = _fold(value)
    by_folded: dict[str, str] = {}
    for key, label in labels.items():
        by_folded.setdefault(_fold(key), key)
        by_folded.setdefault(_fold(label), key)
    if folded_value in by_folded:
        return by_folded[folded_value]
    match = difflib.get_close_matches(folded_value, list(by_folded), n=1, cutoff=0.72)
    if match:
        return by_folded[match[0]]
    # A shortened or lengthened word: 'corporatie' for 'woningcorporatie'.
    if len(folded_value) >= 4:
        containing = [k for f, k in by_folded.items() if folded_value in f or f in folded_value]
        if len(set(containing)) == 1:
            return containing[0]
    return ""
