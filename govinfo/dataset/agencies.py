"""Agency names matched across years.

A name as printed is *normalised* (folded as labels are: full-width forms, spaces, case; the
year and the title's own words a title leaves behind, ``2021年度``, ``关于``, ``政府信息公开工作
年度报告``, taken out), then *renamed* by the mapping a user keeps in a TOML file: an agency
known by several names over the years is matched under one.

.. code-block:: toml

    # name as printed (or normalised) = the name to match it under
    [renamed]
    "平潭综合实验区国有资产管理局" = "平潭综合实验区国资委"
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from govinfo.errors import InputError
from govinfo.statute.kinds import TITLE_ENDINGS
from govinfo.text import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: What a title leaves around an agency's name: a lead-in, the year, the title's ending.
_NOISE = re.compile(
    "|".join(
        (
            r"关于",
            r"[12][0-9]{3}年?度?",
            *(f"(?:{ending})" for ending in TITLE_ENDINGS.values()),
            r"年度",
            r"报告$",
            r"的$",
        )
    )
)


def normalise(name: str) -> str:
    """The name folded, without the noise a title leaves in it ('' if nothing is left)."""
    folded = fold(name)
    while True:
        cleaned = _NOISE.sub("", folded)
        if cleaned == folded:
            return cleaned
        folded = cleaned


@attrs.frozen
class AgencyMap:
    """Renamings (normalised name → normalised name), and where they were read from."""

    renamed: Mapping[str, str] = attrs.field(factory=dict)
    path: str | None = None

    @classmethod
    def load(cls, path: str | Path | None) -> AgencyMap:
        """The mapping in a TOML file (none: no renamings)."""
        if path is None:
            return cls()
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{path}: not a TOML file: {exc}") from None
        table = data.get("renamed", {})
        unknown = sorted(set(data) - {"renamed"})
        if unknown or not isinstance(table, dict):
            raise InputError(f"{path}: expected one table, [renamed], got {unknown or table!r}")
        renamed: dict[str, str] = {}
        for old, new in table.items():
            if not isinstance(new, str) or not normalise(new) or not normalise(old):
                raise InputError(f"{path}: [renamed] {old!r}: expected a name, got {new!r}")
            if normalise(old) != normalise(new):
                renamed[normalise(old)] = normalise(new)
        for start in renamed:
            seen = [start]
            while seen[-1] in renamed:
                seen.append(renamed[seen[-1]])
                if seen[-1] in seen[:-1]:
                    raise InputError(f"{path}: [renamed] goes in a circle: {' → '.join(seen)}")
        return cls(renamed, str(path))

    def key(self, name: str | None) -> str | None:
        """The name an agency is matched under; None for a document that names none."""
        if name is None:
            return None
        key = normalise(name)
        while key in self.renamed:
            key = self.renamed[key]
        return key or None

    @property
    def digest(self) -> str:
        """What the matching depends on: when it changes, every agency is matched again."""
        text = "\n".join(f"{old}\t{new}" for old, new in sorted(self.renamed.items()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@attrs.frozen
class Agency:
    """An agency as the database matches it: the names its documents print, the years it
    reports on, and the renamings that brought names to it."""

    key: str
    names: tuple[str, ...]
    years: tuple[int, ...]
    documents: int
    renamed: tuple[str, ...]


def listing(rows: Iterable[tuple[str, str | None, int | None]], mapping: AgencyMap) -> list[Agency]:
    """The agencies of ``(agency_key, agency as printed, year)`` rows, by key."""
    by_key: dict[str, tuple[dict[str, None], set[int], list[int]]] = {}
    for key, name, year in rows:
        names, years, count = by_key.setdefault(key, ({}, set(), [0]))
        if name is not None:
            names[name] = None
        if year is not None:
            years.add(year)
        count[0] += 1
    out = []
    for key, (names, years, count) in sorted(by_key.items()):
        renamed = tuple(sorted({normalise(n) for n in names} - {key}))
        out.append(Agency(key, tuple(names), tuple(sorted(years)), count[0], renamed))
    return out
