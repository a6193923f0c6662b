"""Benchmark content cloned from the real cards: N copies of the cards in practices/.

Real cards carry more partners, sources, figures and keywords than the generator's,
so a build of cloned cards says how the real collection will scale. The real cards
are read when this runs (people edit them all the time); nothing of them is kept in
bench/.

Each real card that passes the check is copied round-robin. A copy

- gets its own file name (``housing-first-kopie-17.md``) and title (``Housing First (kopie 17)``):
  copy numbers differ, so no two copies have names that look alike;
- lies in another town (the generator's towns, each with its province and, where the
  card had coordinates, the town's position), so copies spread over the country as
  real cards would and no one town collects hundreds of cards; national cards stay
  national;
- names as ``related`` the copies of its related cards made in the same round, or
  drops an entry whose copy does not exist; a link in its text to another card goes
  to that card's copy in the same round, or becomes plain text;
- keeps everything else as written: summary, body, partners, sources, figures, keywords.

Importable (``write_cloned_project``, ``clone_cards``, ``real_cards``) and runnable::

    .venv/bin/python bench/clone.py /tmp/kloon 1000

writes a copy of the project into /tmp/kloon whose practices/ hold only cloned cards
(and webinars/ generated webinars about them, as bench/generate.py makes them).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_SEED, MUNICIPALITIES, GeneratedFile, _write, copy_project, generate_webinars, project_command  # noqa: E402

from praktijkbank.content.reading import decode, split_front_matter  # noqa: E402
from praktijkbank.content.cards import load_practice_file  # noqa: E402
from praktijkbank.checks.problems import ProblemLog  # noqa: E402
from praktijkbank.content.taxonomy import Taxonomy, load_taxonomy  # noqa: E402

MAX_TITLE = 120  # as the schema
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
# An inline Markdown link or image with a local target: '[Oss](proeftuin-ruwaard.md#aanpak)'.
_LOCAL_LINK = re.compile(r"(?P<bang>!?)\[(?P<label>[^\[\]]*)\]\((?P<target>(?![a-z][a-z0-9+.-]*:|/|#)[^)\s]+)"
                         r"(?P<rest>[^)]*)\)", re.IGNORECASE)


@dataclass(frozen=True)
class RealCard:
    slug: str
    front: str  # the front matter as written, without the '---' lines
    data: dict  # its values
    body: str


def real_cards(practices: Path, taxonomy: Taxonomy, today: dt.date) -> tuple[list[RealCard], list[str]]:
    """The cards in ``practices`` that pass the check on their own, and the names of those that do not."""
    cards, skipped = [], []
    for path in sorted(practices.glob("*.md")):
        practice, _ = load_practice_file(path, path.name, taxonomy, today)
        text = decode(path.read_bytes(), ProblemLog(path.name)) if practice is not None else None
        parts = split_front_matter(text, ProblemLog(path.name)) if text is not None else None
        if parts is None:
            skipped.append(path.name)
            continue
        front, _, body, _ = parts
        cards.append(RealCard(path.stem, front, yaml.safe_load(front), body))
    return cards, skipped


def _blocks(front: str) -> list[tuple[str | None, list[str]]]:
    """The front matter as (top-level key, its lines) in order; lines before the first key have None."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in front.split("\n"):
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            blocks.append((match.group(1), [line]))
        else:
            blocks[-1][1].append(line)
    return blocks


def _dump(key: str, value) -> str:
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=100).rstrip("\n")


def _with_fields(front: str, changes: dict) -> str:
    """``front`` with the top-level fields in ``changes`` replaced (a value of None drops the field).

    Every other field keeps its lines exactly as written.
    """
    out = []
    for key, lines in _blocks(front):
        if key in changes:
            if changes[key] is not None:
                out.append(_dump(key, changes[key]))
        elif lines:
            out.append("\n".join(lines))
    return "\n".join(part for part in out if part)


def _towns(taxonomy: Taxonomy, seed: int) -> list[tuple[str, str, float | None, float | None]]:
    """(province, town, lat, lon) of every generator town in a province of taxonomy.yml, in a fixed shuffled order."""
    provinces = set(taxonomy["provinces"].values)
    towns = [(province, *town) for province, towns in MUNICIPALITIES.items() if province in provinces
             for town in towns]
    random.Random(seed).shuffle(towns)
    return towns


