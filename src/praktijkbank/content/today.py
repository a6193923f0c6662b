"""The one "today" of the Praktijkbank, for check, nieuw, zoek, the site build and export.

Today is the date in PRAKTIJKBANK_TODAY (JJJJ-MM-DD) when that is set, for
reproducible checks and builds and for tests; otherwise it is the current date
in the Netherlands (Europe/Amsterdam), whatever zone the machine runs in. So a
check just after midnight in the Netherlands and a build at the same instant
agree on the day, and a card reviewed "today" is never "in the future".
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping

from .localtime import today_in_amsterdam

VARIABLE = "PRAKTIJKBANK_TODAY"

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_HOW = f"schrijf JJJJ-MM-DD, bijvoorbeeld {VARIABLE}=2026-11-22, of laat de variabele weg voor de datum van vandaag"


class TodayError(ValueError):
    """PRAKTIJKBANK_TODAY holds something that is not a date; the message is Dutch and says how to write it."""


def today(environ: Mapping[str, str] = os.environ, clock: Callable[[], dt.datetime] | None = None) -> dt.date:
    """The date in PRAKTIJKBANK_TODAY, or else the current date in the Netherlands.

    ``clock`` gives the current instant as an aware datetime (default: the machine's
    clock, ``localtime.now``); tests pass their own. An empty variable counts as unset.
    Raises ``TodayError`` for a value that is not a date written as JJJJ-MM-DD.
    """
    fixed = environ.get(VARIABLE, "").strip()
    if not fixed:
        return today_in_amsterdam(clock)
    return _fixed_date(fixed)


def _fixed_date(text: str) -> dt.date:
    match = _ISO_DATE.match(text)
    if not match:
        raise TodayError(f"{VARIABLE}='{text}' is geen datum; {_HOW}")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise TodayError(f"{VARIABLE}='{text}' is geen datum die bestaat; {_HOW}") from None
