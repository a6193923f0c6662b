"""Robust loading: any input is either a valid card or clear problems; never an exception or a hang.

Property-based tests (hypothesis) feed the loader and validator random bytes,
random front matter and bodies, and mutations of a valid card. Hostile input
(alias bombs, Python tags, deep nesting, very long lines, huge files) is refused
with a message. A hang guard stops any single input after HANG_SECONDS: that
is a hang, not a slow case (the inputs here take milliseconds; see the report
of issue 8 for measured times).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import tempfile
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load

from praktijkbank.checks.nesting import MAX_BRACKETS_PER_PARAGRAPH, MAX_INDENT, MAX_MARKDOWN_BLOCKS, MAX_QUOTE_DEPTH
from praktijkbank.content.reading import MAX_FILE_BYTES
from praktijkbank.content.cards import load_practice_file, load_practices
from praktijkbank.content.schema import PRACTICE, REQUIRED_HEADINGS
from praktijkbank.content.yaml_tree import MAX_DEPTH
from support import ROOT, TODAY, VALID_CARD, line_of

DISPLAY = "practices/kaart.md"
HANG_SECONDS = 20
PROPERTY = settings(
    max_examples=200,
    deadline=dt.timedelta(seconds=5),  # generous: a guard against runaway inputs, not a benchmark
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Hang(Exception):
    pass


@contextlib.contextmanager
def hang_guard(seconds: int = HANG_SECONDS):
    """Fail instead of waiting forever (pytest runs tests in the main thread, so SIGALRM works)."""
    def alarm(signum, frame):
        raise Hang(f"geen antwoord na {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_FOLDER = Path(tempfile.mkdtemp(prefix="praktijkbank-robust-"))


def load(raw: bytes | str, taxonomy, name: str = "kaart.md"):
    """Load one card from ``raw`` as the build does; the problems must all be well formed."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    path = _FOLDER / name
    path.write_bytes(data)
    with hang_guard():
        practice, log = load_practice_file(path, DISPLAY, taxonomy, TODAY)
    assert (practice is None) == log.has_errors, "geldig en fouten tegelijk, of ongeldig zonder fout"
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for problem in log.items:
        assert problem.path == DISPLAY, problem
        assert isinstance(problem.field, str) and problem.field, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert 1 <= problem.line <= lines, problem.text()
        # Named as the site does, with the key in brackets; a name that is no key of a card as it is.
        assert problem.label == problem.field or problem.label.endswith(f" ({problem.field})"), problem
        assert problem.text().startswith(f"{DISPLAY}:{problem.line}: {problem.label}: ")
        assert "Traceback" not in problem.text()
    return practice, log.items


def messages(problems) -> str:
    return "\n".join(p.text() for p in problems)


# -- strategies ------------------------------------------------------------------------------------

_FRONT, _BODY = VALID_CARD.split("---\n")[1:3]
VALID_DATA = yaml.safe_load(_FRONT)
FIELD_NAMES = [f.name for f in PRACTICE.fields]

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=60), st.dates(), st.datetimes(),
    st.sampled_from(["lopend", "wijkaanpak", "https://example.org", "2024-02-30", "0x1F", ".inf", "~", "ja", "no"]),
)
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=15), children, max_size=4)),
    max_leaves=25,
)
_markdown_bits = st.sampled_from([
    "## ", "# ", "### ", "- ", "1. ", "> ", "    ", "\t", "*", "_", "`", "```\n", "[", "](", ")", "<", ">", "&",
    "<div markdown>", "</div>", "<script>", "onload=", "javascript:", "<iframe>", "|", "---", "\n", "\n\n",
    *(f"## {heading}\n" for heading in REQUIRED_HEADINGS), "Tekst. ", "é", "\u2028", "\x00", "{: .x }",
])
bodies = st.lists(st.one_of(_markdown_bits, st.text(max_size=20)), max_size=40).map("".join)


@st.composite
def random_front_matter(draw) -> str:
    """The valid card's fields, some replaced, removed or joined by random ones, as YAML."""
    data = dict(VALID_DATA)
    for name in draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=4)):
        data.pop(name, None)
    overrides = draw(st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=15)), _values,
                                     max_size=4))
    data.update(overrides)
    flow = draw(st.sampled_from([False, True, None]))
    return yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=draw(st.booleans()))


def _swap_lines(draw, text: str) -> str:
    lines = text.split("\n")
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _delete_line(draw, text: str) -> str:
    lines = text.split("\n")
    del lines[draw(st.integers(0, len(lines) - 1))]
    return "\n".join(lines)


def _duplicate_line(draw, text: str) -> str:
    lines = text.split("\n")
    index = draw(st.integers(0, len(lines) - 1))
    return "\n".join(lines[: index + 1] + lines[index:])


def _reindent(draw, text: str) -> str:
    lines = text.split("\n")
    index = draw(st.integers(0, len(lines) - 1))
    lines[index] = " " * draw(st.integers(0, 9)) + lines[index].lstrip()
    return "\n".join(lines)


