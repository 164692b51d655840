"""The plugins registered in the entry-point group, and the built-in layers every city map starts with."""

from __future__ import annotations

import logging
from importlib.metadata import EntryPoint, entry_points

from plugins.api import ENTRY_POINT_GROUP, LayerPlugin, PluginContext

log = logging.getLogger(__name__)


def registered() -> list[EntryPoint]:
    return list(entry_points(group=ENTRY_POINT_GROUP))


def builtin_plugins() -> list[tuple[str, type[LayerPlugin]]]:
    """``(name, class)`` of the importable ``BUILTIN`` plugins, bottom of the layer stack first."""
    found = []
    for point in registered():
        try:
            plugin_class = point.load()
        except Exception:  # noqa: BLE001 - reported by the plugin manager, which lists every entry point
            continue
        if isinstance(plugin_class, type) and issubclass(plugin_class, LayerPlugin) and plugin_class.BUILTIN:
            found.append((point.name, plugin_class))
    return sorted(found, key=lambda item: item[1].ORDER)


def load_builtin_layers(state) -> list:
    """The layers of every built-in plugin for ``state``'s database; one that fails is left out and
    reported in the status bar (the others still load)."""
    layers = []
    for name, plugin_class in builtin_plugins():
        try:
            layers += plugin_class().load(PluginContext(state, name)) or []
        except Exception as exc:  # a broken layer must not stop the city from opening
            log.exception("内置图层插件 %s 加载失败", name)
            state.show_status(f"内置图层“{plugin_class.title()}”加载失败，已跳过：{type(exc).__name__}: {exc}")
    return layers
