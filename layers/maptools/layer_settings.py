"""Per-layer settings the layer tree edits: scale ranges, and saving the whole layer state.

Scale ranges live on the layer models (:attr:`Layer.scale_range`, honoured by the map canvas);
visibility, opacity, order and scale ranges are saved in QSettings (next to the window layout)
and restored when a city's layers are loaded.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QSettings, Signal

from layers.layer_list import LayerList

SETTINGS_KEY = "maptools/layers"


class LayerSettings(QObject):
    sig_changed = Signal()

    def __init__(self, layers: LayerList, settings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.layers = layers
        self._settings = settings or QSettings()

    def _layer(self, name: str):
        return next((layer for layer in self.layers if layer.name == name), None)

    def scale_range(self, name: str) -> tuple[float, float]:
        """``(min, max)`` scale denominators the layer shows between; 0 means no limit."""
        layer = self._layer(name)
        return layer.scale_range if layer is not None else (0.0, 0.0)

    def set_scale_range(self, name: str, minimum: float, maximum: float) -> None:
        layer = self._layer(name)
        value = (max(0.0, float(minimum)), max(0.0, float(maximum)))
        if layer is not None and value != layer.scale_range:
            layer.scale_range = value
            self.sig_changed.emit()

    @staticmethod
    def visible_at(layer, scale: float) -> bool:
        """Whether ``layer`` shows at 1:``scale`` (its own visibility and its scale range)."""
        return layer.shows_at(scale)

    def save(self) -> None:
        state = {
            "order": [layer.name for layer in self.layers],
            "layers": {
                layer.name: {
                    "visible": layer.visible,
                    "opacity": layer.opacity,
                    "scale": list(self.scale_range(layer.name)),
                }
                for layer in self.layers
            },
        }
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
                by_name[name].scale_range = tuple(values.get("scale", (0.0, 0.0)))
        saved = iter([by_name[name] for name in state.get("order", []) if name in by_name])
        known = set(state.get("order", []))
        target = [next(saved, layer) if layer.name in known else layer for layer in list(self.layers)]
        for position, layer in enumerate(target):
            self.layers.move(layer, position)
        self.sig_changed.emit()
