"""Map layers of the emergency module: 应急资源 by kind and 分区分段包干 zones (QtCore only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.emergency.map_data import read_resources, read_zones
from desktop.storage.database import CityDatabase
from layers.vector_layer import Symbol, VectorLayer

RESOURCE_SYMBOLS = {
    "人力": Symbol(fill="#38bdf8", stroke="#0c4a6e", size_px=9),
    "物资": Symbol(fill="#f59e0b", stroke="#78350f", size_px=9),
    "设施": Symbol(fill="#22c55e", stroke="#14532d", size_px=9),
    "车辆装备": Symbol(fill="#ef4444", stroke="#7f1d1d", size_px=9),
    "技术": Symbol(fill="#a78bfa", stroke="#3b0764", size_px=9),
    "资金": Symbol(fill="#facc15", stroke="#713f12", size_px=9),
    "特殊": Symbol(fill="#f472b6", stroke="#831843", size_px=9),
}
ZONE_SYMBOL = Symbol(fill="#1af59e0b", stroke="#f59e0b", stroke_px=1.5)


def load_emergency_layers(db: CityDatabase) -> list[VectorLayer]:
    """The responsibility zones (below) and the emergency resources (above)."""
    zones = VectorLayer(
        QCoreApplication.translate("EmergencyLayers", "Responsibility zones"), {}, ZONE_SYMBOL, visible=False
    )
    resources = VectorLayer(
        QCoreApplication.translate("EmergencyLayers", "Emergency resources"),
        RESOURCE_SYMBOLS,
        Symbol(fill="#e5e7eb", size_px=8),
    )
    for layer, shapes in ((zones, read_zones(db)), (resources, read_resources(db))):
        layer.set_features(shapes.geometries, shapes.categories)
    return [zones, resources]
