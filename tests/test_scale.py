"""Scale: the content generator, the benchmark script (at a small N) and the related-cards index."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest
import yaml

from praktijkbank.content.cards import load_practices
from praktijkbank.related import RelatedIndex, likeness
from support import ROOT, TODAY, run_cli

sys.path.insert(0, str(ROOT / "bench"))
import clone  # noqa: E402  (bench/clone.py)
import generate  # noqa: E402  (bench/generate.py)


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate.write_generated_project(tmp_path_factory.mktemp("generated"), 40, TODAY)


def test_generated_content_passes_the_check(generated):
    result = run_cli("check", "--today", TODAY.isoformat(), "--format", "json", cwd=generated)
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout
    assert report["errors"] == 0
    cards = sorted((generated / "practices").glob("*.md"))
    webinars = sorted((generated / "webinars").glob("*.md"))
    assert len(cards) == 40 and len(webinars) == 2
    assert report["files_checked"] == 42


def test_generated_cards_use_every_taxonomy_value_and_read_like_real_cards(generated, taxonomy):
    cards = [_front_matter(p.read_text(encoding="utf-8")) for p in (generated / "practices").glob("*.md")]
    used = {
        "themes": {t for c in cards for t in c["themes"]},
        "target_groups": {g for c in cards for g in c["target_groups"]},
        "partner_roles": {p["role"] for c in cards for p in c["partners"]},
        "provinces": {c["place"]["province"] for c in cards if "province" in c["place"]},
        "scope": {c["place"]["scope"] for c in cards},
        "status": {c["status"] for c in cards},
        "evidence": {c["evidence"] for c in cards},
    }
    for vocabulary, values in used.items():
        assert values == set(taxonomy[vocabulary].values), vocabulary
    bodies = [p.read_text(encoding="utf-8").split("---\n", 2)[2] for p in (generated / "practices").glob("*.md")]
    words = sorted(len(body.split()) for body in bodies)
    assert 450 <= words[len(words) // 2] <= 750  # about 600 words, like a real card
    assert any("related" in c for c in cards) and any("coordinates" in c for c in cards)


def test_generator_is_deterministic_for_a_seed(taxonomy):
    first = generate.generate_cards(15, taxonomy, TODAY, seed=3)
    assert first == generate.generate_cards(15, taxonomy, TODAY, seed=3)
    assert first != generate.generate_cards(15, taxonomy, TODAY, seed=4)


def test_generator_writes_past_and_upcoming_webinars_with_and_without_a_time(taxonomy):
    cards = generate.generate_cards(100, taxonomy, TODAY)
    webinars = [_front_matter(w.text) for w in generate.generate_webinars(cards, TODAY)]
    days = [w["start"] if not isinstance(w["start"], str) else w["start"][:10] for w in webinars]
    assert any(str(day) > TODAY.isoformat() for day in days) and any(str(day) < TODAY.isoformat() for day in days)
    assert any(w.get("time_known") is False for w in webinars) and any("end" in w for w in webinars)


def test_related_index_gives_what_comparing_every_pair_gives(taxonomy, tmp_path):
    project = generate.write_generated_project(tmp_path, 200, TODAY, webinars=False)
    practices = load_practices(sorted((project / "practices").glob("*.md")), taxonomy, TODAY).practices
    index = RelatedIndex(practices)
    for number, practice in enumerate(practices[:100]):
        limit = (1, 4, 9)[number % 3]
        named = [s for s in practice.related if s != practice.slug]
        others = sorted((p for p in practices if p.slug != practice.slug and p.slug not in named
                         and likeness(practice, p) > 0),
                        key=lambda p: (-likeness(practice, p), p.title.casefold()))
        expected = (named + [p.slug for p in others])[:limit]
        assert [p.slug for p in index.related(practice, limit)] == expected


# -- cloned content: copies of the real cards ----------------------------------------------

CLONE_TODAY = dt.date.today()  # the real cards are written against the real date, as bench/scale.py clones them


@pytest.fixture(scope="module")
def real_valid_cards(taxonomy):
    cards, _ = clone.real_cards(ROOT / "practices", taxonomy, CLONE_TODAY)
    assert cards, "no real card passes the check"
    return cards


@pytest.fixture(scope="module")
def cloned(tmp_path_factory, real_valid_cards):
    # Two full rounds and part of a third: related cards whose copy falls outside the last round are dropped.
    n = 2 * len(real_valid_cards) + 3
    return clone.write_cloned_project(tmp_path_factory.mktemp("cloned"), n, CLONE_TODAY, log=None), n


def _cloned_cards(project) -> dict[str, dict]:
    return {p.stem: _front_matter(p.read_text(encoding="utf-8")) for p in (project / "practices").glob("*.md")}


def test_cloned_content_passes_the_check_without_look_alikes(cloned):
    project, n = cloned
    result = run_cli("check", "--today", CLONE_TODAY.isoformat(), "--format", "json", cwd=project)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["errors"] == 0, [p["text"] for p in report["problems"]
                                                              if p["severity"] != "waarschuwing"]
    webinars = sum(1 for _ in (project / "webinars").glob("*.md"))
    assert report["files_checked"] == n + webinars and webinars >= 2
    assert not [p for p in report["problems"] if p["field"] == "title"]  # no "looks like an existing card"
    assert not [p for p in report["problems"] if p["field"] in ("place.municipality", "coordinates")]  # on the map


def test_cloned_cards_have_unique_slugs_and_titles_and_related_cards_that_exist(cloned, real_valid_cards):
    project, n = cloned
    cards = _cloned_cards(project)
    assert len(cards) == n
    titles = [c["title"].casefold() for c in cards.values()]
    assert len(set(titles)) == n
    named = [slug for c in cards.values() for slug in c.get("related") or ()]
    assert named and set(named) <= set(cards)
    for slug, card in cards.items():
        assert slug not in (card.get("related") or ())
        number = int(slug.rsplit("-", 1)[1])
        assert card["title"].endswith(f" (kopie {number})")
        # The copy of a related card is made in the same round.
        for other in card.get("related") or ():
            round_of = lambda s: (int(s.rsplit("-", 1)[1]) - 1) // len(real_valid_cards)  # noqa: E731
            assert round_of(other) == round_of(slug)
    # Real cards that name related cards keep them in the first round (every copy exists there).
    for index, real in enumerate(real_valid_cards):
        copy = cards[f"{real.slug}-kopie-{index + 1}"]
        valid = [s for s in real.data.get("related") or () if s in {r.slug for r in real_valid_cards}]
        assert len(copy.get("related") or ()) == len(valid)


def test_cloned_cards_keep_the_real_text_sources_and_partners(cloned, real_valid_cards):
    project, _ = cloned
    for index, real in enumerate(real_valid_cards):
        path = project / "practices" / f"{real.slug}-kopie-{index + 1}.md"
        text = path.read_text(encoding="utf-8")
        copy = _front_matter(text)
        if ".md" not in real.body:
            assert text.split("---\n", 2)[2] == real.body
        for field in ("summary", "partners", "sources", "themes", "target_groups", "keywords", "figures"):
            assert copy.get(field) == real.data.get(field), (real.slug, field)
        assert copy["place"]["scope"] == real.data["place"]["scope"]
        for line in real.front.splitlines():  # untouched fields keep their lines as written
            if line.startswith(("partners:", "sources:", "keywords:", "themes:", "summary:")):
                assert line in text.splitlines(), (real.slug, line)


def test_clone_drops_related_cards_without_a_copy_and_aims_links_at_copies(taxonomy, tmp_path):
    from support import VALID_CARD

    def real(slug: str, related: list[str], text: str) -> clone.RealCard:
        _, front, body = VALID_CARD.split("---\n")
        front = front.rstrip("\n").replace("title: Voorbeeldpraktijk", f"title: Kaart {slug.upper()}")
        front += f"\nrelated: [{', '.join(related)}]"
        return clone.RealCard(slug, front, yaml.safe_load(front), body.replace("Tekst.", text, 1))

    a = real("a", ["b", "weg"], "Zie [b](b.md#aanpak), [weg](weg.md), [hier](#in-het-kort) en [alles](index.md).")
    b = real("b", ["a"], "Geen links.")
    files = {f.name: f.text for f in clone.clone_cards([a, b], 3, taxonomy)}
    assert sorted(files) == ["a-kopie-1.md", "a-kopie-3.md", "b-kopie-2.md"]
    first, last = _front_matter(files["a-kopie-1.md"]), _front_matter(files["a-kopie-3.md"])
    assert first["related"] == ["b-kopie-2"] and "related" not in last  # b's copy of round 2 does not exist
    assert _front_matter(files["b-kopie-2.md"])["related"] == ["a-kopie-1"]
    assert "[b](b-kopie-2.md#aanpak), weg, [hier](#in-het-kort) en [alles](index.md)" in files["a-kopie-1.md"]
    assert "Zie b, weg, [hier](#in-het-kort)" in files["a-kopie-3.md"]
    assert first["title"] == "Kaart A (kopie 1)" and first["place"]["municipality"] != last["place"]["municipality"]
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    loaded = load_practices(sorted(tmp_path.glob("*.md")), taxonomy, TODAY)
    assert not [p.text() for p in loaded.problems if p.is_error] and len(loaded.practices) == 3


@pytest.mark.build
def test_benchmark_runs_at_a_small_size():
    """bench/scale.py at N = 20, for generated and cloned content: strict builds, stock builds and the check."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "scale.py"), "--sizes", "20", "--repeat", "2"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    machine, *measured, targets = lines
    assert machine["machine"]["cores"] >= 1 and machine["machine"]["mkdocs-material"]
    assert machine["machine"]["repeat"] == 2 and machine["machine"]["content"] == ["generated", "cloned"]
    assert [m["content"] for m in measured] == ["generated", "cloned"]
    for m in measured:
        assert m["n"] == 20 and m["webinars"] == 2
        for build in ("ours", "stock_nav", "stock_no_nav", "check"):  # the fastest of two turns
            assert len(m[build]["cpu_runs"]) == 2 and m[build]["cpu_s"] == min(m[build]["cpu_runs"])
        assert m["stock_nav"]["pages"] == m["stock_no_nav"]["pages"] == 22  # cards, home, 404
        assert m["ours"]["pages"] > 20 + 40  # cards, overview, facet pages, webinars, …
        assert m["ours"]["search_index_kb"] > 0 and m["ours"]["peak_mb"] > 0
        assert "alles in orde" in m["check"]["output"]
        assert set(m["ratios"]) >= {"ours/stock_nav", "ours/stock_no_nav", "check/ours", "user ours/stock_no_nav"}
        assert 0 <= m["ours"]["sys_s"] <= m["ours"]["cpu_s"]
    assert [(t["content"], t["target"]) for t in targets["targets"]] == [
        ("generated", "largest card page at 20 (KB)"), ("cloned", "largest card page at 20 (KB)")]


