"""Built-in plugins: the city's own layers, registered in the same entry-point group as third-party ones.

Each is ``BUILTIN``: :func:`plugins.registry.load_builtin_layers` loads them, in ``ORDER``, whenever
a city is opened; the layer models and their loading live in :mod:`layers`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from layers.base import Layer
from layers.city_data import base_layers, component_layers, disposal_layers, live_layers
from layers.emergency.resource_layers import load_emergency_layers
from plugins.api import LayerPlugin, PluginContext


class _CityLayers(LayerPlugin):
    BUILTIN = True
    VERSION = "1.0"
    loader = staticmethod(lambda _db: [])

    def load(self, context: PluginContext) -> list[Layer]:
        return self.loader(context.database) if context.database is not None else []


class BaseMapLayers(_CityLayers):
    NAME, ORDER = "city_base", 10
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Unit grids and base map")
    DESCRIPTION = QT_TRANSLATE_NOOP(
        "Plugins", "Unit grids, green space, water, roads, district boundaries and place names."
    )
    loader = staticmethod(base_layers)


class DisposalGridLayers(_CityLayers):
    NAME, ORDER = "disposal_grids", 20
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Disposal grids")
    DESCRIPTION = QT_TRANSLATE_NOOP("Plugins", "Each department's disposal grids as a layer of its own.")
    loader = staticmethod(disposal_layers)


class EmergencyLayers(_CityLayers):
    NAME, ORDER = "emergency", 30
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Emergency resources and zones")
    DESCRIPTION = QT_TRANSLATE_NOOP("Plugins", "Emergency resources by kind and the responsibility zones of the plans.")
    loader = staticmethod(load_emergency_layers)


class ComponentLayers(_CityLayers):
    NAME, ORDER = "components", 40
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Management components")
    DESCRIPTION = QT_TRANSLATE_NOOP("Plugins", "Management components by class and status; density marks at city zoom.")
    loader = staticmethod(component_layers)


class LiveLayers(_CityLayers):
    NAME, ORDER = "live", 50
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Cameras, cases, alarms and vehicles")
    DESCRIPTION = QT_TRANSLATE_NOOP(
        "Plugins", "The live layers: cameras with view cones, open cases, open alarms, vehicles."
    )
    loader = staticmethod(live_layers)
