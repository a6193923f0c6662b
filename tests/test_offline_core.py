"""The offline export's core, without a build: choosing cards, the edition, the zip, the shim."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from praktijkbank.offline import worker_shim
from praktijkbank.offline.bundle import bundle_entries, write_zip
from praktijkbank.offline.edition import EditionError, OfflineEdition, content_date
from praktijkbank.offline.finish import offline_policy, worker_addresses
from praktijkbank.offline.live_address import AddressError, checked_address, live_address, site_url_of
from praktijkbank.offline.selection import CardSelection, SelectionError, describe, resolve, select_cards


def _pick(practices, taxonomy, **options) -> set[str]:
    selection = resolve(CardSelection(**{k: tuple(v) for k, v in options.items()}), practices, taxonomy)
    return {p.slug for p in select_cards(practices, selection, taxonomy)}


# -- choosing cards --------------------------------------------------------------

def test_no_options_choose_every_card(real_practices, taxonomy):
    assert _pick(real_practices, taxonomy) == {p.slug for p in real_practices}


def test_one_theme_chooses_the_cards_with_it(real_practices, taxonomy):
    expected = {p.slug for p in real_practices if "dakloosheid" in p.themes}
    assert 0 < len(expected) < len(real_practices)
    assert _pick(real_practices, taxonomy, themes=["dakloosheid"]) == expected


def test_within_a_kind_any_value_across_kinds_all(real_practices, taxonomy):
    themes = {"dakloosheid", "wijkaanpak"}
    any_theme = {p.slug for p in real_practices if themes & set(p.themes)}
    assert _pick(real_practices, taxonomy, themes=sorted(themes)) == any_theme
    group = real_practices[0].target_groups[0]
    both = {p.slug for p in real_practices if themes & set(p.themes) and group in p.target_groups}
    assert _pick(real_practices, taxonomy, themes=sorted(themes), target_groups=[group]) == both


def test_named_cards_are_added_to_a_filter(real_practices, taxonomy):
    homeless = {p.slug for p in real_practices if "dakloosheid" in p.themes}
    other = next(p.slug for p in real_practices if p.slug not in homeless)
    assert _pick(real_practices, taxonomy, themes=["dakloosheid"], slugs=[other]) == homeless | {other}
    assert _pick(real_practices, taxonomy, slugs=[other]) == {other}


def test_labels_and_titles_work_as_well_as_keys(real_practices, taxonomy):
    label = taxonomy["themes"].label_of("dakloosheid")
    assert _pick(real_practices, taxonomy, themes=[label.upper()]) == _pick(real_practices, taxonomy,
                                                                            themes=["dakloosheid"])
    card = real_practices[0]
    assert _pick(real_practices, taxonomy, slugs=[f" {card.title} "]) == {card.slug}


def test_unknown_values_are_all_reported_in_dutch_with_a_suggestion(real_practices, taxonomy):
    with pytest.raises(SelectionError) as caught:
        resolve(CardSelection(themes=("daklosheid",), target_groups=("niemand",), slugs=("housing-frist",)),
                real_practices, taxonomy)
    problems = caught.value.problems
    assert len(problems) == 3
    assert problems[0].startswith("--thema 'daklosheid': geen thema (kies uit: ")
    assert problems[0].endswith("Bedoelde u 'dakloosheid'?")
    assert problems[1].startswith("--doelgroep 'niemand': geen doelgroep")
    assert problems[2].startswith("--kaart 'housing-frist': geen kaart met die naam")
    assert "Bedoelde u 'housing-first'?" in problems[2]


def test_a_selection_without_cards_is_an_error(real_practices, taxonomy):
    # Two themes together that no card has both of (every theme has a card now).
    themes = list(taxonomy["themes"].values)
    unused = next((a, b) for a in themes for b in themes
                  if a < b and not any(a in p.themes and b in p.themes for p in real_practices))
    target_groups = list(taxonomy["target_groups"].values)
    group = next(g for g in target_groups if not any(unused[0] in p.themes and g in p.target_groups
                                                     for p in real_practices))
    selection = resolve(CardSelection(themes=(unused[0],), target_groups=(group,)), real_practices, taxonomy)
    with pytest.raises(SelectionError, match="geen enkele kaart past bij thema"):
        select_cards(real_practices, selection, taxonomy)


def test_a_selection_in_words(real_practices, taxonomy):
    selection = resolve(CardSelection(themes=("dakloosheid", "wijkaanpak"), slugs=("housing-first",)),
                        real_practices, taxonomy)
    assert describe(selection, real_practices, taxonomy) == (
        f"thema {taxonomy['themes'].label_of('dakloosheid')} of {taxonomy['themes'].label_of('wijkaanpak')}; "
        "plus kaart Housing First")


# -- the edition ---------------------------------------------------------------

def test_edition_survives_the_trip_through_the_build_config():
    edition = OfflineEdition(dt.date(2026, 11, 1), "https://example.org/pb/", ("a", "b"), 6, "thema X")
    assert OfflineEdition.from_setting(edition.to_setting()) == edition
    whole = OfflineEdition(dt.date(2026, 11, 1), None, None, 6)
    assert OfflineEdition.from_setting(whole.to_setting()) == whole
    assert OfflineEdition.from_setting(None) is None


def test_a_broken_setting_is_reported_in_dutch():
    with pytest.raises(EditionError, match="de instelling offline van de plugin praktijkbank is onbruikbaar"):
        OfflineEdition.from_setting({"date": "gisteren"})


def test_narrowing_keeps_the_webinars_about_chosen_cards(content_for_narrowing):
    practices, webinars = content_for_narrowing
    keep = practices[0].slug
    edition = OfflineEdition(dt.date(2026, 11, 1), None, (keep,), len(practices))
    cards, kept = edition.narrow(practices, webinars)
    assert [p.slug for p in cards] == [keep]
    assert kept == [w for w in webinars if keep in w.practices]


@pytest.fixture
def content_for_narrowing():
    from model_support import load_site_model as load_site_content
    from support import ROOT, TODAY

    content = load_site_content(ROOT, today=TODAY)
    webinars = list(content.calendar.webinars)
    assert webinars
    about = {s for w in webinars for s in w.practices}
    practices = sorted(content.result.practices, key=lambda p: p.slug not in about)
    return practices, webinars


def test_the_note_escapes_and_says_what_and_where():
    edition = OfflineEdition(dt.date(2026, 3, 5), 'https://example.org/?a=1&b="2"', ("x",), 6, "thema <A&B>")
    note = edition.note_html()
    assert "stand van 5 maart 2026" in note
    assert "1 van de 6 praktijken (thema &lt;A&amp;B&gt;)" in note
    assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in note
    unknown = OfflineEdition(dt.date(2026, 3, 5), None, None, 6).note_html()
    assert "met alle 6 praktijken" in unknown and "niet opgegeven" in unknown


def test_the_date_is_the_newest_content_date_or_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert content_date([dt.date(2025, 1, 2), dt.date(2026, 3, 4)]) == dt.date(2026, 3, 4)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert content_date([dt.date(2026, 3, 4)]) == dt.date(2027, 1, 15)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14: before the content
    with pytest.raises(EditionError, match=r"SOURCE_DATE_EPOCH \(2023-11-14\) ligt vóór de nieuwste datum"):
        content_date([dt.date(2026, 3, 4)])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(EditionError, match="SOURCE_DATE_EPOCH='gisteren' is geen tijdstip"):
        content_date([dt.date(2026, 3, 4)])


# -- the live address ------------------------------------------------------------

def test_live_address_from_mkdocs_yml_with_env_tag(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_url: !ENV [PB_TEST_URL, "https://standaard.example/pb/"]\n'
                      "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n",
                      encoding="utf-8")
    monkeypatch.delenv("PB_TEST_URL", raising=False)
    assert site_url_of(config) == "https://standaard.example/pb/"
    monkeypatch.setenv("PB_TEST_URL", "https://elders.example/")
    assert live_address(None, config) == "https://elders.example/"
    assert live_address("https://optie.example/pb", config) == "https://optie.example/pb/"
    child = tmp_path / "kind.yml"
    child.write_text("INHERIT: mkdocs.yml\nuse_directory_urls: false\n", encoding="utf-8")
    assert site_url_of(child) == "https://elders.example/"


def test_no_address_anywhere_gives_none_and_a_bad_one_an_error(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\n", encoding="utf-8")
    assert live_address(None, config) is None
    with pytest.raises(AddressError, match="geen volledig webadres"):
        checked_address("praktijkbank.nl")


# -- the worker shim and the page policy ------------------------------------------

def test_shim_bootstrap_hash_is_what_chromium_asks_for():
    # Chromium, refusing the shim's iframe script under the site's policy, named this hash
    # for a page at the site root with Material's search worker.
    address = "assets/javascripts/workers/search.a7633da7.min.js"
    assert worker_shim.bootstrap_hash(address) == "'sha256-zwEeX9SHbdbsDBu4WXpwOZty5sQXKT3c7Ic+TUtFsp0='"
    script = worker_shim.bootstrap_script("../w.js")
    assert script.startswith("postMessage=function c(") and 'filename:"../w.js"' in script


def test_offline_policy_adds_the_hashes_to_script_src_and_file_beside_self():
    html = ('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'self'; script-src 'self' 'sha256-a'; object-src 'none'\"></head>")
    changed = offline_policy(html, ["'sha256-b'", "'sha256-a'"])
    assert ("content=\"default-src 'self' file:; script-src 'self' 'sha256-a' file: 'sha256-b'; "
            "object-src 'none'\"") in changed
    assert offline_policy(changed, ["'sha256-b'"]) == changed  # nothing twice
    assert offline_policy("<head></head>", ["'sha256-b'"]) == "<head></head>"


def test_worker_addresses_are_read_as_the_page_writes_them():
    workers = {"assets/javascripts/workers/search.js", "assets/javascripts/praktijkbank-zoeken.js",
               "assets/javascripts/bundle.js"}  # loaded with <script src>: not a worker address
    html = ('<script id="__config">{"search": "../assets/javascripts/workers/search.js"}</script>'
            '<script>config.search = "../assets/javascripts/praktijkbank-zoeken.js";</script>'
            '<script src="../assets/javascripts/bundle.js"></script>')
    assert worker_addresses(html, "praktijken/x.html", workers) == [
        "../assets/javascripts/workers/search.js", "../assets/javascripts/praktijkbank-zoeken.js"]
    assert worker_addresses(html, "x/y/z.html", workers) == []


# -- the zip ---------------------------------------------------------------------

def test_zip_is_reproducible_sorted_and_fixed(tmp_path):
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "b" / "z.txt").write_text("z", encoding="utf-8")
    (site / "a.txt").write_text("a", encoding="utf-8")
    entries = bundle_entries(site, "kopie", {"LEESMIJ.txt": b"lees"})
    assert [name for name, _ in entries] == ["kopie/LEESMIJ.txt", "kopie/a.txt", "kopie/b/z.txt"]
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    write_zip(first, entries, dt.date(2026, 11, 1))
    (site / "a.txt").touch()  # a newer file time must not matter
    write_zip(second, bundle_entries(site, "kopie", {"LEESMIJ.txt": b"lees"}), dt.date(2026, 11, 1))
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 11, 1, 0, 0, 0)}
        assert archive.read("kopie/b/z.txt") == b"z"
    assert not list(tmp_path.glob("*.deel"))


