"""Where the live site is, for the note in an offline bundle.

In order: the export's ``--live-adres``, else ``site_url`` in mkdocs.yml (which
may take its value from PRAKTIJKBANK_SITE_URL through MkDocs' ``!ENV`` tag). No
address is ever made up: without one the note says it was not given.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml


class AddressError(Exception):
    """An address that cannot be a live site; the message is Dutch."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely: ``!ENV`` as MkDocs resolves it, other tags as nothing."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    # MkDocs (pyyaml_env_tag): '!ENV NAME' or '!ENV [NAME, OTHER, default]'.
    if isinstance(node, yaml.SequenceNode):
        items = node.value
        default = loader.construct_object(items[-1]) if len(items) > 1 else None
        names = [loader.construct_scalar(n) for n in (items[:-1] if len(items) > 1 else items)]
    else:
        default, names = None, [loader.construct_scalar(node)]
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url_of(config_file: Path) -> str | None:
    """``site_url`` from the MkDocs config, following ``INHERIT``; None when it is not set."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    if data.get("site_url"):
        return str(data["site_url"])
    parent = data.get("INHERIT")
    return site_url_of(config_file.parent / parent) if parent else None


def checked_address(address: str) -> str:
    """``address`` if it is a full http(s) address, with a trailing slash; ``AddressError`` otherwise."""
    parts = urlsplit(address.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise AddressError(f"'{address}' is geen volledig webadres (begin met https://)")
    return address.strip() if address.strip().endswith("/") else address.strip() + "/"


def live_address(option: str | None, config_file: Path) -> str | None:
    address = option or site_url_of(config_file)
    return checked_address(address) if address else None
