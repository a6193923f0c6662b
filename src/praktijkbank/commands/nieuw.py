"""``praktijkbank nieuw "Naam"``: a new card to fill in, never over an existing one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.reading import read_document
from .exit_codes import EXIT_OK, EXIT_USAGE
from ..checks.lookalikes import names_alike
from ..content.cards import display_path
from ..checks.problems import ProblemLog
from ..content.project import Project, ProjectNotFound
from ..content.schema import PRACTICE
from ..content.slugs import slugify
from ..content.taxonomy import TaxonomyError, load_taxonomy
from ..content.today import TodayError, today
from ..checks.fields import SLUG_PATTERN

_TITLE = PRACTICE.child("title")


def register(subcommands, date_type) -> None:
    parser = subcommands.add_parser(
        "nieuw",
        help="maak een nieuwe praktijkkaart om in te vullen",
        description="Maak practices/<naam>.md met alle velden en koppen van een kaart, elk met "
                    "uitleg. Een kaart die al bestaat, wordt nooit overschreven.",
    )
    parser.add_argument("name", metavar="NAAM",
                        help='de naam van de praktijk, tussen aanhalingstekens: "Proeftuin Ruwaard"')
    parser.add_argument("--slug", metavar="BESTANDSNAAM",
                        help="de bestandsnaam zonder .md (standaard: gemaakt uit de naam)")
    parser.add_argument("--today", type=date_type, default=None, metavar="JJJJ-MM-DD",
                        help="de datum voor last_reviewed (standaard: PRAKTIJKBANK_TODAY, "
                             "anders vandaag in Nederland)")
    parser.set_defaults(handler=run)


def _fail(message: str) -> int:
    print(f"praktijkbank: {message}", file=sys.stderr)
    return EXIT_USAGE


def _existing_titles(project: Project) -> list[tuple[str, str]]:
    """(file, title) of every card that has one; broken cards are check's business, not ours."""
    titles = []
    for path in project.practice_files():
        doc = read_document(path, path.name, ProblemLog(path.name))
        title = doc.data.get("title") if doc else None
        if isinstance(title, str):
            titles.append((display_path(path, Path.cwd()), title))
    return titles


def run(args: argparse.Namespace) -> int:
    from ..authoring.scaffold import scaffold_card  # only here: `praktijkbank check` builds this parser too

    name = " ".join(args.name.split())
    if not name:
        return _fail("geef de naam van de praktijk, bijvoorbeeld: praktijkbank nieuw \"Proeftuin Ruwaard\"")
    if len(name) > _TITLE.max_length:
        return _fail(f"de naam is te lang ({len(name)} tekens; hoogstens {_TITLE.max_length})")
    slug = args.slug or slugify(name)
    if not SLUG_PATTERN.match(slug):
        return _fail(f"'{slug}' is geen geldige bestandsnaam (kleine letters, cijfers en streepjes, zonder .md)")
    try:
        project = Project.find(Path.cwd())
        taxonomy = load_taxonomy(project.taxonomy_path)
        reviewed = args.today or today()
    except (ProjectNotFound, TaxonomyError, TodayError) as exc:
        return _fail(str(exc))
    target = project.practices_dir / f"{slug}.md"
    shown = display_path(target, Path.cwd())
    text = scaffold_card(name, taxonomy, reviewed, shown)
    try:
        project.practices_dir.mkdir(exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(text)
    except FileExistsError:
        return _fail(f"{shown} bestaat al; er is niets overschreven. Werk die kaart bij, "
                     "of kies een andere naam of --slug")
    except OSError as exc:
        return _fail(f"kan {shown} niet schrijven ({exc.strerror})")
    print(f"Nieuwe kaart: {shown}")
    for path, title in _existing_titles(project):
        if path != shown and names_alike(name, title):
            print(f"Let op: {path} ('{title}') heeft een naam die erop lijkt. Gaat het om dezelfde "
                  "praktijk? Werk dan liever die kaart bij.")
    print("Vervang elke INVULLEN door de juiste waarde; de uitleg staat in de regels met #.")
    print(f"Controleer de kaart daarna met: praktijkbank check {shown}")
    return EXIT_OK
