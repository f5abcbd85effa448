from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def beijing() -> object:
    from beijing2021 import build

    return build()


def ocr_installed() -> bool:
    """Whether the ``ocr`` extra is installed (CI installs it: its tests are required there)."""
    from govinfo_plugins.ocr.engine import available

    return available()


#: The tests that recognise pictures: skipped without the ``ocr`` extra, except where
#: GOVINFO_OCR_TESTS=required (as CI sets it), where its absence fails them.
def require_ocr() -> None:
    if ocr_installed():
        return
    if os.environ.get("GOVINFO_OCR_TESTS") == "required":
        pytest.fail("the ocr extra is required for these tests: pip install -e '.[test,ocr]'")
    pytest.skip("the ocr extra is not installed")
