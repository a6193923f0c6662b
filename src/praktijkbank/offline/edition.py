"""One offline edition: which cards, as of when, and where the live site is.

The export command decides these once and hands them to the site build as a
plain mapping (the ``offline`` setting of the plugin, in the generated MkDocs config);
the build reads them back with ``OfflineEdition.from_setting``. The same
values make the note on every page, the read-me in the zip and its name.

The edition's date is the state of the content, not the clock: the newest
``last_reviewed`` of all cards and webinars, or ``SOURCE_DATE_EPOCH``
when that is set (the reproducible-builds convention). So the same content
gives the same bundle on any day, byte for byte, and a facilitator can compare
a stick with a fresh export by checksum.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..content.models import Practice, Webinar
from ..pages.markup import dutch_date
from .worker_shim import SITE_FOLDER

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


class EditionError(Exception):
    """A setting the edition cannot use; the message is Dutch and says how to fix it."""


@dataclass(frozen=True)
class OfflineEdition:
    date: dt.date
    live_url: str | None  # the published site, e.g. https://example.org/praktijkbank/
    cards: tuple[str, ...] | None = None  # the slugs in this edition; None: every card
    total_cards: int = 0  # how many valid cards the knowledge base has
    selection: str = ""  # what was chosen, in words: "thema Dakloosheid" ('' for everything)

    def includes(self, slug: str) -> bool:
        return self.cards is None or slug in self.cards

    def narrow(self, practices: list[Practice], webinars: list[Webinar]) -> tuple[list[Practice], list[Webinar]]:
        """The cards of this edition, and the webinars about at least one of them.

        Pages are made from these lists only, so no overview, facet page, search
        entry or related-cards list can point at a card outside the bundle; links in
        the cards' own text to such a card follow ``link_policy``.
        """
        kept = {p.slug for p in practices if self.includes(p.slug)}
        cards = [p for p in practices if p.slug in kept]
        return cards, [w for w in webinars if not w.practices or kept & set(w.practices)]

    def link_policy(self, left_out: set[str]) -> Callable[[str], bool | None]:
        """For the renderer (sitemodel.markdown): a link in a card's text to a card left out of
        this edition (by source path, 'praktijken/x.md') becomes plain text (None); others stay."""
        return lambda target: None if target in left_out else False

    # -- to and from the build ------------------------------------------------

    def to_setting(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "live_url": self.live_url,
            "cards": list(self.cards) if self.cards is not None else None,
            "total_cards": self.total_cards,
            "selection": self.selection,
            "note_html": self.note_html(),
        }

    @classmethod
    def from_setting(cls, setting: Mapping | None) -> "OfflineEdition | None":
        if not setting:
            return None
        try:
            cards = setting.get("cards")
            return cls(
                date=dt.date.fromisoformat(str(setting["date"])),
                live_url=setting.get("live_url") or None,
                cards=tuple(str(c) for c in cards) if cards is not None else None,
                total_cards=int(setting.get("total_cards", 0)),
                selection=str(setting.get("selection", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EditionError(f"de instelling offline van de plugin praktijkbank is onbruikbaar ({exc})") from None

    # -- what a reader sees ---------------------------------------------------

    def contents_text(self) -> str:
        """'alle 6 praktijken' or '2 van de 6 praktijken (thema Dakloosheid)'."""
        if self.cards is None:
            return f"alle {self.total_cards} praktijken"
        chosen = f"{len(self.cards)} van de {self.total_cards} praktijken"
        return f"{chosen} ({self.selection})" if self.selection else chosen

    def note_html(self) -> str:
        """The note on every page of the bundle (HTML, everything escaped)."""
        live = (f'De actuele versie staat op <a href="{html.escape(self.live_url)}">{html.escape(self.live_url)}</a>.'
                if self.live_url else "Het adres van de actuele versie is bij het maken niet opgegeven.")
        return (f"<strong>Offline kopie</strong> van de Praktijkbank, stand van {dutch_date(self.date)}, "
                f"met {html.escape(self.contents_text())}. {live}")

    def readme_text(self, folder: str) -> str:
        """LEESMIJ.txt beside index.html: how to open the copy, and what it is."""
        live = self.live_url or "(niet opgegeven bij het maken van deze kopie)"
        return "\n".join([
            "Praktijkbank Wonen, Zorg en Welzijn: offline kopie",
            "",
            f"Stand van: {dutch_date(self.date)}",
            f"Inhoud: {self.contents_text()}",
            f"Actuele versie: {live}",
            "",
            f"Openen: pak het zip-bestand uit en dubbelklik in de map {folder} op index.html.",
            "Er is geen internet nodig: zoeken, filters en alle kaarten werken zo.",
            "Afdrukken: open 'Kaartenset' (kaartenset/index.html) en kies Afdrukken in de browser.",
            "",
            "Zoeken zonder server gebruikt iframe-worker (MIT-licentie, zie",
            f"{SITE_FOLDER}/LICENSE).",
            "",
        ])


def content_date(dates: Iterable[dt.date]) -> dt.date:
    """The edition's date: SOURCE_DATE_EPOCH when set, else the newest of ``dates``."""
    dates = list(dates)
    if not dates:
        raise EditionError("er is geen inhoud om een datum aan te ontlenen")
    epoch = os.environ.get(EPOCH_VARIABLE, "").strip()
    if not epoch:
        return max(dates)
    try:
        day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise EditionError(f"{EPOCH_VARIABLE}='{epoch}' is geen tijdstip (seconden sinds 1970)") from None
    if day < max(dates):
        # The build checks dates against this day: a later review would count as "in the future".
        raise EditionError(f"{EPOCH_VARIABLE} ({day.isoformat()}) ligt vóór de nieuwste datum in de inhoud "
                           f"({max(dates).isoformat()}); kies een later tijdstip of laat hem weg")
    return day
