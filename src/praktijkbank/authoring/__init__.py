"""What helps people write cards: the blank card, the JSON Schemas, the issue form, derived files."""
