"""Safe YAML reading that remembers on which line every value stands.

PyYAML's ``safe_load`` loses line numbers and happily expands aliases (the
"billion laughs" attack). We compose the node tree with the safe loader and
build plain Python values ourselves: every value gets its line, anchors,
aliases and custom tags are refused (at the line where they stand), duplicate
keys are reported instead of silently overwritten.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml

from .problems import ProblemLog

FieldPath = tuple  # ("partners", 0, "role")

MAX_DEPTH = 12

# Stands in for a value that was refused (and reported) while reading, so the
# schema check does not report it a second time as empty or of the wrong type.
class _Refused:
    def __repr__(self) -> str:
        return "REFUSED"


REFUSED = _Refused()

_ANCHORS_NL = "verwijzingen met & en * (ankers en aliassen) zijn niet toegestaan"

_STANDARD_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

# PyYAML's problems in words a contributor understands.
_YAML_PROBLEMS_NL = {
    "mapping values are not allowed here": (
        "hier mag geen dubbele punt staan; zet tekst met een ':' erin tussen aanhalingstekens"
    ),
    "found character '\\t' that cannot start any token": (
        "tabs zijn niet toegestaan in de kop; gebruik spaties om in te springen"
    ),
    "could not find expected ':'": "na een veldnaam hoort een dubbele punt",
    "found unexpected end of stream": "het bestand houdt onverwacht op; mist er een aanhalingsteken?",
    "expected <block end>, but found '-'": "een lijstpunt '-' staat niet goed ingesprongen",
    "expected <block end>, but found '<block mapping start>'": (
        "de inspringing klopt niet: een veld staat verder of minder ver in dan de velden eromheen"
    ),
    "expected <block end>, but found '<scalar>'": "de inspringing klopt niet",
    "expected ',' or ']', but got": "een lijst tussen [ ] is niet goed afgesloten",
    "expected ',' or '}', but got": "een blok tussen { } is niet goed afgesloten",
    "found unknown escape character": "onbekende \\-code binnen dubbele aanhalingstekens",
    "found unexpected ':'": "onverwachte dubbele punt; zet de tekst tussen aanhalingstekens",
}


def strings_in(value: Any, path: FieldPath = ()):
    """Every string in a tree of plain values, with its field path: ``(("partners", 0, "name"), "…")``."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, path + (index,))


def field_name(path: FieldPath) -> str:
    """('partners', 1, 'role') -> 'partners[2].role' (people count from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "kop"


_GENERAL_HINT = "zie de voorbeeldkaart in CONTRIBUTING.md"
_KEY_WITH_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s#:][^:]*:\s+\S")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _indented_too_far(lines: list[str], index: int) -> bool:
    """Whether line ``index`` stands further in than the 'key: value' line above it."""
    above = [line for line in lines[:index] if line.strip() and not line.lstrip().startswith("#")]
    if not above or index >= len(lines):
        return False
    return _indent(lines[index]) > _indent(above[-1]) and bool(_KEY_WITH_VALUE.match(above[-1]))


def _dutch_problem(exc: yaml.MarkedYAMLError, lines: list[str], index: int) -> tuple[str, str]:
    """(what is wrong, what to do) for a PyYAML error at front matter line ``index``."""
    problem = (exc.problem or exc.context or "").strip()
    if problem.startswith("mapping values are not allowed here") and _indented_too_far(lines, index):
        # 'scope: wijk' followed by '   municipality: Oss': PyYAML reads one text with a ':' in it.
        return (
            "de inspringing klopt niet: deze regel staat verder in dan het veld erboven",
            "spring even ver in als het veld erboven; hoort de regel bij de tekst erboven, "
            "zet die tekst dan tussen aanhalingstekens",
        )
    for english, dutch in _YAML_PROBLEMS_NL.items():
        if problem.startswith(english):
            return dutch, _GENERAL_HINT
    return f"de kop is geen geldige YAML ({problem})", _GENERAL_HINT


class _AliasNode(yaml.ScalarNode):
    """Where a '*name' alias stood. Aliases are refused, so it is never resolved."""


class _Loader(yaml.SafeLoader):
    """The safe loader, composing without anchors or aliases, remembering where they stood."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.anchored: set[int] = set()  # ids of nodes that carried an '&name' anchor

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            return _AliasNode("alias", f"*{event.anchor}", event.start_mark, event.end_mark)
        event = self.peek_event()
        anchored = getattr(event, "anchor", None) is not None
        if anchored:
            event.anchor = None  # never registered, so nothing can be expanded from it
        node = super().compose_node(parent, index)
        if anchored:
            self.anchored.add(id(node))
        return node