def _title(title: str, number: int) -> str:
    suffix = f" (kopie {number})"
    return title[: MAX_TITLE - len(suffix)].rstrip() + suffix


def clone_cards(originals: list[RealCard], n: int, taxonomy: Taxonomy,
                seed: int = DEFAULT_SEED) -> list[GeneratedFile]:
    """N copies of ``originals``, round-robin, as described in the module's docstring."""
    if not originals:
        raise ValueError("geen geldige kaarten om te kopiëren")
    count = len(originals)
    index_of = {card.slug: i for i, card in enumerate(originals)}
    towns = _towns(taxonomy, seed)
    placed = 0  # copies placed in a town so far: each next one in the next town

    def copy_slug(number: int) -> str:  # number: 1-based, as in the title
        return f"{originals[(number - 1) % count].slug}-kopie-{number}"

    files = []
    for k in range(n):
        card, round_start = originals[k % count], k - k % count
        number = k + 1

        def copy_of(slug: str) -> str | None:
            """The copy, in this round, of the card ``slug``; None when there is none."""
            j = index_of.get(slug)
            return copy_slug(round_start + j + 1) if j is not None and round_start + j < n else None

        changes: dict = {"title": _title(card.data["title"], number)}
        related = [copy_of(s) for s in card.data.get("related") or () if s != card.slug]
        related = list(dict.fromkeys(s for s in related if s))
        if "related" in card.data:
            changes["related"] = related or None
        place = dict(card.data["place"])
        if place.get("scope") != "landelijk" and place.get("municipality"):
            province, town, lat, lon = towns[placed % len(towns)]
            also_in = [t[1] for t in (towns[(placed + i) % len(towns)] for i in range(1, len(towns)))
                       if t[1] != town][: len(place.get("also_in") or ())]
            placed += 1
            place.update(municipality=town, province=province)
            if also_in:
                place["also_in"] = also_in
            changes["place"] = place
            if "coordinates" in card.data:
                changes["coordinates"] = {"lat": lat, "lon": lon} if lat is not None else None
        front = _with_fields(card.front, changes)
        body = card.body
        if ".md" in body:
            body = _LOCAL_LINK.sub(lambda m, copy_of=copy_of: _card_link(m, copy_of), body)
        files.append(GeneratedFile(f"{copy_slug(number)}.md", f"---\n{front}\n---\n{body}"))
    return files


def _card_link(match: re.Match, copy_of) -> str:
    """A link in a card's text to another card, aimed at that card's copy; plain text when there is none.

    Cards are pages side by side (``praktijken/<slug>.md``), so a link to another card is
    ``<slug>.md`` from there; other local links stay as written.
    """
    path, hash_, fragment = match.group("target").partition("#")
    resolved = posixpath.normpath(posixpath.join("praktijken", path))
    folder, _, name = resolved.rpartition("/")
    if folder != "praktijken" or not name.endswith(".md") or name == "index.md":
        return match.group(0)
    copy = copy_of(name[: -len(".md")])
    if copy is None:
        return match.group(0) if match.group("bang") else match.group("label")
    return f"{match.group('bang')}[{match.group('label')}]({copy}.md{hash_}{fragment}{match.group('rest')})"


def write_cloned_project(dest: Path, n: int, today: dt.date, seed: int = DEFAULT_SEED,
                         webinars: bool = True, log=sys.stderr) -> Path:
    """A copy of the project in ``dest`` whose practices/ hold N copies of its real cards.

    The real cards are those of the project copy, so they match its taxonomy.yml. A
    card that does not pass the check (someone may be halfway an edit) is left out,
    with a note on ``log``.
    """
    copy_project(dest)
    taxonomy = load_taxonomy(dest / "taxonomy.yml")
    originals, skipped = real_cards(dest / "practices", taxonomy, today)
    if skipped and log is not None:
        print(f"clone: niet gekopieerd, want niet in orde: {', '.join(skipped)}", file=log)
    cards = clone_cards(originals, n, taxonomy, seed)
    for folder in ("practices", "webinars"):
        shutil.rmtree(dest / folder, ignore_errors=True)
    _write(dest / "practices", cards)
    _write(dest / "webinars", generate_webinars(cards, today, seed) if webinars else [])
    return dest


def main(argv: list[str] | None = None) -> int:
    return project_command(argv, "Schrijf een kopie van het project met N gekloonde echte kaarten.",
                           write_cloned_project)


if __name__ == "__main__":
    sys.exit(main())
