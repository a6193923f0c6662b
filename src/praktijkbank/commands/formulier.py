"""``praktijkbank formulier``: a card from a submission, by issue form or by the site form's e-mail.

``--issue FILE`` reads an issue body as GitHub writes the answers of the issue form
(``### <label>`` followed by the answer, ``_No response_`` for none); ``--email FILE`` reads an
e-mail from the site's form (the card file between two marker lines, see pages/submit_form.py).
Either way the card is written to ``practices/<slug>.md`` (never over an existing card unless
``--overschrijf``) and checked exactly as ``praktijkbank check`` checks it.

The submission is untrusted text. It is only ever read as data: the answers of an issue become
plain values (texts, numbers, dates, lists) that are written out with PyYAML's safe dumper, so
no answer can add a key, a tag or an anchor to the card; a card from an e-mail is read by the
check's own loader, which refuses tags, anchors and aliases. Nothing here runs a program, and
input larger than ``MAX_INPUT_BYTES`` is refused before it is read any further.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content.reading import parse_document
from .exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from ..authoring.issue_form import (AGREEMENT, AGREEMENT_LABEL, NO_ANSWER, NUMBERED, YES, Question, form_questions)
from ..content.cards import display_path, load_practices
from ..checks.problems import Problem, ProblemLog, summary_line
from ..content.project import FileResolver, Project, ProjectNotFound
from ..content.schema import PRACTICE, Field, label
from ..content.slugs import slugify
from ..content.taxonomy import Taxonomy, TaxonomyError, load_taxonomy
from ..content.today import TodayError, today as todays_date
from ..checks.fields import SLUG_PATTERN

# An issue body is at most 65,536 characters on GitHub; a card file at most 200 kB. More than
# this is not a submission but a mistake or an attack: refused before it is read any further.
MAX_INPUT_BYTES = 256 * 1024
MAX_SLUG_LENGTH = 80

EMAIL_BEGIN = re.compile(r"^(?P<quote>(?:>[ \t]?)*)----- BEGIN PRAKTIJKKAART (?P<path>.*?) -----[ \t]*$")
EMAIL_END = re.compile(r"^(?:>[ \t]?)*----- EINDE PRAKTIJKKAART -----[ \t]*$")
_HEADING_LINE = re.compile(r"^###[ \t]+(.*?)[ \t]*$")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_TICKED = re.compile(r"^\s*-\s*\[[xX]\]\s*(.*?)\s*$")
_QUOTED_PRINTABLE = re.compile(r"=[0-9A-F]{2}")
_GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$")
_FIELD_PATH = re.compile(r"[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*")
_TEXT_FIELDS = ("tekst", "kop")


def register(subcommands, date_type) -> None:
    parser = subcommands.add_parser(
        "formulier",
        help="maak een kaart van een aanmelding (een issue van het formulier, of een e-mail van de site)",
        description="Maak practices/<naam>.md van een aanmelding en controleer de kaart zoals "
                    "'praktijkbank check' dat doet. Een kaart die al bestaat, wordt niet overschreven "
                    "(behalve met --overschrijf).",
    )
    parser.add_argument("--issue", metavar="BESTAND",
                        help="de tekst van een issue van het formulier 'Praktijkvoorbeeld aanmelden' "
                             "('-' leest de standaardinvoer)")
    parser.add_argument("--email", metavar="BESTAND",
                        help="een e-mail van het formulier op de site, met de kaart tussen de regels "
                             "'----- BEGIN PRAKTIJKKAART …' en '----- EINDE PRAKTIJKKAART -----' "
                             "('-' leest de standaardinvoer)")
    parser.add_argument("--uitvoer", type=Path, metavar="MAP",
                        help="de map waarin de kaart komt (standaard: practices/ van het project)")
    parser.add_argument("--overschrijf", action="store_true",
                        help="schrijf over een kaart met dezelfde naam heen")
    parser.add_argument("--format", choices=("tekst", "json"), default="tekst",
                        help="uitvoer als leesbare tekst (standaard) of als JSON (voor de workflow op GitHub)")
    parser.add_argument("--auteur", metavar="NAAM",
                        help="de GitHub-naam van wie de praktijk aanmeldde (komt in de JSON-uitvoer, "
                             "niet op de kaart)")
    parser.add_argument("--today", type=date_type, default=None, metavar="JJJJ-MM-DD",
                        help="de datum voor last_reviewed en de controle (standaard: PRAKTIJKBANK_TODAY, "
                             "anders vandaag in Nederland)")
    parser.set_defaults(handler=run)


# -- what a submission gives ------------------------------------------------------------------------


class InputError(Exception):
    """The submission cannot be made into a card at all: one Dutch problem, nothing written."""

    def __init__(self, line: int, field_label: str, message: str, allowed: str = "") -> None:
        super().__init__(message)
        self.line, self.field_label, self.message, self.allowed = line, field_label, message, allowed


@dataclass
class Submission:
    """A card made from a submission, before it is written."""

    slug: str
    text: str  # the card file
    title: str = ""
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (question, message, allowed)
    # For an issue: where each field of the card came from in the form, to name it as the form does.
    questions: dict[tuple, str] = field(default_factory=dict)
    numbers: dict[str, list[int]] = field(default_factory=dict)  # list -> the block number of each entry


def read_input(name: str) -> str:
    """The text of a submission: a file or standard input, refused when too large or not UTF-8."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(name, "rb") as stream:
                raw = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise FileNotFoundError(name, exc.strerror) from None
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(1, "aanmelding", f"de aanmelding is te groot (meer dan {MAX_INPUT_BYTES // 1024} kB); "
                         "er is niets van gelezen",
                         "een aanmelding is een kaart van een paar pagina's tekst, zonder bijlagen")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(raw[: exc.start].count(b"\n") + 1, "aanmelding",
                         "de aanmelding is geen tekst in UTF-8", "sla de tekst op als UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _slug_for(title: str) -> str:
    slug = slugify(title)[:MAX_SLUG_LENGTH].rstrip("-")
    return slug or "praktijk"


# -- the issue form -----------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def issue_answers(text: str, questions: list[Question]) -> tuple[dict[str, str], dict[str, int]]:
    """The answer to every question the body has (by label), and the line of each question.

    Only a line ``### <label>`` of one of the form's questions starts an answer; any other
    line, also another ``### …``, belongs to the answer above it. A question that stands twice
    means an answer holds a line that looks like a question: which one is the real one cannot
    be known, so the submission is refused rather than guessed.
    """
    labels = {_key(q.label): q.label for q in questions}
    labels[_key(AGREEMENT_LABEL)] = AGREEMENT_LABEL
    lines = text.split("\n")
    starts: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        match = _HEADING_LINE.match(line)
        if match and _key(match.group(1)) in labels:
            name = labels[_key(match.group(1))]
            if name in seen:
                raise InputError(index + 1, name, f"de vraag '{name}' staat twee keer in de aanmelding "
                                 f"(regel {seen[name]} en {index + 1})",
                                 f"haal de regel '### {name}' weg uit het antwoord waar u hem typte")
            seen[name] = index + 1
            starts.append((index, name))
    if not starts:
        raise InputError(1, "aanmelding", "dit is geen aanmelding met het formulier 'Praktijkvoorbeeld "
                         "aanmelden': er staat geen enkele vraag van het formulier in",
                         "vul het formulier op GitHub in, of gebruik het formulier op de site")
    answers: dict[str, str] = {}
    for number, (index, name) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        answer = "\n".join(lines[index + 1: end]).strip("\n")
        answer = "\n".join(line.rstrip() for line in answer.split("\n")).strip()
        answers[name] = "" if answer == NO_ANSWER else answer
    return answers, seen


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _vocabulary_key(answer: str, vocabulary_field: Field, taxonomy: Taxonomy) -> str:
    """The key of a label as the dropdown shows it; a key or a label in other capitals works too.

    Anything else stays as it was typed, so the check reports it with its own message.
    """
    vocabulary = taxonomy[vocabulary_field.vocabulary]
    wanted = _key(answer)
    for key, text in vocabulary.values.items():
        if wanted in (_key(text), key.casefold()):
            return key
    for old, new in vocabulary.renamed.items():
        if wanted == old.casefold():
            return new
    return answer


def _chosen(answer: str, vocabulary_field: Field, taxonomy: Taxonomy) -> list[str]:
    """The labels of a multiple-choice dropdown, which GitHub writes as 'A, B, C'.

    A label may itself hold a comma, so the longest label that fits is taken first.
    """
    labels = sorted(taxonomy[vocabulary_field.vocabulary].values.values(), key=len, reverse=True)
    chosen: list[str] = []
    for line in answer.split("\n"):
        rest = _BULLET.sub("", _one_line(line))
        while rest:
            found = next((text for text in labels if rest.casefold().startswith(text.casefold())
                          and (len(rest) == len(text) or rest[len(text)] == ",")), None)
            if found is None:
                found = rest.split(",", 1)[0].strip()
            chosen.append(_vocabulary_key(found, vocabulary_field, taxonomy))
            rest = rest[len(found):].lstrip(" ,")
    return [value for value in chosen if value]


def _value(field_spec: Field, answer: str, taxonomy: Taxonomy) -> Any:
    """One answer as the value its field holds, read by the field's kind; else the text as typed."""
    if field_spec.kind.from_vocabulary:
        return _vocabulary_key(_one_line(answer), field_spec, taxonomy)
    text = _one_line(answer)
    if field_spec.kind.is_text:
        return text
    try:
        value = field_spec.kind.load(text)
    except (ValueError, TypeError, OverflowError):
        return text  # not what the field holds: the check says what is wrong with it
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)  # 565, not 565.0
    return text if value is None else value


