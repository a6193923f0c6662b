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
from collections.abc import Callable
from typing import Any

import yaml

from ..checks.problems import ProblemLog

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


def strings_in(value: Any, path: FieldPath = ()) -> list[tuple[FieldPath, str]]:
    """Every string in a tree of plain values, with its field path: ``(("partners", 0, "name"), "…")``.

    In the order of the tree: the fields of a mapping in order, depth first.
    """
    if isinstance(value, str):
        return [(path, value)]
    found: list[tuple[FieldPath, str]] = []
    if isinstance(value, (dict, list)):
        _collect_strings(value, path, found)
    return found


def _collect_strings(container: dict | list, path: FieldPath, found: list) -> None:
    # A call per container, not per value: every text of every card passes through here.
    for key, item in container.items() if isinstance(container, dict) else enumerate(container):
        if isinstance(item, str):
            found.append((path + (key,), item))
        elif isinstance(item, (dict, list)):
            _collect_strings(item, path + (key,), found)


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


_STR_TAG = "tag:yaml.org,2002:str"


class _TreeBuilder:
    def __init__(self, loader: yaml.BaseLoader, line_of: Callable[[yaml.Node], int], log: ProblemLog) -> None:
        self.loader = loader
        self.line_of = line_of  # the file line on which a node starts
        self.log = log
        self.lines: dict[FieldPath, int] = {}

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
            lines, line_of, build = self.lines, self.line_of, self.build
            plain = self._plain_children(depth)
            for index, child in enumerate(node.value):
                child_path = path + (index,)
                lines[child_path] = line_of(child)
                if plain and child.__class__ is yaml.ScalarNode and child.tag == _STR_TAG:
                    items.append(child.value)
                else:
                    items.append(build(child, child_path, depth + 1))
            return items
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> Any:
        if node.tag != "tag:yaml.org,2002:map":
            return self._refuse_tag(node, path)
        result: dict[str, Any] = {}
        lines, line_of, build = self.lines, self.line_of, self.build
        plain = self._plain_children(depth)
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or isinstance(key_node, _AliasNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                self.log.add(line_of(key_node), field_name(path), "een veldnaam moet gewone tekst zijn")
                continue
            key = str(key_node.value)
            key_path = path + (key,)
            if key in result:
                self.log.add(
                    line_of(key_node),
                    field_name(key_path),
                    f"dit veld staat twee keer in de kop (eerst op regel {lines[key_path]})",
                    "elk veld één keer",
                )
                continue
            lines[key_path] = line_of(key_node)
            if plain and value_node.__class__ is yaml.ScalarNode and value_node.tag == _STR_TAG:
                result[key] = value_node.value
            else:
                result[key] = build(value_node, key_path, depth + 1)
        return result

    def _plain_children(self, depth: int) -> bool:
        """Whether a child that is a text node (no alias, no custom tag) is just its text.

        So it is when no node carries an anchor and the child is not nested too deep: then
        ``build`` would only get there by way of ``_scalar``, which returns the node's value
        (SafeConstructor.construct_yaml_str does). Most values of a card are such texts.
        """
        return depth < MAX_DEPTH and not self.loader.anchored

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # what construct_object gives, without its bookkeeping
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
    if text.count("[") + text.count("{") <= MAX_BRACKET_DEPTH:
        return None  # each level needs one of them
    depth = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_BRACKET_DEPTH:
            return match.start()
    return None


# libyaml, PyYAML's parser in C, reads front matter many times faster than the parser in Python
# (at 1,000 cards 78 % of `praktijkbank check`; bench/README.md, C2). It is used only where both give the same
# result: no anchors or aliases (libyaml's composer resolves them, and they must be refused),
# no tabs, control characters or line breaks other than '\n', no deep nesting (it recurses in C).
# On any error the Python parser reads the text again, so every message stays the same.
_MAYBE_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]\S", re.MULTILINE)
_MAX_FAST_PREFIX = 100
# A line starting with more indentation and indicators (its nesting) than libyaml may take.
_FIRST_LINE_TOO_DEEP = re.compile(f"[ ?:-]{{{_MAX_FAST_PREFIX + 1}}}")
_LINE_TOO_DEEP = re.compile(f"\n[ ?:-]{{{_MAX_FAST_PREFIX + 1}}}")
# What PyYAML's reader refuses (yaml.reader.Reader.NON_PRINTABLE), and also tabs and every
# line break but '\n' (U+000D, U+0085, U+2028, U+2029): then libyaml counts lines as
# _FileLines does. One class of the characters themselves, so one quick pass and quick to
# compile (tests/test_check_speed.py checks that it is exactly that set).
_NOT_FOR_LIBYAML = re.compile("[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]")


