"""The iframe-worker shim in the offline bundle is exactly the pinned npm package's file.

scripts/test.sh installs tools/axe with ``npm ci`` (integrity-checked against
package-lock.json); the copy in src/praktijkbank/offline/vendor must match it
byte for byte, licence included, and the version must be the one pinned.
"""

from __future__ import annotations

import json

import pytest

from praktijkbank.offline import worker_shim
from support import ROOT

NPM_DIR = ROOT / "tools" / "axe"
PACKAGE = NPM_DIR / "node_modules" / "iframe-worker"


@pytest.fixture(scope="module")
def installed():
    if not (PACKAGE / "package.json").is_file():
        pytest.fail(f"iframe-worker ontbreekt ({PACKAGE}); 'bash scripts/test.sh' installeert het met npm ci")
    return PACKAGE


def test_version_is_pinned_exactly_in_package_json_and_lock():
    declared = json.loads((NPM_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((NPM_DIR / "package-lock.json").read_text(encoding="utf-8"))
    assert declared["devDependencies"]["iframe-worker"] == worker_shim.VERSION
    locked = lock["packages"]["node_modules/iframe-worker"]
    assert locked["version"] == worker_shim.VERSION
    assert locked["integrity"].startswith("sha512-") and locked["license"] == "MIT"


def test_vendored_shim_and_licence_are_the_packages_own(installed):
    meta = json.loads((installed / "package.json").read_text(encoding="utf-8"))
    assert meta["version"] == worker_shim.VERSION
    assert worker_shim.SHIM_FILE.read_bytes() == (installed / "shim" / "index.js").read_bytes()
    assert worker_shim.LICENSE_FILE.read_bytes() == (installed / "LICENSE").read_bytes()


def test_the_shim_still_has_the_iframe_script_we_allow():
    # A new version that writes its iframe differently must fail here, not in a workshop.
    script = worker_shim.bootstrap_script("w.js")
    assert "importScripts=function" in script and 'filename:"w.js"' in script
