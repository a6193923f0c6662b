"""Dutch text analysis for search: folding, words, stop words and a stemmer.

The same rules run in the reader's browser (``web/dutch.js``, a line-by-line
mirror of this module). The tests feed both the same words and demand the same
answers, so a query typed in the search box is analysed exactly as the index was.

The stemmer is the Snowball Dutch algorithm (snowballstem.org/algorithms/dutch)
with a few additions that make Dutch word forms meet where Snowball leaves them
apart. Each addition is marked ``(ours)`` below:

- ``-ies`` and ``-ieën`` plurals lose their plural ending (corporaties -> corporatie);
- the final consonant is undoubled whatever it is (gezinnen -> gezin, Osse -> Oss -> os);
- a final z or v becomes s or f, the spelling rule that makes dakloze/dakloos and
  brieven/brief differ (dakloze -> dakloz -> daklos; dakloos -> daklos).
"""

from __future__ import annotations

import re

from ..content.text_folding import strip_accents

# Words too common to say anything about a card. Kept short on purpose: names such as
# "Onder de Pannen" or "WIJ" still have their words in the title and partner fields.
STOP_WORDS = frozenset("""
aan al als bij dan dat de deze die dit door een en er had heb hebben heeft het hij hoe hun
ik in is je kan kon maar met na naar niet nog nu of om ons ook op over te tot u uit van
veel voor was wat we wel werd wie wij wordt worden zal ze zich zij zijn zo zou
""".split())

MIN_WORD_LENGTH = 2  # single letters ("'s", "t", initials) carry no meaning on their own

_VOWELS = "aeiouy"
_APOSTROPHES = re.compile(r"[\u2019\u2018`´]")
_POSSESSIVE_S = re.compile(r"(?<=[a-z0-9])'s\b")  # thema's, auto's: the plural/possessive 's
# A word is a run of letters and digits between anything else (web/dutch.js splits on the rest
# and drops short pieces: the same words). One findall instead of a split and a filter.
_WORD = re.compile(r"[a-z0-9]{%d,}" % MIN_WORD_LENGTH)
# Only from the start of a word: tried from inside every word, it cost the square of its length.
_HYPHENATED = re.compile(r"(?<![a-z0-9])[a-z0-9]++(?:-[a-z0-9]++)+")  # possessive: no giving back letters
_SPECIAL_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
_HAS_SPECIAL_LETTER = re.compile("[ßæœøłđı]")  # translate() looks up every character: only when needed


def fold(text: str) -> str:
    """Lower case without accents: 'Één geïnteresseerde' -> 'een geinteresseerde'."""
    lower = text.lower()
    if lower.isascii():  # most text: nothing to take off
        return lower
    if _HAS_SPECIAL_LETTER.search(lower):
        lower = lower.translate(_SPECIAL_LETTERS)
    return strip_accents(lower, browser_marks=True)  # only the marks web/dutch.js takes off


def words(text: str) -> list[str]:
    """The folded words of a text, in order; hyphens and punctuation separate words."""
    return words_of_folded(fold(text))


def words_of_folded(folded: str) -> list[str]:
    """``words`` of a text that ``fold`` has already folded (a long text is folded once for both uses)."""
    folded = _APOSTROPHES.sub("'", folded)
    if "'" in folded:  # most texts have none: skip the look-behind over every character
        folded = _POSSESSIVE_S.sub("", folded)
    return _WORD.findall(folded)


def hyphen_compounds(text: str) -> list[str]:
    """Hyphenated names written as one word, as people also type them: Noord-Brabant -> noordbrabant."""
    return hyphen_compounds_of_folded(fold(text))


def hyphen_compounds_of_folded(folded: str) -> list[str]:
    return [match.group().replace("-", "") for match in _HYPHENATED.finditer(folded)]


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS


# --- the stemmer ---------------------------------------------------------------------------


def stem(word: str) -> str:
    """The stem of one folded word (from ``words``); numbers and short words stay as they are."""
    if len(word) < 3 or not word.isalpha():
        return word
    if word.endswith("ieen"):  # (ours) categorieën -> categorie
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 5:  # (ours) corporaties -> corporatie
        word = word[:-1]
    word = _mark_consonants(word)
    p1, p2 = _regions(word)
    word = _step1(word, p1)
    word, e_removed = _step2(word, p1)
    word = _step3a(word, p1, p2)
    word = _step3b(word, p1, p2, e_removed)
    word = _step4(word)
    word = word.replace("I", "i").replace("Y", "y")
    return _final_spelling(word)


