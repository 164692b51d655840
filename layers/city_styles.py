"""Symbols of the city base map, muted for the dark control-room theme."""
from __future__ import annotations

from layers.vector_layer import Symbol

_GRID_OUTLINE = "#805b7aa0"

# 单元网格 fill by zone type (the ZONE_TYPES of desktop.storage.models).
ZONE_FILLS = {
    "主要道路": "#2b3548",
    "背街小巷": "#2d3546",
    "居住小区": "#22394a",
    "重要机关": "#33304a",
    "广场": "#3a3a30",
    "车站": "#3a3036",
    "学校": "#283d34",
    "医院": "#3c2d38",
    "景区": "#213f3a",
    "商业街区": "#3d3430",
    "集贸市场": "#3a3629",
    "河道": "#1b3a52",
    "建筑工地": "#413722",
    "公园绿地": "#1f3f2c",
    "工业园区": "#31363e",
    "其他": "#262e3c",
}
GRID_SYMBOLS = {zone: Symbol(fill=fill, stroke=_GRID_OUTLINE, stroke_px=0.8) for zone, fill in ZONE_FILLS.items()}
GRID_DEFAULT = GRID_SYMBOLS["其他"]

WATER = Symbol(fill="#1d4d78", stroke="#2f6fa6", stroke_px=1.0, width_m=12.0)
GREEN = Symbol(fill="#c01f5a3a", stroke="#2b6e48", stroke_px=0.6)

ROAD_SYMBOLS = {
    "主干路": Symbol(stroke="#d9a441", stroke_px=2.2, width_m=28.0),
    "次干路": Symbol(stroke="#bfa874", stroke_px=1.5, width_m=18.0),
    "支路": Symbol(stroke="#7f8ea3", stroke_px=0.8, width_m=10.0),
}
ROAD_DEFAULT = ROAD_SYMBOLS["支路"]

DISTRICT = Symbol(stroke="#b022d3ee", stroke_px=1.6)

# 管理部件 by major class code (GB/T 30428.2: 01 公用设施 … 06 其他设施).
COMPONENT_SYMBOLS = {
    "01": Symbol(fill="#22d3ee", size_px=4.0, size_m=5.0),
    "02": Symbol(fill="#f59e0b", size_px=4.0, size_m=5.0),
    "03": Symbol(fill="#a3e635", size_px=4.0, size_m=5.0),
    "04": Symbol(fill="#34d399", size_px=4.0, size_m=5.0),
    "05": Symbol(fill="#f472b6", size_px=4.0, size_m=5.0),
    "06": Symbol(fill="#a78bfa", size_px=4.0, size_m=5.0),
}
COMPONENT_DEFAULT = Symbol(fill="#94a3b8", size_px=4.0, size_m=5.0)

CAMERA = Symbol(fill="#f43f5e", size_px=6.0)
