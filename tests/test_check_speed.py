"""Fast paths of `praktijkbank check`: each gives exactly what the slow way it replaces gives."""

from __future__ import annotations

import datetime as dt
import random
import re
import sys

import pytest
import yaml

from praktijkbank.checks import unsafe_html as html_safety
from praktijkbank.content import yaml_tree
from praktijkbank.checks.problems import ProblemLog

libyaml = pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="PyYAML without libyaml")


# -- reading YAML -------------------------------------------------------------------------

def test_the_characters_kept_from_libyaml_are_pyyamls_non_printable_ones_and_other_line_breaks():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    expected = set(yaml.reader.Reader.NON_PRINTABLE.findall(every)) | set("\t\r\x85\u2028\u2029")
    assert set(yaml_tree._NOT_FOR_LIBYAML.findall(every)) == expected


def _old_line_prefix_test(text: str) -> bool:  # the guard as it was: every line prefix measured
    return max(map(len, re.findall(r"^[ ?:-]*", text, re.MULTILINE)), default=0) <= yaml_tree._MAX_FAST_PREFIX


def test_the_nesting_guard_is_the_longest_line_prefix():
    rng = random.Random(1)
    texts = ["", "a", " " * 100, " " * 101, "x\n" + " " * 101, "- " * 50 + "-", "- " * 51, "\n" + "?" * 101 + "\n",
             " " * 100 + "\n" + " " * 100, "x" + " " * 200]
    texts += ["".join(rng.choice(" ?:-\nx") if rng.random() < 0.9 else " " * 60 for _ in range(rng.randrange(300)))
              for _ in range(3000)]
    for text in texts:
        fast = not (yaml_tree._FIRST_LINE_TOO_DEEP.match(text) or yaml_tree._LINE_TOO_DEEP.search(text))
        assert fast == _old_line_prefix_test(text), repr(text)


SCALARS = ["", "~", "null", "Null", "true", "True", "TRUE", "yes", "No", "on", "off", "y", "n", "0", "-1", "+12",
           "0x1F", "0o17", "017", "1_000", "1.5", "-.5", ".inf", "-.Inf", ".nan", "1e3", "6.8523015e+5", "190:20:30",
           "2024-05-01", "2024-5-1", "2024-05-01T14:30", "2024-05-01 14:30:00Z", "2024-13-45", "=", "<<", "!x",
           "&a", "*a", "Oss", "tekst met spaties", "https://example.org/a", "Ñ", "1.2.3", "0b101", "12:30"]


@libyaml
@pytest.mark.parametrize("value", SCALARS)
def test_libyamls_quick_tag_resolution_gives_pyyamls_tags(value):
    loader = yaml_tree._CLoader("")
    reference = yaml.CSafeLoader("")
    try:
        for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
            for implicit in ((True, False), (False, True), (False, False), (True, True)):
                assert loader.resolve(kind, value, implicit) == reference.resolve(kind, value, implicit)
    finally:
        loader.dispose()
        reference.dispose()


@pytest.mark.parametrize("value", SCALARS)
def test_a_value_is_read_as_pyyamls_constructor_reads_it(value):
    def value_node(text):
        loader = yaml.SafeLoader(text)
        return loader, loader.get_single_node().value[0][1]

    for text in (f"a: {value}\n", f"a: {value!r}\n", f'a: "{value}"\n'):
        try:
            loader, node = value_node(text)
        except yaml.YAMLError:
            continue
        if node.tag not in yaml_tree._STANDARD_SCALAR_TAGS:  # '=' is a 'value' tag: refused
            expected = yaml_tree.REFUSED
        else:
            try:
                expected = loader.construct_object(node, deep=True)
            except (ValueError, OverflowError, yaml.YAMLError):
                expected = str(node.value)
        loader, node = value_node(text)
        got = yaml_tree._TreeBuilder(loader, lambda node: 1, ProblemLog("kaart.md"))._scalar(node, ("a",))
        assert (repr(got), type(got)) == (repr(expected), type(expected))


