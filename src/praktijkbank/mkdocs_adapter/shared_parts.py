"""Material's menu and footer for pages outside the menu, rendered once per folder.

Material renders the whole menu and the footer into every page. For a page that is not in
the menu (a card, a facet page) neither has anything of its own: no entry is active, there
is no previous or next page, and every relative link in them is the same from any page of
one folder, as long as no menu entry lives below the page itself. So they are rendered once
per folder, with Material's own templates, and handed to overrides/partials/nav.html and
footer.html as plain values. Measured with `bench/profile_build.py 1000 --no-profile`: the
card pages' templates take 2.98 CPU seconds without this and 2.19 s with it, 0.79 s of a
10.3 s build (7.6 %; bench/README.md).
"""

from __future__ import annotations

import posixpath

from jinja2 import Environment
from markupsafe import Markup

PARTS = {"praktijkbank_menu": "material/partials/nav.html", "praktijkbank_footer": "material/partials/footer.html"}


class SharedParts:
    def __init__(self, env: Environment) -> None:
        self.env = env
        self._made: dict[tuple[str, str], Markup] = {}

    def add_to(self, context: dict, page, nav) -> None:
        """Put the shared menu and footer in ``context`` for a page outside the menu; nothing for others."""
        if page is None or page in nav.pages or any(p.url.startswith(page.url) for p in nav.pages if page.url):
            return
        folder = posixpath.dirname(page.url.rstrip("/"))
        for name, template in PARTS.items():
            key = (name, folder)
            if key not in self._made:
                self._made[key] = Markup(self.env.get_template(template).render(self._as_in_base(context)))
            context[name] = self._made[key]

    def _as_in_base(self, context: dict) -> dict:
        """What Material's base.html gives its partials beside the page context: its language
        macros (``lang``) and the theme's ``features``."""
        config = context["config"]
        lang = self.env.get_template("partials/language.html").make_module(dict(context))
        return {**context, "lang": lang, "features": config.theme.get("features") or []}