def test_targets_are_stated_for_each_kind_of_content():
    import scale

    def result(cpu: float, nav: float, no_nav: float, check: float, peak: float = 100.0) -> dict:
        return {"ours": {"cpu_s": cpu, "peak_mb": peak, "card_page_kb": {"max": 40.0}},
                "ratios": {"ours/stock_nav": cpu / nav, "ours/stock_no_nav": cpu / no_nav, "check/ours": check / cpu}}

    results = {1000: result(14.0, 70.0, 10.0, 2.0), 3000: result(42.0, 300.0, 30.0, 3.0, peak=590.0)}
    by_content = {content: {t["target"]: t for t in scale.targets(results, content)} for content in scale.CONTENTS}
    # 1.4 times stock without menu: too slow for generated content (1.3), fine for cloned (1.5).
    assert not by_content["generated"]["ours/stock_no_nav at 1000 (cpu)"]["met"]
    assert by_content["cloned"]["ours/stock_no_nav at 1000 (cpu)"]["met"]
    for content, found in by_content.items():
        assert {t["content"] for t in found.values()} == {content}
        assert found["ours/stock_nav at 1000 (cpu)"]["met"] and found["ours/stock_nav at 1000 (cpu)"]["limit"] == 0.25
        assert found["check/ours at 1000 (cpu)"]["limit"] == 0.1 and found["check/ours at 1000 (cpu)"]["met"] is False
        assert found["ours time(3000)/time(1000) (cpu)"]["limit"] == 3.2 and found["ours time(3000)/time(1000) (cpu)"]["met"]
        assert found["ours peak memory at 3000 (MB)"]["limit"] == 600 and found["ours peak memory at 3000 (MB)"]["met"]


