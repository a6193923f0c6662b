"""Choosing the cards for a workshop: by theme, by target group, or by name.

The rules are the overview's filters: within one kind any value matches
(theme A or theme B), across kinds all must match (a theme and a target group).
Cards named with ``--kaart`` are added to that. Values may be written as the
key from taxonomy.yml or as the label on the site ("Wonen met zorg").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import Practice
from ..checks.did_you_mean import closest
from ..content.taxonomy import Taxonomy


class SelectionError(Exception):
    """Options that name no card or an unknown value; ``problems`` are Dutch, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class CardSelection:
    themes: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    slugs: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not (self.themes or self.target_groups or self.slugs)


@dataclass(frozen=True)
class _Kind:
    option: str  # the command's option, for messages
    vocabulary: str  # in taxonomy.yml; '' for card names
    words: str  # how the selection reads: "thema", "doelgroep"


THEME = _Kind("--thema", "themes", "thema")
TARGET_GROUP = _Kind("--doelgroep", "target_groups", "doelgroep")
CARD = _Kind("--kaart", "", "kaart")


def _resolve(values: tuple[str, ...], kind: _Kind, allowed: dict[str, str], problems: list[str]) -> list[str]:
    """The keys ``values`` mean (key or label, any case); a problem with a suggestion for the rest."""
    by_label = {label.casefold(): key for key, label in allowed.items()}
    keys = []
    for value in values:
        value = value.strip()
        key = value if value in allowed else by_label.get(value.casefold())
        if key is not None:
            keys.append(key)
            continue
        near = closest(value, allowed)
        hint = f" Bedoelde u '{near}'?" if near else ""
        where = "de bestandsnamen in practices/" if kind is CARD else "taxonomy.yml"
        listing = ", ".join(allowed) if len(allowed) <= 20 else f"{len(allowed)} mogelijkheden, zie {where}"
        what = "geen kaart met die naam" if kind is CARD else f"geen {kind.words}"
        problems.append(f"{kind.option} '{value}': {what} (kies uit: {listing}).{hint}")
    return list(dict.fromkeys(keys))


def resolve(selection: CardSelection, practices: list[Practice], taxonomy: Taxonomy) -> CardSelection:
    """``selection`` with every value as its key; ``SelectionError`` with every unknown value."""
    problems: list[str] = []
    resolved = CardSelection(
        themes=tuple(_resolve(selection.themes, THEME, taxonomy["themes"].values, problems)),
        target_groups=tuple(_resolve(selection.target_groups, TARGET_GROUP, taxonomy["target_groups"].values,
                                     problems)),
        slugs=tuple(_resolve(selection.slugs, CARD, {p.slug: p.title for p in practices}, problems)),
    )
    if problems:
        raise SelectionError(problems)
    return resolved


def select_cards(practices: list[Practice], selection: CardSelection, taxonomy: Taxonomy) -> list[Practice]:
    """The cards a resolved ``selection`` names, in the order of ``practices``; ``SelectionError`` if none."""
    if selection.everything:
        return list(practices)
    themes, groups, slugs = set(selection.themes), set(selection.target_groups), set(selection.slugs)

    def chosen(practice: Practice) -> bool:
        if practice.slug in slugs:
            return True
        return bool(themes or groups) and (not themes or bool(themes & set(practice.themes))) \
            and (not groups or bool(groups & set(practice.target_groups)))

    cards = [p for p in practices if chosen(p)]
    if not cards:
        raise SelectionError([f"geen enkele kaart past bij {describe(selection, practices, taxonomy)}; "
                              "kies een ander thema of een andere doelgroep"])
    return cards


def describe(selection: CardSelection, practices: list[Practice], taxonomy: Taxonomy) -> str:
    """A resolved selection in words: "thema Dakloosheid; doelgroep Ouderen of Jongeren"."""
    parts = []
    for kind, keys in ((THEME, selection.themes), (TARGET_GROUP, selection.target_groups)):
        if keys:
            labels = [taxonomy[kind.vocabulary].label_of(k) for k in keys]
            parts.append(f"{kind.words} {' of '.join(labels)}")
    if selection.slugs:
        titles = {p.slug: p.title for p in practices}
        named = ", ".join(titles.get(s, s) for s in selection.slugs)
        parts.append(("plus " if parts else "") + ("kaart " if len(selection.slugs) == 1 else "kaarten ") + named)
    return "; ".join(parts)
