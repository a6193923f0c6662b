"""``praktijkbank export``: the knowledge base as a zip for a USB stick, whole or a chosen set.

Steps: check the content (a bundle is never made from invalid cards), choose
the cards, build the site for file:// in a temporary folder (mkdocs_adapter/offline_build.py),
finish it (offline/finish.py) and zip it reproducibly (offline/bundle.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from ..checks.problems import summary_line
from ..content.project import Project, ProjectNotFound
from ..content.taxonomy import TaxonomyError
from ..content.today import TodayError, today

if TYPE_CHECKING:
    from ..offline.edition import OfflineEdition

# The site build, the offline tools (and hashlib, tempfile) are imported where they are
# used: every command builds the parser that registers this one, and `praktijkbank check`
# should not pay for loading the site generator (a fifth of a second) that it never uses.

DIST_DIR = "dist"
README_NAME = "LEESMIJ.txt"


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "export",
        help="maak een offline kopie (zip) voor een USB-stick, helemaal of een keuze van kaarten",
        description="Maak dist/praktijkbank-offline-<datum>.zip: de hele site, of alleen de gekozen kaarten, "
                    "die werkt zonder internet door index.html te openen. Binnen één soort optie telt elke "
                    "waarde (thema A of B), tussen soorten alle (een thema én een doelgroep); kaarten met "
                    "--kaart komen er altijd bij. Dezelfde inhoud geeft altijd precies hetzelfde bestand.",
    )
    parser.add_argument("--thema", action="append", default=[], metavar="THEMA",
                        help="alleen kaarten met dit thema (sleutel of naam; mag vaker)")
    parser.add_argument("--doelgroep", action="append", default=[], metavar="DOELGROEP",
                        help="alleen kaarten voor deze doelgroep (sleutel of naam; mag vaker)")
    parser.add_argument("--kaart", action="append", default=[], metavar="BESTANDSNAAM",
                        help="deze kaart (bestandsnaam zonder .md, of de titel; mag vaker)")
    parser.add_argument("--live-adres", metavar="URL", default=None,
                        help="het adres van de live site voor de notitie in de kopie "
                             "(standaard: site_url uit mkdocs.yml)")
    parser.add_argument("--uitvoer", type=Path, default=None, metavar="PAD",
                        help="waar de zip komt (standaard: dist/praktijkbank-offline-<datum>.zip)")
    parser.set_defaults(handler=run)


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"praktijkbank: {message}", file=sys.stderr)
    return code


def _bundle_name(edition: OfflineEdition) -> str:
    import hashlib

    name = f"praktijkbank-offline-{edition.date.isoformat()}"
    if edition.cards is None:
        return name
    # A chosen set gets its own name, so it never overwrites the whole knowledge base.
    digest = hashlib.sha256(",".join(sorted(edition.cards)).encode("utf-8")).hexdigest()[:8]
    return f"{name}-selectie-{digest}"


def run(args: argparse.Namespace) -> int:
    from ..mkdocs_adapter.offline_build import CONFIG_FILE
    from ..offline.edition import EditionError, OfflineEdition, content_date
    from ..offline.live_address import AddressError, live_address
    from ..offline.selection import CardSelection, SelectionError, describe, resolve, select_cards
    from ..sitemodel.model import BuildSettings, SettingError, build_site_model

    try:
        project = Project.find(Path.cwd())
        content = build_site_model(project.root, BuildSettings(today=today()))
    except (ProjectNotFound, TaxonomyError, SettingError, TodayError) as exc:
        return _fail(str(exc))
    errors = sorted(content.result.errors)
    if errors:
        for problem in errors:
            print(problem.text(), file=sys.stderr)
        print(summary_line(errors, content.result.files_checked), file=sys.stderr)
        return _fail("eerst de fouten hierboven oplossen; een kopie wordt alleen van geldige inhoud gemaakt",
                     EXIT_INVALID)
    practices, taxonomy = content.result.practices, content.taxonomy
    try:
        selection = resolve(CardSelection(tuple(args.thema), tuple(args.doelgroep), tuple(args.kaart)),
                            practices, taxonomy)
        cards = select_cards(practices, selection, taxonomy)
        live = live_address(args.live_adres, project.root / CONFIG_FILE)
    except SelectionError as exc:
        for problem in exc.problems:
            print(f"praktijkbank: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except AddressError as exc:
        return _fail(f"--live-adres: {exc}")
    chosen = {p.slug for p in cards}
    try:
        # The state of the whole knowledge base, also for a chosen set: the build checks every
        # file against this day, so no review date may lie after it.
        date = content_date([p.last_reviewed for p in practices]
                            + [w.last_reviewed for w in content.calendar.webinars])
    except EditionError as exc:
        return _fail(str(exc))
    edition = OfflineEdition(
        date=date, live_url=live, total_cards=len(practices),
        cards=None if selection.everything else tuple(sorted(chosen)),
        selection=describe(selection, practices, taxonomy),
    )
    name = _bundle_name(edition)
    target = args.uitvoer or project.root / DIST_DIR / f"{name}.zip"
    if live is None:
        print("praktijkbank: let op: geen adres van de live site bekend (zet site_url in mkdocs.yml "
              "of gebruik --live-adres); de kopie zegt dat het niet is opgegeven", file=sys.stderr)
    print(f"Offline kopie maken: {edition.contents_text()}, stand van {date.isoformat()} …")
    return _build_and_zip(project, edition, name, target)


def _build_and_zip(project: Project, edition: OfflineEdition, name: str, target: Path) -> int:
    import tempfile

    from ..mkdocs_adapter.offline_build import BuildFailed, build_offline_site
    from ..offline.bundle import bundle_entries, sha256_of, write_zip
    from ..offline.finish import finish_offline_site

    with tempfile.TemporaryDirectory(prefix="praktijkbank-export-") as temporary:
        site_dir = Path(temporary) / "site"
        try:
            build_offline_site(project.root, edition, site_dir)
        except BuildFailed as exc:
            print(exc.output, file=sys.stderr)
            return _fail("de site kon niet worden gebouwd (zie de meldingen hierboven)", EXIT_INVALID)
        finish_offline_site(site_dir)
        readme = edition.readme_text(name).encode("utf-8")
        entries = bundle_entries(site_dir, name, {README_NAME: readme})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_zip(target, entries, edition.date)
    except OSError as exc:
        return _fail(f"kan {target} niet schrijven ({exc.strerror})")
    checksum = sha256_of(target)
    target.with_name(target.name + ".sha256").write_text(f"{checksum}  {target.name}\n", encoding="utf-8")
    size = target.stat().st_size / 1_000_000
    print(f"Klaar: {target} ({len(entries)} bestanden, {size:.1f} MB)")
    print(f"SHA-256: {checksum}")
    print(f"Openen: pak de zip uit en dubbelklik op {name}/index.html.")
    return EXIT_OK
