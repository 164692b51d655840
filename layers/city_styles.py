"""Symbols of the city base map, muted for the dark control-room theme."""

from __future__ import annotations

from layers.vector_layer import LabelStyle, Symbol

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

# 处置网格: one switchable layer per department, told apart by outline colour (none near the road yellows).
DISPOSAL_COLOURS = ("#f472b6", "#a78bfa", "#34d399", "#f87171", "#60a5fa", "#e879f9", "#2dd4bf", "#fb7185", "#818cf8")


def disposal_symbol(index: int) -> Symbol:
    """The outline (with a faint fill) of the ``index``-th department's disposal grids."""
    colour = DISPOSAL_COLOURS[index % len(DISPOSAL_COLOURS)]
    return Symbol(fill="#33" + colour[1:], stroke=colour, stroke_px=2.6)


DISPOSAL_LABELS = LabelStyle(colour="#fde68a", halo="#0b1220", size_px=12, min_zoom=14)
PLACE = Symbol(size_px=0.0)  # place names are labels only

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

PLACE_LABELS = LabelStyle(colour="#cfe3ff", halo="#d0081120", size_px=13, min_zoom=13, max_zoom=17)
GRID_LABELS = LabelStyle(colour="#9fb4cc", halo="#c0081120", size_px=11, min_zoom=17)

# 管理部件 symbols by the class table's symbol name: (shape, fill, outline, diameter px at street zoom).
COMPONENT_SPRITES = {
    "manhole": ("disc", "#2b3240", "#a3adbd", 9),  # 井盖: round dark disc, light rim
    "grate": ("square", "#2b3240", "#a3adbd", 8),  # 雨水箅子
    "streetlight": ("star", "#fde047", "#a16207", 10),  # 路灯
    "groundlight": ("dot", "#fde68a", None, 5),
    "trashbin": ("square", "#22c55e", "#14532d", 8),  # 垃圾箱: green square
    "dumpster": ("square", "#15803d", "#052e16", 10),
    "tree": ("disc", "#4ade80", "#166534", 9),  # 行道树: green circle
    "oldtree": ("disc", "#16a34a", "#bbf7d0", 12),
    "hydrant": ("disc", "#ef4444", "#fee2e2", 9),  # 消火栓: red
    "camera": ("triangle", "#f43f5e", None, 8),
    "toilet": ("square", "#38bdf8", "#0c4a6e", 10),
    "busstop": ("square", "#60a5fa", "#1e3a8a", 9),
    "sign": ("diamond", "#93c5fd", None, 8),
    "trafficlight": ("dot", "#f97316", None, 7),
    "billboard": ("square", "#f472b6", None, 7),
    "barrier": ("dot", "#94a3b8", None, 4),
}
COMPONENT_SPRITE_DEFAULT = ("dot", None, None, 6)  # filled with the major class colour

# 车辆 kinds (vehicle.kind) and their marker colours.
VEHICLE_KINDS = ("环卫", "渣土", "执法", "市政抢修")
VEHICLE_COLOURS = ("#34d399", "#f59e0b", "#60a5fa", "#f87171")
VEHICLE_OTHER = "#e2e8f0"

CAMERA_CONE = "#40f43f5e"
CAMERA_EDGE = "#c0fb7185"

# 告警 levels as in the feed protocol: 1 一般, 2 较重, 3 严重, 4 特别严重.
ALARM_COLOURS = {1: "#38bdf8", 2: "#facc15", 3: "#f97316", 4: "#ef4444"}

# 案件 time lights; the stage is shown in the case panel.
CASE_LIGHTS = {"green": "#22c55e", "yellow": "#eab308", "red": "#ef4444", "": "#a78bfa"}

SELECTION = "#22d3ee"
