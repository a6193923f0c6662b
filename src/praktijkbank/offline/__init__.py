"""The offline bundle: the knowledge base, or a chosen set of cards, as a zip for a USB stick.

``praktijkbank export`` (commands/export.py) runs these steps, one module each:

- ``selection``: which cards (by theme, target group or name), with Dutch errors;
- ``edition``: what this copy is (cards, date, live address), handed to the build;
- ``live_address``: where the live site is, from ``--live-adres`` or mkdocs.yml;
- ``build``: MkDocs as its own process, with a config that inherits mkdocs.yml;
- ``finish``: what a page opened as a file needs (search index as a script, the
  worker shim from ``worker_shim``, its hash and ``file:`` in each page's policy);
- ``bundle``: the zip, byte for byte the same for the same content.

The build itself narrows the content to the edition's cards (site.load_site_content)
before any page is made, so no page, search entry or data file can name a card that
is not in the bundle. The printable card set is pages/cardset.py, on the site too.
"""
