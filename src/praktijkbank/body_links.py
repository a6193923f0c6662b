"""The links in a card's own text, when that text appears elsewhere or a linked card is left out.

A contributor may link from a card to another card (``[Oss](proeftuin-ruwaard.md#aanpak)``)
or within the card (``[hierboven](#in-het-kort)``); MkDocs checks such links in the strict
build, relative to the card's page. Two places need them changed:

- the printable card set shows every card on one page in another folder: each link is
  re-aimed from there, and a link within the card goes to the card's own page;
- an offline bundle with a chosen set of cards: a link to a card left out goes to that
  card on the live site, or, when that address is unknown, becomes plain text.

Links are rewritten where Markdown writes them: inline (``[text](target "title")``, also
``<target>``), reference definitions (``[ref]: target``) and ``href``/``src`` attributes
of raw HTML. Web and mail addresses and links inside fenced code blocks stay as they are.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

# What to do with a link, given its target resolved from the site root ('praktijken/x.md#a'):
# a new target, or None for plain text.
Retarget = Callable[[str], "str | None"]

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<label>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
    r"\((?P<space>\s*)(?P<open><?)(?P<target>[^\s<>()]*)(?P<close>>?)(?P<rest>(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*)\)"
)
_REFERENCE = re.compile(r"^(?P<lead> {0,3}\[[^\]]+\]:[ \t]*)(?P<open><?)(?P<target>[^\s<>]+)(?P<close>>?)", re.MULTILINE)
_ATTRIBUTE = re.compile(r"(?P<lead>\b(?:href|src)\s*=\s*)(?P<quote>[\"'])(?P<target>[^\"']*)(?P=quote)", re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.IGNORECASE)


def site_path(target: str, from_src: str) -> str:
    """A relative ``target`` on the page ``from_src`` as a path from the site root, fragment kept."""
    path, hash_, fragment = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path)) if path else from_src
    return resolved + hash_ + fragment


def relative_target(site_target: str, from_src: str) -> str:
    """A site-root path (fragment kept) as a link from the page ``from_src``."""
    path, hash_, fragment = site_target.partition("#")
    return posixpath.relpath(path, posixpath.dirname(from_src) or ".") + hash_ + fragment


def rewrite_links(body: str, from_src: str, retarget: Retarget, fallback: str) -> str:
    """``body`` (written on the page ``from_src``) with every local link passed through ``retarget``.

    Where ``retarget`` gives None an inline link becomes its text; a reference definition or
    an HTML attribute cannot lose its target, so it gets ``fallback`` (a site-root path).
    """

    def local(target: str) -> bool:
        return bool(target) and not _EXTERNAL.match(target)

    def inline(match: re.Match) -> str:
        target = match.group("target")
        if not local(target):
            return match.group(0)
        new = retarget(site_path(target, from_src))
        if new is None:
            return match.group(0) if match.group("bang") else match.group("label")
        return (f"{match.group('bang')}[{match.group('label')}]({match.group('space')}{match.group('open')}"
                f"{new}{match.group('close')}{match.group('rest')})")

    def in_place(match: re.Match) -> str:
        target = match.group("target")
        if not local(target):
            return match.group(0)
        new = retarget(site_path(target, from_src))
        new = new if new is not None else relative_target(fallback, from_src)
        start, end = match.start("target") - match.start(), match.end("target") - match.start()
        return match.group(0)[:start] + new + match.group(0)[end:]

    def rewrite(text: str) -> str:
        text = _INLINE.sub(inline, text)
        text = _REFERENCE.sub(in_place, text)
        return _ATTRIBUTE.sub(in_place, text)

    # Fenced code blocks stay as written; the text between them is rewritten as a whole,
    # so a link whose text runs over two lines is found too.
    parts, prose, in_fence = [], [], False
    for line in body.split("\n"):
        if _FENCE.match(line) or in_fence:
            if prose:
                parts.append(rewrite("\n".join(prose)))
                prose = []
            parts.append(line)
            if _FENCE.match(line):
                in_fence = not in_fence
        else:
            prose.append(line)
    if prose:
        parts.append(rewrite("\n".join(prose)))
    return "\n".join(parts)
