"""``bench map``: frame times of the map canvas over scripted pans and zooms with live vehicles.

Prints one JSON line: frame_ms_p50/p99 (composite of cached tiles plus live layers, 10 k
vehicles moving at 1 Hz), cold_view_ms (a new street view with empty caches, until complete),
qgis_view_ms (QGIS rendering the base project plus the same unit grids and components
for the same view, when QGIS is installed),
rss_mb, and baselines from the same run: an empty-frame fill and a one-call ``drawPoints`` of
as many points as the city has components, so the figures read as ratios on any machine.
"""

from __future__ import annotations

import json
import math
import resource
import time

import numpy as np

from desktop.commands._map import headless_canvas, size_argument
from desktop.paths import default_database_path

HELP = "地图画布：平移缩放帧时间、冷启动视图时间、QGIS 同视图时间"
SECOND_EVERY = 10  # frames per simulated second of the vehicle feed
_TILE_REPAINT_SETTLE_MS = 100  # longer than the canvas's throttled repaint for arriving tiles


def add_arguments(parser) -> None:
    parser.add_argument(
        "--size", type=size_argument, default=(1920, 1080), metavar="宽x高", help="画布尺寸，默认 1920x1080"
    )
    parser.add_argument(
        "--vehicles", type=int, default=10_000, metavar="数量", help="车辆数，默认 10000（不足时沿道路合成）"
    )
    parser.add_argument("--frames", type=int, default=60, metavar="帧数", help="每个缩放级别的帧数，默认 60")
    parser.add_argument("--seed", type=int, default=1)


def _percentile(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 2)


