"""Which painter draws which layer type: a registry the map canvas looks layers up in.

The canvas (and a plugin) registers a factory per layer type; a layer finds the factory of its
own type or, walking its MRO, of the nearest base type. A ``tiled`` factory builds an immutable
snapshot of the layer that tile workers paint (``paint(painter, frame, labels)``) and is called
again whenever the layer's data change; the others build a live painter once, which draws every
frame (``paint(painter, view, phase)``; ``animated = True`` asks the canvas for a steady pulse).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from layers.base import Layer

PainterFactory = Callable[[Layer], object]


@dataclass(frozen=True)
class PainterEntry:
    factory: PainterFactory
    tiled: bool = False


_registry: dict[type, list[PainterEntry]] = {}  # per type, the latest registration last


def register_painter(layer_type: type[Layer], factory: PainterFactory, *, tiled: bool = False) -> None:
    """Draw layers of ``layer_type`` (and its subclasses without a painter of their own) with ``factory``;
    it takes over from an earlier painter of the type until it is unregistered."""
    _registry.setdefault(layer_type, []).append(PainterEntry(factory, tiled))


def unregister_painter(layer_type: type[Layer], factory: PainterFactory) -> None:
    """Withdraw ``factory`` for ``layer_type``; the painter registered before it draws again."""
    entries = _registry.get(layer_type, [])
    for entry in reversed(entries):
        if entry.factory is factory:
            entries.remove(entry)
            break


def painter_entry(layer: Layer) -> PainterEntry | None:
    """The entry of the layer's type or of its nearest base type; None when nothing draws it."""
    for kind in type(layer).__mro__:
        entries = _registry.get(kind)
        if entries:
            return entries[-1]
    return None
