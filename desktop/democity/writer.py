"""Writing the generated city: a staging file renamed into place, and chunked bulk inserts."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop.democity.projection import to_lonlat
from desktop.storage.geometry import bulk_geometry_columns

CHUNK = 20_000


class DemoCityError(RuntimeError):
    """The demo city cannot be generated; ``str()`` is a Chinese message."""


def _sqlite_family(path: Path) -> list[Path]:
    return [
        path,
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
        path.with_name(path.name + "-journal"),
    ]


def staging_path(out: Path, force: bool) -> Path:
    """The file to build in; refuses an existing ``out`` unless ``force``."""
    if out.exists() and not force:
        raise DemoCityError(f"目标文件“{out}”已存在；如需覆盖请加 --force")
    if out.exists() and not out.is_file():
        raise DemoCityError(f"目标“{out}”不是文件")
    staging = out.with_name(f".{out.name}.partial")
    discard(staging)
    out.parent.mkdir(parents=True, exist_ok=True)
    return staging


def discard(staging: Path) -> None:
    """Remove a half-written staging file."""
    for path in _sqlite_family(staging):
        path.unlink(missing_ok=True)


def publish(staging: Path, out: Path) -> None:
    """Move the finished staging file to ``out`` (replacing an old one and its WAL files)."""
    for path in _sqlite_family(out)[1:] + _sqlite_family(staging)[1:]:
        path.unlink(missing_ok=True)
    os.replace(staging, out)


def chunks(rows: Iterable[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert_rows(session: Session, model, rows: Iterable[dict]) -> int:
    """Bulk-insert ``rows`` (Core executemany in chunks); returns how many."""
    count = 0
    for batch in chunks(rows):
        session.execute(insert(model.__table__), batch)
        count += len(batch)
    return count


def with_geometry(rows: Iterable[dict], local_geoms: np.ndarray) -> Iterator[dict]:
    """Rows extended with the geometry columns of local geometries, or of points given as an
    (n, 2) coordinate array; converted chunk by chunk so millions of points stay cheap."""
    rows = iter(rows)
    points = local_geoms.dtype != object
    for start in range(0, len(local_geoms), CHUNK):
        part = local_geoms[start : start + CHUNK]
        columns = bulk_geometry_columns(to_lonlat(shapely.points(part) if points else part))
        for geometry, row in zip(columns, rows):  # columns first: zip must not swallow a row
            yield {**row, **geometry}
