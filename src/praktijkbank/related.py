"""Related cards: the ones a contributor named first, then the most alike.

Likeness counts what two cards share: each theme weighs 3, each target group 2,
each partner role 1, the same province 1. Comparing every card with every other
costs the square of the number of cards; ``RelatedIndex`` instead adds up, for
one card, the lists of cards that share each of its features, so only cards that
share something are touched, and the counting runs inside ``Counter``.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable

from .models import Practice

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


class RelatedIndex:
    """The related cards of any card among ``practices``; build once per set of cards."""

    def __init__(self, practices: Iterable[Practice]) -> None:
        self.by_slug = {p.slug: p for p in practices}
        # Equal likeness: alphabetical by title, then in the order the cards came.
        ordered = sorted(self.by_slug.values(), key=lambda p: p.title.casefold())
        self._rank = {p.slug: rank for rank, p in enumerate(ordered)}
        # Each feature's cards, repeated by its weight, so Counter.update adds the weight.
        self._sharing: dict[tuple[str, str], list[str]] = defaultdict(list)
        for practice in ordered:
            for feature, weight in _features(practice):
                self._sharing[feature].extend([practice.slug] * weight)

    def related(self, practice: Practice, limit: int = MAX_RELATED) -> list[Practice]:
        chosen = [self.by_slug[s] for s in practice.related if s in self.by_slug and s != practice.slug]
        wanted = limit - len(chosen)
        if wanted <= 0:
            return chosen[:limit]
        scores: Counter[str] = Counter()
        for feature, _ in _features(practice):
            scores.update(self._sharing.get(feature, ()))
        skip = {practice.slug} | {p.slug for p in chosen}
        # The wanted cards are among the best len(skip) + wanted scores; only those are sorted.
        best = heapq.nlargest(wanted + len(skip), scores.values())
        floor = best[-1] if best else 1
        candidates = sorted(
            (-score, self._rank[slug], slug) for slug, score in scores.items() if score >= floor and slug not in skip
        )
        chosen.extend(self.by_slug[slug] for _, _, slug in candidates[:wanted])
        return chosen


def related_practices(practice: Practice, by_slug: dict[str, Practice], limit: int = MAX_RELATED) -> list[Practice]:
    """The related cards of one card; for many cards, build one ``RelatedIndex`` instead."""
    return RelatedIndex(by_slug.values()).related(practice, limit)
