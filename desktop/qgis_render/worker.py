#!/usr/bin/python3
"""QGIS render worker: runs under the system Python (PyQGIS, Qt5), never inside the app.

Self-contained on purpose — it imports qgis only and is started by path.

Protocol: one JSON request per line on stdin; each answer is one JSON header line on
stdout, followed by ``sum(header["sizes"])`` raw bytes when the header carries ``sizes``.
Failures answer ``{"ok": false, "error": "<中文说明>"}`` and the worker keeps running.
Stray output of QGIS goes to stderr (fd 1 is redirected), so stdout stays clean.

Commands:

* ``{"cmd": "ping"}`` → ``{"ok": true, "version": "3.22.16-…"}``
* ``{"cmd": "load", "project": path}`` → validates a project (readable, all layers valid)
* ``{"cmd": "write_project", "gpkg": path, "qgs": path, "font": family}`` → the styled base
* ``{"cmd": "write_city_project", "base_gpkg": path, "overlay_gpkg": path, "qgs": path, "font": family}``
  → the styled base plus unit grids (simple fill and outline) and components (simple dots) from
  ``overlay_gpkg`` (layers ``unit_grid`` and ``component``): what the app's static tiles show,
  for like-for-like timings (``bench map``)
* ``{"cmd": "render", "project": path, "bbox": [x0, y0, x1, y1], "crs": "EPSG:4490" | "EPSG:3857",
  "width": w, "height": h, "split": [cols, rows]?, "path": out.png?}`` → PNG bytes (one per
  tile of the cols×rows grid, row-major, when ``split`` is given) or writes ``path``
* ``{"cmd": "quit"}``
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRectangle,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from qgis.PyQt.QtGui import QColor, QFont, QImage

BACKGROUND = "#0b1a2e"
DEFAULT_FONT = "Noto Sans CJK SC"
PLACE_SCALE = 30000  # place dots and names from about XYZ zoom 15 on
PNG_QUALITY = 80  # Qt maps PNG quality 80 to zlib level 2


class RenderError(Exception):
    """A request that cannot be served; the message is Chinese and goes back to the client."""


# --- the styled base project -------------------------------------------------------------


def _fill(color, outline="none", width="0"):
    return QgsFillSymbol.createSimple(
        {
            "color": color,
            "outline_style": "solid" if outline != "none" else "no",
            "outline_color": outline,
            "outline_width": width,
        }
    )


def _line(color, width, dash=None):
    props = {"line_color": color, "line_width": str(width), "capstyle": "round", "joinstyle": "round"}
    if dash:
        props.update({"use_custom_dash": "1", "customdash": dash})
    return QgsLineSymbol.createSimple(props)


def _rule_renderer(rules, symbol_levels=False):
    """rules: (label, filter, symbol, max_denominator or 0) bottom to top."""
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, symbol, max_denominator in rules:
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, max_denominator, expression, label)
        root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    renderer.setUsingSymbolLevels(symbol_levels)
    return renderer


def _road_symbol(casing, casing_width, fill, fill_width):
    """A two-layer road: the casing below (symbol level 0), the fill above (level 1)."""
    symbol, inner = _line(casing, casing_width), _line(fill, fill_width)
    symbol.appendSymbolLayer(inner.symbolLayer(0).clone())
    symbol.symbolLayer(0).setRenderingPass(0)
    symbol.symbolLayer(1).setRenderingPass(1)
    return symbol


def _text_format(font, size, color, bold=False, halo=0.8):
    text = QgsTextFormat()
    qfont = QFont(font)
    qfont.setBold(bold)
    text.setFont(qfont)
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderPoints)
    text.setColor(QColor(color))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(halo)
    buffer.setColor(QColor(BACKGROUND))
    text.setBuffer(buffer)
    return text


def _label_rule(expression, text_format, placement, max_denominator=0, priority=5):
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    settings.setFormat(text_format)
    settings.placement = placement
    settings.priority = priority
    return QgsRuleBasedLabeling.Rule(settings, 0, max_denominator, expression)


def _labeling(rules):
    root = QgsRuleBasedLabeling.Rule(None)
    for rule in rules:
        root.appendChild(rule)
    return QgsRuleBasedLabeling(root)


def _style_layers(layers, font):
    """Dark control-room cartography: muted roads, blue water, labels with a navy halo."""
    layers["green"].setRenderer(_rule_renderer([("绿地", "", _fill("#143829"), 0)]))
    layers["water_areas"].setRenderer(_rule_renderer([("水域", "", _fill("#1a4370", "#24588c", "0.2"), 0)]))
    layers["water_lines"].setRenderer(_rule_renderer([("河道", "", _line("#24588c", 1.2), 0)]))
    layers["boundaries"].setRenderer(
        _rule_renderer(
            [
                ("街道界", "\"level\" = 'street'", _line("#3e5a7e", 0.3, "2;1.5"), 60000),
                ("区界", "\"level\" = 'district'", _line("#6f8fb8", 0.55, "4;1.5;1;1.5"), 0),
            ]
        )
    )
    layers["roads"].setRenderer(
        _rule_renderer(
            [
                (
                    "支路",
                    "\"subkind\" NOT IN ('主干路', '次干路')",
                    _road_symbol("#263345", 0.6, "#3a4759", 0.35),
                    40000,
                ),
                ("次干路", "\"subkind\" = '次干路'", _road_symbol("#2c3a4e", 1.3, "#566478", 0.8), 150000),
                ("主干路", "\"subkind\" = '主干路'", _road_symbol("#8f6a2c", 2.2, "#7b8492", 1.2), 0),
            ],
            symbol_levels=True,
        )
    )
    dot = {"name": "circle", "color": "#9fb3cc", "outline_style": "no", "size": "1.2"}
    layers["places"].setRenderer(
        _rule_renderer(
            [  # only rendered features get labels
                ("地名", "\"class\" = 'place'", QgsMarkerSymbol.createSimple(dot), PLACE_SCALE),
                ("区、街道", "\"class\" <> 'place'", QgsMarkerSymbol.createSimple({**dot, "color": "0,0,0,0"}), 0),
            ]
        )
    )
    layers["places"].setLabeling(
        _labeling(
            [
                _label_rule(
                    "\"class\" = 'district'",
                    _text_format(font, 13, "#a9c1e0", bold=True, halo=1.0),
                    QgsPalLayerSettings.OverPoint,
                    priority=10,
                ),
                _label_rule(
                    "\"class\" = 'street'",
                    _text_format(font, 10, "#7f97b5"),
                    QgsPalLayerSettings.OverPoint,
                    max_denominator=80000,
                    priority=7,
                ),
                _label_rule(
                    "\"class\" = 'place'",
                    _text_format(font, 9, "#d5e1f0"),
                    QgsPalLayerSettings.AroundPoint,
                    max_denominator=PLACE_SCALE,
                    priority=6,
                ),
            ]
        )
    )
    layers["roads"].setLabeling(
        _labeling(
            [
                _label_rule(
                    "\"subkind\" IN ('主干路', '次干路')",
                    _text_format(font, 8, "#b7c2d0", halo=0.7),
                    QgsPalLayerSettings.Curved,
                    max_denominator=40000,
                    priority=3,
                ),
            ]
        )
    )
    for name in ("places", "roads"):
        layers[name].setLabelsEnabled(True)


def _base_project(gpkg, font) -> QgsProject:
    """The styled base project (in memory) whose layers read ``gpkg``."""
    if not os.path.exists(gpkg):
        raise RenderError(f"底图数据“{gpkg}”不存在")
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    project.setBackgroundColor(QColor(BACKGROUND))
    project.setTitle("城市运管服底图")
    layers = {}
    for name, title in (
        ("green", "绿地"),
        ("water_areas", "水域"),
        ("water_lines", "河道"),
        ("boundaries", "行政界线"),
        ("roads", "道路"),
        ("places", "地名"),
    ):
        layer = QgsVectorLayer(f"{os.path.abspath(gpkg)}|layername={name}", title, "ogr")
        if not layer.isValid():
            raise RenderError(f"底图数据“{gpkg}”缺少图层“{name}”")
        layers[name] = layer
    _style_layers(layers, font)
    _stack(project, layers.values())
    return project


def _stack(project: QgsProject, layers) -> None:
    """Add ``layers`` bottom to top, each above everything already in the project."""
    for layer in layers:
        project.addMapLayer(layer, False)
        project.layerTreeRoot().insertLayer(0, layer)


def _write(project: QgsProject, qgs) -> dict:
    if not project.write(qgs):
        raise RenderError(f"无法写入 QGIS 工程文件“{qgs}”：{project.error()}")
    project.clear()
    return {"qgs": os.path.abspath(qgs)}


def write_project(gpkg, qgs, font=DEFAULT_FONT):
    """Write the styled base project ``qgs`` whose layers read ``gpkg`` (relative paths)."""
    return _write(_base_project(gpkg, font), qgs)


def write_city_project(base_gpkg, overlay_gpkg, qgs, font=DEFAULT_FONT):
    """The base project plus grids and components on top, simply styled (one symbol each)."""
    if not os.path.exists(overlay_gpkg):
        raise RenderError(f"图层数据“{overlay_gpkg}”不存在")
    project = _base_project(base_gpkg, font)
    grids = QgsVectorLayer(f"{os.path.abspath(overlay_gpkg)}|layername=unit_grid", "单元网格", "ogr")
    components = QgsVectorLayer(f"{os.path.abspath(overlay_gpkg)}|layername=component", "管理部件", "ogr")
    for layer in (grids, components):
        if not layer.isValid():
            raise RenderError(f"图层数据“{overlay_gpkg}”缺少图层“{layer.name()}”")
    grids.setRenderer(_rule_renderer([("单元网格", "", _fill("45,110,160,90", "#5b7fa8", "0.2"), 0)]))
    dot = {"name": "circle", "color": "#f59e0b", "outline_style": "no", "size": "1.0"}
    components.setRenderer(_rule_renderer([("管理部件", "", QgsMarkerSymbol.createSimple(dot), 0)]))
    _stack(project, (grids, components))
    return _write(project, qgs)


# --- projects and rendering ----------------------------------------------------------------


class Projects:
    """Loaded projects by path, reloaded when the file changes."""

    def __init__(self):
        self._loaded = {}  # path -> (mtime, QgsProject)

    def get(self, path):
        path = os.path.abspath(path)
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            raise RenderError(f"无法读取 QGIS 工程文件“{path}”：文件不存在") from None
        cached = self._loaded.get(path)
        if cached and cached[0] == mtime:
            return cached[1]
        self.drop(path)
        project = QgsProject()
        if not project.read(path):
            reason = project.error() or "文件格式错误"
            project.clear()
            raise RenderError(f"无法读取 QGIS 工程文件“{path}”：{reason}")
        broken = [
            f"{layer.name()}（{layer.source()}）" for layer in project.mapLayers().values() if not layer.isValid()
        ]
        if broken:
            project.clear()
            raise RenderError(f"QGIS 工程文件“{path}”中的图层无法加载：{'、'.join(broken)}")
        self._loaded[path] = (mtime, project)
        return project

    def drop(self, path):
        cached = self._loaded.pop(path, None)
        if cached:
            cached[1].clear()

    def clear(self):
        for path in list(self._loaded):
            self.drop(path)


def _encode_png(image):
    """Opaque RGB PNG at zlib level ≈2: a third of the default encoding time, +20 % size."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.convertToFormat(QImage.Format_RGB888).save(buffer, "PNG", PNG_QUALITY)
    buffer.close()
    return bytes(data)


