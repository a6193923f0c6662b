"""Open data: praktijken.json and praktijken.csv, next to the built site (webinars: webinar_data.py).

Written from the same models as the pages, after every build. The files are
described for people on the page "Open data" (pages/open_data.py); their names
and format version are in formats.py.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..licence import ATTRIBUTION, CONTENT_LICENCE, CONTENT_LICENCE_URL
from ..content.models import Practice
from ..pages.listing import card_src_uri
from ..urls import SiteAddress
from .formats import PRACTICES_CSV, PRACTICES_JSON, SCHEMA_VERSION
from .records import columns, practice_from_record, practice_from_row, practice_record, record_row

if TYPE_CHECKING:
    from ..sitemodel.model import SiteModel

LICENCE = {
    "name": CONTENT_LICENCE,
    "url": CONTENT_LICENCE_URL,
    "attribution": ATTRIBUTION,
    "note": "De teksten en gegevens van de Praktijkbank vallen onder CC BY 4.0. De bronnen waar een kaart "
            "naar verwijst, houden hun eigen rechten.",
}


def _ordered(practices: list[Practice]) -> list[Practice]:
    return sorted(practices, key=lambda p: p.slug)


def addresses(src_uri: str, address: SiteAddress) -> dict[str, str | None]:
    path = address.path_of(src_uri)
    return {"path": path, "url": address.absolute(path)}


def _records(practices: list[Practice]) -> list[dict[str, Any]]:
    """Each card as a plain record, in slug order: made once for both files."""
    return [practice_record(practice) for practice in _ordered(practices)]


def practices_document(records: list[dict[str, Any]], address: SiteAddress) -> dict[str, Any]:
    listed = [{"slug": record["slug"], **addresses(card_src_uri(record["slug"]), address),
               **{key: value for key, value in record.items() if key != "slug"}} for record in records]
    return {"schema_version": SCHEMA_VERSION, "licence": LICENCE, "site_url": address.site_url,
            "count": len(listed), "practices": listed}


def practices_json(practices: list[Practice], address: SiteAddress) -> str:
    return _json_text(_records(practices), address)


def _json_text(records: list[dict[str, Any]], address: SiteAddress) -> str:
    return json.dumps(practices_document(records, address), ensure_ascii=False, indent=2) + "\n"


def practices_csv(practices: list[Practice]) -> str:
    """One row per card (RFC 4180, UTF-8, comma-separated); lists joined with ' | '."""
    return _csv_text(_records(practices))


def _csv_text(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(map(record_row, records))
    return out.getvalue()


def read_practices_json(text: str) -> list[Practice]:
    document = json.loads(text)
    return [practice_from_record(record) for record in document["practices"]]


def read_practices_csv(text: str) -> list[Practice]:
    return [practice_from_row(row) for row in csv.DictReader(io.StringIO(text, newline=""))]


def write_open_data(content: "SiteModel", site_dir: Path) -> list[Path]:
    records = _records(content.result.practices)
    return write_files(site_dir, {
        PRACTICES_JSON: _json_text(records, content.address),
        PRACTICES_CSV: _csv_text(records),
    })


def write_files(site_dir: Path, files: dict[str, str]) -> list[Path]:
    """Write each text to its name in the built site, exactly as given (UTF-8, line ends kept)."""
    written = []
    for name, text in files.items():
        path = site_dir / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
