"""The real content: every card and webinar in the repository passes `praktijkbank check`.

Warnings may stay (a source page that shows no date), errors may not. The check runs on the
real date, as a contributor's check does.
"""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT


def test_the_real_cards_and_webinars_pass_the_check_without_errors():
    env = {k: v for k, v in os.environ.items() if k != "PRAKTIJKBANK_TODAY"}
    result = subprocess.run([sys.executable, "-m", "praktijkbank.cli", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    lines = result.stdout.strip().split("\n")
    errors = [line for line in lines[:-1] if ": let op: " not in line]
    assert result.returncode == 0 and not errors, "\n".join(errors) or result.stdout + result.stderr
    cards, webinars = len(list((ROOT / "practices").glob("*.md"))), len(list((ROOT / "webinars").glob("*.md")))
    assert lines[-1].startswith(f"{cards + webinars} bestanden gecontroleerd: alles in orde"), lines[-1]


def test_no_real_card_uses_a_renamed_value():
    result = subprocess.run([sys.executable, "-m", "praktijkbank.cli", "check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert " heet nu " not in result.stdout, result.stdout