def _answer_value(question: Question, answer: str, taxonomy: Taxonomy) -> Any:
    spec = question.field
    if not answer or (question.type == "dropdown" and _key(answer) == "none"):
        return None
    if spec.kind.form_answer:  # a yes/no dropdown: only a yes is written on the card
        return True if _key(answer) == _key(YES) else None
    if question.options and question.options[0].startswith("Bron "):  # the number of a source
        answer = re.sub(r"^\s*bron\s+", "", answer, flags=re.IGNORECASE)
    if spec.kind.is_list:
        if spec.vocabulary_field is not None:
            return _chosen(answer, spec.vocabulary_field, taxonomy) or None
        items = [_BULLET.sub("", line).strip() for line in answer.split("\n")]
        return [_value(spec.item, item, taxonomy) for item in items if item] or None
    return _value(spec, answer, taxonomy)


def _front_matter(values: dict[tuple, Any], reviewed: dt.date) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """The card's fields in the order of the schema, from the answers by field path.

    Numbered blocks left empty are skipped; the entries that remain are numbered anew, and
    a figure's source number follows its source to its new place.
    """
    numbers: dict[str, list[int]] = {}

    def build(spec: Field, path: tuple) -> Any:
        if spec.kind.is_mapping:
            data = {}
            for child in spec.fields:
                value = build(child, path + (child.name,))
                if value is not None:
                    data[child.name] = value
            return data or None
        if spec.holds_groups and spec.name in NUMBERED:
            entries, kept = [], []
            for index in range(NUMBERED[spec.name][1]):
                entry = build(spec.item, path + (index,))
                if entry:
                    entries.append(entry)
                    kept.append(index + 1)
            numbers[spec.name] = kept
            return entries or None
        return values.get(path)

    data = {}
    for spec in PRACTICE.fields:
        value = build(spec, (spec.name,))
        if value is not None:
            data[spec.name] = value
    renumbered = {old: new for new, old in enumerate(numbers.get("sources", []), start=1)}
    for figure in data.get("figures", []):
        if isinstance(figure.get("source"), int) and figure["source"] in renumbered:
            figure["source"] = renumbered[figure["source"]]
    data["last_reviewed"] = reviewed
    return data, numbers


