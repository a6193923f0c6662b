"""Splitting Dutch compounds into their parts, so "corporatie" finds "woningcorporatie".

Dutch writes compounds as one word. A card about a ``woningcorporatie`` should turn up
for "corporatie", and ``woonzorgvisie`` for "zorg" or "visie". At build time every
long indexed word is split into parts that are words themselves; the parts go into a
separate, lightly weighted search field. Only the index side splits: a query word is
matched against those parts as it is, so the browser needs no dictionary.

What counts as a word: the stems of all words in the cards, plus a short list of
common parts from housing, care and welfare (so a part that the cards only use inside
compounds is still known). Parts are at least four letters long, which keeps
nonsense splits such as ``dak|loos`` or ``ont|schotting`` out.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .dutch import stem

MIN_PART = 4  # letters in each part
MIN_COMPOUND = 2 * MIN_PART
MAX_COMPOUND = 40  # longer runs of letters are no words (an identifier, a hash): not split

# Parts that often appear inside compounds in this field, in their plain form.
COMMON_PARTS = frozenset("""
aanbieder aanpak advies afspraak begeleiding beleid bewoner budget buurt centrum coalitie
corporatie dienst gemeente gezin gezondheid huis huisvesting huur huurder initiatief instelling
jongere kamer kennis locatie mantel netwerk ondersteuning opvang organisatie oudere plaats plan
prestatie programma project raad school sociaal team thuis verzekeraar visie voorziening
welzijn werk wijk woning woon wonen zorg
""".split())

_LINKING = ("s", "en", "e")  # the linking sounds between parts: bewoner|s|organisatie


class CompoundSplitter:
    def __init__(self, known_stems: Iterable[str]) -> None:
        self._known = frozenset(known_stems) | {stem(w) for w in COMMON_PARTS}
        self.parts = lru_cache(maxsize=None)(self._parts)
        # Asked once per word of every card: cached per splitter, like parts.
        self.parts_text = lru_cache(maxsize=None)(self._parts_text)

    def _parts_text(self, word: str) -> str:
        """The parts of ``word`` as index terms, space-separated; '' when it is no compound."""
        return " ".join(self.parts(word))

    def _is_word(self, text: str) -> bool:
        return len(text) >= MIN_PART and stem(text) in self._known

    def _modifier_stem(self, text: str) -> str | None:
        """The stem of a first part, with or without its linking sound; None if unknown."""
        if self._is_word(text):
            return stem(text)
        for link in _LINKING:
            if text.endswith(link) and self._is_word(text[: -len(link)]):
                return stem(text[: -len(link)])
        return None

    def _parts(self, word: str) -> tuple[str, ...]:
        """The stems of the parts of ``word``, or () when it is not a compound of known words.

        The longest known head (the last part, which carries the meaning) wins; a modifier
        or head that is itself a compound is split further.
        """
        if not MIN_COMPOUND <= len(word) <= MAX_COMPOUND or not word.isalpha():
            return ()
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            modifier, head = word[:cut], word[cut:]
            head_parts = (stem(head),) if self._is_word(head) else self.parts(head)  # cached: no exponential work
            if not head_parts:
                continue
            modifier_stem = self._modifier_stem(modifier)
            if modifier_stem:
                return (modifier_stem, *head_parts)
            modifier_parts = self.parts(modifier)
            if modifier_parts:
                return (*modifier_parts, *head_parts)
        return ()

