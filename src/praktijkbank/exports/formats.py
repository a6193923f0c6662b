"""The published data files: their names, format version and documented keys.

A leaf module (it imports nothing of ours), so the Open data page can describe
the files without importing the exporters that write them.
"""

from __future__ import annotations

# A change that breaks readers (a key renamed or removed) raises the major number;
# a new key raises the minor number.
SCHEMA_VERSION = "1.0"

PRACTICES_JSON = "praktijken.json"
PRACTICES_CSV = "praktijken.csv"
FEED_FILE = "feed.xml"
FEED_SIZE = 50  # the newest cards in the feed; older ones are on the site and in the data files

# In the CSV a list is one cell: items joined by ' | ' ('|' and '\' inside an item escaped with '\').
LIST_SEPARATOR = " | "

