"""Drive Debian's Firefox (``firefox-esr``) headless through Marionette, its built-in remote protocol.

Playwright's Firefox is a patched build it downloads, which cannot work here;
Debian's Firefox speaks Marionette: JSON messages ``length:[0, id, command, params]``
over a local TCP socket. The few WebDriver commands the tests need fit in this file.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

FIREFOX = os.environ.get("PRAKTIJKBANK_FIREFOX", "firefox-esr")

# A quiet profile: no update checks, telemetry or portal probes while the tests run.
_PREFERENCES = {
    "app.update.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "intl.accept_languages": "nl-NL",
}


def firefox_path() -> str | None:
    return shutil.which(FIREFOX)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Firefox:
    """One headless Firefox with a fresh profile, and a Marionette session in it."""

    def __init__(self, profile: Path) -> None:
        port = _free_port()
        profile.mkdir(parents=True, exist_ok=True)
        prefs = dict(_PREFERENCES, **{"marionette.port": port})
        (profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()), encoding="utf-8")
        self._process = subprocess.Popen(
            [firefox_path(), "--headless", "--marionette", "--no-remote", "--profile", str(profile)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._socket = self._connect(port)
        self._buffer = b""
        self._id = 0
        self._receive()  # the server's greeting
        self.command("WebDriver:NewSession", {"capabilities": {}})

    def _connect(self, port: int) -> socket.socket:
        deadline = time.monotonic() + 60
        while True:
            try:
                return socket.create_connection(("127.0.0.1", port), timeout=60)
            except OSError:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    raise RuntimeError("Firefox startte niet met Marionette") from None
                time.sleep(0.2)

    def _read(self) -> bytes:
        data = self._socket.recv(65536)
        if not data:
            raise OSError("Firefox closed the Marionette connection")
        return data

    def _receive(self):
        while b":" not in self._buffer:
            self._buffer += self._read()
        size, rest = self._buffer.split(b":", 1)
        while len(rest) < int(size):
            rest += self._read()
        message, self._buffer = rest[:int(size)], rest[int(size):]
        return json.loads(message)

    def command(self, name: str, params: dict | None = None):
        self._id += 1
        data = json.dumps([0, self._id, name, params or {}]).encode("utf-8")
        self._socket.sendall(str(len(data)).encode("ascii") + b":" + data)
        while True:
            kind, number, error, result = self._receive()
            if kind == 1 and number == self._id:
                if error:
                    raise RuntimeError(f"{name}: {error}")
                return result

    def open(self, url: str) -> None:
        self.command("WebDriver:Navigate", {"url": url})

    def js(self, script: str, *args):
        return self.command("WebDriver:ExecuteScript", {"script": script, "args": list(args)})["value"]

    def wait_for(self, script: str, *args, timeout: float = 20):
        """Run ``script`` until it returns something truthy; that value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(script, *args)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.2)

    def quit(self) -> None:
        try:
            self.command("Marionette:Quit")
        except (OSError, RuntimeError):
            pass
        self._socket.close()
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._process.kill()
