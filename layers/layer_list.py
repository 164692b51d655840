"""The ordered layers of the map (bottom first), shared by the canvas and the layer panel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Signal

from layers.base import Layer


class LayerList(QObject):
    """Owns the layers; an evented list (as napari's): each edit emits its own signal after it is made.

    :meth:`set_layers` replaces everything (a database was opened) and emits :attr:`sig_reset`;
    :meth:`insert`, :meth:`remove` and :meth:`move` change one layer and leave the others alone.
    """

    sig_reset = Signal()
    sig_inserted = Signal(int, object)  # index, layer
    sig_removed = Signal(int, object)  # index it had, layer
    sig_moved = Signal(int, int)  # from index, to index

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._layers: list[Layer] = []

    def set_layers(self, layers: Iterable[Layer]) -> None:
        """Replace every layer; the replaced ones are deleted."""
        for layer in self._layers:
            layer.deleteLater()
        self._layers = list(layers)
        for layer in self._layers:
            layer.setParent(self)
        self.sig_reset.emit()

    def insert(self, index: int, layer: Layer) -> None:
        """Put ``layer`` at ``index`` (bottom first, clamped to the list)."""
        index = max(0, min(index, len(self._layers)))
        layer.setParent(self)
        self._layers.insert(index, layer)
        self.sig_inserted.emit(index, layer)

    def remove(self, layer: Layer) -> None:
        """Take ``layer`` off the map without deleting it; a layer not in the list is ignored."""
        if layer not in self._layers:
            return
        index = self._layers.index(layer)
        del self._layers[index]
        layer.setParent(None)
        self.sig_removed.emit(index, layer)

    def move(self, layer: Layer, index: int) -> None:
        """Move ``layer`` to ``index`` (bottom first, clamped to the list)."""
        index = max(0, min(index, len(self._layers) - 1))
        old = self._layers.index(layer)
        if old == index:
            return
        self._layers.insert(index, self._layers.pop(old))
        self.sig_moved.emit(old, index)

    def __iter__(self) -> Iterator[Layer]:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def __getitem__(self, index: int) -> Layer:
        return self._layers[index]

    def __contains__(self, layer: object) -> bool:
        return layer in self._layers

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
