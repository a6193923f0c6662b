"""Searching the documents with lunr, exactly as the site's search script does.

``web/zoeken.js`` is the browser's copy of this module: the same lunr indexes over the
same pre-analysed terms, the same clauses per query word, the same order.
The tests compare their rankings on the real cards and pages.

A query is taken word by word (``query_words``). Each word is looked up on its own:
its stem as a whole word, its stem and its typed form as a prefix; only if that
finds nothing, its stem with one letter off; and if that finds nothing either, the
word as two words the index knows (written together by mistake). A document's score is
the sum over the words, times (share of the words it matched) squared.

Cards and other pages are ranked in two indexes, so the cards rank the same with or
without the pages (``praktijkbank zoek`` knows only the cards). The order is by tier
(``ranking.TIER_*``): a page asked for by name, then the cards that match every word,
then pages that hold every word in their title and visitor pages that match every word,
then cards that match some words (more words first); any other matching page only when
no card matches. Within a tier: more words matched, higher score, cards before
pages, the documents' order. So it is deterministic, and a contributor page never pushes
a card down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lunr.builder import Builder
from lunr.query import Query, QueryPresence

from .documents import KIND_PAGE, KIND_PRACTICE, SearchDocument
from .dutch import is_stop_word, stem, words
from .ranking import (COVERAGE_POWER, EXACT_BOOST, FIELD_BOOSTS, FUZZY_BOOST, FUZZY_MIN_LENGTH, PREFIX_BOOST,
                      SPLIT_MIN_PART, TIER_ALL_WORDS, TIER_FALLBACK, TIER_NAMED, TIER_PAGE, TIER_SOME_WORDS)

TITLE_FIELD = "titel"


@dataclass(frozen=True)
class QueryWord:
    text: str      # folded, as typed
    stem: str
    required: bool  # a stop word is only looked for as the start of the word being typed


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    score: float
    matched: tuple[str, ...]  # the query words this document matched
    missing: tuple[str, ...]  # the query words it did not
    tier: int = TIER_ALL_WORDS


@dataclass(frozen=True)
class _Set:
    documents: tuple[SearchDocument, ...]
    index: object  # a lunr index (None when empty); a document's ref is its position in ``documents``


@dataclass(frozen=True)
class SearchIndex:
    """The cards' index and the other pages' index (either may be empty)."""

    cards: _Set
    pages: _Set


def query_words(query: str) -> list[QueryWord]:
    """The words of a query; stop words are dropped, except the last one (it may be half typed)."""
    found = words(query)
    result = []
    for position, word in enumerate(found):
        stop = is_stop_word(word)
        if stop and position < len(found) - 1:
            continue
        result.append(QueryWord(word, stem(word), required=not stop))
    return result


def build_index(documents: Sequence[SearchDocument]) -> SearchIndex:
    """The search index of the documents: cards and other pages, each in a lunr index of its own."""
    cards = tuple(d for d in documents if d.kind == KIND_PRACTICE)
    pages = tuple(d for d in documents if d.kind != KIND_PRACTICE)
    return SearchIndex(_Set(cards, _lunr_index(cards)), _Set(pages, _lunr_index(pages)))


def _lunr_index(documents: Sequence[SearchDocument]):
    if not documents:
        return None  # lunr cannot build an empty index
    builder = Builder()
    builder.ref("ref")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost)
    for position, document in enumerate(documents):
        entry = {"ref": str(position)}
        for name in FIELD_BOOSTS:
            value = document.terms.get(name, "")
            entry[name] = value.split(" ") if value else []
        builder.add(entry)
    return builder.build()


def _word_results(index, word: QueryWord) -> list[dict]:
    def exact_and_prefix(query: Query) -> None:
        if word.required:
            query.term(word.stem, boost=EXACT_BOOST, use_pipeline=False)
            query.term(word.stem, boost=PREFIX_BOOST, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING)
        if not word.text.startswith(word.stem) or not word.required:  # else the stem's prefix covers it
            query.term(word.text, boost=PREFIX_BOOST, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING)

    def one_letter_off(query: Query) -> None:
        query.term(word.stem, boost=FUZZY_BOOST, use_pipeline=False, edit_distance=1)

    def both_parts(query: Query) -> None:
        for part in parts:
            query.term(part, boost=EXACT_BOOST, use_pipeline=False, presence=QueryPresence.REQUIRED)

    results = index.query(callback=exact_and_prefix)
    if not results and word.required and len(word.text) >= FUZZY_MIN_LENGTH:
        results = index.query(callback=one_letter_off)
    if not results and word.required:
        parts = split_in_two(word.text, lambda term: term in index.inverted_index)
        if parts:
            results = index.query(callback=both_parts)
    return results


def split_in_two(text: str, is_term) -> tuple[str, str] | None:
    """A word written together that the index knows as two ("regenbooggroep": regenboog groep).

    Returns the stems of both parts, the shortest first part that works; None if none does.
    """
    for cut in range(SPLIT_MIN_PART, len(text) - SPLIT_MIN_PART + 1):
        first, second = stem(text[:cut]), stem(text[cut:])
        if is_term(first) and is_term(second):
            return first, second
    return None


@dataclass
class _Scored:
    score: float = 0.0
    matched: set[int] = field(default_factory=set)        # query word numbers
    in_title: set[int] = field(default_factory=set)       # query word numbers matched in the title
    title_terms: set[str] = field(default_factory=set)    # index terms of the title they matched


def _scored(index, query_list: list[QueryWord]) -> dict[int, _Scored]:
    found: dict[int, _Scored] = {}
    for number, word in enumerate(query_list):
        for result in _word_results(index, word):
            entry = found.setdefault(int(result["ref"]), _Scored())
            entry.score += result["score"]
            entry.matched.add(number)
            for term, fields in result["match_data"].metadata.items():
                if TITLE_FIELD in fields:
                    entry.in_title.add(number)
                    entry.title_terms.add(term)
    return found


def _page_tier(document: SearchDocument, entry: _Scored, required: list[int], every_word: bool) -> int:
    if required and entry.in_title.issuperset(required):  # every query word is in its title
        if any(name and entry.title_terms.issuperset(name) for name in document.names):
            return TIER_NAMED  # ... and the query covers the title: asked for by name
        return TIER_PAGE
    if document.kind == KIND_PAGE and every_word:
        return TIER_PAGE
    return TIER_FALLBACK


def search(index: SearchIndex, query: str) -> list[Hit]:
    """The documents that match ``query``, best first (see the module's description)."""
    query_list = query_words(query)
    if not query_list:
        return []
    required = [n for n, word in enumerate(query_list) if word.required]
    ranked = []
    for order, part in enumerate((index.cards, index.pages)):
        if not part.documents:
            continue
        for ref, entry in _scored(part.index, query_list).items():
            matched = len(entry.matched.intersection(required))
            coverage = matched / len(required) if required else 1.0
            if coverage == 0:
                continue
            document = part.documents[ref]
            every_word = matched == len(required)
            if order == 0:
                tier = TIER_ALL_WORDS if every_word else TIER_SOME_WORDS
            else:
                tier = _page_tier(document, entry, required, every_word)
            score = entry.score * coverage**COVERAGE_POWER
            ranked.append(((tier, -matched, -score, order, ref), Hit(
                document=document,
                score=score,
                matched=tuple(query_list[n].text for n in sorted(entry.matched)),
                missing=tuple(query_list[n].text for n in required if n not in entry.matched),
                tier=tier,
            )))
    ranked.sort(key=lambda pair: pair[0])
    hits = [hit for _, hit in ranked]
    if any(hit.document.kind == KIND_PRACTICE for hit in hits):  # the other pages only when no card matches
        hits = [hit for hit in hits if hit.tier < TIER_FALLBACK]
    return hits
