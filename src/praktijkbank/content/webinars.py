"""Loading webinars: files in webinars/ in, typed ``Webinar`` models and problems out.

The front matter is checked by the same machinery as a card (schema ``WEBINAR``,
``FieldChecker``); this module adds what only a webinar knows: the date in the
file name, how start, end and ``time_known`` fit together, and that the
practices it is about exist.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .reading import Document, read_document
from .localtime import in_amsterdam
from .models import Source, Webinar
from .cards import check_front_matter_html, display_path, report_source_warnings
from ..checks.problems import Problem, ProblemLog
from .project import FileResolver
from .schema import WEBINAR
from .slugs import slugify
from ..checks.did_you_mean import closest
from .taxonomy import Taxonomy
from ..checks.fields import INVALID, SLUG_PATTERN, FieldChecker

# webinars/2022-03-22-gemengd-wonen-utrecht.md
FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
FILE_NAME_RULE = "JJJJ-MM-DD-naam.md: de datum van het webinar, dan kleine letters, cijfers en streepjes"
EARLIEST_YEAR = 2000
FURTHEST_AHEAD = dt.timedelta(days=2 * 365)  # further is a typo in the year, not a plan

_NO_TIME_HINT = "noemt de bron geen tijd, schrijf dan alleen de datum en zet time_known: false"


@dataclass
class WebinarResult:
    """What a run over webinar files found: the valid webinars and every problem."""

    webinars: list[Webinar] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_webinars(
    paths: list[Path],
    taxonomy: Taxonomy,
    today: dt.date,
    practice_slugs: set[str],
    root: Path | None = None,
    resolve: FileResolver | None = None,
) -> WebinarResult:
    """Load every webinar in ``paths``; ``practice_slugs`` are the cards they may be about.

    ``resolve`` may bring the real paths a caller already knows.
    """
    result = WebinarResult()
    first_seen: dict[tuple, str] = {}
    resolve = resolve or FileResolver()
    for path in sorted(paths):
        display = display_path(path, root, resolve)
        log = ProblemLog(display)
        webinar, doc = _load_file(path, log, taxonomy, today, practice_slugs)
        result.files_checked += 1
        if webinar is not None:
            # The same session twice (a copied file) would show twice in every calendar.
            key = (webinar.day, webinar.start, webinar.title.casefold())
            if key in first_seen:
                log.add(doc.line_of(("title",)), "title",
                        f"dit webinar staat al in {first_seen[key]} (zelfde titel en tijd)",
                        "één bestand per webinar")
                webinar = None
            else:
                first_seen[key] = display
        if webinar is not None:
            result.webinars.append(webinar)
        result.problems.extend(log.items)
    return result


def _load_file(path: Path, log: ProblemLog, taxonomy: Taxonomy, today: dt.date,
               practice_slugs: set[str]) -> tuple[Webinar | None, Document | None]:
    doc = read_document(path, log.path, log)
    if doc is None:
        _check_file_name(path, log, None)
        return None, None
    data = FieldChecker(doc, log, taxonomy, today).check(WEBINAR, doc.data, ())
    check_front_matter_html(doc, log)
    report_source_warnings(doc, log)  # as on cards: a home page or no date is worth a look
    _check_no_body(doc, log)
    times = _check_times(doc, data, log, today) if data is not INVALID else None
    day = times[0] if times else None
    name_date = _check_file_name(path, log, day)
    if day is not None and name_date is not None and name_date != day:
        log.add(doc.line_of(("start",)), "bestandsnaam",
                f"de datum in de bestandsnaam ({name_date}) is niet de datum van het webinar ({day})",
                "hernoem het bestand", f"{day}-{FILE_NAME.match(path.stem).group(2)}.md")
    _check_practices(doc, log, practice_slugs)
    if log.has_errors or times is None:
        return None, doc
    return _build(path.stem, doc, data, times), doc


def _check_file_name(path: Path, log: ProblemLog, day: dt.date | None) -> dt.date | None:
    """The date the file name starts with, or None (with a problem) when the name is wrong.

    ``day`` is the webinar's date when it is known, for a name to suggest.
    """
    match = FILE_NAME.match(path.stem)
    if match:
        try:
            return dt.date.fromisoformat(match.group(1))
        except ValueError:
            log.add(1, "bestandsnaam", f"'{match.group(1)}' in de bestandsnaam is geen bestaande datum",
                    FILE_NAME_RULE)
            return None
    suggestion = slugify(path.stem)
    if day is not None and not suggestion.startswith(day.isoformat()):
        suggestion = f"{day}-{suggestion}"
    log.add(1, "bestandsnaam", f"'{path.name}' is geen geldige webinarnaam", FILE_NAME_RULE,
            suggestion + ".md" if FILE_NAME.match(suggestion) else "")
    return None


def _check_no_body(doc: Document, log: ProblemLog) -> None:
    lines = doc.body.split("\n")
    for offset, line in enumerate(lines):
        if line.strip():
            log.add(doc.body_first_line + offset, "tekst", "een webinar heeft geen tekst onder de kop",
                    "zet een korte beschrijving in het veld description")
            return


def _check_times(doc: Document, data: dict, log: ProblemLog,
                 today: dt.date) -> tuple[dt.date, dt.datetime | None, dt.datetime | None] | None:
    """(day, start, end) with start and end as aware times, or None after reporting why not.

    A time is either known (start and end with a clock time) or not (start is a
    date, ``time_known: false``, no end). Anything in between is a missing time
    written as if it were known, and refused.
    """
    start, end, known = data.get("start"), data.get("end"), data.get("time_known", True)
    if start in (None, INVALID) or end is INVALID or known is INVALID:
        return None  # already reported
    line = doc.line_of
    ok = True
    if known is False:
        if isinstance(start, dt.datetime):
            log.add(line(("start",)), "start",
                    f"time_known is false, maar start heeft een tijd ({start:%H:%M})",
                    "schrijf alleen de datum (JJJJ-MM-DD), of haal time_known: false weg als de bron de tijd noemt")
            ok = False
        if "end" in doc.data:
            log.add(line(("end",)), "end", "een eindtijd bij een webinar waarvan de tijd onbekend is",
                    "laat end weg als time_known false is")
            ok = False
        day = start.date() if isinstance(start, dt.datetime) else start
    else:
        if not isinstance(start, dt.datetime):
            log.add(line(("start",)), "start", f"bij start staat alleen een datum ({start}), geen tijd",
                    "schrijf JJJJ-MM-DDTUU:MM, bijvoorbeeld 2022-03-22T14:30; " + _NO_TIME_HINT)
            return None
        day = start.date()
        if start.time() == dt.time(0, 0):
            log.add(line(("start",)), "start",
                    "00:00 (middernacht) is geen begintijd van een webinar; is de tijd eigenlijk onbekend?",
                    _NO_TIME_HINT)
            ok = False
        ok = _check_end(doc, start, end, log) and ok
    if day.year < EARLIEST_YEAR:
        log.add(line(("start",)), "start", f"{day} ligt voor {EARLIEST_YEAR}; klopt het jaartal?")
        ok = False
    elif day > today + FURTHEST_AHEAD:
        log.add(line(("start",)), "start", f"{day} ligt meer dan twee jaar na vandaag ({today}); klopt het jaartal?")
        ok = False
    if not ok:
        return None
    if known is False:
        return day, None, None
    return day, in_amsterdam(start), in_amsterdam(end)


def _check_end(doc: Document, start: dt.datetime, end: Any, log: ProblemLog) -> bool:
    line = doc.line_of
    if end is None:
        log.add(line(("start",)), "end", "verplicht veld ontbreekt: bij een bekende begintijd hoort een eindtijd",
                "schrijf end: JJJJ-MM-DDTUU:MM; " + _NO_TIME_HINT)
        return False
    if not isinstance(end, dt.datetime):
        log.add(line(("end",)), "end", f"bij end staat alleen een datum ({end}), geen tijd",
                "schrijf JJJJ-MM-DDTUU:MM, op dezelfde dag als start")
        return False
    if end.date() != start.date():
        log.add(line(("end",)), "end", f"het webinar eindigt op een andere dag ({end.date()}) dan het begint ({start.date()})",
                "een webinar begint en eindigt op dezelfde dag")
        return False
    if end <= start:
        what = "op het moment dat het begint" if end == start else f"({end:%H:%M}) voordat het begint ({start:%H:%M})"
        log.add(line(("end",)), "end", f"het webinar eindigt {what}", "end ligt na start")
        return False
    return True


def _check_practices(doc: Document, log: ProblemLog, practice_slugs: set[str]) -> None:
    raw = doc.data.get("practices")
    if not isinstance(raw, list):
        return  # already reported by the schema check
    for index, slug in enumerate(raw):
        # Malformed names were reported by the schema check; here: well-formed names of no card.
        if isinstance(slug, str) and SLUG_PATTERN.match(slug.strip()) and slug.strip() not in practice_slugs:
            log.add(doc.line_of(("practices", index)), f"practices[{index + 1}]",
                    f"er is geen kaart '{slug.strip()}'",
                    "bestandsnamen van kaarten in practices/, zonder .md",
                    closest(slug, sorted(practice_slugs)))


def _build(slug: str, doc: Document, data: dict,
           times: tuple[dt.date, dt.datetime | None, dt.datetime | None]) -> Webinar:
    day, start, end = times
    return Webinar(
        slug=slug,
        source_path=doc.path,
        title=data["title"],
        day=day,
        start=start,
        end=end,
        practices=tuple(data["practices"]),
        description=data["description"],
        sources=tuple(Source(**s) for s in data["sources"]),
        last_reviewed=data["last_reviewed"],
        organisers=tuple(data.get("organisers") or ()),
        registration=data.get("registration"),
        recording=data.get("recording"),
    )
