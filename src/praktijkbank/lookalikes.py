"""Cards that look like the same practice: a similar name in the same place.

A warning, not an error: two projects in one town may have similar names. When
they really are different, naming each other under ``related`` says so, and the
warning goes away. Cards are only compared within a place, so a check of
thousands of cards does not compare every pair.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence

from .models import Practice

# Small words that make names look alike without saying anything.
_STOPWORDS = frozenset("de het een in van en voor op met te aan bij der den".split())
_NATIONAL = "\x00landelijk"  # a place key no municipality can have
_TYPO_MIN_LENGTH = 5
_TYPO_RATIO = 0.8


def _words(text: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w for w in re.findall(r"[a-z0-9]+", plain.casefold()) if w not in _STOPWORDS]


def place_keys(practice: Practice) -> set[str]:
    place = practice.place
    if place.is_national:
        return {_NATIONAL}
    return {" ".join(_words(m)) for m in (place.municipality, *place.also_in) if m}


def _place_words(practice: Practice) -> set[str]:
    place = practice.place
    return {w for part in (place.municipality, place.neighbourhood, *place.also_in) if part for w in _words(part)}


def _same_word(a: str, b: str) -> bool:
    """Equal, or a typo of each other ('ruwaart', 'ruwaard'); short words must be equal."""
    if a == b:
        return True
    return min(len(a), len(b)) >= _TYPO_MIN_LENGTH and difflib.SequenceMatcher(None, a, b).ratio() >= _TYPO_RATIO


def names_alike(name: str, other: str, place_words: frozenset[str] = frozenset()) -> bool:
    """'Proeftuin Ruwaard' and 'Proeftuin Ruwaart Oss' are alike: the words of one name are all
    in the other (typos forgiven), place names aside. 'Kaart A' and 'Kaart Z' are not: a
    distinguishing word differs.
    """
    mine, theirs = _words(name), _words(other)
    core_mine = [w for w in mine if w not in place_words] or mine
    core_theirs = [w for w in theirs if w not in place_words] or theirs
    if not core_mine or not core_theirs:
        return False
    fewer, more = sorted((set(core_mine), set(core_theirs)), key=len)
    return all(any(_same_word(word, candidate) for candidate in more) for word in fewer)


def _looks_like(practice: Practice, other: Practice) -> bool:
    if other.slug in practice.related or practice.slug in other.related:
        return False  # known to be different practices
    ignore = frozenset(_place_words(practice) | _place_words(other))
    if names_alike(practice.title, other.title, ignore):
        return True
    # Another name of the existing practice: 'Majella Wonen' is a keyword of 'Gemengd Wonen'.
    title = _words(practice.title)
    return any(title == _words(keyword) for keyword in other.keywords)


def lookalike_pairs(checked: Sequence[Practice], others: Sequence[Practice] = ()) -> Iterator[tuple[Practice, Practice]]:
    """(card, the existing card it looks like) for every card in ``checked``.

    ``others`` are valid cards that are not being checked themselves (checking
    one new card still compares it with all the others).
    """
    by_place: dict[str, list[Practice]] = defaultdict(list)
    seen: set[str] = set()
    for practice in (*checked, *others):
        if practice.slug not in seen:
            seen.add(practice.slug)
            for key in place_keys(practice):
                by_place[key].append(practice)
    for practice in checked:
        candidates = {o.slug: o for key in place_keys(practice) for o in by_place[key] if o.slug != practice.slug}
        for other in sorted(candidates.values(), key=lambda o: o.slug):
            if _looks_like(practice, other) or _looks_like(other, practice):
                yield practice, other


def lookalike_message(other: Practice) -> tuple[str, str]:
    """(message, what to do) for a warning on the card that looks like ``other``."""
    return (
        f"lijkt op de bestaande kaart {other.source_path} ('{other.title}', {other.place.label()})",
        f"is het dezelfde praktijk, werk dan die kaart bij; is het een andere, "
        f"noem hem dan onder related: [{other.slug}]",
    )
