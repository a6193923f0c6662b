"""Scale: the content generator, the benchmark script (at a small N) and the related-cards index."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from praktijkbank.practices import load_practices
from praktijkbank.related import RelatedIndex, likeness
from support import ROOT, TODAY, run_cli

sys.path.insert(0, str(ROOT / "bench"))
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
    project = generate.write_generated_project(tmp_path, 300, TODAY, webinars=False)
    practices = load_practices(sorted((project / "practices").glob("*.md")), taxonomy, TODAY).practices
    index = RelatedIndex(practices)
    for practice in practices[:120]:
        named = [s for s in practice.related if s != practice.slug]
        others = sorted((p for p in practices if p.slug != practice.slug and p.slug not in named
                         and likeness(practice, p) > 0),
                        key=lambda p: (-likeness(practice, p), p.title.casefold()))
        expected = (named + [p.slug for p in others])[:4]
        assert [p.slug for p in index.related(practice)] == expected


@pytest.mark.build
def test_benchmark_runs_at_a_small_size():
    """bench/scale.py at N = 20: the strict build of generated content, stock builds and the check."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "scale.py"), "--sizes", "20"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    machine, measured, targets = lines
    assert machine["machine"]["cores"] >= 1 and machine["machine"]["mkdocs-material"]
    assert measured["n"] == 20 and measured["webinars"] == 2
    assert measured["stock_nav"]["pages"] == measured["stock_no_nav"]["pages"] == 22  # cards, home, 404
    assert measured["ours"]["pages"] > 20 + 40  # cards, overview, facet pages, webinars, …
    assert measured["ours"]["search_index_kb"] > 0 and measured["ours"]["peak_mb"] > 0
    assert "alles in orde" in measured["check"]["output"]
    assert set(measured["ratios"]) >= {"ours/stock_nav", "ours/stock_no_nav", "check/ours"}
    assert [t["target"] for t in targets["targets"]] == ["largest card page at 20 (KB)"]
