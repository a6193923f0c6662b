"""Praktijkbank: practice cards on housing, care and welfare, validated and published.

The package is the domain core, read as a pipeline: ``content/`` reads cards and webinars,
``checks/`` judges them, ``sitemodel/`` renders every page once into one site model,
``pages/`` makes the generated pages, ``exports/``, ``search/`` and ``offline/`` write what
is read from the model, ``authoring/`` and ``commands/`` serve contributors. Only
``mkdocs_adapter/`` knows the site generator (the MkDocs plugin ``praktijkbank``); the rest
imports no MkDocs, Material or Jinja (tests/test_adapter.py holds it to that).
"""

__version__ = "0.1.0"
