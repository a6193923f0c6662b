"""``praktijkbank schema``: keep the JSON Schemas and the issue form in step with the schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from ..content.project import Project, ProjectNotFound
from ..content.taxonomy import TaxonomyError, load_taxonomy


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "schema",
        help="controleer of maak de bestanden die uit het schema volgen",
        description="De JSON Schema's (schemas/*.schema.json), het aanmeldformulier op GitHub en de "
                    "lege kaart in sjablonen/ worden gemaakt uit src/praktijkbank/content/schema.py en "
                    "taxonomy.yml. Zonder optie: controleer of ze nog kloppen. Met --write: maak ze opnieuw.",
    )
    parser.add_argument("--write", action="store_true", help="schrijf de bestanden opnieuw")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..authoring.derived_files import REGENERATE, find_drift, write_derived_files  # see commands/export.py

    try:
        project = Project.find(Path.cwd())
        taxonomy = load_taxonomy(project.taxonomy_path)
    except (ProjectNotFound, TaxonomyError) as exc:
        print(f"praktijkbank: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.write:
        changed = write_derived_files(project.root, taxonomy)
        for path in changed:
            print(f"bijgewerkt: {path}")
        print(f"{len(changed)} bestand(en) bijgewerkt." if changed else "Alles was al bij.")
        return EXIT_OK
    drift = find_drift(project.root, taxonomy)
    for item in drift:
        print(item.text())
    if drift:
        print(f"Maak ze opnieuw met: {REGENERATE}")
        return EXIT_INVALID
    print("De JSON Schema's, het aanmeldformulier en de lege kaart kloppen met het schema.")
    return EXIT_OK
