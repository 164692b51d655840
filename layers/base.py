"""The layer model every map layer shares: a name, visibility and opacity, and one data signal (QtCore only)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Layer(QObject):
    """A named map layer; views subscribe to its two signals and never write back.

    :attr:`sig_changed` announces a property (name, visibility, opacity, scale range);
    :attr:`sig_data_changed` announces new data, with the lon/lat box ``(min_lon, min_lat,
    max_lon, max_lat)`` it touches or None for everything, so a map redraws only that box.
    """

    sig_changed = Signal()
    sig_data_changed = Signal(object)

    def __init__(self, name: str, *, visible: bool = True, opacity: float = 1.0, parent: QObject | None = None):
        super().__init__(parent)
        self._name = name
        self._visible = visible
        self._opacity = opacity
        self._scale_range = (0.0, 0.0)

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        self._set("_name", value)

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        self._set("_visible", bool(value))

    @property
    def opacity(self) -> float:
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        self._set("_opacity", min(1.0, max(0.0, float(value))))

    @property
    def scale_range(self) -> tuple[float, float]:
        """``(min, max)`` scale denominators the layer shows between (1:min … 1:max); 0 means no limit."""
        return self._scale_range

    @scale_range.setter
    def scale_range(self, value: tuple[float, float]) -> None:
        self._set("_scale_range", (float(value[0]), float(value[1])))

    def shows_at(self, scale: float) -> bool:
        """Visible, and 1:``scale`` within the layer's scale range."""
        low, high = self._scale_range
        return self._visible and (not low or scale >= low) and (not high or scale <= high)

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """``(min_lon, min_lat, max_lon, max_lat)`` of the layer's data, or None when empty."""
        return None

    def _set(self, attribute: str, value) -> None:
        if getattr(self, attribute) != value:
            setattr(self, attribute, value)
            self.sig_changed.emit()
