"""CONTRIBUTING.md and the Bijdragen page: the form on the site first, then the issue form, then git;
'u'-Dutch throughout; who decides and when a contributor hears something."""

from __future__ import annotations

import re

import pytest

from support import ROOT

PAGES = [ROOT / "CONTRIBUTING.md", ROOT / "docs" / "bijdragen" / "index.md"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_addresses_the_reader_as_u(path):
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)  # commands aside
    informal = re.findall(r"\b(je|jij|jou|jouw|jezelf)\b", text, re.IGNORECASE)
    assert not informal, informal


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_leads_with_the_site_form_then_the_issue_form_then_git(path):
    text = path.read_text(encoding="utf-8")
    site_form = text.index("Praktijk aanmelden")
    issue_form = text.index("praktijkvoorbeeld-aanmelden.yml")
    git = text.index("CONTRIBUTING.md" if path.name == "index.md" else "Op uw eigen computer")
    assert site_form < issue_form < git


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_says_who_decides_and_when_there_is_an_answer(path):
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert "binnen twee weken" in text
    assert "De redactie (de beheerders van de Praktijkbank)" in text
    assert "beslissen of een kaart wordt opgenomen" in text
