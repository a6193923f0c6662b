"""Praktijkbank: practice cards on housing, care and welfare, validated and published.

The package is the domain core. It does not import MkDocs: the hook file in
``hooks/praktijkbank.py`` adapts MkDocs events to the functions here, so the
core can move to another generator and be tested without a build.
"""

__version__ = "0.1.0"
