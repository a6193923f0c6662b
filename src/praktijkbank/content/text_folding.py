"""Taking accents off text ('Één café' -> 'Een cafe'), in one place for every caller.

Callers fold further in their own way: slugs, 'Bedoelde u …?', look-alike names,
place names and search each lower-case, split or join as they need, and keep those
steps themselves. What they share is here: NFKD (a letter and its accent become
two characters; 'ĳ' becomes 'ij', 'ﬁ' 'fi') and then the accents dropped.

Which characters count as accents differs in one respect, on purpose:

- by default every character with a combining class (``unicodedata.combining``):
  all accents in every script;
- with ``browser_marks=True`` only the block U+0300–U+036F (Combining Diacritical
  Marks), which is what the search box in the browser takes off
  (``search/web/dutch.js``: ``normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "")``).
  Search must fold the index exactly as the browser folds a query, so it uses this.

For Latin letters, the text of our cards, both give the same result.
"""

from __future__ import annotations

import re
import unicodedata

_BROWSER_MARKS = re.compile("[\u0300-\u036f]+")


def strip_accents(text: str, *, browser_marks: bool = False) -> str:
    """``text`` in NFKD without its accents; case, spaces and punctuation as they were.

    ``browser_marks``: drop only U+0300–U+036F, as search/web/dutch.js does (see above).
    """
    if text.isascii():  # most text: NFKD leaves ASCII as it is and it has no accents
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    if browser_marks:
        return _BROWSER_MARKS.sub("", decomposed)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