def card_from_issue(text: str, taxonomy: Taxonomy, reviewed: dt.date) -> Submission:
    questions = form_questions(taxonomy)
    answers, lines = issue_answers(text, questions)
    values: dict[tuple, Any] = {}
    sections: list[tuple[str, str]] = []
    problems: list[tuple[str, str, str]] = []
    for question in questions:
        answer = answers.get(question.label, "")
        if question.path[0] == "heading":
            if answer:
                sections.append((question.path[1], answer))
            elif question.required:
                sections.append((question.path[1], ""))
                problems.append((question.label, "dit deel van de tekst van de kaart is nog leeg",
                                 "schrijf hier in uw eigen woorden wat de bronnen zeggen"))
            continue
        value = _answer_value(question, answer, taxonomy)
        if value is not None:
            values[question.path] = value
    ticked = {_key(m.group(1)) for line in answers.get(AGREEMENT_LABEL, "").split("\n")
              if (m := _TICKED.match(line))}
    if not all(_key(sentence) in ticked for sentence in AGREEMENT):
        problems.append((AGREEMENT_LABEL, "niet alle zinnen onder 'Controle' zijn aangevinkt",
                         "vink ze aan: " + " / ".join(AGREEMENT)))
    data, numbers = _front_matter(values, reviewed)
    title = data.get("title", "") if isinstance(data.get("title"), str) else ""
    body = "".join(f"\n## {heading}\n\n{answer}\n" if answer else f"\n## {heading}\n"
                   for heading, answer in sections)
    card = "---\n" + dump_front_matter(data) + "---\n" + body
    return Submission(_slug_for(title), card, title, problems,
                      {q.path: q.label for q in questions}, numbers)


