"""Cards that look like the same practice: a similar name in the same place.

A warning, not an error: two projects in one town may have similar names. When
they really are different, naming each other under ``related`` says so, and the
warning goes away. Cards are only compared within a place, so a check of
thousands of cards does not compare every pair.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..content.models import Practice
from ..content.text_folding import strip_accents

# Small words that make names look alike without saying anything.
_STOPWORDS = frozenset("de het een in van en voor op met te aan bij der den".split())
_NATIONAL = "\x00landelijk"  # a place key no municipality can have
_TYPO_MIN_LENGTH = 5
_TYPO_RATIO = 0.8
_WORD = re.compile(r"[a-z0-9]+")


# Caches, bounds before difflib, each pair once: 41 % of the check at 1,000 cards (bench/README.md, C8).
@lru_cache(maxsize=1 << 14)  # place names and keywords come back on many cards
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(strip_accents(text).casefold()) if w not in _STOPWORDS)


@dataclass(frozen=True)
class _Names:
    """What the comparison needs of one card, worked out once (a check compares many pairs)."""

    practice: Practice
    title: tuple[str, ...]
    keywords: frozenset[tuple[str, ...]]
    place_words: frozenset[str]
    place_keys: frozenset[str]
    title_words: frozenset[str]
    slug: str
    related: frozenset[str]

    @classmethod
    def of(cls, practice: Practice) -> "_Names":
        place = practice.place
        parts = (place.municipality, place.neighbourhood, *place.also_in)
        keys = {_NATIONAL} if place.is_national else \
            {" ".join(_words(m)) for m in (place.municipality, *place.also_in) if m}
        title = tuple(_words(practice.title))
        return cls(
            practice=practice,
            title=title,
            keywords=frozenset(words for words in (tuple(_words(k)) for k in practice.keywords) if words),
            place_words=frozenset(w for part in parts if part for w in _words(part)),
            place_keys=frozenset(keys),
            title_words=frozenset(title),
            slug=practice.slug,
            related=frozenset(practice.related),
        )


@lru_cache(maxsize=None)
def _letters(word: str) -> dict[str, int]:
    return dict(Counter(word))


@lru_cache(maxsize=1 << 16)
def _same_word(a: str, b: str) -> bool:
    """Equal, or a typo of each other ('ruwaart', 'ruwaard'); short words must be equal."""
    if a == b:
        return True
    shorter, longer = (len(a), len(b)) if len(a) <= len(b) else (len(b), len(a))
    if shorter < _TYPO_MIN_LENGTH or 2 * shorter / (shorter + longer) < _TYPO_RATIO:
        return False  # the lengths alone keep the ratio below the bar
    theirs, shared = _letters(b), 0
    for letter, count in _letters(a).items():  # how many letters they share, counted with repeats
        if letter in theirs:
            other = theirs[letter]
            shared += count if count <= other else other
    if 2 * shared / (shorter + longer) < _TYPO_RATIO:
        return False  # so do the letters they share (an upper bound of the ratio, cheaply)
    return difflib.SequenceMatcher(None, a, b).ratio() >= _TYPO_RATIO


def _alike(mine: frozenset[str], theirs: frozenset[str], place_words: frozenset[str]) -> bool:
    core_mine = mine - place_words or mine
    core_theirs = theirs - place_words or theirs
    if not core_mine or not core_theirs:
        return False
    fewer, more = (core_mine, core_theirs) if len(core_mine) <= len(core_theirs) else (core_theirs, core_mine)
    return all(any(_same_word(word, other) for other in more) for word in fewer - more)


def names_alike(name: str, other: str, place_words: frozenset[str] = frozenset()) -> bool:
    """'Proeftuin Ruwaard' and 'Proeftuin Ruwaart Oss' are alike: the words of one name are all
    in the other (typos forgiven), place names aside. 'Kaart A' and 'Kaart Z' are not: a
    distinguishing word differs.
    """
    return _alike(frozenset(_words(name)), frozenset(_words(other)), place_words)


def _looks_like(a: _Names, b: _Names) -> bool:
    if b.slug in a.related or a.slug in b.related:
        return False  # known to be different practices
    # Another name of the other practice: 'Majella Wonen' is a keyword of 'Gemengd Wonen'.
    if a.title in b.keywords or b.title in a.keywords:
        return True
    return _alike(a.title_words, b.title_words, a.place_words | b.place_words)


def lookalike_pairs(checked: Sequence[Practice], others: Sequence[Practice] = ()) -> Iterator[tuple[Practice, Practice]]:
    """(card, the existing card it looks like) for every card in ``checked``.

    ``others`` are valid cards that are not being checked themselves (checking
    one new card still compares it with all the others).
    """
    names = {p.slug: _Names.of(p) for p in (*others, *checked)}
    by_place: dict[str, list[_Names]] = defaultdict(list)
    for card in names.values():
        for key in card.place_keys:
            by_place[key].append(card)
    decided: dict[tuple[str, str], bool] = {}  # the test is symmetric: each pair once
    for practice in checked:
        card = names[practice.slug]
        candidates = {o.practice.slug: o for key in card.place_keys for o in by_place[key]}
        candidates.pop(practice.slug, None)
        for slug in sorted(candidates):
            pair = (min(slug, practice.slug), max(slug, practice.slug))
            if pair not in decided:
                decided[pair] = _looks_like(card, candidates[slug])
            if decided[pair]:
                yield practice, candidates[slug].practice


def lookalike_message(other: Practice) -> tuple[str, str]:
    """(message, what to do) for a warning on the card that looks like ``other``."""
    return (
        f"lijkt op de bestaande kaart {other.source_path} ('{other.title}', {other.place.label()})",
        f"is het dezelfde praktijk, werk dan die kaart bij; is het een andere, "
        f"noem hem dan onder related: [{other.slug}]",
    )