def render(project, bbox, crs, width, height, split=None, path=None):
    """Render ``bbox`` (in ``crs``) at ``width``×``height``; PNGs or a written file."""
    settings = QgsMapSettings()
    settings.setLayers(project.layerTreeRoot().checkedLayers())
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    settings.setTransformContext(project.transformContext())
    settings.setExtent(QgsRectangle(*bbox))
    settings.setOutputSize(QSize(int(width), int(height)))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(project.backgroundColor())
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, True)
    settings.setFlag(QgsMapSettings.UseAdvancedEffects, True)
    settings.setLabelingEngineSettings(project.labelingEngineSettings())
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    errors = [f"{e.layerID}: {e.message}" for e in job.errors()]
    del job
    if errors:
        raise RenderError(f"QGIS 绘制出错：{'；'.join(errors)}")
    if path:
        try:
            with open(path, "wb") as file:
                file.write(_encode_png(image))
        except OSError as exc:
            raise RenderError(f"无法写入图片“{path}”：{exc.strerror}") from None
        return [], {"path": os.path.abspath(path)}
    if not split:
        return [_encode_png(image)], {}
    cols, rows = split
    tile_w, tile_h = image.width() // cols, image.height() // rows
    tiles = [
        _encode_png(image.copy(QRect(c * tile_w, r * tile_h, tile_w, tile_h))) for r in range(rows) for c in range(cols)
    ]
    return tiles, {}