# -- writing the front matter ------------------------------------------------------------------------


class _CardDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, as cards are written by hand: lists indented, short lists on one line.

    Only plain values reach it (texts, numbers, dates, yes/no, lists and groups of them), and
    it never writes an anchor: a text is always a text, whatever characters it holds.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # A long text folded over lines ('>-'); PyYAML quotes it instead where folding cannot hold it.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">" if len(value) > 90 else None)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flat = all(isinstance(item, (str, int, float)) and len(str(item)) < 60 for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_CardDumper.add_representer(str, _text)
_CardDumper.add_representer(list, _list)


def dump_front_matter(data: dict[str, Any]) -> str:
    """The front matter as YAML that the check reads back as exactly ``data``."""
    for dumper in (_CardDumper, yaml.SafeDumper):
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100,
                         default_flow_style=False)
        document = parse_document("---\n" + text + "---\n", "kaart", ProblemLog("kaart"))
        if document is not None and document.data == data:
            return text
    raise ValueError("the card's front matter does not read back as it was written")  # a bug, not input


# -- the e-mail from the site's form -----------------------------------------------------------------


def card_from_email(text: str) -> Submission:
    lines = text.split("\n")
    begins = [i for i, line in enumerate(lines) if EMAIL_BEGIN.match(line)]
    if not begins:
        raise InputError(1, "e-mail", "er staat geen kaart in deze e-mail: de regel "
                         "'----- BEGIN PRAKTIJKKAART practices/….md -----' ontbreekt",
                         "plak de hele e-mail, zoals het formulier op de site hem maakte")
    if len(begins) > 1:
        raise InputError(begins[1] + 1, "e-mail", f"er staan {len(begins)} kaarten in deze e-mail "
                         f"(regel {', '.join(str(b + 1) for b in begins)})",
                         "geef elke kaart apart, één e-mail per keer")
    start = begins[0]
    match = EMAIL_BEGIN.match(lines[start])
    end = next((i for i in range(start + 1, len(lines)) if EMAIL_END.match(lines[i])), None)
    if end is None:
        raise InputError(start + 1, "e-mail", "het einde van de kaart ontbreekt: de regel "
                         "'----- EINDE PRAKTIJKKAART -----' staat er niet onder",
                         "is de e-mail afgekapt? Plak de hele e-mail")
    path = match.group("path")
    slug = path.removeprefix("practices/").removesuffix(".md")
    if path != f"practices/{slug}.md" or not SLUG_PATTERN.match(slug) or len(slug) > MAX_SLUG_LENGTH:
        raise InputError(start + 1, "e-mail", f"'{path}' is geen bestandsnaam van een kaart",
                         "practices/<naam>.md, met kleine letters, cijfers en streepjes")
    quote = match.group("quote")
    card_lines = []
    for number in range(start + 1, end):
        line = lines[number]
        if line.startswith(quote):
            card_lines.append(line[len(quote):])
        elif quote and line == quote.rstrip():  # a quoted empty line: '>' without its space
            card_lines.append("")
        else:
            raise InputError(number + 1, "e-mail", f"regel {number + 1} van de e-mail is niet geciteerd "
                             f"zoals de rest van de kaart ('{quote.strip()}')",
                             "de e-mail is beschadigd; plak de e-mail zoals u hem ontving")
    card = "\n".join(card_lines).strip("\n") + "\n"
    if _QUOTED_PRINTABLE.search(card) and any(line.endswith("=") for line in card_lines):
        raise InputError(start + 2, "e-mail", "de kaart in de e-mail is nog gecodeerd (quoted-printable: "
                         "'=C3=A9' in plaats van 'é', regels die eindigen op '=')",
                         "kopieer de tekst van de e-mail uit uw e-mailprogramma, niet de bron van het bericht")
    title_match = re.search(r"^title:[ \t]*(.*)$", card, re.MULTILINE)
    return Submission(slug, card, title_match.group(1).strip().strip("'\"") if title_match else "")