def test_libyamls_lines_are_the_file_lines(monkeypatch):
    text = ("title: Oké — één\nsummary: >-\n  lang\n  verhaal\nplace:\n  scope: wijk\n  municipality: \"'s-Hertogenbosch\"\n"
            "themes: [a, b,\n  c]\npartners:\n- name: \"Één\"\n  role: x\n\n# commentaar\nlast_reviewed: 2026-11-01\n")
    assert yaml_tree._libyaml_gives_the_same(text)
    fast = yaml_tree.load_yaml_tree(text, 2, ProblemLog("kaart.md"))
    assert fast[2] and fast[0]["place"]["municipality"] == "'s-Hertogenbosch"
    assert fast[1][("partners", 0, "role")] == 13 and fast[1][("last_reviewed",)] == 16
    monkeypatch.setattr(yaml_tree, "_libyaml_gives_the_same", lambda _: False)
    assert yaml_tree.load_yaml_tree(text, 2, ProblemLog("kaart.md")) == fast


def _old_strings_in(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _old_strings_in(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _old_strings_in(item, path + (index,))


@pytest.mark.parametrize("value", [
    "x", 3, None, [], {}, yaml_tree.REFUSED, dt.date(2024, 1, 1),
    {"a": "x", "b": [1, "y", {"c": "z", "d": [["e"]]}], "f": {"g": None, "h": "i"}, "j": yaml_tree.REFUSED},
    [["a", ["b"]], {"c": ["d", 2.5]}],
])
def test_the_strings_of_a_tree_in_the_same_order(value):
    assert yaml_tree.strings_in(value) == list(_old_strings_in(value))
    assert yaml_tree.strings_in(value, ("kop",)) == list(_old_strings_in(value, ("kop",)))


# -- unsafe HTML --------------------------------------------------------------------------

HOSTILE = [
    "javascript:x", "JAVASCRIPT :x", "vbscript\t:x", "livescrip\u200bt:x", "javascript\u200b:x", "javascript\x1c:x",
    "data:x", "DATA:x", "da\u200bta:x", "[x](data\ufeff:x)", "javascript\n:x", "Java&#83;cript:x", "&#x3c;script",
    "da&#116;a:x", "!\x00[x](//host/p.png)", "<", "&", "![", "https://example.org/a:b", "Tijd: 14:30", "Resultaat:",
    "Let op: data", "ta:", "TA\u2028:", "Kaart A: zie", "t\u00a0:", "\u0130:", "\u212a:", "a\u3000:",
    # White space between the word and the colon, around and beyond the 64 characters looked at.
    *("java" + "script" + " " * n + ":x" for n in (57, 58, 59, 60, 63, 64, 65, 200)),
    *("da" + "ta" + "\u200b" * n + "\n" * n + ":x" for n in (20, 30, 31, 32, 40)),
    "java\u200bscr\u200bipt:x", "DA\u200bTA:x", "java&#115;cript&#58;x", "jav&#x61;script:x", "\u017fcript:x",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_quick_look_misses_nothing_a_rule_finds(text, monkeypatch):
    quick = html_safety.find_unsafe(text)
    monkeypatch.setattr(html_safety, "_MAYBE_UNSAFE", re.compile(""))  # every text through every rule
    assert quick == html_safety.find_unsafe(text)


def test_the_quick_look_misses_nothing_in_random_texts(monkeypatch):
    rng = random.Random(7)
    alphabet = list("<>&#;:![]()/=\"' \t\r\n\x00\x1c\u200b\ufeffxtTaAdDsS0123456789") + [
        "javascript", "vbscript", "livescript", "data", "href", "src", "img", "script", "on", "&lt;", "&#58;", "&colon;",
        "&#x3A;", "&#116;", "https:", "//"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))) for _ in range(20000)]
    quick = [html_safety.find_unsafe(text) for text in texts]
    assert any(quick) and not all(quick)
    monkeypatch.setattr(html_safety, "_MAYBE_UNSAFE", re.compile(""))
    assert quick == [html_safety.find_unsafe(text) for text in texts]


def test_the_quick_look_knows_every_letter_a_rule_ignoring_case_matches():
    letters = {chr(c) for c in range(sys.maxunicode + 1) if re.match("(?i)[ta]", chr(c))}
    assert letters == set("tTaA")


