"""The site model: one per build, made by the core (model.py), rendered once (markdown.py), links checked (links.py)."""