# -- checking and reporting ------------------------------------------------------------------------


def check_card(project: Project, target: Path, taxonomy: Taxonomy, today: dt.date) -> tuple[list[Problem], int]:
    """The check of ``praktijkbank check <target>``: the card itself, and against all other cards."""
    from ..cli import _other_cards  # the command line module imports this one

    practice_files = project.practice_files()
    resolve = FileResolver()
    known = {path.stem for path in practice_files} | {target.stem}
    others = _other_cards(practice_files, [target], taxonomy, today, resolve)
    result = load_practices([target], taxonomy, today, root=Path.cwd(), known_slugs=known,
                            compare_with=others, resolve=resolve)
    return sorted(result.problems), result.files_checked


def _card_path(problem_field: str) -> tuple | None:
    """The card field a problem names ('sources[2].url' -> ('sources', 1, 'url')), as far as it says."""
    bracketed = re.findall(r"\(([^()]*)\)", problem_field)
    for candidate in (*reversed(bracketed), problem_field):
        match = _FIELD_PATH.fullmatch(candidate.strip())
        if match:
            path: list[Any] = []
            for part in candidate.strip().split("."):
                name, _, index = part.partition("[")
                path.append(name)
                if index:
                    path.append(int(index.rstrip("]")) - 1)
            return tuple(path)
    return None