def _insert(draw, text: str) -> str:
    position = draw(st.integers(0, len(text)))
    noise = draw(st.one_of(_markdown_bits, st.text(max_size=12), st.sampled_from([
        "&a ", "*a", "!!python/object/apply:os.system ['true'] ", "!!set ", "!x ", "<<: *a", "? ", "%YAML 1.1\n",
        ": ", "'", '"', "{", "}", "[", "]", "\ufeff", "\r", "...\n", "---\n",
    ])))
    return text[:position] + noise + text[position:]


def _truncate(draw, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


_MUTATIONS = [_swap_lines, _delete_line, _duplicate_line, _reindent, _insert, _truncate]


@st.composite
def mutated_cards(draw) -> str:
    text = VALID_CARD
    for _ in range(draw(st.integers(1, 4))):
        text = draw(st.sampled_from(_MUTATIONS))(draw, text)
    return text


# -- properties ------------------------------------------------------------------------------------


@PROPERTY
@given(raw=st.binary(max_size=3000))
def test_random_bytes_are_a_card_or_problems(raw, taxonomy):
    practice, problems = load(raw, taxonomy)
    assert practice is None and problems  # random bytes are never a complete card


@PROPERTY
@given(raw=st.binary(max_size=400).map(lambda noise: b"---\n" + noise + b"\n---\n" + _BODY.encode()))
def test_random_bytes_as_front_matter(raw, taxonomy):
    load(raw, taxonomy)


@PROPERTY
@given(front=random_front_matter(), body=st.one_of(st.just(_BODY), bodies))
def test_random_front_matter_and_bodies(front, body, taxonomy):
    practice, problems = load(f"---\n{front}---\n{body}", taxonomy)
    if practice is not None:
        assert practice.title.strip() and practice.sources


@PROPERTY
@given(text=mutated_cards())
def test_mutated_cards_are_valid_or_reported(text, taxonomy):
    load(text, taxonomy)


with (ROOT / "mkdocs.yml").open(encoding="utf-8") as _config:
    _EXTENSIONS = mkdocs_yaml_load(_config)["markdown_extensions"]  # mkdocs.yml has !ENV tags


def render(body: str) -> str:
    """The body as the site renders it, with mkdocs.yml's Markdown extensions."""
    names = [e if isinstance(e, str) else next(iter(e)) for e in _EXTENSIONS]
    configs = {next(iter(e)): next(iter(e.values())) or {} for e in _EXTENSIONS if isinstance(e, dict)}
    with hang_guard():
        return markdown.markdown(body, extensions=names, extension_configs=configs)


@PROPERTY
@given(text=st.one_of(mutated_cards(), st.builds(lambda b: VALID_CARD.split("## In het kort")[0] + b, bodies)))
def test_a_card_that_validates_also_renders(text, taxonomy):
    """What the validator lets through, Python-Markdown renders: the strict build cannot crash on it."""
    practice, _ = load(text, taxonomy)
    if practice is not None:
        render(practice.body)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cards=st.lists(mutated_cards(), min_size=2, max_size=5))
def test_every_file_of_a_run_becomes_a_card_or_an_error(cards, taxonomy, tmp_path_factory):
    """Nothing is lost silently: each file is either a valid card or named by at least one error."""
    folder = tmp_path_factory.mktemp("practices")
    paths = []
    for index, text in enumerate(cards):
        path = folder / f"kaart-{index}.md"
        path.write_text(text.replace("Voorbeeldpraktijk", f"Voorbeeldpraktijk {index}"), encoding="utf-8")
        paths.append(path)
    with hang_guard():
        result = load_practices(paths, taxonomy, TODAY, root=folder.parent)
    valid = {p.source_path for p in result.practices}
    with_errors = {p.path for p in result.errors}
    assert valid | with_errors == {f"{folder.name}/{p.name}" for p in paths}
    assert not valid & with_errors


# -- hostile YAML ----------------------------------------------------------------------------------

def _with_field(line: str) -> str:
    return VALID_CARD.replace("keywords: [voorbeeld]\n", f"keywords: [voorbeeld]\n{line}\n")


_LAUGHS = "".join(f"x{i}: &x{i + 1} [" + ", ".join([f"*x{i}"] * 10) + "]\n" for i in range(1, 20))

