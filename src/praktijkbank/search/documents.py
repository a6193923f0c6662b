"""Search documents: one per card, built from the card's facts and text, already analysed.

A document carries what the result list shows (title, a line of text, where it leads)
and, per search field, the index terms: the stem of every word and, where it differs,
the word itself (so a half-typed word still matches as a prefix). The analysis happens
here, once, in Python; the browser and ``praktijkbank zoek`` both index these terms as
they are.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..content.models import Practice
from ..pages.listing import place_line
from ..content.taxonomy import Taxonomy
from .compounds import CompoundSplitter
from .dutch import fold, hyphen_compounds_of_folded, is_stop_word, stem, words, words_of_folded
from .ranking import FIELD_BOOSTS, VISITOR_PAGES, page_path

KIND_PRACTICE = "praktijk"
KIND_PAGE = "pagina"        # a page with content for visitors (``ranking.VISITOR_PAGES``)
KIND_GUIDE = "achtergrond"  # any other page: home, about, the contributor guide, open data, ...

# Fields whose words are names or labels: stop words stay ("Onder de Pannen", "WIJ").
_NAME_FIELDS = ("titel", "trefwoorden", "plaats", "partners", "themas", "doelgroepen")


@dataclass(frozen=True)
class SearchDocument:
    kind: str              # KIND_PRACTICE, KIND_PAGE or KIND_GUIDE
    key: str               # a card's slug; a page's location
    title: str             # shown as the result's heading
    text: str              # shown under it (plain text)
    path: str              # a card's file (practices/<slug>.md); a page's location
    terms: dict[str, str] = field(default_factory=dict)  # search field -> space-separated index terms
    place: str = ""        # a card's place in one line: "Ruwaard, Oss · Noord-Brabant"
    # A page's names (its title, its heading), each as the stems of its words: the query that
    # covers one of them asks for the page by name.
    names: tuple[tuple[str, ...], ...] = ()


class _FieldTexts:
    """The text of each search field, before analysis."""

    def __init__(self) -> None:
        self.values: dict[str, list[str]] = {name: [] for name in FIELD_BOOSTS}

    def add(self, name: str, *values: str | None) -> None:
        self.values[name].extend(v for v in values if v)

    def analysed(self) -> "_FieldWords":
        folded = {name: fold("\n".join(values)) for name, values in self.values.items() if values}
        return _FieldWords({name: words_of_folded(text) for name, text in folded.items()},
                           [joined for text in folded.values() for joined in hyphen_compounds_of_folded(text)])


@dataclass(frozen=True)
class _FieldWords:
    words: dict[str, list[str]]  # search field -> its folded words, in order
    hyphenated: list[str]        # hyphenated names written as one word

    def terms(self, splitter: CompoundSplitter) -> dict[str, str]:
        terms = {name: index_terms(found, keep_stop_words=name in _NAME_FIELDS) for name, found in self.words.items()}
        parts = map(splitter.parts_text, itertools.chain.from_iterable(self.words.values()))
        terms["delen"] = _joined([*parts, *(stem(joined) for joined in self.hyphenated)])
        return terms


class _IndexTerms(dict):
    """word -> its index terms as one string: 'stem word', or 'stem' when they are the same,
    or '' for a stop word left out. Filled as words come (a few thousand in all)."""

    def __init__(self, keep_stop_words: bool) -> None:
        super().__init__()
        self.keep_stop_words = keep_stop_words

    def __missing__(self, word: str) -> str:
        word_stem = stem(word)
        terms = "" if not self.keep_stop_words and is_stop_word(word) else (
            word_stem if word_stem == word else f"{word_stem} {word}")
        self[word] = terms
        return terms


# Looked up once per word of every card (700,000 at 1,000 cards): a dict lookup each, in C.
_INDEX_TERMS = {keep: _IndexTerms(keep) for keep in (True, False)}


def _joined(terms: Iterable[str]) -> str:
    return " ".join(filter(None, terms))


def index_terms(found: Iterable[str], keep_stop_words: bool) -> str:
    """Stem of each word, followed by the word itself when it differs from its stem, space-separated."""
    return _joined(map(_INDEX_TERMS[keep_stop_words].__getitem__, found))


def _practice_texts(practice: Practice, taxonomy: Taxonomy, words: str) -> _FieldTexts:
    texts = _FieldTexts()
    place = practice.place
    texts.add("titel", practice.title)
    texts.add("trefwoorden", *practice.keywords)
    texts.add("plaats", place.municipality, place.neighbourhood, *place.also_in)
    if place.province:
        texts.add("plaats", taxonomy["provinces"].label_of(place.province))
    if place.is_national:
        texts.add("plaats", taxonomy["scope"].label_of(place.scope))
    for partner in practice.partners:
        texts.add("partners", partner.name, taxonomy["partner_roles"].label_of(partner.role))
    # Labels and keys: a key such as "wijkbewoners" is a word people use too.
    texts.add("themas", *(taxonomy["themes"].label_of(k) for k in practice.themes), *practice.themes)
    texts.add("doelgroepen", *(taxonomy["target_groups"].label_of(k) for k in practice.target_groups),
              *practice.target_groups)
    texts.add("tekst", practice.summary, words)
    return texts


def _card_document(practice: Practice, found: "_FieldWords", splitter: CompoundSplitter,
                   taxonomy: Taxonomy) -> SearchDocument:
    place = place_line(practice, taxonomy)
    return SearchDocument(
        kind=KIND_PRACTICE,
        key=practice.slug,
        title=practice.title,
        text=f"{place} — {practice.summary}",
        path=practice.source_path,
        terms=found.terms(splitter),
        place=place,
    )


def page_kind(location: str) -> str:
    return KIND_PAGE if page_path(location) in VISITOR_PAGES else KIND_GUIDE


def name_stems(name: str) -> tuple[str, ...]:
    """The stems of a name's words, stop words left out unless the name has nothing else ("Over")."""
    found = words(name)
    return tuple(stem(w) for w in (list(filter(lambda w: not is_stop_word(w), found)) or found))


