"""After a build: put the Dutch search index and its worker into the built site.

Material's search plugin writes ``search/search_index.json`` with one entry per page
section. This exporter rewrites it (see the package docstring for why):

- each card becomes exactly one entry, built from the card's model (title, keywords,
  place, partners, themes, target groups, text), analysed for Dutch. Card pages say
  ``search: exclude``, so Material does not parse them (the largest share of its work);
  should an entry for a card page turn up all the same, it goes;
- every other page keeps Material's sections, analysed the same way. Pages that only
  repeat the cards (the overview, facet pages, the print set) are not there at all:
  their front matter says ``search: exclude`` (``pages.markup.NOT_IN_SEARCH``).

It also writes the worker script that answers the search box
(``assets/javascripts/praktijkbank-zoeken.js``). The pages load that worker instead of
Material's through ``overrides/partials/praktijkbank-zoeken.html``. When the pages do
not (someone removed the override, or Material's search plugin is off) nothing is
touched, so Material's own search keeps working on its own index.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..pages.listing import card_src_uri
from .documents import KIND_PRACTICE, SearchDocument, build_documents, html_text
from .ranking import ranking_settings

if TYPE_CHECKING:
    from ..site import SiteContent

INDEX_FILE = "search/search_index.json"
WORKER_FILE = "assets/javascripts/praktijkbank-zoeken.js"
WEB_DIR = Path(__file__).parent / "web"
WORKER_SOURCES = ("lunr.min.js", "dutch.js", "zoeken.js")  # concatenated, in this order


def worker_script() -> str:
    """lunr, the Dutch analyser and the worker, as one script."""
    header = "/* Praktijkbank search worker: lunr 2.3.9 (MIT), dutch.js, zoeken.js. Generated; do not edit. */\n"
    return header + "\n".join((WEB_DIR / name).read_text(encoding="utf-8") for name in WORKER_SOURCES)


def pages_use_worker(site_dir: Path) -> bool:
    home = site_dir / "index.html"
    return home.is_file() and WORKER_FILE in home.read_text(encoding="utf-8")


def index_data(content: "SiteContent", material_index: dict) -> dict:
    """The index the worker reads: Material's configuration plus ours, one document per card."""
    cards = content.result.practices
    card_pages = {content.address.path_of(card_src_uri(p.slug)) for p in cards}
    pages = [
        (entry["location"], html_text(entry.get("title", "")), html_text(entry.get("text", "")))
        for entry in material_index.get("docs", [])
        if entry["location"].split("#")[0] not in card_pages
    ]
    documents = build_documents(cards, content.taxonomy, pages)
    config = dict(material_index.get("config", {}))
    config["praktijkbank"] = ranking_settings()

    def location(document: SearchDocument) -> str:
        if document.kind == KIND_PRACTICE:
            return content.address.path_of(card_src_uri(document.key))
        return document.key

    return {"config": config, "docs": [index_entry(d, location(d)) for d in documents]}


def index_entry(document: SearchDocument, location: str) -> dict:
    """A document as the worker reads it; ``location`` is where its result leads."""
    return {
        "location": location,
        "title": document.title,
        "text": document.text,
        "kind": document.kind,
        "terms": {name: terms for name, terms in document.terms.items() if terms},
    }


def write_search_index(content: "SiteContent", site_dir: Path) -> list[Path]:
    index_file = site_dir / INDEX_FILE
    if not index_file.is_file() or not pages_use_worker(site_dir):
        return []
    material_index = json.loads(index_file.read_text(encoding="utf-8"))
    data = index_data(content, material_index)
    index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    worker = site_dir / WORKER_FILE
    worker.parent.mkdir(parents=True, exist_ok=True)
    worker.write_text(worker_script(), encoding="utf-8")
    return [index_file, worker]