HOSTILE_YAML = {
    # name: (card text, field, words in the message, line marker)
    "alias-bom": (_with_field("x0: &x1 [lol]\n" + _LAUGHS.rstrip()), "x1[1]", "ankers en aliassen", "x1: &x2"),
    "alias-als-veldnaam": (_with_field("? *x\n: y"), "kop", "", "? *x"),
    "python-object": (VALID_CARD.replace("title: Voorbeeldpraktijk",
                                         "title: !!python/object/apply:os.system ['touch {marker}']"),
                      "title", "YAML-tag 'tag:yaml.org,2002:python/object/apply:os.system' is niet toegestaan",
                      "title:"),
    "python-name": (_with_field("x: !!python/name:os.system"), "x", "is niet toegestaan", "x: !!python"),
    "python-module": (_with_field("x: !!python/module:os"), "x", "is niet toegestaan", "x: !!python"),
    "python-new": (_with_field("x: !!python/object/new:os.system [true]"), "x", "is niet toegestaan",
                   "x: !!python"),
    "eigen-tag": (_with_field("x: !include /etc/passwd"), "x", "YAML-tag '!include' is niet toegestaan", "x: !include"),
    "diep-genest-flow": (_with_field("x: " + "[" * 90_000 + "]" * 90_000), "kop", "te diep genest", "x: [[["),
    "diep-genest-open": (_with_field("x: " + "{a: " * 40_000), "kop", "te diep genest", "x: {a:"),
    "diep-genest-blok": (_with_field("x:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(500))),
                         "kop", "te diep genest", None),
    "lange-waarde": (VALID_CARD.replace("title: Voorbeeldpraktijk", "title: " + "a" * 190_000), "title",
                     "is te lang (190000 tekens)", "title:"),
    "lange-veldnaam": (_with_field("k" * 150_000 + ": y"), "kop", "", "kkkk"),
}


@pytest.mark.parametrize("name", list(HOSTILE_YAML))
def test_hostile_yaml_is_refused_with_a_message(name, taxonomy, tmp_path):
    text, field, words, marker = HOSTILE_YAML[name]
    side_effect = tmp_path / "uitgevoerd"
    text = text.replace("{marker}", str(side_effect))
    assert len(text.encode()) <= MAX_FILE_BYTES, "onder de grootte-grens, zodat de YAML echt gelezen wordt"
    practice, problems = load(text, taxonomy)
    assert practice is None
    assert not side_effect.exists(), "YAML mag nooit code uitvoeren"
    hits = [p for p in problems if p.field == field and words in p.message]
    assert hits, messages(problems)
    if marker:
        assert hits[0].line == line_of(text, marker), messages(problems)
    assert len(problems) < 300, "elk probleem één keer, niets uitgevouwen"


def test_depth_limit_message_names_the_allowed_depth(taxonomy):
    _, problems = load(HOSTILE_YAML["diep-genest-flow"][0], taxonomy)
    assert f"hoogstens {MAX_DEPTH} niveaus" in messages(problems)


def test_a_file_over_the_size_limit_is_not_read_at_all(taxonomy):
    practice, problems = load(VALID_CARD + "x" * MAX_FILE_BYTES, taxonomy)
    assert practice is None
    assert [(p.line, p.field) for p in problems] == [(1, "bestand")]
    assert "te groot" in problems[0].message


# -- hostile Markdown bodies -----------------------------------------------------------------------

_PARAGRAPH = "## Lessen\n\nTekst.\n"
HOSTILE_BODIES = {
    # name: (what replaces the last section, words in the message)
    "geneste-lijst": ("## Lessen\n\n" + "".join("    " * i + "- a\n" for i in range(300)), "springt te ver in"),
    "geneste-citaten": ("## Lessen\n\n" + "> " * 500 + "a\n", "te veel citaten"),
    "duizenden-haken": ("## Lessen\n\n" + "[x" * 10_000 + "\n", "te veel '['-haken"),
    "geneste-markdown-blokken": ("## Lessen\n\n" + "<div markdown>\n" * 1000 + "a\n" + "</div>\n" * 1000,
                                 "te veel HTML-blokken"),
}


@pytest.mark.parametrize("name", list(HOSTILE_BODIES))
def test_hostile_markdown_is_refused_before_it_can_stall_the_build(name, taxonomy):
    replacement, words = HOSTILE_BODIES[name]
    text = VALID_CARD.replace(_PARAGRAPH, replacement)
    practice, problems = load(text, taxonomy)
    assert practice is None
    hits = [p for p in problems if p.field == "tekst" and words in p.message]
    assert len(hits) == 1, messages(problems)


def test_bodies_at_the_limits_are_valid_and_render(taxonomy):
    """The limits sit well below where Python-Markdown gets into trouble."""
    at_limits = "".join([
        "## Lessen\n\n",
        "".join(" " * (level * 4) + "- a\n" for level in range(MAX_INDENT // 4 + 1)), "\n",
        "> " * MAX_QUOTE_DEPTH + "a\n\n",
        "[x](https://example.org) " * MAX_BRACKETS_PER_PARAGRAPH + "\n\n",
        "<div markdown>\n\na\n\n</div>\n\n" * MAX_MARKDOWN_BLOCKS,
    ])
    practice, problems = load(VALID_CARD.replace(_PARAGRAPH, at_limits), taxonomy)
    assert practice is not None, messages(problems)
    assert render(practice.body).count("<blockquote>") == MAX_QUOTE_DEPTH
