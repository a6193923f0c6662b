"""Related cards: the ones a contributor named first, then the most alike."""

from __future__ import annotations

from .models import Practice

MAX_RELATED = 4


def _likeness(a: Practice, b: Practice) -> int:
    """Shared themes weigh most, then target groups, then partner roles and province."""
    score = 3 * len(set(a.themes) & set(b.themes))
    score += 2 * len(set(a.target_groups) & set(b.target_groups))
    score += len(set(a.partner_roles) & set(b.partner_roles))
    if a.province and a.province == b.province:
        score += 1
    return score


def related_practices(practice: Practice, by_slug: dict[str, Practice], limit: int = MAX_RELATED) -> list[Practice]:
    chosen = [by_slug[s] for s in practice.related if s in by_slug and s != practice.slug]
    named = {p.slug for p in chosen}
    candidates = [
        (score, other.title.casefold(), other)
        for other in by_slug.values()
        if other.slug != practice.slug and other.slug not in named
        and (score := _likeness(practice, other)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1]))
    chosen.extend(other for _, _, other in candidates)
    return chosen[:limit]
