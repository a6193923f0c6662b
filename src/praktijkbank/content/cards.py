"""Loading practice cards: files in, typed ``Practice`` models and problems out."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..checks.body_text import check_headings, check_safe_html, headings
from ..checks.unsafe_html import may_be_unsafe
from .reading import Document, read_document
from ..checks.freshness import check_freshness
from ..geo.check import check_map_place
from ..checks.lookalikes import lookalike_message, lookalike_pairs
from .models import Contact, Coordinates, Figure, Partner, Place, Practice, Source
from ..checks.problems import Problem, ProblemLog, Severity
from .project import FileResolver
from ..checks.placeholders import report_placeholders
from .schema import (HEADINGS, NL_LATITUDE, NL_LONGITUDE, OPTIONAL_HEADINGS, PRACTICE, REQUIRED_HEADINGS,
                     RESEARCH_EVIDENCE)
from .slugs import slugify
from ..checks.did_you_mean import closest
from .taxonomy import Taxonomy
from ..checks.fields import INVALID, SLUG_PATTERN, FieldChecker, source_warnings
from .yaml_tree import FieldPath, field_name, strings_in

_PERSONAL_DATA = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+31|\b0)[\s-]?\d(?:[\s-]?\d){7,}")


@dataclass
class LoadResult:
    """What a run over a set of files found: the valid cards and every problem."""

    practices: list[Practice] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def by_slug(self) -> dict[str, Practice]:
        return {p.slug: p for p in self.practices}


def display_path(path: Path, root: Path | None, resolve: Callable[[Path], Path] = Path.resolve) -> str:
    """``path`` relative to the project ``root`` where it lies inside it; ``resolve`` gives real paths."""
    if root is not None:
        try:
            return _relative(resolve(path), _resolved(root))
        except ValueError:
            pass
    return path.as_posix()


def _relative(path: Path, base: Path) -> str:
    """``path.relative_to(base).as_posix()``: for two resolved POSIX paths by their text."""
    if not (isinstance(path, PurePosixPath) and isinstance(base, PurePosixPath)):
        return path.relative_to(base).as_posix()
    text, folder = str(path), str(base)
    if text == folder:
        return "."
    if not text.startswith(folder.rstrip("/") + "/"):
        raise ValueError(f"{text!r} is not in {folder!r}")
    return text[len(folder.rstrip("/")) + 1:]


@functools.lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    """The project root, resolved once: display_path is asked for every file."""
    return root.resolve()


def load_practice_file(path: Path, display: str, taxonomy: Taxonomy, today: dt.date) -> tuple[Practice | None, ProblemLog]:
    """One card: its model (None when it has errors) and its problems."""
    log = ProblemLog(display)
    slug = path.stem
    if not SLUG_PATTERN.match(slug):
        log.add(1, "bestandsnaam", f"'{path.name}' is geen geldige kaartnaam",
                "kleine letters, cijfers en streepjes, eindigend op .md", slugify(slug) + ".md")
    doc = read_document(path, display, log)
    if doc is None:
        return None, log
    practice = practice_from_document(doc, slug, log, taxonomy, today)
    return (None if log.has_errors else practice), log


def practice_from_document(doc: Document, slug: str, log: ProblemLog, taxonomy: Taxonomy, today: dt.date) -> Practice | None:
    texts = report_placeholders(doc, PRACTICE, HEADINGS, taxonomy, log)  # before the schema: one message per gap
    data = FieldChecker(doc, log, taxonomy, today).check(PRACTICE, doc.data, ())
    check_freshness(doc, data, log, today)
    _check_place_rules(doc, data, log)
    check_map_place(doc, data, log, taxonomy)
    _check_contact(doc, data, log)
    _check_figures(doc, log)
    _check_research(doc, data, log)
    report_source_warnings(doc, log)
    found = headings(doc.body, doc.body_first_line)  # read once, for both heading checks
    check_headings(doc.body, doc.body_first_line, found, REQUIRED_HEADINGS, log)
    _check_optional_headings(found, log)
    check_safe_html(doc.body, doc.body_first_line, "tekst", log)
    check_front_matter_html(doc, log, texts)  # nothing since the placeholders changed the front matter
    if log.has_errors or data is INVALID:
        return None
    return _build(data, slug, doc)


def check_front_matter_html(doc: Document, log: ProblemLog,
                            strings: list[tuple[FieldPath, str]] | None = None) -> None:
    """Raw HTML that could run script is refused in every text of the front matter too.

    ``strings`` are the front matter's texts (``strings_in(doc.data)``) when the caller has them.
    """
    if strings is None:
        strings = strings_in(doc.data)
    for path, text in strings:
        if may_be_unsafe(text):  # most texts are not: their line and field name are not needed
            check_safe_html(text, doc.line_of(path), field_name(path), log)


def _check_place_rules(doc: Document, data: Any, log: ProblemLog) -> None:
    if data is INVALID:
        return
    place = data.get("place")
    if isinstance(place, dict) and place.get("scope") not in (None, INVALID, "landelijk"):
        for name in ("municipality", "province"):
            if name not in place:
                log.add(doc.line_of(("place",)), f"place.{name}",
                        "verplicht veld ontbreekt bij een aanpak die niet landelijk is",
                        "of zet scope op 'landelijk'")
    coordinates = data.get("coordinates")
    raw = doc.data.get("coordinates")
    if isinstance(coordinates, dict) and INVALID in coordinates.values() and isinstance(raw, dict):
        lat, lon = raw.get("lat"), raw.get("lon")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and (
            NL_LATITUDE[0] <= lon <= NL_LATITUDE[1] and NL_LONGITUDE[0] <= lat <= NL_LONGITUDE[1]
        ):
            log.add(doc.line_of(("coordinates",)), "coordinates",
                    "lat en lon lijken omgewisseld", f"lat: {lon}, lon: {lat}")


def _check_contact(doc: Document, data: Any, log: ProblemLog) -> None:
    contact = doc.data.get("contact")
    if not isinstance(contact, dict):
        return
    for key in ("organisation",):
        value = contact.get(key)
        if isinstance(value, str) and _PERSONAL_DATA.search(value):
            log.add(doc.line_of(("contact", key)), f"contact.{key}",
                    "een e-mailadres of telefoonnummer hoort niet op de kaart",
                    "noem alleen de organisatie en eventueel haar website")


def _check_figures(doc: Document, log: ProblemLog) -> None:
    """Each figure names its source by number: that number must be one of the card's sources."""
    figures, sources = doc.data.get("figures"), doc.data.get("sources")
    if not isinstance(figures, list):
        return
    count = len(sources) if isinstance(sources, list) else 0
    for index, figure in enumerate(figures):
        number = figure.get("source") if isinstance(figure, dict) else None
        if isinstance(number, bool) or not isinstance(number, int) or number < 1 or number <= count:
            continue  # a wrong kind of value is the schema's to report
        path = ("figures", index, "source")
        has = "geen bronnen" if count == 0 else "1 bron" if count == 1 else f"{count} bronnen"
        allowed = ("noem eerst de bron onder sources" if count == 0 else
                   "1, de enige bron onder sources" if count == 1 else
                   f"een nummer van 1 tot en met {count}; 1 is de eerste bron onder sources")
        log.add(doc.line_of(path), field_name(path), f"er is geen bron {number}: de kaart heeft {has}", allowed)


