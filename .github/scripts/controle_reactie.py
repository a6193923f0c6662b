"""The comment on a pull request: the check's result for the changed cards, with their addresses.

Used by .github/workflows/controle.yml, with only the standard library:

    python .github/scripts/controle_reactie.py controle.json gewijzigd.txt RUN_URL > reactie.md

``controle.json`` is ``praktijkbank check --format json``, ``gewijzigd.txt`` the changed files
(one a line), ``RUN_URL`` the page of the workflow run that holds the built site. The address of
a card's page follows the live site: ``site_url`` of mkdocs.yml (or ``PRAKTIJKBANK_SITE_URL``,
as in the build) followed by ``praktijken/<name>/``. Card texts in the problems are shown as
text: inside a code block, which they cannot leave.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

DEFAULT_SITE_URL = "https://praktijkbank.github.io/praktijkbank/"
_CARD = re.compile(r"^practices/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


def site_url(mkdocs_yml: Path = Path("mkdocs.yml")) -> str:
    """The live site's address, as the build takes it: PRAKTIJKBANK_SITE_URL, else mkdocs.yml's default."""
    if os.environ.get("PRAKTIJKBANK_SITE_URL"):
        return os.environ["PRAKTIJKBANK_SITE_URL"]
    try:
        text = mkdocs_yml.read_text(encoding="utf-8")
    except OSError:
        return DEFAULT_SITE_URL
    match = re.search(r'^site_url:.*?"?(https?://[^"\s\]]+)', text, re.MULTILINE)
    return match.group(1) if match else DEFAULT_SITE_URL


def page_url(path: str, base: str) -> str | None:
    match = _CARD.match(path)
    return base.rstrip("/") + f"/praktijken/{match.group(1)}/" if match else None


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def comment(check: dict | None, changed: list[str], run_url: str, base: str) -> str:
    lines = ["### Controle van de kaarten", ""]
    if check is None:
        lines += ["De controle kon niet draaien; kijk bij de stap *Kaarten en webinars controleren* "
                  f"van [deze controle]({run_url}).", ""]
        problems = []
    else:
        problems = check.get("problems", [])
        errors = check.get("errors", 0)
        lines += [("Alles in orde. " if errors == 0 else "**Er zijn fouten: de kaart komt zo niet op de site.** ")
                  + check.get("summary", ""), ""]
    lines += ["| Bestand | Pagina op de site (na samenvoegen) | Uitkomst |", "| --- | --- | --- |"]
    for path in changed:
        own = [p for p in problems if p.get("path") == path]
        errors = sum(1 for p in own if p.get("severity") == "fout")
        outcome = "in orde" if not own else ", ".join(filter(None, [
            _count(errors, "fout", "fouten") if errors else "",
            _count(len(own) - errors, "waarschuwing", "waarschuwingen") if len(own) > errors else ""]))
        url = page_url(path, base)
        lines.append(f"| `{path}` | {f'<{url}>' if url else '–'} | {outcome} |")
    shown = [p for p in problems if p.get("path") in changed]
    if shown:
        lines += ["", "<details open><summary>Meldingen bij deze bestanden</summary>", "", "```text"]
        lines += [str(p.get("text", "")).replace("```", "'''") for p in shown]
        lines += ["```", "", "</details>"]
    lines += ["", f"De gebouwde site staat als artefact **site** bij [deze controle]({run_url}): download het "
              "zip-bestand om de pagina's te bekijken voordat ze op de site staan.", "",
              "_Dit bericht is automatisch gemaakt door de controle van de Praktijkbank._"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("gebruik: controle_reactie.py CONTROLE.json GEWIJZIGD.txt RUN_URL", file=sys.stderr)
        return 2
    try:
        check = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        check = None
    changed = [line.strip() for line in Path(argv[1]).read_text(encoding="utf-8").splitlines() if line.strip()]
    sys.stdout.write(comment(check, changed, argv[2], site_url()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