# --- the request loop --------------------------------------------------------------------


def handle(request, projects):
    """One request → (payload chunks, extra header fields)."""
    cmd = request.get("cmd")
    if cmd == "ping":
        return [], {"version": Qgis.QGIS_VERSION}
    if cmd == "load":
        project = projects.get(request["project"])
        return [], {"layers": len(project.mapLayers())}
    if cmd == "write_project":
        result = write_project(request["gpkg"], request["qgs"], request.get("font") or DEFAULT_FONT)
        projects.drop(result["qgs"])
        return [], result
    if cmd == "write_city_project":
        result = write_city_project(
            request["base_gpkg"], request["overlay_gpkg"], request["qgs"], request.get("font") or DEFAULT_FONT
        )
        projects.drop(result["qgs"])
        return [], result
    if cmd == "render":
        project = projects.get(request["project"])
        return render(
            project,
            request["bbox"],
            request.get("crs", "EPSG:4490"),
            request["width"],
            request["height"],
            request.get("split"),
            request.get("path"),
        )
    raise RenderError(f"未知的绘制命令“{cmd}”")


def serve(stdin, out):
    projects = Projects()
    try:
        for line in stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
                if request.get("cmd") == "quit":
                    break
                chunks, extra = handle(request, projects)
                header = {"ok": True, **extra}
                if chunks:
                    header["sizes"] = [len(c) for c in chunks]
            except RenderError as exc:
                chunks, header = [], {"ok": False, "error": str(exc)}
            except Exception as exc:  # noqa: BLE001 - any failure is answered, the worker lives on
                chunks, header = [], {"ok": False, "error": f"QGIS 绘制进程内部错误：{type(exc).__name__}: {exc}"}
            out.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n")
            for chunk in chunks:
                out.write(chunk)
            out.flush()
    finally:
        projects.clear()  # release layers before exitQgis(), or QGIS crashes on exit


def main():
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything QGIS prints goes to stderr
    app = QgsApplication([], True)
    app.initQgis()
    try:
        serve(sys.stdin, out)
    finally:
        app.exitQgis()


if __name__ == "__main__":
    main()
