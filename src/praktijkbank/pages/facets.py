"""The ways to browse: theme, target group, province, evidence, scope, partner role, status.

Each facet has a page per value (works without JavaScript) and drives one
group of filters on the overview (enhanced with JavaScript).

A card counts in its own province and in the provinces of its "Ook in" towns
(``place.also_in``) that the gazetteer finds: Onder de Pannen, in Amsterdam and
also in Zwolle, Eindhoven, Breda and Utrecht, is a practice in Overijssel too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..geo.places import provinces_of
from ..content.models import Practice
from ..content.taxonomy import Taxonomy


@dataclass(frozen=True)
class Facet:
    segment: str  # URL folder and filter name: /thema/<key>/
    vocabulary: str
    values_of: Callable[[Practice], tuple[str, ...]]

    def src_uri(self, key: str) -> str:
        return f"{self.segment}/{key}.md"

    def index_src_uri(self) -> str:
        return f"{self.segment}/index.md"

    def count(self, practices: list[Practice]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for practice in practices:
            for key in self.values_of(practice):
                counts[key] = counts.get(key, 0) + 1
        return counts


# In the order of the overview's filter groups.
FACETS = (
    Facet("thema", "themes", lambda p: p.themes),
    Facet("doelgroep", "target_groups", lambda p: p.target_groups),
    Facet("provincie", "provinces", lambda p: provinces_of(p.place)),
    Facet("onderbouwing", "evidence", lambda p: (p.evidence,)),
    Facet("schaal", "scope", lambda p: (p.place.scope,)),
    Facet("partner", "partner_roles", lambda p: p.partner_roles),
    Facet("status", "status", lambda p: (p.status,)),
)

FACET_BY_VOCABULARY = {f.vocabulary: f for f in FACETS}


def facet_values(facet: Facet, taxonomy: Taxonomy) -> dict[str, str]:
    return taxonomy[facet.vocabulary].values
