"""Related cards: the ones a contributor named first, then the most alike.

Likeness counts what two cards share: each theme weighs 3, each target group 2,
each partner role 1, the same province 1 (``likeness``). Comparing every card with
every other costs the square of the number of cards, and a build asks it for every
card. ``RelatedIndex`` keeps, per feature, the set of cards that have it as the bits
of one Python int, and adds those sets up as bit-sliced counters: a handful of
operations on big ints per feature, whatever the number of cards (at 1,000 cards
59 % of the build against comparing every pair; bench/README.md, B7).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from .content.models import Practice

MAX_RELATED = 4
THEME_WEIGHT, GROUP_WEIGHT, ROLE_WEIGHT, PROVINCE_WEIGHT = 3, 2, 1, 1


def _features(practice: Practice) -> list[tuple[tuple[str, str], int]]:
    """((kind, value), weight) for everything a card can share with another."""
    features = [(("theme", t), THEME_WEIGHT) for t in set(practice.themes)]
    features += [(("group", g), GROUP_WEIGHT) for g in set(practice.target_groups)]
    features += [(("role", r), ROLE_WEIGHT) for r in set(practice.partner_roles)]
    if practice.province:
        features.append((("province", practice.province), PROVINCE_WEIGHT))
    return features


def likeness(a: Practice, b: Practice) -> int:
    """How alike two cards are: the sum of the weights of what they share."""
    theirs = dict(_features(b))
    return sum(weight for feature, weight in _features(a) if feature in theirs)


def _positions(cards: int) -> Iterator[int]:
    """The positions of the set bits of ``cards``, lowest first."""
    while cards:
        lowest = cards & -cards
        yield lowest.bit_length() - 1
        cards ^= lowest


class _Scores:
    """A score for every card at once: plane ``j`` holds bit ``j`` of every card's score."""

    def __init__(self) -> None:
        self.planes: list[int] = []

    def add(self, cards: int, weight: int) -> None:
        """Add ``weight`` to the score of every card in ``cards`` (a set of positions, as bits)."""
        plane = 0
        while weight:
            if weight & 1:
                self._add_at(cards, plane)
            weight >>= 1
            plane += 1

    def _add_at(self, carry: int, plane: int) -> None:
        while carry:  # binary addition, for all cards side by side
            if plane == len(self.planes):
                self.planes.append(0)
            bits = self.planes[plane]
            self.planes[plane] = bits ^ carry
            carry &= bits
            plane += 1

    def of(self, position: int) -> int:
        return sum(((bits >> position) & 1) << plane for plane, bits in enumerate(self.planes))

    def best(self, candidates: int, count: int) -> list[int]:
        """The positions of the ``count`` highest scores among ``candidates``; equal scores: lowest position."""
        above, tied, needed = 0, candidates, count
        # Work out the count-th highest score bit by bit, from the highest bit down: ``tied``
        # keeps the cards that equal it so far, ``above`` those already known to beat it.
        for bits in reversed(self.planes):
            with_bit = tied & bits
            found = with_bit.bit_count()
            if found >= needed:
                tied = with_bit
            else:
                above |= with_bit
                needed -= found
                tied &= ~bits
        picked = list(_positions(above))
        for position in _positions(tied):
            if len(picked) == count:
                break
            picked.append(position)
        return sorted(picked, key=lambda position: (-self.of(position), position))


class RelatedIndex:
    """The related cards of any card among ``practices``; build once per set of cards."""

    def __init__(self, practices: Iterable[Practice]) -> None:
        self.by_slug = {p.slug: p for p in practices}
        # A card's position is its bit. Equal likeness: alphabetical by title, then as the cards came.
        self._ordered = sorted(self.by_slug.values(), key=lambda p: p.title.casefold())
        self._position = {p.slug: position for position, p in enumerate(self._ordered)}
        positions: dict[tuple[str, str], list[int]] = defaultdict(list)
        for position, practice in enumerate(self._ordered):
            for feature, _ in _features(practice):
                positions[feature].append(position)
        self._cards_with = {feature: sum(1 << p for p in found) for feature, found in positions.items()}

    def related(self, practice: Practice, limit: int = MAX_RELATED) -> list[Practice]:
        chosen = [self.by_slug[s] for s in practice.related if s in self.by_slug and s != practice.slug]
        wanted = limit - len(chosen)
        if wanted <= 0:
            return chosen[:limit]
        scores, sharing = _Scores(), 0
        for feature, weight in _features(practice):
            cards = self._cards_with.get(feature, 0)
            scores.add(cards, weight)
            sharing |= cards  # a card that shares nothing is not related at all
        for other in [practice, *chosen]:
            if other.slug in self._position:
                sharing &= ~(1 << self._position[other.slug])
        chosen.extend(self._ordered[position] for position in scores.best(sharing, wanted))
        return chosen


def related_practices(practice: Practice, by_slug: dict[str, Practice], limit: int = MAX_RELATED) -> list[Practice]:
    """The related cards of one card; for many cards, build one ``RelatedIndex`` instead."""
    return RelatedIndex(by_slug.values()).related(practice, limit)
