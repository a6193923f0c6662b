"""How our build scales with the number of cards, measured against stock Material in one run.

For each N (default 100, 1,000 and 3,000) and each kind of content (``--content``; both by
default) it writes N cards and some webinars:

- ``generated``: invented cards from bench/generate.py, about 600 words each, deterministic;
- ``cloned``: copies of the real cards in practices/ (bench/clone.py), read at run time:
  real cards carry more partners, sources, figures and keywords than generated ones;

then measures, each as its own process:

- ``ours``: ``mkdocs build --strict`` of the project copy, with the full mkdocs.yml;
- ``stock_nav``: stock Material of the same cards as plain Markdown pages, every page
  in the navigation (MkDocs' default when mkdocs.yml has no ``nav``);
- ``stock_no_nav``: the same stock site with the card pages left out of the navigation;
- ``check``: ``praktijkbank check`` of the same content, alone.

It prints one JSON line with the machine, one per kind of content and N (its
``content`` says which), and one with the targets (met or not) for each kind of content. Times are CPU seconds of the measured process (user +
system): a build is single-threaded, and CPU time stays honest on a shared,
loaded machine where wall-clock time does not; wall-clock seconds are printed
too. Peak memory is the process's maximum resident set (``wait4``).

Even CPU time varies by a tenth or more when other work shares the machine (caches,
memory bandwidth). So each measurement runs ``--repeat`` times (default 3), the
builds taking turns, and the figures are the fastest run of each, the usual way to
take out disturbance that only ever adds; every run's time is printed as well. The
stock build with every page in the menu is the exception: above 1,000 cards it runs
once (three minutes at 3,000 cards, and far from the target either way).

    .venv/bin/python bench/scale.py                 # 100, 1000, 3000 (takes minutes)
    .venv/bin/python bench/scale.py --sizes 20      # a smoke run, as the tests do
    .venv/bin/python bench/scale.py --keep /tmp/scale   # keep the projects and sites
    .venv/bin/python bench/scale.py --repeat 1          # each build once: quicker, noisier
    .venv/bin/python bench/scale.py --content cloned    # only copies of the real cards

bench/README.md explains every figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clone import write_cloned_project  # noqa: E402
from generate import DEFAULT_SEED, write_generated_project  # noqa: E402

DEFAULT_SIZES = (100, 1000, 3000)
QUICK_SIZES = (20,)
TODAY = dt.date(2026, 11, 22)  # fixed, so every run generates and builds the same content
KB, MB = 1024, 1024 * 1024

CONTENTS = ("generated", "cloned")


def writer(content: str):
    """(write the project, its "today"): generated content is fixed in time; the real cards that
    cloned content copies are checked against the real date by the people who write them."""
    if content == "generated":
        return write_generated_project, TODAY
    return write_cloned_project, dt.date.today()


# The targets. Ratios and the check are judged at 1,000 cards, growth from 1,000 to 3,000.
MAX_RATIO_NO_NAV = {"generated": 1.3, "cloned": 1.5}  # real cards have more to render per card
MAX_RATIO_NAV = 0.25
MAX_GROWTH = 3.2
MAX_CHECK_SHARE = 0.1
MAX_PEAK_MB = 600
MAX_CARD_PAGE_KB = 60


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float
    peak_mb: float
    cpu_runs: tuple[float, ...] = ()  # every run's CPU seconds, when the figure is the fastest of several
    sys_s: float = 0.0  # the kernel's part of cpu_s: mostly page faults and writing files, the noisiest part

    @property
    def user_s(self) -> float:
        return self.cpu_s - self.sys_s

    def as_json(self) -> dict:
        figures = {"cpu_s": round(self.cpu_s, 2), "sys_s": round(self.sys_s, 2), "wall_s": round(self.wall_s, 2),
                   "peak_mb": round(self.peak_mb, 1)}
        if len(self.cpu_runs) > 1:
            figures["cpu_runs"] = [round(cpu, 2) for cpu in self.cpu_runs]
        return figures

    @staticmethod
    def fastest(runs: list["Run"]) -> "Run":
        """The fastest run's times; the largest peak memory of all (memory does not get noise, only growth)."""
        best = min(runs, key=lambda run: run.cpu_s)
        return Run(best.wall_s, best.cpu_s, max(run.peak_mb for run in runs), tuple(run.cpu_s for run in runs),
                   best.sys_s)


class BenchmarkError(Exception):
    pass


