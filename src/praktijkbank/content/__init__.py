"""Reading the content: the schema and vocabularies, files to typed models (cards, webinars)."""
