"""Safe YAML reading that remembers on which line every value stands.

PyYAML's ``safe_load`` loses line numbers and happily expands aliases (the
"billion laughs" attack). We compose the node tree with the safe loader and
build plain Python values ourselves: every value gets its line, aliases and
custom tags are refused, duplicate keys are reported instead of silently
overwritten.
"""

from __future__ import annotations

from typing import Any

import yaml

from .problems import ProblemLog

FieldPath = tuple  # ("partners", 0, "role")

MAX_DEPTH = 12

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
    "found undefined alias": "verwijzingen met * zijn niet toegestaan",
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


def field_name(path: FieldPath) -> str:
    """('partners', 1, 'role') -> 'partners[2].role' (people count from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "kop"


def _dutch_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "").strip()
    for english, dutch in _YAML_PROBLEMS_NL.items():
        if problem.startswith(english):
            return dutch
    return f"de kop is geen geldige YAML ({problem})"


class _TreeBuilder:
    def __init__(self, loader: yaml.SafeLoader, first_line: int, log: ProblemLog) -> None:
        self.loader = loader
        self.first_line = first_line
        self.log = log
        self.lines: dict[FieldPath, int] = {}
        self.seen: set[int] = set()

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def build(self, node: yaml.Node, path: FieldPath, depth: int = 0) -> Any:
        if id(node) in self.seen:
            self.log.add(
                self.line_of(node),
                field_name(path),
                "verwijzingen met & en * (ankers en aliassen) zijn niet toegestaan",
                "schrijf de waarde voluit",
            )
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.log.add(self.line_of(node), field_name(path), "te diep genest", f"hoogstens {MAX_DEPTH} niveaus")
            return None
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
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
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

    def _refuse_tag(self, node: yaml.Node, path: FieldPath) -> None:
        self.log.add(
            self.line_of(node),
            field_name(path),
            f"YAML-tag '{node.tag}' is niet toegestaan",
            "alleen gewone tekst, getallen, datums, lijsten en velden",
        )
        return None


def load_yaml_tree(text: str, first_line: int, log: ProblemLog) -> tuple[Any, dict[FieldPath, int], bool]:
    """Parse ``text`` (front matter starting at file line ``first_line``).

    Returns (value, lines, ok); problems go to ``log``. ``ok`` is False when the
    YAML could not be read at all.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, True
        builder = _TreeBuilder(loader, first_line, log)
        return builder.build(node, ()), builder.lines, True
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        log.add(line, "kop", _dutch_problem(exc), "zie de voorbeeldkaart in CONTRIBUTING.md")
    except yaml.YAMLError as exc:
        log.add(first_line, "kop", f"de kop is geen geldige YAML ({exc})")
    except RecursionError:
        log.add(first_line, "kop", "de kop is te diep genest om te lezen", f"hoogstens {MAX_DEPTH} niveaus")
    finally:
        loader.dispose()
    return None, {}, False