def measure(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Run:
    """Run ``command`` to its end; its own CPU time and peak memory come from wait4."""
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchmarkError(f"{' '.join(command)} (in {cwd}) ended with {process.returncode}:\n{tail}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * KB / MB, sys_s=usage.ru_stime)


def _front_matter_and_body(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def stock_page(card_text: str) -> str:
    """The card as a plain Markdown page: what a stock site would show of it."""
    data, body = _front_matter_and_body(card_text)
    sources = "\n".join(f"- [{s['title']}]({s['url']}) — {s['publisher']}" for s in data["sources"])
    return f"# {data['title']}\n\n{data['summary']}\n\n{body.strip()}\n\n## Bronnen\n\n{sources}\n"


def write_stock_site(project: Path, dest: Path) -> tuple[Path, Path]:
    """A stock Material site of the project's cards; returns its two configs (with and without nav)."""
    pages = dest / "docs" / "praktijken"
    pages.mkdir(parents=True)
    (dest / "docs" / "index.md").write_text("# Praktijken\n\nAlle praktijkkaarten.\n", encoding="utf-8")
    for card in sorted((project / "practices").glob("*.md")):
        (pages / card.name).write_text(stock_page(card.read_text(encoding="utf-8")), encoding="utf-8")
    base = {"site_name": "Praktijkbank (stock)", "theme": {"name": "material", "language": "nl", "font": False}}
    with_nav, without_nav = dest / "mkdocs-nav.yml", dest / "mkdocs-no-nav.yml"
    with_nav.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")  # no nav: every page in it
    without_nav.write_text(yaml.safe_dump(
        {**base, "nav": [{"Home": "index.md"}], "not_in_nav": "/praktijken/"}, allow_unicode=True), encoding="utf-8")
    return with_nav, without_nav


def _kb(size: int) -> float:
    return round(size / KB, 1)


def site_facts(site: Path, card_pages: list[Path]) -> dict:
    sizes = [p.stat().st_size for p in card_pages]
    search = site / "search"
    return {
        "pages": sum(1 for _ in site.rglob("*.html")),
        "card_page_kb": {"median": _kb(statistics.median(sizes)), "max": _kb(max(sizes))},
        "search_index_kb": _kb(sum(p.stat().st_size for p in search.rglob("*") if p.is_file())) if search.is_dir() else None,
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / MB, 1),
    }


def _card_pages(site: Path, slugs: list[str]) -> list[Path]:
    found = [site / "praktijken" / slug / "index.html" for slug in slugs]
    missing = [p for p in found if not p.is_file()]
    if missing:
        raise BenchmarkError(f"{len(missing)} card pages were not built, e.g. {missing[0]}")
    return found


# Above this many cards the stock build with every page in its menu runs once (see the docstring).
STOCK_NAV_REPEAT_UP_TO = 1000


def measure_size(n: int, work: Path, seed: int, repeat: int = 1, content: str = "generated") -> dict:
    python = sys.executable
    write_project, today = writer(content)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PRAKTIJKBANK_TODAY=today.isoformat())
    project = write_project(work / "ours", n, today, seed)
    slugs = sorted(p.stem for p in (project / "practices").glob("*.md"))
    webinars = sum(1 for _ in (project / "webinars").glob("*.md"))
    stock = work / "stock"
    with_nav, without_nav = write_stock_site(project, stock)

    commands = {
        "ours": ([python, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], project),
        "check": ([python, "-m", "praktijkbank.cli", "check", "--today", today.isoformat()], project),
        "stock-nav": ([python, "-m", "mkdocs", "build", "-f", with_nav.name, "--site-dir", "site-nav"], stock),
        "stock-no-nav": ([python, "-m", "mkdocs", "build", "-f", without_nav.name, "--site-dir", "site-no-nav"], stock),
    }
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for turn in range(repeat):  # taking turns, so a slow spell of the machine hits every build alike
        for name, (command, cwd) in commands.items():
            if name == "stock-nav" and turn and n > STOCK_NAV_REPEAT_UP_TO:
                continue
            runs[name].append(measure(command, cwd, env, work / f"{name}.log"))
    ours, check, nav, no_nav = (Run.fastest(runs[name]) for name in commands)
    summary = (work / "check.log").read_text(encoding="utf-8").strip().splitlines()[-1]
    return {
        "content": content,
        "n": n,
        "webinars": webinars,
        "ours": {**ours.as_json(), **site_facts(project / "site", _card_pages(project / "site", slugs))},
        "stock_nav": {**nav.as_json(), **site_facts(stock / "site-nav", _card_pages(stock / "site-nav", slugs))},
        "stock_no_nav": {**no_nav.as_json(),
                         **site_facts(stock / "site-no-nav", _card_pages(stock / "site-no-nav", slugs))},
        "check": {**check.as_json(), "output": summary},
        "ratios": {
            "ours/stock_nav": round(ours.cpu_s / nav.cpu_s, 3),
            "ours/stock_no_nav": round(ours.cpu_s / no_nav.cpu_s, 3),
            "check/ours": round(check.cpu_s / ours.cpu_s, 3),
            "user ours/stock_nav": round(ours.user_s / nav.user_s, 3),
            "user ours/stock_no_nav": round(ours.user_s / no_nav.user_s, 3),
            "wall ours/stock_nav": round(ours.wall_s / nav.wall_s, 3),
            "wall ours/stock_no_nav": round(ours.wall_s / no_nav.wall_s, 3),
        },
        "load": [round(x, 2) for x in os.getloadavg()],
    }


def _target(name: str, value: float, limit: float, met: bool) -> dict:
    return {"target": name, "value": round(value, 3), "limit": limit, "met": met}


def targets(results: dict[int, dict], content: str = "generated") -> list[dict]:
    """The targets for one kind of content, for the sizes that were measured; each says its content."""
    found = []
    if 1000 in results:
        r = results[1000]
        no_nav = MAX_RATIO_NO_NAV[content]
        found.append(_target("ours/stock_no_nav at 1000 (cpu)", r["ratios"]["ours/stock_no_nav"], no_nav,
                             r["ratios"]["ours/stock_no_nav"] <= no_nav))
        found.append(_target("ours/stock_nav at 1000 (cpu)", r["ratios"]["ours/stock_nav"], MAX_RATIO_NAV,
                             r["ratios"]["ours/stock_nav"] <= MAX_RATIO_NAV))
        found.append(_target("check/ours at 1000 (cpu)", r["ratios"]["check/ours"], MAX_CHECK_SHARE,
                             r["ratios"]["check/ours"] <= MAX_CHECK_SHARE))
    if 1000 in results and 3000 in results:
        growth = results[3000]["ours"]["cpu_s"] / results[1000]["ours"]["cpu_s"]
        found.append(_target("ours time(3000)/time(1000) (cpu)", growth, MAX_GROWTH, growth <= MAX_GROWTH))
    if 3000 in results:
        peak = results[3000]["ours"]["peak_mb"]
        found.append(_target("ours peak memory at 3000 (MB)", peak, MAX_PEAK_MB, peak <= MAX_PEAK_MB))
    for n, r in sorted(results.items()):
        size = r["ours"]["card_page_kb"]["max"]
        found.append(_target(f"largest card page at {n} (KB)", size, MAX_CARD_PAGE_KB, size < MAX_CARD_PAGE_KB))
    return [{"content": content, **target} for target in found]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def machine(repeat: int, contents: tuple[str, ...] = CONTENTS) -> dict:
    versions = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "markdown", "pyyaml", "lunr")}
    return {
        "machine": {
            "cores": os.cpu_count(),
            "cpu": _cpu_model(),
            "memory_gb": _memory_gb(),
            "os": platform.platform(),
            "python": platform.python_version(),
            **versions,
            "load": [round(x, 2) for x in os.getloadavg()],
            "repeat": repeat,
            "content": list(contents),
            "time_basis": "cpu_s = user+system seconds of the measured process, the fastest of cpu_runs; "
                          "wall_s = elapsed, of that run",
        }
    }


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen lijst van aantallen, zoals 100,1000,3000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("elk aantal is minstens 1")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet de bouwtijd van de Praktijkbank tegen stock Material.")
    parser.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES, help="aantallen kaarten, bijv. 100,1000,3000")
    parser.add_argument("--quick", action="store_true", help="alleen 20 kaarten (zoals de tests)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--keep", type=Path, help="bewaar projecten, sites en logboeken in deze map")
    parser.add_argument("--repeat", type=int, default=3,
                        help="meet elke bouw zo vaak en neem de snelste (standaard 3; minder ruis)")
    parser.add_argument("--content", choices=(*CONTENTS, "both"), default="both",
                        help="gegenereerde kaarten, kopieën van de echte kaarten, of allebei (standaard)")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else args.sizes
    repeat = max(1, args.repeat)
    contents = CONTENTS if args.content == "both" else (args.content,)

    print(json.dumps(machine(repeat, contents), ensure_ascii=False), flush=True)
    results: dict[str, dict[int, dict]] = {content: {} for content in contents}
    with tempfile.TemporaryDirectory(prefix="praktijkbank-scale-") as scratch:
        base = args.keep or Path(scratch)
        for n in sizes:
            for content in contents:  # both kinds at one size close in time: the same machine load
                work = base / f"{content}-n{n}"
                work.mkdir(parents=True, exist_ok=False)
                try:
                    results[content][n] = measure_size(n, work, args.seed, repeat, content)
                except (BenchmarkError, ValueError) as exc:
                    print(f"scale: {content}, {n} kaarten: {exc}", file=sys.stderr)
                    return 1
                print(json.dumps(results[content][n], ensure_ascii=False), flush=True)
                if not args.keep:
                    shutil.rmtree(work)  # the stock site with every page in the menu is gigabytes at 3,000
    found = [target for content in contents for target in targets(results[content], content)]
    print(json.dumps({"targets": found, "all_met": all(t["met"] for t in found)}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
