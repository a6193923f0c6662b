"""Where a full build of N generated cards spends its time: profile first, then optimise.

Builds a generated project (bench/generate.py) in this process under cProfile and
prints, as plain text:

- the time per MkDocs event (all plugins and hooks of that event together);
- the time per kind of page (Markdown rendering and template), by the first folder
  of the page's address: ``praktijken/<card>``, ``thema``, ``praktijken/index`` …;
- the functions that cost most, cumulative and on their own.

    .venv/bin/python bench/profile_build.py 1000 [--top 40] [--save build.prof]
    .venv/bin/python bench/profile_build.py 1000 --no-profile    # only events and page kinds

Times are CPU seconds. Under cProfile a build runs several times slower, most of all
in code with many small calls: compare shares, not absolute figures, and check a
finding with --no-profile. bench/scale.py measures without a profiler.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_SEED, write_generated_project  # noqa: E402
from scale import TODAY  # noqa: E402


def page_kind(src_uri: str) -> str:
    """'praktijken/x.md' -> 'praktijken/<kaart>'; 'thema/wijkaanpak.md' -> 'thema/'; 'index.md' -> 'index.md'."""
    folder, _, name = src_uri.rpartition("/")
    if not folder:
        return name
    if folder == "praktijken" and name != "index.md":
        return "praktijken/<kaart>"
    return f"{folder}/{name}" if name == "index.md" else f"{folder}/"


class Timings:
    """CPU seconds per event and per page kind, gathered by wrapping MkDocs' own functions."""

    def __init__(self) -> None:
        self.events: dict[str, float] = defaultdict(float)
        self.pages: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])  # render, template, count

    def install(self) -> None:
        from mkdocs.commands import build as build_module
        from mkdocs.plugins import PluginCollection
        from mkdocs.structure.pages import Page

        timings = self
        run_event, render, build_page = PluginCollection.run_event, Page.render, build_module._build_page

        def timed_event(collection, name, *args, **kwargs):
            start = time.process_time()
            try:
                return run_event(collection, name, *args, **kwargs)
            finally:
                timings.events[name] += time.process_time() - start

        def timed_render(page, config, files):
            start = time.process_time()
            try:
                return render(page, config, files)
            finally:
                timings.pages[page_kind(page.file.src_uri)][0] += time.process_time() - start

        def timed_build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
            start = time.process_time()
            try:
                return build_page(page, config, doc_files, nav, env, dirty, excluded)
            finally:
                entry = timings.pages[page_kind(page.file.src_uri)]
                entry[1] += time.process_time() - start
                entry[2] += 1

        PluginCollection.run_event = timed_event
        Page.render = timed_render
        build_module._build_page = timed_build_page

    def report(self) -> str:
        lines = ["CPU seconds per event (every plugin and hook of the event):"]
        for name, seconds in sorted(self.events.items(), key=lambda item: -item[1]):
            if seconds >= 0.01:
                lines.append(f"  {name:<22} {seconds:8.2f}")
        lines.append("CPU seconds per kind of page: render = Markdown to HTML, page = template, "
                     "page events and writing:")
        lines.append(f"  {'kind':<28} {'pages':>6} {'render':>8} {'page':>8}")
        for kind, (render, page, count) in sorted(self.pages.items(), key=lambda item: -(item[1][0] + item[1][1])):
            lines.append(f"  {kind:<28} {count:>6} {render:8.2f} {page:8.2f}")
        return "\n".join(lines)


def profile_build(project: Path, top: int, save: Path | None, profile: bool = True) -> str:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    timings = Timings()
    timings.install()
    os.environ.update(NO_MKDOCS_2_WARNING="1", PRAKTIJKBANK_TODAY=TODAY.isoformat())
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    profiler = cProfile.Profile(time.process_time) if profile else None
    start = time.process_time()
    if profiler:
        profiler.runcall(build, config)
    else:
        build(config)
    total = time.process_time() - start
    if not profiler:
        return f"build: {total:.2f} CPU seconds (no profiler)\n{timings.report()}"
    if save:
        profiler.dump_stats(save)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return f"build: {total:.2f} CPU seconds under cProfile\n{timings.report()}\n{out.getvalue()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profileer een volledige bouw met N gegenereerde kaarten.")
    parser.add_argument("n", type=int, help="aantal kaarten")
    parser.add_argument("--top", type=int, default=40, help="zoveel functies tonen")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--save", type=Path, help="bewaar het profiel (pstats) in dit bestand")
    parser.add_argument("--no-profile", action="store_true",
                        help="alleen de tijden per gebeurtenis en soort pagina, zonder cProfile (sneller, zuiverder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="praktijkbank-profile-") as scratch:
        project = write_generated_project(Path(scratch) / "project", args.n, TODAY, args.seed)
        print(profile_build(project, args.top, args.save, profile=not args.no_profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
