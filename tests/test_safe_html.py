"""JSON in a <script> element: the HTML parser never sees the end of the element in it."""

from __future__ import annotations

import json

from praktijkbank.safe_html import json_ld_script, script_json

EVIL = {"name": "</script><script>alert(1)</script>", "note": "<!-- a & b -->", "nl": "één"}


def test_script_json_escapes_what_could_end_the_element_or_open_a_comment():
    text = script_json(EVIL)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "</script" not in text.lower() and "<!--" not in text
    assert "\\u003c/script\\u003e" in text and "\\u003c!--" in text and "\\u0026" in text
    assert json.loads(text) == EVIL


def test_script_json_is_compact_without_indent_and_keeps_non_ascii():
    assert script_json({"a": [1, "é"], "b": "<"}) == '{"a":[1,"é"],"b":"\\u003c"}'


def test_script_json_with_indent_is_json_dumps_layout():
    assert script_json({"a": 1, "b": "&"}, indent=1) == '{\n "a": 1,\n "b": "\\u0026"\n}'


def test_script_json_reads_back_characters_json_allows_raw():
    assert json.loads(script_json({"a": "\u2028&"})) == {"a": "\u2028&"}


def test_json_ld_script_is_the_whole_element():
    assert json_ld_script({"@type": "Thing", "name": "A & B"}) == (
        '<script type="application/ld+json">{"@type":"Thing","name":"A \\u0026 B"}</script>'
    )
    assert json_ld_script({"a": 1}, indent=1) == '<script type="application/ld+json">\n{\n "a": 1\n}\n</script>'


def test_json_ld_script_has_one_end_tag_whatever_the_data():
    element = json_ld_script(EVIL, indent=2)
    assert element.lower().count("</script") == 1 and element.endswith("</script>")
