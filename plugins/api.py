"""The plugin API: a declarative :class:`LayerPlugin` and the :class:`PluginContext` it works through.

A plugin is a class registered in the entry-point group ``cityops.plugins`` (see docs/plugins.md).
Whatever it adds goes through its context or is returned from its hooks, so unloading removes it all.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar, Protocol

from PySide6.QtCore import QCoreApplication

from layers.base import Layer
from layers.painter_registry import PainterFactory, register_painter, unregister_painter

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget

    from desktop.storage.database import CityDatabase
    from layers.layer_list import LayerList

ENTRY_POINT_GROUP = "cityops.plugins"
TRANSLATION_CONTEXT = "Plugins"  # TITLE and DESCRIPTION are looked up here (QT_TRANSLATE_NOOP)


class PluginState(Protocol):
    """What a plugin sees of the application state (the seat's ``AppState`` is one)."""

    database: CityDatabase | None
    layers: LayerList

    def show_status(self, message: str) -> None: ...


class PluginHost(Protocol):
    """Where plugin docks and actions go: the main window's host (docks to the right, actions to 插件),
    the same one the built-in features use; each ``remove_*`` takes away what the ``add_*`` put there."""

    def add_dock(self, dock: QDockWidget) -> None: ...
    def remove_dock(self, dock: QDockWidget) -> None: ...
    def add_action(self, action: QAction) -> None: ...
    def remove_action(self, action: QAction) -> None: ...


class PluginContext:
    """What a plugin may use: the application state, the open database, its logger, the map's layers."""

    def __init__(self, state: PluginState, name: str):
        self.state = state
        self.name = name
        self.log = logging.getLogger(f"cityops.plugins.{name}")
        self._layers: list[Layer] = []
        self._painters: list[tuple[type[Layer], PainterFactory]] = []

    @property
    def database(self) -> CityDatabase | None:
        return self.state.database

    @property
    def layers(self) -> tuple[Layer, ...]:
        """The layers this plugin has on the map."""
        return tuple(self._layers)

    @property
    def painters(self) -> tuple[tuple[type[Layer], PainterFactory], ...]:
        """The ``(layer type, factory)`` painters this plugin registered."""
        return tuple(self._painters)

    def add_layer(self, layer: Layer, index: int | None = None) -> None:
        """Put a layer on the map (default: on top); it is removed when the plugin unloads."""
        layers = self.state.layers
        layers.insert(len(layers) if index is None else index, layer)
        self._layers.append(layer)

    def remove_layer(self, layer: Layer) -> None:
        if layer in self._layers:
            self._layers.remove(layer)
            self.state.layers.remove(layer)

    def register_painter(self, layer_type: type[Layer], factory: PainterFactory, *, tiled: bool = False) -> None:
        """Draw layers of ``layer_type`` with ``factory`` (see :mod:`layers.painter_registry`); register
        it before adding such layers. It is unregistered when the plugin unloads."""
        register_painter(layer_type, factory, tiled=tiled)
        self._painters.append((layer_type, factory))

    def unregister_painters(self) -> None:
        for layer_type, factory in self._painters:
            unregister_painter(layer_type, factory)
        self._painters.clear()


class LayerPlugin:
    """Subclass, fill in the class attributes and :meth:`load`; register the class as an entry point."""

    NAME: ClassVar[str] = ""  # stable identifier (the entry-point name is used when empty)
    TITLE: ClassVar[str] = ""  # English; wrap in QT_TRANSLATE_NOOP("Plugins", …) to translate it
    VERSION: ClassVar[str] = "0.1"
    DESCRIPTION: ClassVar[str] = ""  # English, translated like TITLE
    BUILTIN: ClassVar[bool] = False  # part of every city map: loaded with the city, below the others, always on
    ORDER: ClassVar[int] = 0  # a built-in's place in the layer stack (bottom first)

    def load(self, context: PluginContext) -> list[Layer]:
        """Build the plugin's layers; they are added on top of the map."""
        raise NotImplementedError

    def unload(self, context: PluginContext) -> None:
        """Release what :meth:`load` acquired beyond layers, docks and actions (removed for you)."""

    def dock_widgets(self, context: PluginContext) -> list[QDockWidget]:
        """Docks to add to the main window (give each an objectName so its place is remembered)."""
        return []

    def actions(self, context: PluginContext) -> list[QAction]:
        """Actions for the 插件 menu."""
        return []

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, cls.TITLE or cls.NAME)

    @classmethod
    def description(cls) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, cls.DESCRIPTION) if cls.DESCRIPTION else ""
