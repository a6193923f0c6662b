"""Dutch search: the site's search box and ``praktijkbank zoek`` find what people mean.

Why not Material's search as it is
    With ``lang: nl`` alone Material does no stemming ("dakloos" misses "dakloze"). With
    the Dutch stemmer on, whole words stop working: Material adds a trailing wildcard to
    every query word and lunr skips the stemmer for wildcard terms, so "jongeren*" is
    looked up unstemmed among stems such as "jonger". Material also indexes every
    section of a page separately, so a card's facts panel, title and text are scored
    apart, and the overview and facet pages compete with the cards they list.

The design
    - Analysis happens once, at build time, in Python (``dutch``, ``compounds``,
      ``documents``): words are folded (case, accents), stemmed with a Dutch stemmer
      (Snowball Dutch with a few additions), long words are split into compound parts.
      Every index term is stored pre-analysed, so no stemmer runs on the index in the
      browser and nothing depends on lunr's pipeline or Material's query syntax.
    - One search document per card, from the card's model, with weighted fields
      (``ranking``): title, keywords, place, partners, themes, target groups, text,
      compound parts. A card named after the query ranks above one that mentions it.
    - The browser keeps Material's search box and result list. Only the worker behind
      it is ours (``web/zoeken.js``): it builds a lunr index of the pre-analysed terms
      and analyses the query with ``web/dutch.js``, a mirror of ``dutch``. Each query
      word is looked up as a whole word (its stem: all its forms), as a prefix (while
      typing) and, if that finds nothing, one letter off (typing errors) or as two words
      written together ("regenbooggroep"). Results that match every word come first.
    - Visitors look for cards, so cards come first. The other pages (about, webinars, the
      contributor guide, open data) are ranked in an index of their own and placed by tier
      (``ranking.TIER_*``): a page asked for by name (the query is its title: "open data")
      first; then the cards that match every word; then pages whose title holds every
      word and visitor pages (the webinars) that match every word; then the cards that
      match some words, more words first; any other page only when no card matches. Their
      text is the rendered page without code (no vocabulary keys, no JSON-LD). Pages that
      only repeat the cards (overview, facet pages, print set) stay out: ``search: exclude``.
    - Material shows the words a result lacks struck through ("Ontbreekt: …"); the worker
      sends only the words a result has. When nothing matches, ``web/zoekhulp.js`` (loaded
      by the template) offers the themes, all practices and the way to report a practice.
    - ``praktijkbank zoek`` (``praktijkbank.commands.zoek``) runs the same ranking with
      the lunr Python package (``engine``) over the same card documents, so it answers as
      the site does; the tests compare both rankings on the real cards.
    - Nothing is loaded from another host: lunr (``web/lunr.min.js``, MIT) is shipped
      inside the worker script.

Module map: ``dutch`` (analyser) · ``compounds`` (compound parts) · ``ranking``
(weights) · ``documents`` (search documents) · ``engine`` (lunr index and ranking) ·
``site_index`` (the post-build exporter) · ``web/`` (the browser's scripts: the worker and the
no-result help). The template ``overrides/partials/praktijkbank-zoeken.html`` points Material
at the worker, sets its words ("3 resultaten", "Geen resultaten") and loads the help.
Measured by ``bench/search_quality.py`` (quality and speed, against stock Material).
"""
