"""Query results as numpy columns: what the core hands the map's layers instead of ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely


@dataclass(frozen=True)
class Shapes:
    """Geometries with a category each (what picks the symbol), optional keys and labels."""

    geometries: np.ndarray
    categories: np.ndarray
    keys: np.ndarray | None = None
    labels: np.ndarray | None = None


@dataclass(frozen=True)
class Points:
    """Point rows: keys, longitude and latitude, and further columns by name."""

    keys: np.ndarray
    x: np.ndarray
    y: np.ndarray
    columns: dict[str, object] = field(default_factory=dict)


def columns(conn, statement) -> list[np.ndarray]:
    """One object array per selected column (empty arrays when there are no rows)."""
    rows = conn.execute(statement).all()
    width = len(statement.selected_columns)
    if not rows:
        return [np.empty(0, dtype=object) for _ in range(width)]
    return [np.asarray(column, dtype=object) for column in zip(*rows)]


def shapes(conn, statement) -> Shapes:
    """:class:`Shapes` from a select of ``(geom_wkb, category)``; rows without geometry dropped."""
    wkb, categories = columns(conn, statement.where(statement.selected_columns[0].is_not(None)))
    return Shapes(shapely.from_wkb(wkb), categories)
