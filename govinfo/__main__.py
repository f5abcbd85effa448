"""``python -m govinfo``."""

from govinfo.cli import run

run()
