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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..pages.facets import FACET_BY_VOCABULARY
from ..pages.listing import card_src_uri
from ..safe_html import script_json
from .documents import KIND_PRACTICE, SearchDocument, build_documents, html_text, page_text
from .ranking import page_path, ranking_settings

if TYPE_CHECKING:
    from ..sitemodel.model import SiteModel
    from ..content.taxonomy import Taxonomy


@dataclass(frozen=True)
class PageText:
    """A hand-written page as the site generator rendered it: where it is, its title, its HTML."""

    location: str
    title: str
    html: str

INDEX_FILE = "search/search_index.json"
WORKER_FILE = "assets/javascripts/praktijkbank-zoeken.js"
# The next step when nothing is found (web/zoekhulp.js), with the links it offers.
HELP_FILE = "assets/javascripts/praktijkbank-zoekhulp.js"
WEB_DIR = Path(__file__).parent / "web"
WORKER_SOURCES = ("lunr.min.js", "dutch.js", "zoeken.js")  # concatenated, in this order
OVERVIEW_SRC = "praktijken/index.md"
# Where to report a practice: the form ("Praktijk aanmelden"), else "Zo doet u mee".
REPORT_SRCS = ("aanmelden.md", "bijdragen/index.md")


def help_links(model: "SiteModel") -> dict:
    """What the no-result help offers: each theme with cards (its page, its label, how many),
    all practices and the page on reporting one. Paths from the site's root."""
    facet = FACET_BY_VOCABULARY["themes"]
    counts = facet.count(list(model.result.practices))
    themes = [{"label": label, "location": model.address.path_of(facet.src_uri(key)), "count": counts[key]}
              for key, label in model.taxonomy["themes"].values.items()
              if counts.get(key) and facet.src_uri(key) in model.page_uris]
    return {"themes": themes,
            "all": model.address.path_of(OVERVIEW_SRC) if OVERVIEW_SRC in model.page_uris else None,
            "report": [model.address.path_of(src) for src in REPORT_SRCS]}


def help_script(links: Mapping) -> str:
    header = "/* Praktijkbank search help: the links (generated) and web/zoekhulp.js. Do not edit. */\n"
    return (header + f"window.PraktijkbankZoekhulp = {script_json(links)};\n"
            + (WEB_DIR / "zoekhulp.js").read_text(encoding="utf-8"))


def _page_file(site_dir: Path, path: str) -> Path:
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def worker_script() -> str:
    """lunr, the Dutch analyser and the worker, as one script."""
    header = "/* Praktijkbank search worker: lunr 2.3.9 (MIT), dutch.js, zoeken.js. Generated; do not edit. */\n"
    return header + "\n".join((WEB_DIR / name).read_text(encoding="utf-8") for name in WORKER_SOURCES)


def index_data(model: "SiteModel", pages: Iterable[PageText], config: Mapping) -> dict:
    """The index the worker reads: the generator's search settings plus ours, one document per card."""
    labels = key_labels(model.taxonomy)
    texts = [page_entry(page, labels) for page in pages]
    documents = build_documents(model.result.practices, model.taxonomy, texts, model.card_words)

    def location(document: SearchDocument) -> str:
        if document.kind == KIND_PRACTICE:
            return model.address.path_of(card_src_uri(document.key))
        return document.key

    return {"config": {**config, "praktijkbank": ranking_settings()},
            "docs": [index_entry(d, location(d)) for d in documents]}


_QUOTED_KEY = re.compile(r"'([a-z0-9]+(?:-[a-z0-9]+)+)'")


def key_labels(taxonomy: "Taxonomy") -> dict[str, str]:
    """Vocabulary keys written with hyphens -> their labels (the keys a page may quote in its text)."""
    return {key: label for vocabulary in taxonomy.vocabularies.values()
            for key, label in vocabulary.values.items() if "-" in key}


def page_entry(page: PageText, labels: Mapping[str, str]) -> tuple[str, str, str, str]:
    """``(location, title, text, heading)`` of a hand-written page as a visitor reads it: code
    left out (``page_text``), a quoted vocabulary key ('onderzoek-met-partners') as its label.

    The home page's heading is the site's name ("Praktijkbank Wonen, Zorg en Welzijn"): every
    query about wonen, zorg or welzijn would ask for it by name, so it does not count as one.
    """
    text, heading = page_text(page.html)
    text = _QUOTED_KEY.sub(lambda m: f"'{labels[m.group(1)]}'" if m.group(1) in labels else m.group(), text)
    return page.location, html_text(page.title), text, heading if page_path(page.location) else ""


def index_entry(document: SearchDocument, location: str) -> dict:
    """A document as the worker reads it; ``location`` is where its result leads."""
    entry = {
        "location": location,
        "title": document.title,
        "text": document.text,
        "kind": document.kind,
        "terms": {name: terms for name, terms in document.terms.items() if terms},
    }
    if document.names:
        entry["names"] = [list(name) for name in document.names]
    return entry


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
    links = help_links(model)
    # The first page that is in this site (a copy may leave the contributor pages out).
    links["report"] = next((path for path in links["report"] if _page_file(site_dir, path).is_file()), None)
    helper = site_dir / HELP_FILE
    helper.write_text(help_script(links), encoding="utf-8")
    return [index_file, worker, helper]
