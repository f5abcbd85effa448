"""Pages printed to PDF by headless Chromium (Debian's ``chromium``), as a browser prints them.

Without Chromium the tests that need it are skipped, unless ``GOVINFO_BROWSER_TESTS=required``
(as CI sets it): then they fail.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("GOVINFO_BROWSER_TESTS") == "required"


@functools.cache
def _chinese_fonts() -> bool:
    """Whether fontconfig has a font for Chinese (without one the pages print as boxes)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True  # no fontconfig to ask: let the browser try
    found = subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def browser() -> str:
    """The browser's path; skips the test without one or without a Chinese font (fails it
    when the browser tests are required)."""
    missing = "chromium" if BROWSER is None else "a Chinese font" if not _chinese_fonts() else None
    if missing is not None:
        if REQUIRED:
            pytest.fail(f"GOVINFO_BROWSER_TESTS=required but {missing} is not installed")
        pytest.skip(f"no {missing} (apt-get install chromium fonts-wqy-microhei)")
    assert BROWSER is not None
    return BROWSER


def print_pdf(html: str, target: Path, *, header_footer: bool = True) -> bytes:
    """The page printed to ``target``; ``header_footer``: Chromium's own date, title, URL and
    page number lines on every page."""
    with tempfile.TemporaryDirectory() as profile:
        page = Path(profile, "page.html")
        page.write_text(html, encoding="utf-8")
        command = [
            browser(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={profile}/user", f"--print-to-pdf={target}",
        ]  # fmt: skip
        if not header_footer:
            command.append("--no-pdf-header-footer")
        subprocess.run([*command, page.as_uri()], check=True, capture_output=True, timeout=120)
    return target.read_bytes()
