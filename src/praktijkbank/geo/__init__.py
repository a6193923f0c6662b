"""Where practices are: the RD grid, province outlines, a gazetteer and the map drawing.

The outlines and places are generated data in ``geo/data/`` (see scripts/geodata.py
for their sources and licences); nothing here needs the network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_DATA = Path(__file__).with_name("data")


def load_data(name: str) -> Any:
    """A JSON file from ``geo/data/``.

    Read straight from the package folder; importlib.resources (which takes longer to
    import than `praktijkbank check` spends on the map) only where that is not a folder.
    """
    path = _DATA / name
    if path.is_file():
        text = path.read_text("utf-8")
    else:
        from importlib import resources

        text = resources.files(__name__).joinpath("data", name).read_text("utf-8")
    return json.loads(text)
