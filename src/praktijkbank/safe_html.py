"""Data written into our own pages so that it stays data: JSON inside a ``<script>`` element.

(html_safety.py is the other side: it refuses unsafe HTML that contributors write in a card.)

Inside a script element the HTML parser does not know JSON: the element ends at the
first ``</script``, and ``<!--`` can change where the parser thinks it ends. JSON may
write any character as a ``\\uXXXX`` escape, so ``<``, ``>`` and ``&`` are written that
way; the text then contains none of them and reads back as the same data.
"""

from __future__ import annotations

import json

_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def script_json(data, indent: int | None = None) -> str:
    """``data`` as JSON that is safe as the whole text of a ``<script>`` element.

    Without ``indent`` the JSON is compact (no spaces); with it, ``json.dumps``'
    usual layout for that indent. Non-ASCII characters stay as they are.
    """
    if indent is None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    for character, escape in _ESCAPES:
        text = text.replace(character, escape)
    return text


def json_ld_script(data, indent: int | None = None) -> str:
    """The whole ``<script type="application/ld+json">`` element for ``data``.

    Compact JSON sits on the element's line; indented JSON gets lines of its own.
    """
    text = script_json(data, indent)
    if indent is not None:
        text = f"\n{text}\n"
    return f'<script type="application/ld+json">{text}</script>'