def test_web_addresses_and_plain_texts_skip_the_rules():
    for text in ("https://example.org/a?b=c#d", "Gemeente Oss", "Tijd: 14:30", "Stap 1: plannen",
                 "Resultaat: minder eenzaamheid", "Let op: zie de bron", "Breuer&Intraval", "Wonen & Zorg: samen"):
        assert not html_safety.may_be_unsafe(text)


# -- real paths ---------------------------------------------------------------------------

def test_file_resolver_gives_what_resolve_gives(tmp_path, monkeypatch):
    import os
    from pathlib import Path

    from praktijkbank.content.project import FileResolver

    (tmp_path / "project" / "practices").mkdir(parents=True)
    (tmp_path / "elders").mkdir()
    (tmp_path / "project" / "practices" / "a.md").write_text("x")
    (tmp_path / "elders" / "b.md").write_text("x")
    os.symlink(tmp_path / "elders" / "b.md", tmp_path / "project" / "practices" / "link.md")
    os.symlink(tmp_path / "elders", tmp_path / "project" / "map-link")
    os.symlink(tmp_path / "project" / "practices" / "loop.md", tmp_path / "project" / "practices" / "loop.md")
    os.symlink("nergens.md", tmp_path / "project" / "practices" / "kapot.md")
    monkeypatch.chdir(tmp_path / "project")
    paths = [Path(p) for p in ("practices/a.md", "practices/link.md", "map-link/b.md", "practices/../map-link/b.md",
                               "practices/nieuw.md", "practices/kapot.md", "geen-map/x.md", "a.md", ".", "..",
                               "practices/.", "practices/..", "/", str(tmp_path / "project" / "practices" / "a.md"))]
    resolve = FileResolver()
    for path in paths * 2:  # the second time from what it remembers
        assert resolve(path) == path.resolve(), path
    with pytest.raises(RuntimeError) as expected:
        Path("practices/loop.md").resolve()
    with pytest.raises(RuntimeError) as got:
        resolve(Path("practices/loop.md"))
    assert str(got.value) == str(expected.value)


# -- the map ------------------------------------------------------------------------------

def test_provinces_hold_the_same_points_by_bands_as_by_every_edge():
    from praktijkbank.geo.shapes import inside, load_outlines

    outlines = load_outlines()
    left, bottom, right, top = outlines.bounds()
    rng = random.Random(5)
    points = [(rng.uniform(left - 5000, right + 5000), rng.uniform(bottom - 5000, top + 5000)) for _ in range(3000)]
    for province in outlines.provinces.values():  # on and beside every corner and edge's middle
        for polygon in province.detail:
            for ring in polygon:
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                    points += [(x1, y1), (x1 + 0.5, y1), (x1 - 0.5, y1), (x1, y1 + 1e-9), ((x1 + x2) / 2, (y1 + y2) / 2)]
    points += [(left, bottom), (right, top), (float("nan"), 450000.0), (150000.0, float("nan")), (float("inf"), 0.0)]
    for province in outlines.provinces.values():
        ys = [y for polygon in province.detail for ring in polygon for _, y in ring]
        low, high = min(ys), max(ys)
        for point in points:
            if low <= point[1] <= high:  # (not for a y that is not a number)
                assert province.contains(point) == inside(point, province.detail), (province.key, point)
            else:  # no edge spans that y, so every edge would say so too: the slow count is not needed
                assert not province.contains(point), (province.key, point)


# -- limits on the body -------------------------------------------------------------------

def _nesting_line_by_line(text: str, first_line: int) -> list:  # check_nesting as it was
    from praktijkbank.checks import nesting as limits

    log = ProblemLog("kaart.md")
    lines = text.split("\n")
    limits._first(log, "tekst", first_line, lines, limits._too_indented,
                  "de tekst springt te ver in", f"hoogstens {limits.MAX_INDENT // 4} niveaus lijsten in elkaar")
    limits._first(log, "tekst", first_line, lines, limits._too_quoted,
                  "de tekst heeft te veel citaten in elkaar ('>')", f"hoogstens {limits.MAX_QUOTE_DEPTH} niveaus")
    limits._too_many_brackets(lines, first_line, "tekst", log)
    return log.items