def _check_research(doc: Document, data: Any, log: ProblemLog) -> None:
    """Evidence from research needs that research among the sources, marked ``research: true``."""
    if data is INVALID or data.get("evidence") not in RESEARCH_EVIDENCE:
        return
    sources = data.get("sources")
    if not isinstance(sources, list):
        return
    marks = [s.get("research") for s in sources if isinstance(s, dict)]
    if True in marks or INVALID in marks:  # marked, or a wrong mark reported already ('research: ja')
        return
    # A card that still has an old, renamed key keeps working (see Vocabulary.renamed): a warning then.
    renamed = doc.data.get("evidence") != data["evidence"]
    log.add(doc.line_of(("evidence",)), "evidence",
            f"bij '{data['evidence']}' moet minstens één bron het onderzoek zelf zijn, maar geen bron heeft "
            "'research: true'",
            "zet 'research: true' bij de bron met het onderzoek, of kies een andere onderbouwing",
            severity=Severity.WARNING if renamed else Severity.ERROR)


def report_source_warnings(doc: Document, log: ProblemLog) -> None:
    """Warnings (the card still works) for a source that points at a home page or has no date."""
    sources = doc.data.get("sources")
    if not isinstance(sources, list):
        return
    for index, source in enumerate(sources):
        if not isinstance(source, dict):
            continue
        for warning in source_warnings(source.get("url"), source.get("date")):
            path = ("sources", index, warning.field)
            log.warn(doc.line_of(path), field_name(path), warning.message, warning.allowed)


def _check_optional_headings(headings_found: list[tuple[int, int, str]], log: ProblemLog) -> None:
    """An optional heading, where a card has it, stands in its fixed place among the required ones."""
    order = [h.title.lower() for h in HEADINGS]
    found = [(line, text) for level, line, text in headings_found if level == 2]
    positions = {text.lower(): i for i, (_, text) in reversed(list(enumerate(found)))}  # first of each
    for title in OPTIONAL_HEADINGS:
        at = positions.get(title.lower())
        if at is None:
            continue
        rank = order.index(title.lower())
        before = [h for h in order[:rank] if h in positions and positions[h] > at]
        after = [h for h in order[rank + 1:] if h in positions and positions[h] < at]
        if before or after:
            previous = next(h.title for h in reversed(HEADINGS[:rank]) if h.required)
            following = next(h.title for h in HEADINGS[rank + 1:] if h.required)
            log.add(found[at][0], "tekst", f"de kop '## {found[at][1]}' staat niet op zijn vaste plek",
                    f"zet hem tussen '## {previous}' en '## {following}'")


