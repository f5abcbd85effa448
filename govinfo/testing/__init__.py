"""Helpers for testing govinfo and its plugins (they need the ``test`` extra: hypothesis).

- :func:`registered`: register a throwaway plugin on a fresh manager for one test.
- :mod:`govinfo.testing.strategies`: hypothesis strategies for valid and corrupted documents.
"""

from __future__ import annotations

from govinfo.testing import strategies
from govinfo.testing.plugins import registered

__all__ = ["registered", "strategies"]
