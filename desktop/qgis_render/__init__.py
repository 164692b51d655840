"""QGIS as the cartographic engine, in its own process (QGIS is Qt5; this app is Qt6).

:mod:`.worker` runs under the system Python with PyQGIS; :mod:`.client` drives it from the
app (no Qt here); :mod:`.base_layers` exports the city's base features for it.
"""

from desktop.qgis_render.client import (
    MSG_UNAVAILABLE,
    BaseTiles,
    QgisRenderer,
    QgisUnavailable,
    RenderError,
    RenderTimeout,
    available,
    status_message,
    write_base_project,
)

__all__ = [
    "MSG_UNAVAILABLE",
    "BaseTiles",
    "QgisRenderer",
    "QgisUnavailable",
    "RenderError",
    "RenderTimeout",
    "available",
    "status_message",
    "write_base_project",
]
