"""Dutch wall-clock time: reading it from front matter and turning it into instants.

Webinar times are written as local time in the Netherlands (Europe/Amsterdam)
without an offset, as people read them in an announcement: ``2022-03-22T14:30``.
The zone is fixed, so the text is unambiguous, except for the hour the clocks
skip in spring (that time does not exist) and the hour they repeat in autumn
(that time happens twice); both are refused rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = dt.timezone.utc

# 2022-03-22T14:30, 2022-03-22 14:30, optionally with :00 seconds; or only a date.
_LOCAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?\s*(?:Z|[+-]\d{2}:?\d{2})$", re.IGNORECASE)

EXAMPLE = "JJJJ-MM-DDTUU:MM in Nederlandse tijd, bijvoorbeeld 2022-03-22T14:30"
_NO_ZONE = "schrijf de tijd zonder Z of +01:00, bijvoorbeeld 2022-03-22T14:30"


class LocalTimeError(ValueError):
    """A value that is not a usable Dutch local time; ``args`` = (message, what is allowed)."""

    def __init__(self, message: str, allowed: str = EXAMPLE) -> None:
        super().__init__(message, allowed)
        self.message = message
        self.allowed = allowed


def parse_local(value: object) -> dt.date | dt.datetime:
    """A date, or a naive wall-clock datetime in the Netherlands; ``LocalTimeError`` otherwise.

    YAML gives ``datetime`` for '2022-03-22 14:30:00' and a string for
    '2022-03-22T14:30' (no seconds); both are accepted. A value with an offset or
    'Z' is refused: one way of writing a time leaves no room for a wrong offset.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise LocalTimeError("de tijd heeft een tijdzone erbij; alle tijden zijn Nederlandse tijd", _NO_ZONE)
        return check_wall_time(value)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise LocalTimeError(f"{value!r} is geen datum met tijd")
    text = value.strip()
    if _WITH_OFFSET.match(text):
        raise LocalTimeError(f"'{text}' heeft een tijdzone erbij; alle tijden zijn Nederlandse tijd", _NO_ZONE)
    match = _LOCAL.match(text)
    if not match:
        raise LocalTimeError(f"'{text}' is geen datum met tijd")
    year, month, day, hour, minute, second = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise LocalTimeError(f"'{text}': {year}-{month}-{day} is geen bestaande datum") from None
    if hour is None:
        return date
    try:
        clock = dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        raise LocalTimeError(f"'{text}': {hour}:{minute} is geen bestaande tijd", "uren 0 tot 23, minuten 0 tot 59") from None
    return check_wall_time(dt.datetime.combine(date, clock))


def check_wall_time(wall: dt.datetime) -> dt.datetime:
    """Refuse the times the daylight saving switches make impossible or ambiguous."""
    first = wall.replace(tzinfo=AMSTERDAM, fold=0)
    second = wall.replace(tzinfo=AMSTERDAM, fold=1)
    if first.utcoffset() == second.utcoffset():
        return wall
    shown = wall.strftime("%Y-%m-%d %H:%M")
    if first.utcoffset() < second.utcoffset():
        # zoneinfo's fold=0 in a gap takes the offset from before the gap: standard time.
        raise LocalTimeError(
            f"{shown} bestaat niet in Nederland: de klok gaat die nacht van 2:00 naar 3:00 (zomertijd)",
            "kies een tijd buiten het overgeslagen uur",
        )
    raise LocalTimeError(
        f"{shown} komt in Nederland twee keer voor: de klok gaat die nacht van 3:00 terug naar 2:00 (wintertijd)",
        "kies een tijd buiten het dubbele uur",
    )


def in_amsterdam(wall: dt.datetime) -> dt.datetime:
    """The aware time of a checked wall-clock time (never in a gap or a fold)."""
    return wall.replace(tzinfo=AMSTERDAM)


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in the Netherlands, as an aware datetime."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=AMSTERDAM)


def utc_text(moment: dt.datetime) -> str:
    """'2022-03-22T13:30:00Z': an instant as browsers' Date.parse() reads it everywhere."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now() -> dt.datetime:
    """The machine's clock, as an aware instant: the one place the project reads it.

    In-process tests fix the instant by replacing this function (or by passing a
    ``clock`` to ``today_in_amsterdam`` or ``praktijkbank.content.today.today``).
    """
    return dt.datetime.now(UTC)


def today_in_amsterdam(clock: Callable[[], dt.datetime] | None = None) -> dt.date:
    """The date in the Netherlands at the instant ``clock()`` gives (default: ``now()``).

    Most callers want ``praktijkbank.content.today.today``, which also honours PRAKTIJKBANK_TODAY.
    """
    moment = clock() if clock is not None else now()
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the clock must give an aware datetime, not a naive one")
    return moment.astimezone(AMSTERDAM).date()
