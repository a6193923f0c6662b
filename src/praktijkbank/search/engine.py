"""Searching the documents with lunr, exactly as the site's search script does.

``web/zoeken.js`` is the browser's copy of this module: the same lunr index over the
same pre-analysed terms, the same clauses per query word, the same way of adding up.
The tests compare their rankings on the real cards.

A query is taken word by word (``query_words``). Each word is looked up on its own:
its stem as a whole word, its stem and its typed form as a prefix; only if that
finds nothing, its stem with one letter off; and if that finds nothing either, the
word as two words the index knows (written together by mistake). A document's score is the sum over the
words, times (share of the words it matched) squared, so documents that match every
word come first while the others stay findable. Ties keep the documents' order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lunr.builder import Builder
from lunr.query import Query, QueryPresence

from .documents import SearchDocument
from .dutch import is_stop_word, stem, words
from .ranking import (COVERAGE_POWER, EXACT_BOOST, FIELD_BOOSTS, FUZZY_BOOST, FUZZY_MIN_LENGTH, PREFIX_BOOST,
                      SPLIT_MIN_PART)


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


def build_index(documents: Sequence[SearchDocument]):
    """A lunr index of the documents; a document's ref is its position in ``documents``."""
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


def search(index, documents: Sequence[SearchDocument], query: str) -> list[Hit]:
    """The documents that match ``query``, best first."""
    query_list = query_words(query)
    if not query_list:
        return []
    scores: dict[int, float] = {}
    matched: dict[int, set[int]] = {}
    for number, word in enumerate(query_list):
        for result in _word_results(index, word):
            ref = int(result["ref"])
            scores[ref] = scores.get(ref, 0.0) + result["score"]
            matched.setdefault(ref, set()).add(number)
    required = [n for n, word in enumerate(query_list) if word.required]
    hits = []
    for ref, score in scores.items():
        coverage = len(matched[ref].intersection(required)) / len(required) if required else 1.0
        if coverage == 0:
            continue
        hits.append((score * coverage**COVERAGE_POWER, ref))
    hits.sort(key=lambda hit: (-hit[0], hit[1]))
    return [
        Hit(
            document=documents[ref],
            score=score,
            matched=tuple(query_list[n].text for n in sorted(matched[ref])),
            missing=tuple(query_list[n].text for n in required if n not in matched[ref]),
        )
        for score, ref in hits
    ]
