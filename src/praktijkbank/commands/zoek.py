"""``praktijkbank zoek``: search the cards from the shell, as the site's search box does.

Meant for a contributor who wants to know whether a practice already has a card before
writing one. The ranking is the site's (``praktijkbank.search.engine``, the same lunr
ranking over the same analysed documents); only the site's other pages are not searched.

Exit codes: 0 something found, 1 nothing found, 2 the command or the project cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from ..content.cards import load_practices
from ..content.project import Project, ProjectNotFound
from ..content.taxonomy import TaxonomyError, load_taxonomy
from ..content.today import TodayError, today

if TYPE_CHECKING:
    from ..search.engine import Hit

# The search engine and the site are imported in run(): see commands/export.py.


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "zoek",
        help="zoek in de praktijkkaarten, zoals het zoekveld van de site",
        description="Zoek in de praktijkkaarten met dezelfde Nederlandse zoekfunctie als de site: "
                    "meervoud en enkelvoud, hoofdletters en accenten maken niet uit, een deel van een "
                    "woord of een tikfout mag. Handig om te kijken of een praktijk al een kaart heeft.",
    )
    parser.add_argument("query", nargs="+", metavar="ZOEKWOORD", help="wat u zoekt, bijvoorbeeld: dakloze jongeren")
    parser.add_argument("--aantal", type=_positive, default=10, metavar="N",
                        help="toon hoogstens N kaarten (standaard 10)")
    parser.add_argument("--format", choices=("tekst", "json"), default="tekst",
                        help="uitvoer als leesbare tekst (standaard) of als JSON voor hulpmiddelen")
    parser.set_defaults(handler=run)


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen positief geheel getal")
    return number


def run(args: argparse.Namespace) -> int:
    from ..search.documents import build_documents
    from ..search.engine import build_index, search

    query = " ".join(args.query).strip()
    if not query:
        print("praktijkbank: geef een zoekwoord op", file=sys.stderr)
        return EXIT_USAGE
    try:
        project = Project.find(Path.cwd())
        taxonomy = load_taxonomy(project.taxonomy_path)
        result = load_practices(project.practice_files(), taxonomy, today(), root=project.root)
    except (ProjectNotFound, TaxonomyError, TodayError) as exc:
        print(f"praktijkbank: {exc}", file=sys.stderr)
        return EXIT_USAGE
    invalid = len({p.path for p in result.errors})
    if invalid:
        print(f"let op: {invalid} kaart(en) met fouten zijn niet doorzocht (zie: praktijkbank check)",
              file=sys.stderr)
    documents = build_documents(result.practices, taxonomy)
    hits = search(build_index(documents), query)
    shown = hits[: args.aantal]
    if args.format == "json":
        print(json.dumps({"zoekvraag": query, "gevonden": len(hits), "kaarten": [_as_json(h) for h in shown]},
                         ensure_ascii=False, indent=2))
    else:
        _print_text(query, hits, shown)
    return EXIT_OK if hits else EXIT_INVALID


def _as_json(hit: Hit) -> dict:
    document = hit.document
    return {"slug": document.key, "titel": document.title, "plaats": document.place, "bestand": document.path,
            "score": round(hit.score, 3), "ontbreekt": list(hit.missing)}


def _print_text(query: str, hits: list[Hit], shown: list[Hit]) -> None:
    if not hits:
        print(f"Geen kaarten gevonden voor '{query}'.")
        return
    found = "1 kaart" if len(hits) == 1 else f"{len(hits)} kaarten"
    more = f", de eerste {len(shown)}" if len(shown) < len(hits) else ""
    print(f"{found} gevonden voor '{query}'{more}:")
    width = len(str(len(shown)))
    for number, hit in enumerate(shown, start=1):
        document = hit.document
        missing = f"  (ontbreekt: {', '.join(hit.missing)})" if hit.missing else ""
        print(f"{number:>{width}}. {document.title} — {document.place}{missing}")
        print(f"{'':>{width}}  {document.path}")
