"""Changing a :class:`LayerList` in place: insert, remove, move (the layers survive).

``LayerList.set_layers`` deletes the layers it replaces, so it cannot reorder or add one layer.
These functions use ``LayerList.insert/remove/move`` when the list has them; until then they
edit its list directly and announce the change with ``sig_reset``.
"""
from __future__ import annotations

from layers.base import Layer
from layers.layer_list import LayerList


def insert_layer(layers: LayerList, layer: Layer, index: int | None = None) -> None:
    """Put ``layer`` at ``index`` (bottom first; default: on top)."""
    index = len(layers) if index is None else index
    if hasattr(layers, "insert"):
        layers.insert(index, layer)
        return
    layer.setParent(layers)
    layers._layers.insert(index, layer)
    layers.sig_reset.emit()


def remove_layer(layers: LayerList, layer: Layer) -> None:
    """Take ``layer`` off the map without deleting it; a layer not in the list is ignored."""
    if hasattr(layers, "remove"):
        layers.remove(layer)
        return
    if layer in layers._layers:
        layers._layers.remove(layer)
        layer.setParent(None)
        layers.sig_reset.emit()


def move_layer(layers: LayerList, layer: Layer, index: int) -> None:
    """Move ``layer`` to ``index`` (bottom first, clamped to the list)."""
    index = max(0, min(index, len(layers) - 1))
    if layers.index(layer) == index:
        return
    if hasattr(layers, "move"):
        layers.move(layer, index)
        return
    layers._layers.remove(layer)
    layers._layers.insert(index, layer)
    layers.sig_reset.emit()
