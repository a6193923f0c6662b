"""The published data files: their names, format version and documented keys.

A leaf module (it imports nothing of ours), so the Open data page can describe
the files without importing the exporters that write them.
"""

from __future__ import annotations

# A change that breaks readers (a key renamed or removed) raises the major number;
# a new key raises the minor number.
SCHEMA_VERSION = "1.1"  # 1.1: evidence definitions, figures, funders, researchers, sources[].research (2026-12)

PRACTICES_JSON = "praktijken.json"
PRACTICES_CSV = "praktijken.csv"
WEBINARS_JSON = "webinars.json"
FEED_FILE = "feed.xml"
FEED_SIZE = 50  # the newest cards in the feed; older ones are on the site and in the data files

# In the CSV a list is one cell: items joined by ' | ' ('|' and '\' inside an item escaped with '\').
LIST_SEPARATOR = " | "

# Every key of a webinar in webinars.json, with what it means (shown on the Open data page).
WEBINAR_KEYS = {
    "slug": "De bestandsnaam van het webinar zonder .md, zoals 2022-03-22-gemengd-wonen-utrecht.",
    "path": "Waar het webinar op deze site staat, vanaf het begin van de site.",
    "url": "Het volledige adres daarvan (null als het adres van de site niet bekend is).",
    "title": "Titel van het webinar.",
    "day": "De datum (JJJJ-MM-DD).",
    "time_known": "Of de bron een tijd noemt (true of false).",
    "start": "Begin, met de afwijking van UTC; null als de bron geen tijd noemt.",
    "end": "Einde, met de afwijking van UTC; null als de bron geen tijd noemt.",
    "organisers": "Wie het webinar organiseren (lijst, mag leeg zijn).",
    "practices": "De praktijken waar het over gaat: per praktijk slug, path en url.",
    "description": "Korte beschrijving.",
    "registration": "Adres om u aan te melden, of null.",
    "recording": "Adres van de opname, of null.",
    "calendar_file": "Het agendabestand (.ics) van dit webinar, vanaf het begin van de site.",
    "sources": "De bronnen: per bron title, url, publisher en date (of null).",
    "last_reviewed": "Wanneer de gegevens voor het laatst zijn nagekeken (JJJJ-MM-DD).",
    "source_path": "Het bestand van het webinar in de broncode, zoals webinars/naam.md.",
}
