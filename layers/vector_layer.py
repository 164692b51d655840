"""Vector features (shapely arrays, lon/lat) drawn with one symbol per category."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QObject

from layers.base import Layer

BBox = tuple[float, float, float, float]


def union_bbox(*boxes: BBox | None) -> BBox | None:
    """The box around every non-empty ``(min_lon, min_lat, max_lon, max_lat)``."""
    boxes = [b for b in boxes if b is not None and np.all(np.isfinite(b))]
    if not boxes:
        return None
    b = np.asarray(boxes, dtype=float)
    return float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())


def geometry_bbox(geometries: np.ndarray) -> BBox | None:
    if not len(geometries):
        return None
    b = shapely.bounds(np.asarray(geometries, dtype=object))
    return union_bbox((np.nanmin(b[:, 0]), np.nanmin(b[:, 1]), np.nanmax(b[:, 2]), np.nanmax(b[:, 3])))


@dataclass(frozen=True)
class Symbol:
    """How a category is drawn; colours are ``#rrggbb`` or ``#aarrggbb`` strings."""

    fill: str | None = None
    stroke: str | None = None
    stroke_px: float = 1.0  # outline / line width in screen pixels (the minimum when width_m is set)
    width_m: float = 0.0  # line width on the ground, so roads widen as the map zooms in
    size_px: float = 3.0  # point diameter in pixels (the maximum when size_m is set)
    size_m: float = 0.0  # point diameter on the ground, so dense points thin out at city scale


@dataclass(frozen=True)
class LabelStyle:
    """Labels of a layer: shown from ``min_zoom`` to ``max_zoom`` (XYZ levels) where they fit."""

    colour: str
    halo: str
    size_px: int
    min_zoom: int
    max_zoom: int = 22


class VectorLayer(Layer):
    """Features with a category each (zone type, road class …), optionally keyed and labelled.

    :attr:`sig_data_changed` carries the lon/lat box of the change (None: everything), so the
    map re-renders only the tiles it touches.
    """

    def __init__(
        self,
        name: str,
        symbols: dict[str, Symbol],
        default_symbol: Symbol,
        *,
        table: str | None = None,
        label_style: LabelStyle | None = None,
        base_map: bool = False,
        visible: bool = True,
        opacity: float = 1.0,
        parent: QObject | None = None,
    ):
        super().__init__(name, visible=visible, opacity=opacity, parent=parent)
        self.symbols = symbols
        self.default_symbol = default_symbol
        self.table = table  # the storage table the keys refer to (selection, identify)
        self.label_style = label_style
        self.base_map = base_map  # part of the base map, which QGIS draws when it is available
        self.geometries = np.empty(0, dtype=object)
        self.categories = np.empty(0, dtype=object)
        self.keys = np.empty(0, dtype=object)
        self.labels: np.ndarray | None = None

    def set_features(self, geometries: np.ndarray, categories: np.ndarray, keys=None, labels=None) -> None:
        """Replace all features; ``categories[i]`` picks the symbol of ``geometries[i]``."""
        if len(geometries) != len(categories):
            raise ValueError("geometries and categories differ in length")
        self.geometries = np.asarray(geometries, dtype=object)
        self.categories = np.asarray(categories, dtype=object)
        self.keys = np.asarray(keys if keys is not None else np.arange(len(geometries)), dtype=object)
        self.labels = None if labels is None else np.asarray(labels, dtype=object)
        self.sig_data_changed.emit(None)

    def replace_features(self, indices, geometries: np.ndarray, categories: np.ndarray | None = None) -> None:
        """Change some features in place; the change signal carries the old and new extent."""
        indices = np.asarray(indices, dtype=int)
        geometries = np.asarray(geometries, dtype=object)
        changed = union_bbox(geometry_bbox(self.geometries[indices]), geometry_bbox(geometries))
        self.geometries = self.geometries.copy()
        self.geometries[indices] = geometries
        if categories is not None:
            self.categories = self.categories.copy()
            self.categories[indices] = categories
        self.sig_data_changed.emit(changed)

    def __len__(self) -> int:
        return len(self.geometries)

    @property
    def bounds(self) -> BBox | None:
        return geometry_bbox(self.geometries)

    def groups(self) -> Iterator[tuple[Symbol, np.ndarray]]:
        """``(symbol, geometries)`` per category, in sorted category order."""
        if not len(self.geometries):
            return
        keys, inverse = np.unique(self.categories.astype(str), return_inverse=True)
        for index, key in enumerate(keys):
            yield self.symbols.get(key, self.default_symbol), self.geometries[inverse == index]
