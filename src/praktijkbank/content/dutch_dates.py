"""Dates as Dutch readers write them: '11 september 2025'.

A module of its own, so `praktijkbank check` (freshness warnings) and the pages share it
without the check loading the site generator.
"""

from __future__ import annotations

import datetime as dt

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
