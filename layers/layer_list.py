"""The ordered layers of the map (bottom first), shared by the canvas and the layer panel."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Signal

from layers.base import Layer


class LayerList(QObject):
    """Owns the layers; emits :attr:`sig_reset` when the whole list is replaced."""

    sig_reset = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._layers: list[Layer] = []

    def set_layers(self, layers: Iterable[Layer]) -> None:
        for layer in self._layers:
            layer.deleteLater()
        self._layers = list(layers)
        for layer in self._layers:
            layer.setParent(self)
        self.sig_reset.emit()

    def __iter__(self) -> Iterator[Layer]:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def __getitem__(self, index: int) -> Layer:
        return self._layers[index]

    def index(self, layer: Layer) -> int:
        return self._layers.index(layer)

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """The union of all layers' bounds."""
        boxes = [b for b in (layer.bounds for layer in self._layers) if b is not None]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