class _FileLines:
    """File line of a character position, counting only '\n' as editors and the body checks do.

    PyYAML's own line numbers also break at U+0085, U+2028 and U+2029, which would
    shift every later line.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.breaks = [match.start() for match in re.finditer("\n", text)]
        self.first_line = first_line

    def at(self, index: int) -> int:
        return bisect.bisect_left(self.breaks, index) + self.first_line


class _TreeBuilder:
    def __init__(self, loader: _Loader, where: _FileLines, log: ProblemLog) -> None:
        self.loader = loader
        self.where = where
        self.log = log
        self.lines: dict[FieldPath, int] = {}

    def line_of(self, node: yaml.Node) -> int:
        return self.where.at(node.start_mark.index)

    def build(self, node: yaml.Node, path: FieldPath, depth: int = 0) -> Any:
        if isinstance(node, _AliasNode):
            self.log.add(self.line_of(node), field_name(path), _ANCHORS_NL, "schrijf de waarde voluit")
            return REFUSED
        if id(node) in self.loader.anchored:
            self.log.add(self.line_of(node), field_name(path), _ANCHORS_NL, "schrijf de waarde voluit")
        if depth > MAX_DEPTH:
            self.log.add(self.line_of(node), field_name(path), "te diep genest", f"hoogstens {MAX_DEPTH} niveaus")
            return REFUSED
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                return self._refuse_tag(node, path)
            items = []
            for index, child in enumerate(node.value):
                self.lines[path + (index,)] = self.line_of(child)
                items.append(self.build(child, path + (index,), depth + 1))
            return items
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> Any:
        if node.tag != "tag:yaml.org,2002:map":
            return self._refuse_tag(node, path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or isinstance(key_node, _AliasNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                self.log.add(self.line_of(key_node), field_name(path), "een veldnaam moet gewone tekst zijn")
                continue
            key = str(key_node.value)
            key_path = path + (key,)
            if key in result:
                self.log.add(
                    self.line_of(key_node),
                    field_name(key_path),
                    f"dit veld staat twee keer in de kop (eerst op regel {self.lines[key_path]})",
                    "elk veld één keer",
                )
                continue
            self.lines[key_path] = self.line_of(key_node)
            result[key] = self.build(value_node, key_path, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        if node.tag not in _STANDARD_SCALAR_TAGS:
            return self._refuse_tag(node, path)
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError):
            # An impossible date such as 2024-13-45: keep the text, the schema says what is wrong.
            return str(node.value)

    def _refuse_tag(self, node: yaml.Node, path: FieldPath) -> Any:
        self.log.add(
            self.line_of(node),
            field_name(path),
            f"YAML-tag '{node.tag}' is niet toegestaan",
            "alleen gewone tekst, getallen, datums, lijsten en velden",
        )
        return REFUSED


# PyYAML slows down more than linearly on deeply nested [ ] and { } (several seconds
# for a 200 kB file of '['), before it runs out of stack. No card comes near this
# depth, so such text is refused before it is parsed.
MAX_BRACKET_DEPTH = 4 * MAX_DEPTH
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep_brackets(text: str) -> int | None:
    """Position where [ and { stand nested deeper than MAX_BRACKET_DEPTH, if anywhere."""
    depth = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_BRACKET_DEPTH:
            return match.start()
    return None


# libyaml, PyYAML's parser in C, reads front matter many times faster than the parser in Python
# (at 1,000 cards most of `praktijkbank check`). It is used only where both give the same
# result: no anchors or aliases (libyaml's composer resolves them, and they must be refused),
# no tabs, control characters or unusual line breaks, no deep nesting (it recurses in C). On
# any error the Python parser reads the text again, so every message stays the same.
_MAYBE_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]\S", re.MULTILINE)
_LINE_PREFIX = re.compile(r"^[ ?:-]*", re.MULTILINE)  # indentation and indicators: the nesting of a line
_MAX_FAST_PREFIX = 100
_NOT_FOR_LIBYAML = re.compile("[\t\x85\u2028\u2029]")


def _libyaml_gives_the_same(text: str) -> bool:
    return (
        getattr(yaml, "__with_libyaml__", False)
        and not _MAYBE_ANCHOR_OR_ALIAS.search(text)
        and not _NOT_FOR_LIBYAML.search(text)
        and not yaml.reader.Reader.NON_PRINTABLE.search(text)
        and max(map(len, _LINE_PREFIX.findall(text)), default=0) <= _MAX_FAST_PREFIX
    )


def _load_with_libyaml(text: str, where: _FileLines, log: ProblemLog) -> tuple[Any, dict[FieldPath, int], bool] | None:
    """The tree as libyaml reads it, or None when the Python parser must read it (and report)."""
    loader = yaml.CSafeLoader(text)
    loader.anchored = set()  # libyaml only gets texts without anchors
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if node is None:
        return None, {}, True
    builder = _TreeBuilder(loader, where, log)
    return builder.build(node, ()), builder.lines, True


def load_yaml_tree(text: str, first_line: int, log: ProblemLog) -> tuple[Any, dict[FieldPath, int], bool]:
    """Parse ``text`` (front matter starting at file line ``first_line``).

    Returns (value, lines, ok); problems go to ``log``. ``ok`` is False when the
    YAML could not be read at all. A refused value (an alias, a custom tag) is
    ``REFUSED`` in the result.
    """
    where = _FileLines(text, first_line)
    too_deep = _too_deep_brackets(text)
    if too_deep is not None:
        log.add(where.at(too_deep), "kop", "de kop is te diep genest om te lezen", f"hoogstens {MAX_DEPTH} niveaus")
        return None, {}, False
    if _libyaml_gives_the_same(text):
        loaded = _load_with_libyaml(text, where, log)
        if loaded is not None:
            return loaded
    loader = None
    try:
        loader = _Loader(text)  # already reads the text, and refuses control characters
        node = loader.get_single_node()
        if node is None:
            return None, {}, True
        builder = _TreeBuilder(loader, where, log)
        return builder.build(node, ()), builder.lines, True
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and any(what in (exc.context or "") for what in ("quoted scalar", "flow")):
            mark = exc.context_mark  # an unclosed quote or [ ]: point where it opens, not where it is noticed
        line = where.at(mark.index) if mark else first_line
        message, allowed = _dutch_problem(exc, text.split("\n"), line - first_line)
        log.add(line, "kop", message, allowed)
    except yaml.reader.ReaderError as exc:
        log.add(
            where.at(exc.position),
            "kop",
            f"de kop bevat een onzichtbaar stuurteken (U+{exc.character:04X}) dat niet is toegestaan",
            "haal het teken weg; het komt vaak mee bij kopiëren uit een ander programma",
        )
    except yaml.YAMLError as exc:
        log.add(first_line, "kop", f"de kop is geen geldige YAML ({exc})")
    except RecursionError:
        log.add(first_line, "kop", "de kop is te diep genest om te lezen", f"hoogstens {MAX_DEPTH} niveaus")
    finally:
        if loader is not None:
            loader.dispose()
    return None, {}, False