def _is_vowel(char: str) -> bool:
    return char in _VOWELS  # upper-case I and Y are the consonant i and y


def _mark_consonants(word: str) -> str:
    """Initial y, y after a vowel and i between vowels are consonants: write them upper case."""
    chars = list(word)
    for i, char in enumerate(chars):
        if char == "y" and (i == 0 or _is_vowel(chars[i - 1])):
            chars[i] = "Y"
        elif char == "i" and 0 < i < len(chars) - 1 and _is_vowel(chars[i - 1]) and _is_vowel(chars[i + 1]):
            chars[i] = "I"
    return "".join(chars)


def _region_after(word: str, start: int) -> int:
    """Where the region after the first non-vowel that follows a vowel (from ``start``) begins."""
    for i in range(start + 1, len(word)):
        if _is_vowel(word[i - 1]) and not _is_vowel(word[i]):
            return i + 1
    return len(word)


def _regions(word: str) -> tuple[int, int]:
    """R1 and R2 as in Snowball's German and Dutch stemmers; R1 leaves at least 3 letters before it."""
    if len(word) < 3:
        return len(word), len(word)
    p1 = _region_after(word, 0)
    p2 = _region_after(word, p1)
    return max(p1, 3), p2


def _undouble(word: str) -> str:
    return word[:-1] if word.endswith(("kk", "dd", "tt")) else word


def _en_ending(word: str, suffix: int, p1: int) -> str:
    """Delete -en/-ene when in R1 after a consonant but not after 'gem'; then undouble."""
    base = word[:-suffix]
    if len(base) >= p1 and base and not _is_vowel(base[-1]) and not base.endswith("gem"):
        return _undouble(base)
    return word


def _step1(word: str, p1: int) -> str:
    if word.endswith("heden"):
        return word[:-5] + "heid" if len(word) - 5 >= p1 else word
    if word.endswith(("ene", "en")):
        return _en_ending(word, 3 if word.endswith("ene") else 2, p1)
    if word.endswith(("se", "s")):
        suffix = 2 if word.endswith("se") else 1
        base = word[:-suffix]
        if len(base) >= p1 and base and not _is_vowel(base[-1]) and base[-1] != "j":
            return base
    return word


def _step2(word: str, p1: int) -> tuple[str, bool]:
    """Delete a final e in R1 after a consonant; then undouble. Says whether it removed an e."""
    if word.endswith("e") and len(word) - 1 >= p1 and not _is_vowel(word[-2]):
        return _undouble(word[:-1]), True
    return word, False


def _step3a(word: str, p1: int, p2: int) -> str:
    if word.endswith("heid") and len(word) - 4 >= p2 and not word[:-4].endswith("c"):
        word = word[:-4]
        if word.endswith("en"):
            word = _en_ending(word, 2, p1)
    return word


def _step3b(word: str, p1: int, p2: int, e_removed: bool) -> str:
    if word.endswith(("end", "ing")):
        if len(word) - 3 >= p2:
            word = word[:-3]
            if word.endswith("ig") and len(word) - 2 >= p2 and not word[:-2].endswith("e"):
                return word[:-2]
            return _undouble(word)
    elif word.endswith("ig"):
        if len(word) - 2 >= p2 and not word[:-2].endswith("e"):
            return word[:-2]
    elif word.endswith("lijk"):
        if len(word) - 4 >= p2:
            return _step2(word[:-4], p1)[0]
    elif word.endswith("baar"):
        if len(word) - 4 >= p2:
            return word[:-4]
    elif word.endswith("bar"):
        if len(word) - 3 >= p2 and e_removed:
            return word[:-3]
    return word


def _step4(word: str) -> str:
    """Undouble the vowel of a final consonant-vowel-vowel-consonant: maan -> man, brood -> brod."""
    if (len(word) >= 4 and word[-3:-1] in ("aa", "ee", "oo", "uu")
            and not _is_vowel(word[-1]) and word[-1] != "I" and not _is_vowel(word[-4])):
        return word[:-2] + word[-1]
    return word


def _final_spelling(word: str) -> str:
    """(ours) One spelling for the end of a stem: no double consonant, z -> s, v -> f."""
    if len(word) >= 3 and word[-1] == word[-2] and not _is_vowel(word[-1]):
        word = word[:-1]
    if word.endswith("z"):
        word = word[:-1] + "s"
    elif word.endswith("v"):
        word = word[:-1] + "f"
    return word