class _Fleet:
    """Synthetic vehicles driving along the roads (positions by fraction along a road line)."""

    def __init__(self, roads, count: int, rng: np.random.Generator):
        import shapely

        lines = shapely.get_parts(roads.geometries)
        lines = lines[shapely.get_type_id(lines) == 1]
        self._shapely = shapely
        self.lines = lines[rng.integers(0, len(lines), count)]
        self.at = rng.uniform(0, 1, count)
        self.step = rng.uniform(0.002, 0.02, count)

    def positions(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        shapely = self._shapely
        here = shapely.get_coordinates(shapely.line_interpolate_point(self.lines, self.at, normalized=True))
        ahead = shapely.get_coordinates(
            shapely.line_interpolate_point(self.lines, np.minimum(self.at + 0.01, 1), normalized=True)
        )
        heading = np.degrees(np.arctan2(ahead[:, 0] - here[:, 0], ahead[:, 1] - here[:, 1])) % 360
        return here[:, 0], here[:, 1], heading

    def advance(self) -> None:
        self.at = (self.at + self.step) % 1.0


def _frame(canvas, app) -> float:
    start = time.perf_counter()
    canvas.repaint()
    elapsed = (time.perf_counter() - start) * 1000
    app.processEvents()  # accept finished tiles, as the event loop would between frames
    return elapsed


def _settle(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (pending timers fire, queued results arrive)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _baselines(width: int, height: int, points: int, rng) -> dict:
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    start = time.perf_counter()
    for _ in range(10):
        painter.fillRect(image.rect(), QColor("#08111f"))
    fill = (time.perf_counter() - start) * 100
    xs, ys = rng.uniform(0, width, points), rng.uniform(0, height, points)
    painter.setPen(QPen(QColor("#22d3ee"), 3))
    start = time.perf_counter()
    painter.drawPointsNp(xs, ys)
    draw_points = (time.perf_counter() - start) * 1000
    painter.end()
    return {"baseline_fill_ms": round(fill, 2), f"baseline_drawpoints_{points}_ms": round(draw_points, 2)}


def _qgis_view_ms(database_url: str, layers: dict, bbox, width: int, height: int) -> tuple[float | None, str]:
    """QGIS rendering what the static tiles show for the view: the base project plus the city's
    unit grids and components (exported to a GeoPackage, simply styled), after a warm-up render."""
    from desktop.qgis_render.client import (
        QgisRenderer,
        RenderError,
        available,
        export_overlay_layers,
        write_base_project,
    )
    from widgets.base_map_source import project_directory

    if not available():
        return None, "QGIS not installed"
    grids, components = layers.get("unit_grid"), layers.get("component")
    try:
        with QgisRenderer() as renderer:
            base_dir = project_directory(database_url)
            project = write_base_project(database_url.removeprefix("sqlite:///"), base_dir, renderer)
            what = "base project (roads, water, green, boundaries, places)"
            if grids is not None and components is not None:
                city_dir = base_dir / "city"  # not beside base.gpkg: the base tiles hash that folder
                overlay = export_overlay_layers(
                    grids.geometries, grids.categories, components.x, components.y, city_dir / "overlay.gpkg"
                )
                project = renderer.write_city_project(project.parent / "base.gpkg", overlay, city_dir / "city.qgs")
                what = f"base project + {len(grids)} unit grids + {len(components)} components"
            renderer.render(project, bbox, width, height, "EPSG:3857")  # warm-up
            start = time.perf_counter()
            renderer.render(project, bbox, width, height, "EPSG:3857")
            return round((time.perf_counter() - start) * 1000, 1), what
    except RenderError as exc:
        return None, f"QGIS failed: {exc}"


def run(args) -> int:
    from PySide6.QtWidgets import QApplication

    width, height = args.size
    app, state, canvas = headless_canvas(getattr(args, "db", None) or default_database_path(), width, height, "own")
    rng = np.random.default_rng(args.seed)
    layers = {getattr(layer, "table", None) or type(layer).__name__: layer for layer in state.layers}
    vehicles = next(layer for layer in state.layers if type(layer).__name__ == "VehicleLayer")
    roads = next(layer for layer in state.layers if getattr(layer, "base_map", False) and len(layer) and layer.symbols)
    components = len(layers.get("component", []))
    if len(vehicles) < args.vehicles:
        fleet = _Fleet(roads, args.vehicles, rng)
        x, y, heading = fleet.positions()
        vehicles.set_vehicles(
            np.arange(args.vehicles),
            rng.integers(0, 4, args.vehicles),
            [f"苏N{i:05d}" for i in range(args.vehicles)],
            x,
            y,
            heading,
        )
    else:
        fleet = None
    canvas.show()
    city = canvas.view
    frames: dict[str, list[float]] = {}
    simulated = 0
    for scale, zoom_in in (("city", 1.0), ("district", 4.0), ("street", 32.0)):
        canvas._set_view(city.with_(res=city.res / zoom_in))
        canvas.wait_until_complete(120)
        times = frames.setdefault(scale, [])
        for frame in range(args.frames):
            if frame % SECOND_EVERY == 0 and fleet is not None:
                fleet.advance()
                x, y, heading = fleet.positions()
                simulated += 1
                vehicles.update_positions(
                    vehicles.ids, x, y, heading, np.full(len(x), 30.0), np.full(len(x), simulated)
                )
            if frame % 20 == 10:
                canvas.zoom(1.25 if frame % 40 == 10 else 0.8, canvas.rect().center().toPointF())
            else:
                angle = frame / args.frames * 2 * math.pi
                canvas.pan_pixels(40 * math.cos(angle), 40 * math.sin(angle))
            times.append(_frame(canvas, app))
    all_frames = [t for times in frames.values() for t in times]

    street = city.with_(res=city.res / 16, cx=city.cx + 0.2 * city.width * city.res)
    canvas.wait_until_complete(120)  # the cold view starts quiet: no tiles or repaints left from the frames
    _settle(_TILE_REPAINT_SETTLE_MS)
    canvas.tiles.clear()
    start = time.perf_counter()
    canvas._set_view(street)
    canvas.wait_until_complete(120)
    cold = (time.perf_counter() - start) * 1000
    database_url = state.database.url
    qgis_ms, qgis_what = _qgis_view_ms(database_url, layers, street.bbox, width, height)
    result = {
        "frame_ms_p50": _percentile(all_frames, 50),
        "frame_ms_p99": _percentile(all_frames, 99),
        **{f"frame_ms_p50_{scale}": _percentile(times, 50) for scale, times in frames.items()},
        "cold_view_ms": round(cold, 1),
        "cold_view_tiles": len(street.tiles()),
        "qgis_view_ms": qgis_ms,
        "qgis_view_renders": qgis_what,
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "vehicles": len(vehicles),
        "components": components,
        "size": f"{width}x{height}",
        **_baselines(width, height, max(components, 1), rng),
    }
    canvas.close()
    state.close()
    QApplication.processEvents()
    print(json.dumps(result, ensure_ascii=False))
    return 0
