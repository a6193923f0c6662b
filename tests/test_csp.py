"""The Content-Security-Policy of a page: only the site itself, plus hashes of its own inline scripts."""

from __future__ import annotations

import re

from praktijkbank.csp import (
    content_security_policy,
    inline_scripts,
    rewrite_policy,
    script_hash,
    with_content_security_policy,
)

PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <title>Proef</title>
    <script>var a = 1;</script>
    <script id="__config" type="application/json">{"search": "x.js"}</script>
    <script type="application/ld+json">{"@type": "Event"}</script>
    <script src="assets/bundle.js"></script>
  </head>
  <body><script type="module">import "./x.js";</script></body>
</html>
"""


def _sources(policy: str, directive: str) -> list[str]:
    for part in policy.split(";"):
        name, *sources = part.split()
        if name == directive:
            return sources
    raise AssertionError(f"{directive} ontbreekt in {policy}")


def test_hash_matches_the_example_in_the_csp_specification():
    # CSP Level 3, "Hash usage for script elements": alert('Hello, world.');
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_hash_of_an_empty_script_is_the_sha256_of_nothing():
    # printf '' | openssl dgst -sha256 -binary | base64
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    # Text is hashed as UTF-8: printf 'é' | openssl dgst -sha256 -binary | base64
    assert script_hash("é") == "'sha256-SplVfkAzw1Od4utlRyAXytX5VX96BiWgnxw/biumnEw='"


def test_only_executed_inline_scripts_are_hashed():
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./x.js";']


def test_data_blocks_and_external_scripts_get_no_hash():
    policy = content_security_policy(PAGE)
    assert _sources(policy, "script-src") == [
        "'self'", *sorted([script_hash("var a = 1;"), script_hash('import "./x.js";')])
    ]
    assert script_hash('{"@type": "Event"}') not in policy


def test_policy_allows_only_the_site_itself():
    policy = content_security_policy(PAGE)
    for part in policy.split(";"):
        _name, *sources = part.split()
        for source in sources:
            assert source in ("'self'", "'none'", "data:") or re.fullmatch(r"'sha256-[A-Za-z0-9+/]+={0,2}'", source), source
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert _sources(policy, "default-src") == ["'self'"]
    assert _sources(policy, "object-src") == ["'none'"]
    # Directives a meta tag cannot carry would only make the browser complain.
    assert "frame-ancestors" not in policy and "report-uri" not in policy and "sandbox" not in policy


def test_windows_line_endings_are_hashed_as_the_browser_reads_them():
    page = "<head><meta charset=utf-8><script>var a;\r\nvar b;\rvar c;</script></head>"
    assert inline_scripts(page) == ["var a;\nvar b;\nvar c;"]


def test_an_attribute_value_with_a_greater_than_sign_does_not_end_the_tag():
    page = '<head><script data-x="a>b">run();</script><script type=application/ld+json data-y=\'>\'>{}</script></head>'
    assert inline_scripts(page) == ["run();"]


def test_meta_tag_comes_right_after_the_charset_before_any_script():
    out = with_content_security_policy(PAGE)
    charset = out.index('<meta charset="utf-8">')
    meta = out.index('<meta http-equiv="Content-Security-Policy"')
    assert charset < meta < out.index("<script")
    assert out.count("Content-Security-Policy") == 1
    tag = out[meta:out.index(">", meta) + 1]
    assert out.replace("\n    " + tag, "") == PAGE  # nothing else in the page changed


def test_applying_twice_replaces_the_policy_with_fresh_hashes():
    once = with_content_security_policy(PAGE)
    changed = once.replace("var a = 1;", "var a = 2;")
    twice = with_content_security_policy(changed)
    assert twice.count("Content-Security-Policy") == 1
    assert script_hash("var a = 2;") in twice and script_hash("var a = 1;") not in twice


def test_without_a_charset_the_policy_follows_the_head_tag():
    out = with_content_security_policy("<html><head><title>x</title><script>1</script></head></html>")
    assert out.startswith('<html><head>\n    <meta http-equiv="Content-Security-Policy"')


def test_text_that_is_not_an_html_page_is_left_alone():
    sitemap = '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>'
    assert with_content_security_policy(sitemap) == sitemap


def test_rewrite_policy_changes_only_the_policy_text():
    page = with_content_security_policy(PAGE)
    policy = content_security_policy(PAGE)
    out = rewrite_policy(page, lambda old: old + "; upgrade-insecure-requests")
    assert out == page.replace(f'content="{policy}"', f'content="{policy}; upgrade-insecure-requests"')
    assert rewrite_policy(page, lambda old: old) == page


def test_rewrite_policy_finds_the_tag_however_it_is_written():
    seen = []
    page = "<head><META Content='a' HTTP-EQUIV=content-security-policy></head>"
    out = rewrite_policy(page, lambda old: seen.append(old) or "b; c")
    assert seen == ["a"]
    assert out == '<head><META content="b; c" HTTP-EQUIV=content-security-policy></head>'


def test_rewrite_policy_leaves_a_page_without_a_policy_alone():
    for page in ("<head><meta charset=utf-8></head>", '<head><meta http-equiv="refresh" content="5"></head>',
                 '<head><meta http-equiv="Content-Security-Policy"></head>'):
        assert rewrite_policy(page, lambda old: "changed") == page