def test_body_limits_are_found_where_the_quick_look_sends_them():
    from praktijkbank.checks.nesting import check_nesting

    rng = random.Random(11)
    pieces = [" ", "\t", "  ", "    ", "x", "\n", "\n\n", ">", "> ", "[", "[" * 50, "[" * 100, " " * 38, "\t" * 10,
              "\t" * 11, "\r", "\x0b", "\u00a0", "- ", "text"]
    texts = [" " * 41 + "x", " " * 41, "\t" * 11 + "x", "\t" * 10 + " x", " " * 40 + "x", "> " * 11 + "x",
             "[" * 201, "[" * 100 + "\n" + "[" * 101, "[" * 100 + "\n\n" + "[" * 101, "x\n" + " \t" * 20 + "y"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(60))) for _ in range(4000)]
    found = 0
    for text in texts:
        log = ProblemLog("kaart.md")
        check_nesting(text, 5, "tekst", log)
        expected = _nesting_line_by_line(text, 5)
        assert log.items == expected, repr(text)
        found += bool(expected)
    assert found > 100


# -- cards that look alike ----------------------------------------------------------------

def _old_words(text: str) -> list[str]:
    import unicodedata

    from praktijkbank.checks.lookalikes import _STOPWORDS

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w for w in re.findall(r"[a-z0-9]+", plain.casefold()) if w not in _STOPWORDS]


def _old_alike(mine, theirs, place_words) -> bool:
    from collections import Counter
    import difflib

    def same_word(a, b):
        if a == b:
            return True
        shorter, longer = sorted((len(a), len(b)))
        if shorter < 5 or 2 * shorter / (shorter + longer) < 0.8:
            return False
        if 2 * sum((Counter(a) & Counter(b)).values()) / (shorter + longer) < 0.8:
            return False
        return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8

    core_mine = {w for w in mine if w not in place_words} or set(mine)
    core_theirs = {w for w in theirs if w not in place_words} or set(theirs)
    if not core_mine or not core_theirs:
        return False
    fewer, more = sorted((core_mine, core_theirs), key=len)
    return all(word in more or any(same_word(word, other) for other in more) for word in fewer)


def test_names_are_alike_as_before():
    from praktijkbank.checks import lookalikes

    rng = random.Random(13)
    words = ["proeftuin", "ruwaard", "ruwaart", "oss", "wonen", "woonen", "gemengd", "majella", "kaart", "a", "z",
             "de", "het", "buurtkamer", "buurtkamers", "havenkamp", "havenkampen", "zorg", "zorgen", "één", "Één",
             "Súdwest", "sudwest", "Fryslân", "ﬁets", "fiets", "12", "2024"]
    assert lookalikes._words("Súdwest-Fryslân ﬁets in de Buurt") == tuple(_old_words("Súdwest-Fryslân ﬁets in de Buurt"))
    alike = 0
    for _ in range(5000):
        name, other = (" ".join(rng.choice(words) for _ in range(rng.randrange(1, 5))) for _ in range(2))
        place = frozenset(rng.sample(["oss", "ruwaard", "utrecht", "havenkamp"], rng.randrange(3)))
        assert lookalikes._words(name) == tuple(_old_words(name))
        expected = _old_alike(_old_words(name), _old_words(other), place)
        assert lookalikes.names_alike(name, other, place) == expected, (name, other, place)
        alike += expected
    assert 100 < alike < 4900


def test_place_names_are_normalised_as_before():
    import json
    import unicodedata
    from importlib import resources

    from praktijkbank.geo.places import normalise

    def old(name: str) -> str:
        flat = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
        return " ".join("".join(c for c in flat if not unicodedata.combining(c)).casefold().split())

    rows = json.loads(resources.files("praktijkbank.geo").joinpath("data/places.json").read_text("utf-8"))["places"]
    names = [row[0] for row in rows] + [alternate for row in rows for alternate in row[6]]
    names += ["  Den  Haag ", "'s-Hertogenbosch", "\u2019s-Hertogenbosch", "Súdwest-Fryslân", "ﬁ", "A\tB\x0bC", "İ", ""]
    for name in names:
        assert normalise(name) == old(name), name


