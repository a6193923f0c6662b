"""A zip that is the same, byte for byte, whenever its files are the same.

A zip records more than the files: their order, timestamps, permissions and
the system that made it. All of those are fixed here: entries sorted by path,
every timestamp the edition's date (00:00), plain read permissions, "made on
Unix", the same compression level. What is left is the content, so the same
content gives the same checksum on any day. (The compressed bytes come from
zlib; two machines with very different zlib versions could still differ.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from pathlib import Path

FILE_MODE = 0o100644  # a regular file, readable by all
MADE_ON_UNIX = 3
COMPRESS_LEVEL = 9
EARLIEST_ZIP_DATE = dt.date(1980, 1, 1)  # a zip cannot store an older time


def bundle_entries(site_dir: Path, folder: str, extra: dict[str, bytes]) -> list[tuple[str, bytes]]:
    """(path in the zip, bytes) for every file of the site under ``folder``/, plus ``extra``, sorted."""
    entries = {f"{folder}/{p.relative_to(site_dir).as_posix()}": p.read_bytes()
               for p in site_dir.rglob("*") if p.is_file()}
    entries.update({f"{folder}/{name}": data for name, data in extra.items()})
    return sorted(entries.items())


def write_zip(target: Path, entries: list[tuple[str, bytes]], date: dt.date) -> None:
    """Write ``entries`` to ``target`` reproducibly; the file appears only when complete."""
    stamp = max(date, EARLIEST_ZIP_DATE).timetuple()[:6]
    partial = target.with_name(target.name + ".deel")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.create_system = MADE_ON_UNIX
                info.external_attr = FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
