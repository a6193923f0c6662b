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
# (The order itself puts every card that matches all words first; see ``TIERS``.)
COVERAGE_POWER = 2

# Pages other than cards, by where they are. The site is a knowledge base: visitors look for
# cards. Pages with content for visitors (the webinars) follow the cards that match every word;
# the others (home, about, the contributor guide, open data, accessibility, "Wat weten we?")
# come only when they are asked for by name (the query is their title) or when no card
# matches. Paths as on the site, without "index.html", ".html" or a final "/".
VISITOR_PAGES = frozenset({"webinars"})

# The order of the results: a result's tier first, then how many query words it matched, then its
# score, then cards before pages, then the documents' order. Lower tiers come first.
TIER_NAMED = 0        # a page whose title is the query ("Open data", "toegankelijkheid")
TIER_ALL_WORDS = 1    # a card that matches every word of the query
TIER_PAGE = 2         # a page whose title holds every query word; a visitor page matching every word
TIER_SOME_WORDS = 3   # a card that matches some of the words (more words first)
TIER_FALLBACK = 4     # any other page that matches: shown only when no card matches


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
        "tiers": {"named": TIER_NAMED, "allWords": TIER_ALL_WORDS, "page": TIER_PAGE,
                  "someWords": TIER_SOME_WORDS, "fallback": TIER_FALLBACK},
    }


def page_path(location: str) -> str:
    """A page's location without what differs between the site and its offline copy:
    'bijdragen/velden/' and 'bijdragen/velden.html' -> 'bijdragen/velden'; '' and 'index.html' -> ''."""
    path = location.split("#")[0]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path.strip("/")
