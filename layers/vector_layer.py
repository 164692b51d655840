"""Vector features (shapely arrays, lon/lat) drawn with one symbol per category."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QObject, Signal

from layers.base import Layer


@dataclass(frozen=True)
class Symbol:
    """How a category is drawn; colours are ``#rrggbb`` or ``#aarrggbb`` strings."""

    fill: str | None = None
    stroke: str | None = None
    stroke_px: float = 1.0  # outline / line width in screen pixels (the minimum when width_m is set)
    width_m: float = 0.0  # line width on the ground, so roads widen as the map zooms in
    size_px: float = 3.0  # point diameter in pixels (the maximum when size_m is set)
    size_m: float = 0.0  # point diameter on the ground, so dense points thin out at city scale


class VectorLayer(Layer):
    """Features with a category each (zone type, road class, component major class …)."""

    sig_data_changed = Signal()

    def __init__(
        self,
        name: str,
        symbols: dict[str, Symbol],
        default_symbol: Symbol,
        *,
        visible: bool = True,
        opacity: float = 1.0,
        parent: QObject | None = None,
    ):
        super().__init__(name, visible=visible, opacity=opacity, parent=parent)
        self.symbols = symbols
        self.default_symbol = default_symbol
        self.geometries = np.empty(0, dtype=object)
        self.categories = np.empty(0, dtype=object)

    def set_features(self, geometries: np.ndarray, categories: np.ndarray) -> None:
        """Replace all features; ``categories[i]`` picks the symbol of ``geometries[i]``."""
        if len(geometries) != len(categories):
            raise ValueError("geometries and categories differ in length")
        self.geometries = np.asarray(geometries, dtype=object)
        self.categories = np.asarray(categories, dtype=object)
        self.sig_data_changed.emit()

    def __len__(self) -> int:
        return len(self.geometries)

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        if not len(self.geometries):
            return None
        b = shapely.bounds(self.geometries)
        return float(np.nanmin(b[:, 0])), float(np.nanmin(b[:, 1])), float(np.nanmax(b[:, 2])), float(np.nanmax(b[:, 3]))

    def groups(self) -> Iterator[tuple[Symbol, np.ndarray]]:
        """``(symbol, geometries)`` per category, in sorted category order."""
        if not len(self.geometries):
            return
        keys, inverse = np.unique(self.categories.astype(str), return_inverse=True)
        for index, key in enumerate(keys):
            yield self.symbols.get(key, self.default_symbol), self.geometries[inverse == index]
