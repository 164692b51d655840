"""Discovering plugins through entry points, loading and unloading them symmetrically.

A plugin that fails (on import, load or unload) is logged, reported through
:attr:`PluginManager.sig_plugin_failed` in Chinese and switched off; the application and the
other layers are untouched. Built-in plugins (``BUILTIN``) are listed too, but their layers come
with the city (:func:`plugins.registry.load_builtin_layers`), so they cannot be switched here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal

from plugins.api import LayerPlugin, PluginContext, PluginHost
from plugins.registry import registered

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


@dataclass
class PluginInfo:
    name: str  # the entry-point name
    target: str  # "module:Class"
    plugin_class: type[LayerPlugin] | None = None
    error: str | None = None  # why it cannot be used (import failure)

    @property
    def title(self) -> str:
        return self.plugin_class.title() if self.plugin_class else self.name

    @property
    def builtin(self) -> bool:
        return bool(self.plugin_class and self.plugin_class.BUILTIN)


@dataclass
class _Loaded:
    plugin: LayerPlugin
    context: PluginContext
    docks: list = field(default_factory=list)
    actions: list = field(default_factory=list)


class PluginManager(QObject):
    sig_plugins_discovered = Signal()
    sig_plugin_loaded = Signal(str)
    sig_plugin_unloaded = Signal(str)
    sig_plugin_failed = Signal(str, str)  # name, Chinese message

    def __init__(self, state, host: PluginHost | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.host = host
        self._plugins: dict[str, PluginInfo] = {}
        self._loaded: dict[str, _Loaded] = {}
        state.sig_database_changed.connect(self._reload_all)

    def discover(self) -> list[PluginInfo]:
        """Import every plugin registered in the ``cityops.plugins`` group (failures are reported)."""
        for point in registered():
            if point.name in self._plugins:
                continue
            info = PluginInfo(point.name, point.value)
            try:
                plugin_class = point.load()
                if not (isinstance(plugin_class, type) and issubclass(plugin_class, LayerPlugin)):
                    raise TypeError(translate("PluginManager", "not a LayerPlugin subclass"))
                info.plugin_class = plugin_class
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the application
                info.error = self._failed(
                    point.name, translate("PluginManager", "The plugin “{name}” cannot be imported: {error}"), exc
                )
            self._plugins[point.name] = info
        self.sig_plugins_discovered.emit()
        return self.plugins()

    def plugins(self) -> list[PluginInfo]:
        return sorted(self._plugins.values(), key=lambda info: info.name)

    def is_loaded(self, name: str) -> bool:
        return name in self._loaded

    def load(self, name: str) -> bool:
        """Load a discovered plugin; on failure everything it added is removed again."""
        info = self._plugins.get(name)
        if info is None or info.plugin_class is None or info.builtin or name in self._loaded:
            return False
        loaded = _Loaded(info.plugin_class(), PluginContext(self.state, name))
        try:
            for layer in loaded.plugin.load(loaded.context) or []:
                loaded.context.add_layer(layer)
            if self.host is not None:
                loaded.docks = list(loaded.plugin.dock_widgets(loaded.context))
                loaded.actions = list(loaded.plugin.actions(loaded.context))
                for dock in loaded.docks:
                    self.host.add_dock(dock)
                for action in loaded.actions:
                    self.host.add_action(action)
        except Exception as exc:  # noqa: BLE001
            self._remove_additions(loaded)
            self._failed(
                name,
                translate("PluginManager", "The plugin “{name}” failed to load and was switched off: {error}"),
                exc,
            )
            return False
        self._loaded[name] = loaded
        self.sig_plugin_loaded.emit(name)
        return True

    def unload(self, name: str) -> bool:
        """Unload a plugin: its own clean-up, then its layers, docks and actions are removed."""
        loaded = self._loaded.pop(name, None)
        if loaded is None:
            return False
        ok = True
        try:
            loaded.plugin.unload(loaded.context)
        except Exception as exc:  # noqa: BLE001
            ok = False
            self._failed(
                name,
                translate(
                    "PluginManager", "The plugin “{name}” failed while unloading; what it added was removed: {error}"
                ),
                exc,
            )
        self._remove_additions(loaded)
        self.sig_plugin_unloaded.emit(name)
        return ok

    def unload_all(self) -> None:
        for name in list(self._loaded):
            self.unload(name)

    def _remove_additions(self, loaded: _Loaded) -> None:
        for layer in loaded.context.layers:
            loaded.context.remove_layer(layer)
        loaded.context.unregister_painters()
        for dock in loaded.docks:
            self.host.remove_dock(dock)
        for action in loaded.actions:
            self.host.remove_action(action)

    def _reload_all(self) -> None:
        """A new database replaced the map's layers: load the loaded plugins again on it."""
        for name in list(self._loaded):
            self.unload(name)
            self.load(name)

    def _failed(self, name: str, template: str, exc: BaseException) -> str:
        log.error("插件 %s 出错", name, exc_info=exc)
        message = template.format(name=name, error=f"{type(exc).__name__}: {exc}")
        self.sig_plugin_failed.emit(name, message)
        return message
