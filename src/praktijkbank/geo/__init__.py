"""Where practices are: the RD grid, province outlines, a gazetteer and the map drawing.

The outlines and places are generated data in ``geo/data/`` (see scripts/geodata.py
for their sources and licences); nothing here needs the network.
"""