# -- fast paths: the same result, cheaper -------------------------------------------------

def test_generated_lists_and_facts_link_right_in_both_page_layouts(taxonomy):
    from praktijkbank.pages import generate_pages, made_pages
    from praktijkbank.sitemodel.source import Html
    from praktijkbank.urls import SiteAddress

    cards = generate.generate_cards(12, taxonomy, TODAY)
    practices = load_practices_from_texts(cards, taxonomy)
    first = sorted(practices, key=lambda p: p.title.casefold())[0]
    theme = first.themes[0]
    for address, card_href, theme_href in (
        (SiteAddress(), f'href="../../praktijken/{first.slug}/"', f'href="../../thema/{theme}/"'),
        (SiteAddress(directory_urls=False), f'href="../praktijken/{first.slug}.html"', f'href="../thema/{theme}.html"'),
    ):
        pages = {uri: "".join(part.text for part in p.parts if isinstance(part, Html))
                 for uri, p in made_pages(generate_pages(practices, taxonomy, address=address)).items()}
        assert card_href in pages[f"thema/{theme}.md"]
        card = pages[f"praktijken/{first.slug}.md"]
        assert theme_href in card[card.index('class="pb-facts"'):]


def load_practices_from_texts(files, taxonomy):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for file in files:
            path = Path(folder) / file.name
            path.write_text(file.text, encoding="utf-8")
            paths.append(path)
        return load_practices(paths, taxonomy, TODAY).practices