# -- the schema check ---------------------------------------------------------------------

@pytest.mark.parametrize("value", [None, "", " ", "\t\n", "x", " x ", [], [None], {}, {"a": 1}, 0, 0.0, False, True,
                                   dt.date(2024, 1, 1), yaml_tree.REFUSED, (), "\u00a0", "\u2028"])
def test_empty_values_are_what_they_were(value):
    from praktijkbank.checks.fields import _is_empty

    old = value is None or (isinstance(value, (str, list, dict))
                            and not (value.strip() if isinstance(value, str) else value))
    assert _is_empty(value) == old


def test_unknown_and_missing_fields_are_reported_in_the_order_they_were():
    from praktijkbank.content.schema import PRACTICE
    from praktijkbank.content.taxonomy import load_taxonomy
    from praktijkbank.checks.fields import FieldChecker
    from praktijkbank.content.reading import parse_document
    from support import ROOT

    text = ("---\nzz: 1\ntitle: Oss\ntitel: x\nsummary: ''\nplace:\n  scope: wijk\n  gemeente: Oss\n  x: 2\n"
            "partners: []\nsources:\n- url: https://example.org\n  titel: t\n---\n")
    log = ProblemLog("kaart.md")
    doc = parse_document(text, "kaart.md", log)
    FieldChecker(doc, log, load_taxonomy(ROOT / "taxonomy.yml"), dt.date(2026, 11, 22)).check(PRACTICE, doc.data, ())
    assert [(p.line, p.field, p.message.split(" (")[0]) for p in log.items][:6] == [
        (2, "zz", "onbekend veld"), (4, "titel", "onbekend veld"), (5, "summary", "verplicht veld is leeg"),
        (8, "place.gemeente", "onbekend veld"), (9, "place.x", "onbekend veld"), (1, "themes", "verplicht veld ontbreekt"),
    ]


def test_the_texts_left_after_the_placeholders_are_the_front_matters_texts(monkeypatch):
    from praktijkbank.content import cards as practices
    from praktijkbank.content.reading import parse_document
    from praktijkbank.content.taxonomy import load_taxonomy
    from support import ROOT

    taxonomy = load_taxonomy(ROOT / "taxonomy.yml")
    left, found = [], 0
    original = practices.report_placeholders
    monkeypatch.setattr(practices, "report_placeholders", lambda *args: left.append(original(*args)) or left[-1])
    for path in sorted((ROOT / "practices").glob("*.md"))[:5]:
        text = path.read_text(encoding="utf-8")
        for changed in (text, text.replace("title: ", "title: INVULLEN ", 1).replace("- name: ", "- name: INVULLEN ", 1)
                        .replace("## Aanpak\n", "## Aanpak\nINVULLEN\n", 1)):
            log = ProblemLog(path.name)
            doc = parse_document(changed, path.name, log)
            if doc is None:  # a quoted title with a ':' in it is no longer YAML
                continue
            practices.practice_from_document(doc, path.stem, log, taxonomy, dt.date(2026, 11, 22))
            assert left[-1] == yaml_tree.strings_in(doc.data)  # the whole check changed nothing after them
            found += sum(p.message.startswith("nog niet ingevuld") for p in log.items)
    assert found >= 8


def test_front_matter_is_split_off_as_line_by_line():
    from praktijkbank.content.reading import FENCE, split_front_matter

    def old(text: str):
        lines = text.split("\n")
        if lines[0].rstrip() != FENCE:
            return None
        for index in range(1, len(lines)):
            if lines[index].rstrip() in (FENCE, "..."):
                return "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1:]), index + 2
        return None

    rng = random.Random(19)
    pieces = ["---", "...", "--- ", "---\t", " ---", "----", "---x", "..", "....", "title: x", "", "\u2028", "\x85",
              "\r", "tekst", "a: b", "---\u00a0", "...  "]
    texts = ["\n".join(rng.choice(pieces) for _ in range(rng.randrange(1, 8))) for _ in range(5000)]
    for text in texts:
        log = ProblemLog("kaart.md")
        assert split_front_matter(text, log) == old(text), repr(text)
        assert bool(log.items) == (old(text) is None)


