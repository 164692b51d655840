"""Per-layer settings the layer tree edits: scale ranges, and saving the whole layer state.

:class:`Layer` has no scale range yet, so it is kept here by layer name; the map asks
:meth:`LayerSettings.visible_at`. Visibility, opacity, order and scale ranges are saved in
QSettings (next to the window layout) and restored when a city's layers are loaded.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QObject, QSettings, Signal

from layers.layer_list import LayerList
from layers.maptools.layer_edit import move_layer

SETTINGS_KEY = "maptools/layers"


class LayerSettings(QObject):
    sig_changed = Signal()

    def __init__(self, layers: LayerList, settings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.layers = layers
        self._settings = settings or QSettings()
        self._scales: dict[str, tuple[float, float]] = {}

    def scale_range(self, name: str) -> tuple[float, float]:
        """``(min, max)`` scale denominators the layer shows between; 0 means no limit."""
        return self._scales.get(name, (0.0, 0.0))

    def set_scale_range(self, name: str, minimum: float, maximum: float) -> None:
        value = (max(0.0, float(minimum)), max(0.0, float(maximum)))
        if value != self.scale_range(name):
            self._scales[name] = value
            self.sig_changed.emit()

    def visible_at(self, layer, scale: float) -> bool:
        """Whether ``layer`` shows at 1:``scale`` (its own visibility and its scale range)."""
        low, high = self.scale_range(layer.name)
        return layer.visible and (not low or scale >= low) and (not high or scale <= high)

    def save(self) -> None:
        state = {"order": [layer.name for layer in self.layers], "layers": {
            layer.name: {"visible": layer.visible, "opacity": layer.opacity, "scale": list(self.scale_range(layer.name))}
            for layer in self.layers}}
        self._settings.setValue(SETTINGS_KEY, json.dumps(state, ensure_ascii=False))

    def restore(self) -> None:
        """Apply the saved state to the layers present (new layers keep their defaults)."""
        try:
            state = json.loads(self._settings.value(SETTINGS_KEY) or "{}")
        except (TypeError, ValueError):
            return
        by_name = {layer.name: layer for layer in self.layers}
        for name, values in state.get("layers", {}).items():
            if name in by_name:
                by_name[name].visible = values.get("visible", True)
                by_name[name].opacity = values.get("opacity", 1.0)
                self._scales[name] = tuple(values.get("scale", (0.0, 0.0)))
        saved = iter([by_name[name] for name in state.get("order", []) if name in by_name])
        known = set(state.get("order", []))
        target = [next(saved, layer) if layer.name in known else layer for layer in list(self.layers)]
        for position, layer in enumerate(target):
            move_layer(self.layers, layer, position)
        self.sig_changed.emit()
