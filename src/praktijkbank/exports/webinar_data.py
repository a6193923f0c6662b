"""Open data for webinars: webinars.json, next to the built site.

Written from the same ``Webinar`` models as the Webinars page; its keys are
documented in formats.WEBINAR_KEYS and shown on the page "Open data".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.models import Webinar
from ..pages.listing import card_src_uri
from ..pages.webinars import WEBINARS_SRC, ics_src_uri
from ..content.schema import SOURCE
from ..urls import SiteAddress
from .formats import SCHEMA_VERSION, WEBINARS_JSON
from .opendata import LICENCE, addresses, write_files
from .records import to_plain

if TYPE_CHECKING:
    from ..sitemodel.model import SiteModel


def webinar_record(webinar: Webinar, address: SiteAddress) -> dict[str, Any]:
    entry = address.path_of(WEBINARS_SRC) + "#" + webinar.slug
    return {
        "slug": webinar.slug,
        "path": entry,
        "url": address.absolute(entry),
        "title": webinar.title,
        "day": webinar.day.isoformat(),
        "time_known": webinar.time_known,
        "start": webinar.start.isoformat() if webinar.start else None,
        "end": webinar.end.isoformat() if webinar.end else None,
        "organisers": list(webinar.organisers),
        "practices": [{"slug": slug, **addresses(card_src_uri(slug), address)} for slug in webinar.practices],
        "description": webinar.description,
        "registration": webinar.registration,
        "recording": webinar.recording,
        "calendar_file": ics_src_uri(webinar),
        "sources": [to_plain(SOURCE, source) for source in webinar.sources],
        "last_reviewed": webinar.last_reviewed.isoformat(),
        "source_path": webinar.source_path,
    }


def webinars_json(webinars: list[Webinar], address: SiteAddress) -> str:
    records = [webinar_record(w, address) for w in sorted(webinars, key=lambda w: w.sort_key)]
    document = {"schema_version": SCHEMA_VERSION, "licence": LICENCE, "site_url": address.site_url,
                "count": len(records), "webinars": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_webinar_data(content: "SiteModel", site_dir: Path) -> list[Path]:
    return write_files(site_dir, {WEBINARS_JSON: webinars_json(list(content.calendar.webinars), content.address)})
