"""Freshness: every card is re-checked against its sources at least once a year.

A card that was not is still shown (its facts were true once), but ``check``
warns and the maintainers' page "Te herzien" lists it, oldest first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..content.reading import Document
from ..content.dutch_dates import dutch_date
from ..content.models import Practice
from .problems import ProblemLog


def one_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def is_due(last_reviewed: dt.date, today: dt.date) -> bool:
    """More than a year old: reviewed on this day last year is just in time."""
    return last_reviewed < one_year_before(today)


def age_text(last_reviewed: dt.date, today: dt.date) -> str:
    """'14 maanden' or '3 jaar': how long ago, in words a maintainer reads at a glance."""
    months = (today.year - last_reviewed.year) * 12 + today.month - last_reviewed.month
    if today.day < last_reviewed.day:
        months -= 1
    return f"{months} maanden" if months < 24 else f"{months // 12} jaar"


def check_freshness(doc: Document, data: Any, log: ProblemLog, today: dt.date) -> None:
    """A warning (never an error) on ``last_reviewed`` when the card is due for review."""
    reviewed = data.get("last_reviewed") if isinstance(data, dict) else None
    if isinstance(reviewed, dt.date) and is_due(reviewed, today):
        log.warn(
            doc.line_of(("last_reviewed",)),
            "last_reviewed",
            f"de kaart is {age_text(reviewed, today)} niet nagekeken (sinds {dutch_date(reviewed)})",
            "kijk de feiten na bij de bronnen en zet last_reviewed op de datum van vandaag",
        )


def due_for_review(practices: list[Practice], today: dt.date) -> list[Practice]:
    """The cards not reviewed for more than a year, the longest ago first."""
    due = [p for p in practices if is_due(p.last_reviewed, today)]
    return sorted(due, key=lambda p: (p.last_reviewed, p.title.casefold()))