TRICKY_FRONT_MATTER = [
    'title: "Een: twee"\nsummary: >-\n  lang\n  verhaal\nthemes: [a, b]\nstarted: 2016\n',
    "title: 'R&D & zo'\nkeywords:\n- één\n- \"twee\"\nlast_reviewed: 2026-11-01\ncoordinates: {lat: 51.7, lon: 5.5}\n",
    "title: Oké\nempty:\nflag: true\nnumber: 0x10\nwhen: 2022-03-22T14:30\nlist: []\n",
    "title: [niet, dicht\n",                      # broken: the Python parser gives the Dutch message
    "title: Oss\ntitle: Utrecht\n",                # duplicate key: reported by our own builder
    "title: &a Oss\nother: *a\n",                  # anchors and aliases: refused, never via libyaml
    "title: Oss\n\tsummary: tab\n",                # tabs: the Python parser decides
    "title: !!python/object Oss\n",                # a custom tag: refused
    "a:\n  b:\n    c:\n      - - - d\n",
]


@pytest.mark.parametrize("text", TRICKY_FRONT_MATTER)
def test_libyaml_and_the_python_parser_give_the_same_tree_and_messages(text, monkeypatch):
    from praktijkbank.content import yaml_tree
    from praktijkbank.checks.problems import ProblemLog

    def load():
        log = ProblemLog("kaart.md")
        value, lines, ok = yaml_tree.load_yaml_tree(text, 2, log)
        return value, lines, ok, [p.text() for p in log.items]

    as_built = load()  # libyaml where the guard allows it
    monkeypatch.setattr(yaml_tree, "_libyaml_gives_the_same", lambda _: False)
    assert as_built == load()