def build_documents(practices: Iterable[Practice], taxonomy: Taxonomy,
                    pages: Iterable[tuple[str, ...]] = (),
                    words: Mapping[str, str] | None = None) -> list[SearchDocument]:
    """One document per card, in slug order, then one per page ``(location, title, text[, heading])``.

    A page's heading, when given, is a second name it can be asked for by ("Bijdragen" for the
    page "Zo doet u mee").

    ``words``: slug -> the words of the card's rendered text (``SiteModel.card_words``); without
    it the cards' texts are rendered here, as a build renders them.

    The card order is part of the ranking's tie-break, so the site and ``praktijkbank zoek``
    must build the cards in the same order; the compound splitter knows the cards' words only,
    so pages do not change how cards are indexed.
    """
    ordered = sorted(practices, key=lambda p: p.slug)
    if words is None:
        from ..sitemodel.model import body_words

        words = body_words(ordered)
    card_words = [_practice_texts(p, taxonomy, words[p.slug]).analysed() for p in ordered]
    every_word = set().union(*(field_words for found in card_words for field_words in found.words.values()))
    splitter = CompoundSplitter(map(stem, every_word))
    documents = [_card_document(p, found, splitter, taxonomy) for p, found in zip(ordered, card_words)]
    for location, title, text, *heading in pages:
        names = [name for name in (title, *heading) if name and name_stems(name)]
        texts = _FieldTexts()
        texts.add("titel", *dict.fromkeys(names))
        texts.add("tekst", text)
        documents.append(SearchDocument(page_kind(location), location, title, text, location,
                                        texts.analysed().terms(splitter),
                                        names=tuple(dict.fromkeys(map(name_stems, names)))))
    return documents


# --- plain text ------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    _BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "br", "div", "tr",
               "option", "label", "legend", "button", "figcaption", "summary", "section", "ul", "ol", "table"}
    _CODE = {"code", "pre", "kbd", "samp"}
    _NEVER = {"script", "style", "template"}  # data and styles (JSON-LD), not text

    def __init__(self, without_code: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.without_code = without_code
        self.in_code = 0
        self.heading: list[str] | None = None  # the first h1's text, while and once it is read
        self.in_heading = False

    def handle_starttag(self, tag, attrs):
        if tag in self._BLOCKS:
            self.parts.append(" ")
        if (tag in self._CODE and self.without_code) or tag in self._NEVER:
            self.in_code += 1
        if tag == "h1" and self.heading is None:
            self.heading, self.in_heading = [], True

    def handle_endtag(self, tag):
        if tag in self._BLOCKS:
            self.parts.append(" ")
        if (tag in self._CODE and self.without_code or tag in self._NEVER) and self.in_code:
            self.in_code -= 1
        if tag == "h1":
            self.in_heading = False

    def handle_data(self, data):
        if self.in_code:
            return
        self.parts.append(data)
        if self.in_heading:
            self.heading.append(data)


def _extract(html: str, without_code: bool) -> _TextExtractor:
    extractor = _TextExtractor(without_code)
    extractor.feed(html)
    extractor.close()
    return extractor


def html_text(html: str, without_code: bool = False) -> str:
    """The text of an HTML fragment, whitespace collapsed; ``without_code``: code and its keys left out."""
    return " ".join("".join(_extract(html, without_code).parts).split())


def page_text(html: str) -> tuple[str, str]:
    """A page's text as visitors read it, and its first heading.

    Code is left out: on the contributor pages it holds field names and vocabulary keys
    (``schulden-en-huurachterstand``), which are neither what visitors search for nor what a
    result should show; the labels beside them stay.
    """
    extractor = _extract(html, without_code=True)
    text = " ".join("".join(extractor.parts).split())
    # What code leaves behind: "key Label;" lists become "; Label;", "(``x``)" becomes "()".
    text = re.sub(r"\(\s*[,;:]?\s*\)", "", text)
    text = re.sub(r"(?<=[,;:])(\s*[,;:])+", "", text)
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    return text, " ".join("".join(extractor.heading or []).split())