def test_brackets_too_deep_are_found_as_before():
    def old(text):
        depth = 0
        for match in yaml_tree._BRACKET.finditer(text):
            depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
            if depth > yaml_tree.MAX_BRACKET_DEPTH:
                return match.start()
        return None

    rng = random.Random(23)
    limit = yaml_tree.MAX_BRACKET_DEPTH
    texts = ["[" * limit, "[" * (limit + 1), "{" * limit + "[", "[]" * 100, "]" * 100 + "[" * (limit + 1)]
    texts += ["".join(rng.choice("[]{}x") for _ in range(rng.randrange(200))) for _ in range(3000)]
    texts += ["".join(rng.choice("[{[{]x") for _ in range(rng.randrange(300))) for _ in range(3000)]
    for text in texts:
        assert yaml_tree._too_deep_brackets(text) == old(text)
    assert any(old(text) is not None for text in texts)


@pytest.mark.parametrize("name", ["places.json", "provinces.json"])
def test_map_data_read_from_the_folder_is_what_importlib_resources_reads(name, monkeypatch, tmp_path):
    import json
    from importlib import resources

    from praktijkbank import geo

    expected = json.loads(resources.files("praktijkbank.geo").joinpath("data/" + name).read_text("utf-8"))
    assert geo.load_data(name) == expected
    monkeypatch.setattr(geo, "_DATA", tmp_path / "nergens")  # as from a zip: no folder to read from
    assert geo.load_data(name) == expected


@pytest.mark.parametrize("levels, leaf, refused_line", [(11, "x", None), (11, "[x]", 13), (12, "x", 14), (12, "[x]", 14)])
def test_texts_nested_as_deep_as_allowed_and_deeper(levels, leaf, refused_line, monkeypatch):
    text = "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + f"k{levels}: {leaf}\n"
    results = []
    for libyaml_allowed in (True, False):
        if not libyaml_allowed:
            monkeypatch.setattr(yaml_tree, "_libyaml_gives_the_same", lambda _: False)
        log = ProblemLog("kaart.md")
        value, _, ok = yaml_tree.load_yaml_tree(text, 2, log)
        results.append((repr(value), [p.text() for p in log.items]))
        assert ok
        if refused_line is None:
            assert not log.items and repr(value).endswith("'x'" + "}" * (levels + 1))
        else:
            assert [p.line for p in log.items] == [refused_line] and "REFUSED" in repr(value)
            assert log.items[0].message == "te diep genest"
    assert results[0] == results[1]


@libyaml
def test_libyaml_is_left_alone_when_pyyaml_has_path_resolvers(monkeypatch):
    assert yaml_tree._libyaml_gives_the_same("title: Oss\n")
    monkeypatch.setattr(yaml.CSafeLoader, "yaml_path_resolvers", {("x",): "tag"})
    assert not yaml_tree._libyaml_gives_the_same("title: Oss\n")


@pytest.mark.parametrize("raw", [b"a\r\nb\rc\nd", b"a\nb", b"x\r", b"\xef\xbb\xbf---\r\n", "caf\u00e9\r\n".encode()])
def test_line_endings_are_made_plain_as_before(raw):
    from praktijkbank.content.reading import decode

    assert decode(raw, ProblemLog("kaart.md")) == raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def test_paths_are_shown_relative_as_relative_to_shows_them():
    from pathlib import PurePosixPath

    from praktijkbank.content.cards import _relative

    paths = ["/", "/a", "/a/b", "/a/bc", "/a/b/c.md", "/ab/c", "/a/b c/d.md", "/é/ü.md"]
    for text in paths:
        for base_text in paths:
            path, base = PurePosixPath(text), PurePosixPath(base_text)
            try:
                expected = path.relative_to(base).as_posix()
            except ValueError:
                expected = ValueError
            try:
                got = _relative(path, base)
            except ValueError:
                got = ValueError
            assert got == expected, (text, base_text)