def test_libyaml_is_not_used_where_it_could_answer_differently():
    from praktijkbank.content.yaml_tree import _libyaml_gives_the_same

    assert _libyaml_gives_the_same("title: Oss\nkeywords: [R&D, 'a*b']\n")
    for text in ("a: &x 1\n", "a: *x\n", "- &x 1\n", "a: [*x]\n", "a:\t1\n", "a: b\x07\n", "a: b\u2028c\n",
                 "a:" + "\n" + " " * 101 + "b: 1\n"):
        assert not _libyaml_gives_the_same(text), repr(text)


def test_real_and_generated_cards_read_the_same_with_libyaml(generated, monkeypatch):
    from praktijkbank.content import yaml_tree
    from praktijkbank.checks.problems import ProblemLog

    files = [*(ROOT / "practices").glob("*.md"), *(ROOT / "webinars").glob("*.md"),
             *(generated / "practices").glob("*.md"), *(generated / "webinars").glob("*.md")]
    for path in files:
        front = path.read_text(encoding="utf-8-sig").split("---\n")[1]
        assert yaml_tree._libyaml_gives_the_same(front), path
        fast = yaml_tree.load_yaml_tree(front, 2, ProblemLog(path.name))
        monkeypatch.setattr(yaml_tree, "_libyaml_gives_the_same", lambda _: False)
        assert yaml_tree.load_yaml_tree(front, 2, ProblemLog(path.name)) == fast, path
        monkeypatch.undo()


def test_relative_links_are_what_posixpath_relpath_gives():
    import itertools
    import posixpath

    from praktijkbank.urls import relative_path

    paths = [".", "a", "a/b", "a/c", "b/a", "a/b/c", "praktijken", "praktijken/x", "thema/y", "feed.xml"]
    for path, start in itertools.product(paths, repeat=2):
        assert relative_path(path, start) == posixpath.relpath(path, start), (path, start)


HOSTILE = [
    "<script>x</script>", "< SCRIPT src=x>", '<a href="#" onclick="x">', "javascript:alert(1)", "JaVa\tScRiPt:x",
    "java&#115;cript:x", "&lt;script&gt;", "[x](data:text/html,x)", '<a href="data:x">', "![x](//host/p.png)",
    "!\u200b[x](https://host/p.png)", '<img src="//host/p.png">', "&#60;iframe src=x&#62;", "gewoon: tekst",
    "Gemeente Oss", "R&D", "!nieuw [x]", "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_quick_look_for_unsafe_html_misses_nothing(text, monkeypatch):
    import re

    from praktijkbank.checks import unsafe_html as html_safety

    quick = html_safety.find_unsafe(text)
    monkeypatch.setattr(html_safety, "_MAYBE_UNSAFE", re.compile(""))  # every text through every rule
    assert quick == html_safety.find_unsafe(text)


@pytest.mark.build
def test_facts_heading_in_finished_html_is_first_in_the_table_of_contents(built_site, real_practices):
    """The facts panel is finished HTML; its heading is first in the table of contents (sitemodel Html.toc)."""
    for practice in real_practices:
        page = (built_site / "praktijken" / practice.slug / "index.html").read_text(encoding="utf-8")
        toc = page[page.index('data-md-type="toc"'):]
        toc = toc[:toc.index('class="md-content"')]
        anchors = re.findall(r'href="#([^"]+)"', toc)
        assert anchors[:2] == ["pb-facts-title", "in-het-kort"], practice.slug
        assert {"bronnen", "contact"} <= set(anchors), practice.slug
        assert page.count('id="pb-facts-title"') == 1
