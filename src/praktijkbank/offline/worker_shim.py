"""The iframe-worker shim: search from file:// without a network.

Browsers refuse to start a Web Worker from a page opened as a file, and the
search box runs in a worker. The npm package ``iframe-worker`` (MIT, by the
author of Material for MkDocs) replaces ``Worker`` on file:// pages with a
hidden iframe that runs the same script. Material's ``offline`` plugin loads it
from unpkg.com, which needs the internet; we ship the package's own file instead.

The copy in ``vendor/iframe-worker/`` is byte for byte ``shim/index.js`` and
``LICENSE`` of the version pinned in ``tools/axe/package.json``;
tests/test_offline_vendor.py compares them with what ``npm ci`` installs. To
update: change the pin, run ``npm install`` there, copy both files here and set
``VERSION``.

The shim writes a small inline script into its iframe. That iframe inherits the
page's Content-Security-Policy, which allows only inline scripts it knows by
hash, so ``bootstrap_hash`` computes the hash of exactly that script for a given
worker address, and the bundle adds it to each page's policy.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..csp import script_hash

VERSION = "1.0.4"
VENDOR_DIR = Path(__file__).parent / "vendor" / "iframe-worker"
SHIM_FILE = VENDOR_DIR / "shim.js"
LICENSE_FILE = VENDOR_DIR / "LICENSE"
# Where the bundle keeps them, relative to the site root.
SITE_FOLDER = "assets/vendor/iframe-worker"
SITE_SHIM = f"{SITE_FOLDER}/shim.js"

# In the shim: document.write(`<html><body><script>TEMPLATE<\/script><script src=${e}?…`)
_BOOTSTRAP = re.compile(r"<html><body><script>(?P<template>.*?)<\\/script>", re.DOTALL)
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


class ShimChanged(Exception):
    """The vendored shim no longer looks like the version this module was written for."""


def _function_source(source: str, name: str) -> str:
    """``function name(…){…}`` as written in ``source``: what ``String(fn)`` gives in a browser."""
    start = source.find(f"function {name}(")
    if start < 0:
        raise ShimChanged(f"function {name} not found in {SHIM_FILE.name}")
    depth = 0
    for index in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        if depth == 0:
            return source[start:index + 1]
    raise ShimChanged(f"function {name} in {SHIM_FILE.name} never ends")


@cache
def _bootstrap_parts() -> tuple[str, dict[str, str], str]:
    """(template, {placeholder: function source}, name of the worker-address placeholder)."""
    source = SHIM_FILE.read_text(encoding="utf-8")
    match = _BOOTSTRAP.search(source)
    if match is None or "\\" in match.group("template"):
        raise ShimChanged(f"the iframe script in {SHIM_FILE.name} is not where version {VERSION} had it")
    template = match.group("template")
    names = _PLACEHOLDER.findall(template)
    functions = {n: _function_source(source, n) for n in names if f"function {n}(" in source}
    addresses = [n for n in names if n not in functions]
    if len(set(addresses)) != 1:
        raise ShimChanged(f"expected one worker address in the iframe script, found {addresses}")
    return template, functions, addresses[0]


def bootstrap_script(worker_url: str) -> str:
    """The inline script the shim writes into its iframe for the worker at ``worker_url``."""
    template, functions, address = _bootstrap_parts()
    values = dict(functions, **{address: worker_url})
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def bootstrap_hash(worker_url: str) -> str:
    """The script's CSP source expression: ``'sha256-…'``."""
    return script_hash(bootstrap_script(worker_url))
