"""After a build: the Dutch search index and its worker, written into the built site.

The index is made from the site model, never read back from disk:

- each card becomes exactly one entry, built from the card's model (title, keywords,
  place, partners, themes, target groups) and the words of its rendered text, analysed
  for Dutch. Card pages say ``search: exclude``, so Material's search plugin does not
  index them (the largest share of its work);
- every hand-written page that is not excluded becomes one entry, from the text the
  site generator rendered for it (``PageText``, handed over by the adapter). Pages that
  only repeat the cards (the overview, facet pages, the print set) are not there at all.

The file replaces the one Material's search plugin wrote (same place, same ``config``
block, which the adapter passes on), and the worker script that answers the search box
(``assets/javascripts/praktijkbank-zoeken.js``) is written beside it. The pages load that
worker instead of Material's through ``overrides/partials/praktijkbank-zoeken.html``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..pages.listing import card_src_uri
from .documents import KIND_PRACTICE, SearchDocument, build_documents, html_text
from .ranking import ranking_settings

if TYPE_CHECKING:
    from ..sitemodel.model import SiteModel


@dataclass(frozen=True)
class PageText:
    """A hand-written page as the site generator rendered it: where it is, its title, its HTML."""

    location: str
    title: str
    html: str

INDEX_FILE = "search/search_index.json"
WORKER_FILE = "assets/javascripts/praktijkbank-zoeken.js"
WEB_DIR = Path(__file__).parent / "web"
WORKER_SOURCES = ("lunr.min.js", "dutch.js", "zoeken.js")  # concatenated, in this order


def worker_script() -> str:
    """lunr, the Dutch analyser and the worker, as one script."""
    header = "/* Praktijkbank search worker: lunr 2.3.9 (MIT), dutch.js, zoeken.js. Generated; do not edit. */\n"
    return header + "\n".join((WEB_DIR / name).read_text(encoding="utf-8") for name in WORKER_SOURCES)


def index_data(model: "SiteModel", pages: Iterable[PageText], config: Mapping) -> dict:
    """The index the worker reads: the generator's search settings plus ours, one document per card."""
    texts = [(page.location, html_text(page.title), html_text(page.html)) for page in pages]
    documents = build_documents(model.result.practices, model.taxonomy, texts, model.card_words)

    def location(document: SearchDocument) -> str:
        if document.kind == KIND_PRACTICE:
            return model.address.path_of(card_src_uri(document.key))
        return document.key

    return {"config": {**config, "praktijkbank": ranking_settings()},
            "docs": [index_entry(d, location(d)) for d in documents]}


def index_entry(document: SearchDocument, location: str) -> dict:
    """A document as the worker reads it; ``location`` is where its result leads."""
    return {
        "location": location,
        "title": document.title,
        "text": document.text,
        "kind": document.kind,
        "terms": {name: terms for name, terms in document.terms.items() if terms},
    }


def write_search_index(model: "SiteModel", site_dir: Path, pages: Iterable[PageText],
                       config: Mapping) -> list[Path]:
    """``config``: the generator's search settings (lang, separator, pipeline, fields)."""
    index_file = site_dir / INDEX_FILE
    index_file.parent.mkdir(parents=True, exist_ok=True)
    data = index_data(model, pages, config)
    index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    worker = site_dir / WORKER_FILE
    worker.parent.mkdir(parents=True, exist_ok=True)
    worker.write_text(worker_script(), encoding="utf-8")
    return [index_file, worker]
