"""Measuring on the map: distances and areas as Chinese text, and a measuring session model."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.domain.geodesy import path_length, polygon_area

_HECTARE = 10_000.0
_KM2 = 1_000_000.0


def format_distance(metres: float) -> str:
    if metres < 1000:
        return QCoreApplication.translate("Measure", "{0:.1f} m").format(metres)
    return QCoreApplication.translate("Measure", "{0:.3f} km").format(metres / 1000)


def format_area(square_metres: float) -> str:
    if square_metres < _HECTARE:
        return QCoreApplication.translate("Measure", "{0:.1f} m²").format(square_metres)
    if square_metres < _KM2:
        return QCoreApplication.translate("Measure", "{0:.2f} ha").format(square_metres / _HECTARE)
    return QCoreApplication.translate("Measure", "{0:.3f} km²").format(square_metres / _KM2)


class MeasureSession(QObject):
    """The points clicked so far plus the point under the cursor (the rubber band's free end)."""

    sig_changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._area = False
        self._points: list[tuple[float, float]] = []
        self._hover: tuple[float, float] | None = None
        self._finished = False

    def start(self, area: bool) -> None:
        """Begin an empty distance (or area) measurement."""
        self._area = area
        self.clear()

    @property
    def area_mode(self) -> bool:
        return self._area

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def points(self) -> list[tuple[float, float]]:
        return list(self._points)

    def add_point(self, lon: float, lat: float) -> None:
        """Add a vertex; after :meth:`finish` the next click starts a new measurement."""
        if self._finished:
            self._points, self._finished = [], False
        self._points.append((lon, lat))
        self.sig_changed.emit()

    def set_hover(self, lon: float, lat: float) -> None:
        if self._points and not self._finished:
            self._hover = (lon, lat)
            self.sig_changed.emit()

    def finish(self) -> None:
        self._finished, self._hover = True, None
        self.sig_changed.emit()

    def clear(self) -> None:
        self._points, self._hover, self._finished = [], None, False
        self.sig_changed.emit()

    def outline(self) -> np.ndarray:
        """``(n, 2)`` lon/lat of what is drawn: the vertices plus the hover point."""
        points = self._points + ([self._hover] if self._hover is not None else [])
        return np.asarray(points, dtype=float).reshape(-1, 2)

    def total(self) -> float:
        """Metres along the line, or square metres inside the polygon (hover point included)."""
        xy = self.outline()
        return polygon_area(xy[:, 0], xy[:, 1]) if self._area else path_length(xy[:, 0], xy[:, 1])

    def total_text(self) -> str:
        xy = self.outline()
        if self._area:
            return QCoreApplication.translate("Measure", "Area {area} · perimeter {perimeter}").format(
                area=format_area(self.total()),
                perimeter=format_distance(path_length(*np.vstack([xy, xy[:1]]).T) if len(xy) > 2 else 0.0),
            )
        return QCoreApplication.translate("Measure", "Length {0}").format(format_distance(self.total()))
