"""The database as files (Parquet, CSV: one file per table, one header each) and as pandas
DataFrames.

Cells come in the csv reporter's layout (``cells_tidy``: its columns first, then the
document's number and matched agency); findings with their documents' paths and the
reviewer's decision (``findings_tidy``).  Files are written a slice of rows at a time, so a
database of any size exports in the same memory.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from govinfo_plugins.csv_format import COLUMNS

from govinfo.dataset.store import Store
from govinfo.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

#: Rows fetched and written at a time.
SLICE = 50_000
FORMATS = ("parquet", "csv")

#: The csv reporter's columns, quoted (three of them are SQL words).
_CSV_COLUMNS = tuple(f'"{c}"' for c in COLUMNS)


@attrs.frozen
class Export:
    """One file of an export: its name and the query that fills it."""

    name: str
    select: str


EXPORTS: tuple[Export, ...] = (
    Export("documents", "SELECT * FROM documents ORDER BY id"),
    Export("sections", "SELECT * FROM sections ORDER BY document_id, position"),
    Export(
        "cells",
        f"SELECT {', '.join(_CSV_COLUMNS)}, document_id, agency_key FROM cells_tidy "
        "ORDER BY document_id, position",
    ),
    Export(
        "findings",
        "SELECT * FROM findings_tidy ORDER BY scope DESC, agency_key, year, document_id, id",
    ),
    Export("errors", "SELECT * FROM errors ORDER BY path"),
)

#: Columns that hold whole numbers (the rest are text, or numbers with a fraction).
_INTEGERS = frozenset(
    {"id", "document_id", "other_document_id", "year", "size", "line", "char_offset", "page",
     "printed", "position"}
)  # fmt: skip
_NUMBERS = frozenset({"value", "expected", "actual", "difference", "required"})


def _rows(store: Store, export: Export) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    cursor = store.connection.execute(export.select)
    names = [d[0] for d in cursor.description]

    def slices() -> Iterator[list[tuple[Any, ...]]]:
        while rows := cursor.fetchmany(SLICE):
            yield rows

    return names, slices()


def write_csv(store: Store, folder: Path) -> list[Path]:
    written = []
    for export in EXPORTS:
        target = folder / f"{export.name}.csv"
        names, slices = _rows(store, export)
        with open(target, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(names)
            for rows in slices:
                writer.writerows(rows)
        written.append(target)
    return written


def write_parquet(store: Store, folder: Path) -> list[Path]:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise InputError("--to parquet needs pyarrow: pip install 'govinfo-cn[parquet]'") from None
    written = []
    for export in EXPORTS:
        target = folder / f"{export.name}.parquet"
        names, slices = _rows(store, export)
        schema = pa.schema([(n, _arrow_type(pa, n)) for n in names])
        with pq.ParquetWriter(target, schema) as writer:
            for rows in slices:
                columns = list(zip(*rows, strict=True))
                arrays = [
                    pa.array([_cast(v, n) for v in column], type=schema.field(n).type)
                    for n, column in zip(names, columns, strict=True)
                ]
                writer.write_batch(pa.record_batch(arrays, schema=schema))
        written.append(target)
    return written


def _arrow_type(pa: Any, name: str) -> Any:
    if name in _INTEGERS:
        return pa.int64()
    return pa.float64() if name in _NUMBERS else pa.string()


def _cast(value: Any, name: str) -> Any:
    if value is None:
        return None
    if name in _NUMBERS:
        return float(value)
    if name in _INTEGERS:
        return int(value)
    return value if isinstance(value, str) else str(value)


def targets(to: str, folder: str | os.PathLike[str]) -> list[Path]:
    """The files an export to ``folder`` writes, one per table."""
    suffix = ".parquet" if to == "parquet" else ".csv"
    return [Path(folder) / f"{e.name}{suffix}" for e in EXPORTS]


def refuse_existing(to: str, folder: str | os.PathLike[str], force: bool = False) -> None:
    """Refuse an export that would write over a file already there (unless ``force``), or
    into something that is not a folder."""
    if to not in FORMATS:
        raise InputError(f"--to {to}: expected one of {', '.join(FORMATS)}")
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: exists and is not a folder")
    for path in targets(to, folder):
        if path.is_dir() or (path.exists() and not path.is_file()):
            raise InputError(f"{path}: exists and is not a file; it is never written over")
        if path.exists() and not force:
            raise InputError(f"{path}: exists; use --force to overwrite it")


def export(
    store: Store, to: str, folder: str | os.PathLike[str], *, force: bool = False
) -> list[Path]:
    """Write the database to ``folder`` as Parquet or CSV files, one per table; a file
    already there is refused (before anything is written) unless ``force``."""
    refuse_existing(to, folder, force)
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
        return write_parquet(store, target) if to == "parquet" else write_csv(store, target)
    except OSError as exc:
        raise InputError(
            f"{exc.filename or target}: cannot be written ({exc.strerror or exc})"
        ) from None


def _frame(database: str | os.PathLike[str], name: str) -> pd.DataFrame:
    try:
        import pandas as pd
    except ImportError:
        raise InputError("DataFrames need pandas: pip install 'govinfo-cn[pandas]'") from None
    chosen = next(e for e in EXPORTS if e.name == name)
    with Store.open(database, create=False) as store:
        return pd.read_sql_query(chosen.select, store.connection)


def cells(database: str | os.PathLike[str]) -> pd.DataFrame:
    """Every stored cell, one row each, in the csv reporter's columns (then document_id and
    agency_key)."""
    return _frame(database, "cells")


def findings(database: str | os.PathLike[str]) -> pd.DataFrame:
    """Every stored finding with its documents' paths and the reviewer's decision."""
    return _frame(database, "findings")
