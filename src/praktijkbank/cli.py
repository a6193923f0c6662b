"""The ``praktijkbank`` command: checking content from the shell and in CI.

Exit codes follow publiccode-parser: 0 all valid, 1 content invalid,
2 usage or I/O error (a missing folder, a broken taxonomy.yml).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from .checks.github_annotations import problems_as_github
from .commands import export, formulier, nieuw, schema, zoek
from .commands.exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .checks.repair import repair_file
from .content.cards import display_path, load_practices
from .content.schema import PRACTICE, WEBINAR
from .checks.problems import problems_as_json, summary_line
from .content.project import FileResolver, Project, ProjectNotFound
from .content.taxonomy import TaxonomyError, load_taxonomy
from .content.today import TodayError, today as todays_date
from .content.webinars import load_webinars


# argparse's own (English) error messages, in Dutch; our own messages pass through.
_ARGPARSE_NL = (
    (r"unrecognized arguments: (.+)", r"onbekende optie of waarde: \1"),
    (r"argument (.+?): invalid choice: (.+) \(choose from (.+)\)", r"\1: onbekende keuze \2 (kies uit \3)"),
    (r"argument (.+?): expected one argument", r"\1: hier hoort een waarde achter"),
    (r"the following arguments are required: (.+)", r"dit ontbreekt nog: \1"),
    (r"ambiguous option: (.+?) could match (.+)", r"\1 kan meerdere opties zijn: \2"),
    (r"argument (.+?): (.+)", r"\1: \2"),
)


def _dutch(message: str) -> str:
    for english, dutch in _ARGPARSE_NL:
        if re.fullmatch(english, message, re.DOTALL):
            return re.sub(english, dutch, message, flags=re.DOTALL)
    return message


class _DutchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _DutchParser(argparse.ArgumentParser):
    """argparse, speaking Dutch: usage, help headings and error messages."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _DutchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> None:  # argparse would print English usage help and exit 2
        self.print_usage(sys.stderr)
        print(f"praktijkbank: fout in de opdracht: {_dutch(message)}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _DutchParser(
        prog="praktijkbank",
        description="Praktijkbank Wonen, Zorg en Welzijn: kaarten controleren en beheren.",
    )
    commands = parser.add_subparsers(dest="command", metavar="opdracht", parser_class=_DutchParser)
    check = commands.add_parser(
        "check",
        help="controleer praktijkkaarten en webinars",
        description="Controleer praktijkkaarten en webinars en meld elke fout met bestand, regel en veld.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PAD",
                       help="kaarten, webinars of mappen (standaard: de mappen practices/ en webinars/ "
                            "van het project; bestanden in webinars/ worden als webinar gecontroleerd)")
    check.add_argument("--format", choices=("tekst", "text", "json", "github"), default="tekst",
                       help="uitvoer als leesbare tekst (standaard), als JSON voor hulpmiddelen, "
                            "of als meldingen in een pull request op GitHub")
    check.add_argument("--today", type=_date, default=None, metavar="JJJJ-MM-DD",
                       help="de datum van vandaag (voor reproduceerbare controles; standaard: "
                            "PRAKTIJKBANK_TODAY, anders vandaag in Nederland)")
    check.add_argument("--herstel", action="store_true",
                       help="pas eerst aan wat zeker goed te maken is (woordenlijstwaarden in hun vaste "
                            "schrijfwijze, datums die maar op één manier te lezen zijn, spaties aan het eind "
                            "van een regel, een ontbrekende last_reviewed), meld elke aanpassing en "
                            "controleer daarna opnieuw")
    nieuw.register(commands, _date)
    formulier.register(commands, _date)
    schema.register(commands)
    export.register(commands)
    zoek.register(commands)
    return parser


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.md") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(path)
    return files


def _other_cards(practice_files: list[Path], card_files: list[Path], taxonomy, today: dt.date,
                 resolve: FileResolver) -> list:
    """The valid cards not being checked, so that a new card is compared with all existing ones."""
    named = set(card_files)
    others = [f for f in practice_files if f not in named]  # the same path surely is the same file
    if not card_files or not others:
        return []
    checked = {resolve(f) for f in card_files}
    others = [f for f in others if resolve(f) not in checked]
    # They may name the checked cards as related: those are known cards too.
    known = {f.stem for f in practice_files}
    return load_practices(others, taxonomy, today, root=Path.cwd(), known_slugs=known).practices if others else []


def run_check(args: argparse.Namespace) -> int:
    try:
        files = _expand(args.paths)  # a missing path first: that is the clearest message
        start = args.paths[0] if args.paths else Path.cwd()
        project = Project.find(start if start.is_dir() else start.parent)
        taxonomy = load_taxonomy(project.taxonomy_path)
        practice_files = project.practice_files()
        files = files if args.paths else practice_files + project.webinar_files()
        today = args.today or todays_date()
    except FileNotFoundError as exc:
        print(f"praktijkbank: '{exc.args[0]}' bestaat niet", file=sys.stderr)
        return EXIT_USAGE
    except (ProjectNotFound, TaxonomyError, TodayError) as exc:
        print(f"praktijkbank: {exc}", file=sys.stderr)
        return EXIT_USAGE
    known = {p.stem for p in practice_files}
    resolve = FileResolver()
    webinar_files: list[Path] = []
    card_files: list[Path] = []
    for file in files:
        (webinar_files if project.is_webinar_file(file, resolve) else card_files).append(file)
    if getattr(args, "herstel", False):
        _repair(card_files, webinar_files, taxonomy, today, resolve,
                sys.stderr if args.format in ("json", "github") else sys.stdout)
    result = load_practices(card_files, taxonomy, today, root=Path.cwd(), known_slugs=known,
                            compare_with=_other_cards(practice_files, card_files, taxonomy, today, resolve),
                            resolve=resolve)
    webinars = load_webinars(webinar_files, taxonomy, today, known | {f.stem for f in card_files}, root=Path.cwd(),
                             resolve=resolve)
    problems = sorted(result.problems + webinars.problems)
    files_checked = result.files_checked + webinars.files_checked
    if args.format == "json":
        print(problems_as_json(problems, files_checked))
    elif args.format == "github":
        print(problems_as_github(problems, files_checked))
    else:
        for problem in problems:
            print(problem.text())
        print(summary_line(problems, files_checked))
    return EXIT_INVALID if result.errors or webinars.errors else EXIT_OK


def _repair(card_files: list[Path], webinar_files: list[Path], taxonomy, today: dt.date,
            resolve: FileResolver, out) -> None:
    """``--herstel``: fix what is certain in each file, in place, and say what was done and left."""
    fixed = files_changed = 0
    for files, schema_field in ((card_files, PRACTICE), (webinar_files, WEBINAR)):
        for path in sorted(files):
            changes = repair_file(path, display_path(path, Path.cwd(), resolve), schema_field, taxonomy, today)
            for change in changes:
                print(change.report(), file=out)
            done = sum(1 for c in changes if c.done)
            fixed += done
            files_changed += bool(done)
    if fixed:
        aanpassingen = "aanpassing" if fixed == 1 else "aanpassingen"
        bestanden = "bestand" if files_changed == 1 else "bestanden"
        print(f"Hersteld: {fixed} {aanpassingen} in {files_changed} {bestanden}. Opnieuw gecontroleerd:",
              file=out)
    else:
        print("Niets hersteld: er was niets dat zeker goed te maken is. Gecontroleerd:", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args)
    if hasattr(args, "handler"):
        return args.handler(args)
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
