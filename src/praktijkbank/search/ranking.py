"""The weights of search, in one place. The site's search script reads them from the index.

Field boosts say where a word counts most: a card named after the query ranks above a
card that mentions it once in its text. Clause boosts say how a query word may match:
the whole word in any of its forms counts most, a prefix (while typing) less, a near
miss (a typing error, only tried when nothing else matches) least.
"""

from __future__ import annotations

# Search fields of a document and their boosts, in index order.
FIELD_BOOSTS: dict[str, float] = {
    "titel": 10,        # the card's title; a page or section heading
    "trefwoorden": 6,   # other names people search for: "Majella Wonen", "Sunny Selwerd"
    "plaats": 8,        # municipality, neighbourhood, province, other towns: where a town name leads
    "partners": 4,      # partner names and the kind of partner
    "themas": 3,
    "doelgroepen": 3,
    "tekst": 1,         # summary and body
    "delen": 1,         # parts of compounds (woning|corporatie) and hyphenated names as one word
}

# How one query word is matched (boosts of lunr query clauses).
EXACT_BOOST = 3      # the word's stem: dakloos finds dakloze and daklozen
PREFIX_BOOST = 1     # the word as the start of a longer word, while typing
FUZZY_BOOST = 0.5    # one letter off (a typing error); only when the word matches nothing else
FUZZY_MIN_LENGTH = 5  # shorter words have too many neighbours one letter away
SPLIT_MIN_PART = 3    # a word written together by mistake ("regenbooggroep") is tried as two

# A document that matches only some of the query's words keeps its place in the list,
# but below those that match all: its score is multiplied by (matched/words) ** COVERAGE_POWER.
COVERAGE_POWER = 2

# The site also finds its other pages (home, about, the contributor guide). They are ranked
# in their own index and their scores count for this share when mixed with the cards':
# the cards are what visitors look for, while a page about the query itself still shows.
PAGE_WEIGHT = 0.25


def ranking_settings() -> dict:
    """The weights as the browser's search script reads them from the index."""
    return {
        "fields": FIELD_BOOSTS,
        "exactBoost": EXACT_BOOST,
        "prefixBoost": PREFIX_BOOST,
        "fuzzyBoost": FUZZY_BOOST,
        "fuzzyMinLength": FUZZY_MIN_LENGTH,
        "splitMinPart": SPLIT_MIN_PART,
        "coveragePower": COVERAGE_POWER,
        "pageWeight": PAGE_WEIGHT,
    }
