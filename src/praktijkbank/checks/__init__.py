"""Checking the content: every rule a card or webinar must meet, and how problems are reported."""
