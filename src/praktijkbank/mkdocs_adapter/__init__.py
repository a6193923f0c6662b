"""Everything that knows MkDocs, Material or Jinja: the adapter between them and the core.

The core (the rest of the package) makes the site model and the outputs and imports no site
generator; ``PraktijkbankPlugin`` translates MkDocs' events into calls of the core and the
model into MkDocs' files and pages. The same plugin runs under ProperDocs, MkDocs' fork.
"""