def question_of(problem: Problem, submission: Submission) -> str | None:
    """The question of the issue form that a problem on the card is about, as the form names it."""
    if not submission.questions:
        return None
    if problem.field in _TEXT_FIELDS or problem.field.startswith("tekst"):
        heading = None
        for number, line in enumerate(submission.text.split("\n"), start=1):
            if number > problem.line:
                break
            if line.startswith("## "):
                heading = line[3:].strip()
        return heading or "De tekst van de kaart"
    if problem.field == "bestandsnaam":
        return label(PRACTICE.child("title"))
    path = _card_path(problem.field)
    if path is None:
        return None
    if path[0] in submission.numbers and len(path) > 1 and isinstance(path[1], int):
        kept = submission.numbers[path[0]]
        if path[1] < len(kept):  # back to the number of the block in the form
            path = (path[0], kept[path[1]] - 1, *path[2:])
    while path:
        if path in submission.questions:
            return submission.questions[path]
        if path[0] in NUMBERED and len(path) == 2 and isinstance(path[1], int):
            return f"{NUMBERED[path[0]][0]} {path[1] + 1}"
        path = path[:-1]
        if len(path) == 1 and path in {(q,) for q in NUMBERED}:
            return f"{NUMBERED[path[0]][0]} 1"
        if len(path) == 1 and isinstance(path[0], str) and PRACTICE.child(path[0]) is not None:
            spec = PRACTICE.child(path[0])
            if spec.name not in submission.questions and spec.kind.is_mapping:
                return label(spec)
    return None


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _plain_markdown(text: str) -> str:
    """Text from a submission shown as text in a comment on GitHub: no markup, links or mentions."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split())).replace("@", "@\u200b")


def issue_comment(problems: list[dict[str, Any]], written: bool) -> str:
    """The answer on the issue, in Dutch, for a submission that still needs work."""
    errors = [p for p in problems if p["severity"] == "fout"]
    warnings = [p for p in problems if p["severity"] != "fout"]

    def line(problem: dict[str, Any]) -> str:
        where = problem.get("question") or problem["field"]
        detail = problem["message"] + (f" ({problem['allowed']})" if problem["allowed"] else "")
        if problem.get("suggestion"):
            detail += f". Bedoelde u '{problem['suggestion']}'?"
        return f"- **{_plain_markdown(where)}**: {_plain_markdown(detail)}"

    parts = []
    if errors:
        parts += ["Dank u voor uw aanmelding! Voordat de redactie er een praktijkkaart van kan maken, moet er "
                  "nog iets worden aangevuld of verbeterd:", "", *map(line, errors), "",
                  "Pas uw aanmelding aan: klik rechtsboven bij uw aanmelding op de drie puntjes en dan op "
                  "**Edit**. Na het bewaren wordt de kaart opnieuw gemaakt en gecontroleerd.", ""]
    if warnings:
        parts += ["Om naar te kijken (dit houdt de aanmelding niet tegen):", "", *map(line, warnings), ""]
    if not errors and not written:
        parts += ["Van deze aanmelding kon geen kaart worden gemaakt. De redactie kijkt ernaar.", ""]
    parts.append("_Dit bericht is automatisch gemaakt door de controle van de Praktijkbank._")
    return "\n".join(parts)


def _input_problem(error: InputError, source: str) -> Problem:
    return Problem(source, error.line, error.field_label, error.message, error.allowed)


def _fail(message: str) -> int:
    print(f"praktijkbank: {message}", file=sys.stderr)
    return EXIT_USAGE


def _write(target: Path, text: str, overwrite: bool) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if overwrite and (target.is_file() or target.is_symlink()):
        target.unlink()  # a new file, never written through a link
    with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never over an existing file
        out.write(text)


def run(args: argparse.Namespace) -> int:
    if (args.issue is None) == (args.email is None):
        return _fail("geef één aanmelding: --issue BESTAND of --email BESTAND ('-' leest de standaardinvoer)")
    if args.auteur is not None and not _GITHUB_LOGIN.match(args.auteur):
        return _fail(f"'{args.auteur}' is geen GitHub-naam")
    try:
        project = Project.find(Path.cwd())
        taxonomy = load_taxonomy(project.taxonomy_path)
        today = args.today or todays_date()
    except (ProjectNotFound, TaxonomyError, TodayError) as exc:
        return _fail(str(exc))
    name = args.issue if args.issue is not None else args.email
    source = "aanmelding" if name == "-" else name
    folder = args.uitvoer if args.uitvoer is not None else project.practices_dir
    submission: Submission | None = None
    problems: list[Problem] = []
    target: Path | None = None
    written = False
    files_checked = 0
    try:
        text = read_input(name)
        submission = card_from_issue(text, taxonomy, today) if args.issue is not None else card_from_email(text)
    except FileNotFoundError as exc:
        return _fail(f"kan '{exc.args[0]}' niet lezen ({exc.args[1]})")
    except InputError as error:
        problems.append(_input_problem(error, source))
    if submission is not None:
        target = folder / f"{submission.slug}.md"
        shown = display_path(target, Path.cwd())
        try:
            if target.exists() and not args.overschrijf:
                raise FileExistsError
            _write(target, submission.text, args.overschrijf)
            written = True
        except FileExistsError:
            problems.append(Problem(shown, 1, label(PRACTICE.child("title")),
                                    f"er is al een kaart {shown}; er is niets overschreven",
                                    "is het dezelfde praktijk, dan werkt de redactie die kaart bij; "
                                    "anders: kies een andere titel (of gebruik --overschrijf)"))
        except OSError as exc:
            return _fail(f"kan {shown} niet schrijven ({exc.strerror})")
        if written:
            card_lines = submission.text.split("\n")
            for question, message, allowed in submission.problems:
                line = next((n for n, text in enumerate(card_lines, 1) if text == f"## {question}"), 1)
                problems.append(Problem(shown, line, question, message, allowed))
            checked, files_checked = check_card(project, target, taxonomy, today)
            problems.extend(checked)
    problems.sort(key=lambda problem: (problem.path != source, problem.line))
    errors = [p for p in problems if p.is_error]
    records = []
    for problem in problems:
        record = problem.as_dict()
        own = submission is None or problem.field in {*submission.questions.values(), AGREEMENT_LABEL} \
            or problem.path == source
        record["question"] = problem.field if own else question_of(problem, submission)
        records.append(record)
    if args.format == "json":
        print(json.dumps({
            "input": "issue" if args.issue is not None else "email",
            "slug": submission.slug if submission else None,
            "path": display_path(target, Path.cwd()) if written else None,
            "written": written,
            "title": submission.title if submission else None,
            "author": args.auteur,
            "ok": written and not errors,
            "errors": len(errors),
            "warnings": len(problems) - len(errors),
            "problems": records,
            "summary": summary_line(problems, files_checked),
            "comment": issue_comment(records, written) if problems else None,
        }, ensure_ascii=False, indent=2))
    else:
        if written:
            print(f"Kaart geschreven: {display_path(target, Path.cwd())}")
        for problem, record in zip(problems, records):
            asked = record["question"]
            suffix = f" [formulier: {asked}]" if asked and asked != problem.field and args.issue else ""
            print(problem.text() + suffix)
        if not written:
            print("Er is geen kaart geschreven.")
        print(summary_line(problems, files_checked) if problems else "in orde")
    return EXIT_OK if written and not errors else EXIT_INVALID
