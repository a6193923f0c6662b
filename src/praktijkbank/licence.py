"""Under which terms others may reuse what the Praktijkbank publishes.

Our own texts and the data derived from them: CC BY 4.0, so municipalities,
researchers and other sites can reuse them with attribution. The sources a card
cites keep their own rights; we link to them and do not republish them.
"""

from __future__ import annotations

CONTENT_LICENCE = "CC BY 4.0"
CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Praktijkbank Wonen, Zorg en Welzijn"
