"""Helpers for the web app's browser tests: a live server in a subprocess, Debian's chromium.

The server runs in its own process with its own ONSITE_HOME, so nothing the other tests
do to this process's environment or caches can reach it. Browser tests are skipped, with
the reason, where /usr/bin/chromium or playwright is missing; CI sets
ONSITE_TEST_REQUIRE_BROWSER=1 to make that a failure instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _missing_browser() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return None


def browser_or_skip() -> None:
    why = _missing_browser()
    if why is None:
        return
    if os.environ.get("ONSITE_TEST_REQUIRE_BROWSER") == "1":
        pytest.fail(f"ONSITE_TEST_REQUIRE_BROWSER=1 but {why}")
    pytest.skip(why)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """`onsite serve` in a subprocess; ``url`` is its address."""

    def __init__(self, home: Path, packs: list[Path], seed_attempts: int = 0):
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "ONSITE_HOME": str(home),
                    "ONSITE_PACKS": os.pathsep.join(str(p) for p in packs),
                    "ONSITE_WORKSPACE": str(home / "workspace"), "OMP_NUM_THREADS": "1"}
        self.env.pop("ONSITE_DATABASE_URL", None)
        home.mkdir(parents=True, exist_ok=True)
        self.log = (home / "server.log").open("w")
        code = ("import sys\n"
                "from onsite.web.server import serve\n"
                f"serve(port={self.port}, open_browser=False)\n")
        self.proc = subprocess.Popen([sys.executable, "-c", code], env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited: {(self.home / 'server.log').read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/static/onsite.css", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start in time")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="module")
def browser():
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def save_failure_artifacts(page, name: str) -> None:
    """A screenshot of the page a browser test failed on, for CI's artifacts."""
    folder = ARTIFACTS / "failures"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    except Exception:  # noqa: BLE001 - best effort: the real failure is what matters
        pass


def reset_artifacts(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