def _build(data: dict, slug: str, doc: Document) -> Practice:
    place = data["place"]
    coordinates = data.get("coordinates")
    contact = data["contact"]
    return Practice(
        slug=slug,
        source_path=doc.path,
        title=data["title"],
        summary=data["summary"],
        place=Place(
            scope=place["scope"],
            municipality=place.get("municipality"),
            neighbourhood=place.get("neighbourhood"),
            province=place.get("province"),
            also_in=tuple(place.get("also_in") or ()),
        ),
        coordinates=Coordinates(**coordinates) if coordinates else None,
        themes=tuple(data["themes"]),
        target_groups=tuple(data["target_groups"]),
        partners=tuple(Partner(**p) for p in data["partners"]),
        started=data.get("started"),
        status=data["status"],
        evidence=data["evidence"],
        sources=tuple(Source(**s) for s in data["sources"]),
        contact=Contact(**contact),
        keywords=tuple(data.get("keywords") or ()),
        related=tuple(data.get("related") or ()),
        researchers=tuple(data.get("researchers") or ()),
        funders=tuple(data.get("funders") or ()),
        figures=tuple(Figure(**{**f, "value": whole(f["value"])}) for f in data.get("figures") or ()),
        last_reviewed=data["last_reviewed"],
        body=doc.body,
        body_line=doc.body_first_line,
    )


def whole(number: float | int) -> float | int:
    """565.0 as 565: a count reads (and exports) as a whole number; 2.5 stays 2.5."""
    return int(number) if float(number).is_integer() else number


def load_practices(
    paths: list[Path],
    taxonomy: Taxonomy,
    today: dt.date,
    root: Path | None = None,
    known_slugs: set[str] | None = None,
    compare_with: Sequence[Practice] = (),
    resolve: FileResolver | None = None,
) -> LoadResult:
    """Load every card in ``paths``, then check what only the whole set can tell.

    ``known_slugs`` names cards outside ``paths`` that ``related`` may point to
    (checking one card still knows the others in practices/); ``compare_with``
    are valid cards outside ``paths`` that a new card may look like; ``resolve``
    may bring the real paths a caller already knows.
    """
    result = LoadResult()
    first_title: dict[str, tuple[str, str]] = {}
    first_slug: dict[str, str] = {}
    located: dict[str, Path] = {}  # slug -> file of each valid card
    all_slugs = {p.stem for p in paths} | set(known_slugs or ())
    resolve = resolve or FileResolver()
    for path in sorted(paths):
        display = display_path(path, root, resolve)
        practice, log = load_practice_file(path, display, taxonomy, today)
        result.files_checked += 1
        if path.stem in first_slug:
            log.add(1, "bestandsnaam", f"de kaartnaam '{path.stem}' bestaat al ({first_slug[path.stem]})",
                    "elke kaart een eigen bestandsnaam")
            practice = None
        first_slug.setdefault(path.stem, display)
        if practice is not None:
            key = practice.title.casefold().strip()
            if key in first_title:
                other_path, _ = first_title[key]
                log.add(_line(log, path, ("title",)), "title",
                        f"deze titel heeft kaart {other_path} al", "elke praktijk een eigen titel")
                practice = None
            else:
                first_title[key] = (display, practice.slug)
        if practice is not None:
            own_slug, related_ok = practice.slug, True  # every wrong entry is reported, not only the first
            for index, slug in enumerate(practice.related):
                if slug not in all_slugs:
                    log.add(_related_line(path, display, index), f"related[{index + 1}]",
                            f"er is geen kaart '{slug}'", "bestandsnamen zonder .md",
                            closest(slug, sorted(all_slugs)))
                    related_ok = False
                elif slug == own_slug:
                    log.add(_related_line(path, display, index), f"related[{index + 1}]",
                            "een kaart kan niet aan zichzelf verwant zijn")
                    related_ok = False
            if not related_ok:
                practice = None
        if practice is not None:
            result.practices.append(practice)
            located[practice.slug] = path
        result.problems.extend(log.items)
    # A card whose related card turned out invalid still stands: the link is dropped at render time.
    for practice, other in lookalike_pairs(result.practices, compare_with):
        message, allowed = lookalike_message(other)
        line = _field_line(located[practice.slug], practice.source_path, ("title",))
        result.problems.append(Problem(practice.source_path, line, "title", message, allowed,
                                       severity=Severity.WARNING))
    return result


def _line(log: ProblemLog, path: Path, field_path: tuple) -> int:
    return _field_line(path, log.path, field_path)


def _related_line(path: Path, display: str, index: int) -> int:
    return _field_line(path, display, ("related", index))


def _field_line(path: Path, display: str, field_path: tuple) -> int:
    """Re-read a valid card's line map (cheap, and only on the rare cross-file error)."""
    doc = read_document(path, display, ProblemLog(display))
    return doc.line_of(field_path) if doc else 1
