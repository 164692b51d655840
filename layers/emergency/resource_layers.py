"""Map layers of the emergency module: 应急资源 by kind and 分区分段包干 zones (QtCore only)."""
from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from desktop.storage.database import CityDatabase
from desktop.storage.models import EmergencyResource, ResponsibilityZone
from layers.vector_layer import Symbol, VectorLayer

RESOURCE_SYMBOLS = {
    "人力": Symbol(fill="#38bdf8", stroke="#0c4a6e", size_px=9), "物资": Symbol(fill="#f59e0b", stroke="#78350f", size_px=9),
    "设施": Symbol(fill="#22c55e", stroke="#14532d", size_px=9), "车辆装备": Symbol(fill="#ef4444", stroke="#7f1d1d", size_px=9),
    "技术": Symbol(fill="#a78bfa", stroke="#3b0764", size_px=9), "资金": Symbol(fill="#facc15", stroke="#713f12", size_px=9),
    "特殊": Symbol(fill="#f472b6", stroke="#831843", size_px=9),
}
ZONE_SYMBOL = Symbol(fill="#1af59e0b", stroke="#f59e0b", stroke_px=1.5)


def load_emergency_layers(db: CityDatabase) -> list[VectorLayer]:
    """The responsibility zones (below) and the emergency resources (above)."""
    zones = VectorLayer(QCoreApplication.translate("EmergencyLayers", "Responsibility zones"), {}, ZONE_SYMBOL,
                        visible=False)
    resources = VectorLayer(QCoreApplication.translate("EmergencyLayers", "Emergency resources"), RESOURCE_SYMBOLS,
                            Symbol(fill="#e5e7eb", size_px=8))
    with db.session() as session:
        rows = session.execute(select(EmergencyResource.x, EmergencyResource.y, EmergencyResource.kind)).all()
        polygons = [(z.geometry, z.plan_type or "") for z in session.scalars(select(ResponsibilityZone))]
    resources.set_features(shapely.points([(x, y) for x, y, _ in rows]) if rows else np.empty(0, dtype=object),
                           np.array([kind for _, _, kind in rows], dtype=object))
    zones.set_features(np.array([g for g, _ in polygons], dtype=object), np.array([k for _, k in polygons], dtype=object))
    return [zones, resources]