def _libyaml_gives_the_same(text: str) -> bool:
    return (
        getattr(yaml, "__with_libyaml__", False)
        and not yaml.CSafeLoader.yaml_path_resolvers  # none in PyYAML; _CLoader relies on that
        and not (("&" in text or "*" in text) and _MAYBE_ANCHOR_OR_ALIAS.search(text))
        and not _NOT_FOR_LIBYAML.search(text)
        and not (_FIRST_LINE_TOO_DEEP.match(text) or _LINE_TOO_DEEP.search(text))
    )


def _rules_by_first_character(resolver: type[yaml.resolver.BaseResolver]) -> tuple[dict[str, tuple], tuple]:
    """``resolver``'s implicit rules for scalars starting with each character, as ``resolve`` gathers them."""
    any_first = tuple(resolver.yaml_implicit_resolvers.get(None, ()))
    return {first: tuple(rules) + any_first for first, rules in resolver.yaml_implicit_resolvers.items()
            if first is not None}, any_first


if getattr(yaml, "__with_libyaml__", False):
    _RULES, _ANY_FIRST = _rules_by_first_character(yaml.CSafeLoader)
    _DEFAULT_TAGS = {yaml.ScalarNode: yaml.CSafeLoader.DEFAULT_SCALAR_TAG,
                     yaml.SequenceNode: yaml.CSafeLoader.DEFAULT_SEQUENCE_TAG,
                     yaml.MappingNode: yaml.CSafeLoader.DEFAULT_MAPPING_TAG}
    _TAG_OF_PLAIN: dict[str, str] = {}  # field names and short values come back on every card
    _MAX_REMEMBERED = 64  # characters of a value
    _MAX_VALUES_REMEMBERED = 100_000  # so that a long-running process (mkdocs serve) stays bounded

    class _CLoader(yaml.CSafeLoader):
        """libyaml's safe loader, resolving the tags of plain scalars in fewer steps.

        libyaml asks Python for the tag of every node, and ``Resolver.resolve`` gathers its
        rules anew for each one. Here the rules for each first character are gathered once,
        in the same order, and the tag of a short text is remembered: every tag is the same
        (tests/test_check_speed.py compares them). 7 % of the check at 1,000 cards (bench/README.md, C3).
        """

        anchored: frozenset[int] = frozenset()  # libyaml only gets texts without anchors
        # Without path resolvers (only then is libyaml used) there is nothing to follow as
        # libyaml goes down and up the tree, yet it calls these for every node: callables in C
        # that take the same arguments and do nothing with them spare it running any Python.
        descend_resolver = staticmethod(slice)  # (parent, index)
        ascend_resolver = staticmethod(tuple)  # ()

        def resolve(self, kind, value, implicit):
            if kind is not yaml.ScalarNode or not implicit[0]:
                return _DEFAULT_TAGS[kind]
            if value in _TAG_OF_PLAIN:
                return _TAG_OF_PLAIN[value]
            tag = self.DEFAULT_SCALAR_TAG
            for rule_tag, pattern in _RULES.get(value[:1], _ANY_FIRST):
                if pattern.match(value):
                    tag = rule_tag
                    break
            if len(value) <= _MAX_REMEMBERED and len(_TAG_OF_PLAIN) < _MAX_VALUES_REMEMBERED:
                _TAG_OF_PLAIN[value] = tag
            return tag


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, for files such as taxonomy.yml."""
    return yaml.safe_load(text)


def _load_with_libyaml(text: str, first_line: int, log: ProblemLog) -> tuple[Any, dict[FieldPath, int], bool] | None:
    """The tree as libyaml reads it, or None when the Python parser must read it (and report)."""
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if node is None:
        return None, {}, True
    # No line break but '\n' gets here, so libyaml's own line count is the file's.
    builder = _TreeBuilder(loader, lambda node: node.start_mark.line + first_line, log)
    return builder.build(node, ()), builder.lines, True


def load_yaml_tree(text: str, first_line: int, log: ProblemLog) -> tuple[Any, dict[FieldPath, int], bool]:
    """Parse ``text`` (front matter starting at file line ``first_line``).

    Returns (value, lines, ok); problems go to ``log``. ``ok`` is False when the
    YAML could not be read at all. A refused value (an alias, a custom tag) is
    ``REFUSED`` in the result.
    """
    too_deep = _too_deep_brackets(text)
    if too_deep is not None:
        line = _FileLines(text, first_line).at(too_deep)
        log.add(line, "kop", "de kop is te diep genest om te lezen", f"hoogstens {MAX_DEPTH} niveaus")
        return None, {}, False
    if _libyaml_gives_the_same(text):
        loaded = _load_with_libyaml(text, first_line, log)
        if loaded is not None:
            return loaded
    where = _FileLines(text, first_line)
    loader = None
    try:
        loader = _Loader(text)  # already reads the text, and refuses control characters
        node = loader.get_single_node()
        if node is None:
            return None, {}, True
        builder = _TreeBuilder(loader, lambda node: where.at(node.start_mark.index), log)
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
