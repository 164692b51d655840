"""App side of the QGIS render process (no Qt, no qgis import: QGIS is Qt5, the app Qt6).

:class:`QgisRenderer` runs :mod:`desktop.qgis_render.worker` under the system Python and
talks its line protocol over pipes. A worker that dies is restarted before the next request
(which is retried once); one that hangs past the per-request timeout, or answers garbage, is
killed and a fresh one started at once, warming up in the background while the caller gets
:class:`RenderTimeout` / :class:`RenderError`. Errors the worker reports (a broken project,
say) come back as :class:`RenderError` with the worker's Chinese message; the worker lives on.

A PyQGIS worker rather than ``qgis_mapserver``: it renders a 4×4 metatile in one job (labels stay
consistent across it), needs no port, and serves project writing and validation from the same
process with Chinese errors (the comparison is in the README, *Design decisions*).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import shutil
import subprocess
import threading
from functools import lru_cache
from pathlib import Path

from desktop.domain.tiles import TILE_SIZE, tile_bounds
from desktop.paths import data_home
from desktop.qgis_render.base_layers import export_base_layers

log = logging.getLogger(__name__)

SYSTEM_PYTHON = os.environ.get("CITYOPS_QGIS_PYTHON", "/usr/bin/python3")
WORKER_SCRIPT = Path(__file__).with_name("worker.py")
MSG_UNAVAILABLE = "未检测到 QGIS，底图由本程序自行绘制"
DEFAULT_TIMEOUT = 30.0


class RenderError(RuntimeError):
    """A render request that failed; ``str()`` is a Chinese message for the user."""


class RenderTimeout(RenderError):
    """The worker did not answer in time; it has been killed and restarted."""


class QgisUnavailable(RenderError):
    """QGIS is not installed; the app draws its own base map."""


@lru_cache(maxsize=1)
def qgis_version() -> str | None:
    """The QGIS version the system Python can import, or None (probed once, in a subprocess)."""
    if not shutil.which(SYSTEM_PYTHON):
        return None
    try:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)"],
            capture_output=True,
            text=True,
            timeout=30,
            env=_worker_env(),
        )
    except (OSError, subprocess.TimeoutExpired):
        log.warning("QGIS 检测失败", exc_info=True)
        return None
    if probe.returncode != 0:
        log.info("QGIS 不可用：%s", probe.stderr.strip()[-300:])
        return None
    return probe.stdout.strip() or None


def available() -> bool:
    """True when the system Python can import ``qgis.core``."""
    return qgis_version() is not None


def status_message() -> str:
    """A Chinese status-bar line saying who draws the base map."""
    version = qgis_version()
    return f"底图由 QGIS {version} 绘制" if version else MSG_UNAVAILABLE


def _worker_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_PLUGIN"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    return env


class _Worker:
    """One worker process; answers are read by a thread so requests can time out."""

    def __init__(self, python: str):
        self.process = subprocess.Popen(
            [python, str(WORKER_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_worker_env(),
            start_new_session=True,
        )
        self.answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._read_answers, daemon=True, name="qgis-answers").start()
        threading.Thread(target=self._log_stderr, daemon=True, name="qgis-stderr").start()
        log.info("QGIS 渲染进程已启动（进程 %d）", self.process.pid)

    def _read_answers(self) -> None:
        stdout = self.process.stdout
        try:
            while line := stdout.readline():
                header = json.loads(line)
                chunks = [stdout.read(size) for size in header.get("sizes", ())]
                if any(len(c) != s for c, s in zip(chunks, header.get("sizes", ()))):
                    break
                self.answers.put((header, chunks))
        except (ValueError, OSError) as exc:
            self.answers.put(exc)
            return
        self.answers.put(EOFError())

    def _log_stderr(self) -> None:
        for line in self.process.stderr:
            log.debug("QGIS 渲染进程：%s", line.decode("utf-8", "replace").rstrip())

    def alive(self) -> bool:
        return self.process.poll() is None

    def request(self, message: dict, timeout: float):
        self.process.stdin.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
        self.process.stdin.flush()
        answer = self.answers.get(timeout=timeout)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def stop(self, graceful: bool = True) -> None:
        if graceful and self.alive():
            try:
                self.process.stdin.write(b'{"cmd": "quit"}\n')
                self.process.stdin.close()
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        if self.alive():
            self.process.kill()
            self.process.wait()


class QgisRenderer:
    """A QGIS render process that restarts itself; thread-safe (requests are serialised)."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, python: str = SYSTEM_PYTHON):
        if not available():
            raise QgisUnavailable(MSG_UNAVAILABLE)
        self.timeout = timeout
        self._python = python
        self._lock = threading.Lock()
        self._worker = _Worker(python)

    @property
    def pid(self) -> int:
        return self._worker.process.pid

    def _restart(self, why: str) -> None:
        log.warning("重启 QGIS 渲染进程（进程 %d）：%s", self._worker.process.pid, why)
        self._worker.stop(graceful=False)
        self._worker = _Worker(self._python)

    def request(self, message: dict, timeout: float | None = None) -> tuple[dict, list[bytes]]:
        """Send one command; returns (header, payload chunks) or raises :class:`RenderError`."""
        timeout = timeout or self.timeout
        with self._lock:
            for attempt in (1, 2):
                if not self._worker.alive():
                    self._restart("进程已退出")
                try:
                    header, chunks = self._worker.request(message, timeout)
                    break
                except queue.Empty:
                    self._restart("超时")
                    raise RenderTimeout(f"QGIS 绘制超时（{timeout:g} 秒），绘制进程已重启") from None
                except ValueError as exc:
                    self._restart(f"应答无法解析：{exc}")
                    raise RenderError("QGIS 绘制进程应答异常，已重启") from exc
                except (OSError, EOFError) as exc:
                    self._restart(f"进程中断：{exc!r}")
                    if attempt == 2:
                        raise RenderError("QGIS 绘制进程异常退出，已重启") from exc
        if not header.get("ok"):
            raise RenderError(header.get("error") or "QGIS 绘制失败")
        return header, chunks

    def load(self, project: str | Path) -> int:
        """Validate a project; returns its layer count."""
        return self.request({"cmd": "load", "project": str(project)})[0]["layers"]

    def write_project(self, gpkg: str | Path, qgs: str | Path) -> Path:
        return Path(self.request({"cmd": "write_project", "gpkg": str(gpkg), "qgs": str(qgs)})[0]["qgs"])

    def write_city_project(self, base_gpkg: str | Path, overlay_gpkg: str | Path, qgs: str | Path) -> Path:
        """The base project plus unit grids and components (``overlay_gpkg``), simply styled."""
        return Path(
            self.request(
                {
                    "cmd": "write_city_project",
                    "base_gpkg": str(base_gpkg),
                    "overlay_gpkg": str(overlay_gpkg),
                    "qgs": str(qgs),
                }
            )[0]["qgs"]
        )

    def render(
        self,
        project: str | Path,
        bbox,
        width: int,
        height: int,
        crs: str = "EPSG:4490",
        split: tuple[int, int] | None = None,
    ) -> list[bytes] | bytes:
        """PNG bytes of ``bbox`` (x0, y0, x1, y1 in ``crs``); a row-major list when ``split``."""
        message = {
            "cmd": "render",
            "project": str(project),
            "bbox": list(bbox),
            "crs": crs,
            "width": int(width),
            "height": int(height),
        }
        if split:
            message["split"] = list(split)
        chunks = self.request(message)[1]
        return chunks if split else chunks[0]

    def close(self) -> None:
        with self._lock:
            self._worker.stop()

    def __enter__(self) -> QgisRenderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_base_project(city_db: str | Path, out_dir: str | Path, renderer: QgisRenderer | None = None) -> Path:
    """Export the base layers of ``city_db`` to ``out_dir/base.gpkg`` and write ``base.qgs`` beside it."""
    out_dir = Path(out_dir)
    gpkg = export_base_layers(city_db, out_dir / "base.gpkg")
    if renderer is not None:
        return renderer.write_project(gpkg, out_dir / "base.qgs")
    with QgisRenderer() as own:
        return own.write_project(gpkg, out_dir / "base.qgs")


def export_overlay_layers(grids, grid_categories, component_x, component_y, gpkg_path: str | Path) -> Path:
    """Write unit grids (shapely polygons, lon/lat) and components (lon/lat arrays) to a GeoPackage
    (layers ``unit_grid`` with ``category`` and ``component``), for :meth:`QgisRenderer.write_city_project`."""
    import numpy as np
    import shapely
    from pyogrio.raw import write as ogr_write

    from desktop.storage.geometry import STORAGE_CRS

    gpkg_path = Path(gpkg_path)
    gpkg_path.parent.mkdir(parents=True, exist_ok=True)
    gpkg_path.unlink(missing_ok=True)
    options = {"VERSION": "1.2"}  # readable by the older GDAL of the system QGIS
    parts, owner = shapely.get_parts(np.asarray(grids, dtype=object), return_index=True)
    polygons = shapely.to_wkb(shapely.multipolygons(parts, indices=owner))
    categories = np.asarray(grid_categories, dtype=object).astype(str).astype(object)[np.unique(owner)]
    ogr_write(
        gpkg_path,
        polygons,
        [categories],
        ["category"],
        layer="unit_grid",
        driver="GPKG",
        geometry_type="MultiPolygon",
        crs=STORAGE_CRS,
        encoding="UTF-8",
        dataset_options=options,
    )
    points = shapely.to_wkb(shapely.points(np.asarray(component_x, dtype=float), np.asarray(component_y, dtype=float)))
    ogr_write(
        gpkg_path,
        points,
        [],
        [],
        layer="component",
        driver="GPKG",
        geometry_type="Point",
        crs=STORAGE_CRS,
        encoding="UTF-8",
        append=True,
    )
    return gpkg_path


# --- base tiles -------------------------------------------------------------------------

METATILE = 4  # tiles per side rendered in one job


def project_hash(project: str | Path) -> str:
    """A short digest of a project file and the GeoPackages beside it (its data)."""
    project = Path(project)
    digest = hashlib.sha256(project.read_bytes())
    for data in sorted(project.parent.glob("*.gpkg")):
        with data.open("rb") as file:
            while block := file.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()[:16]


class BaseTiles:
    """256-px base-map tiles of a project, XYZ Web Mercator (EPSG:3857), cached on disk.

    Files live at ``data_home()/tiles/<project-hash>/z/x/y.png``, so a changed project or
    data set gets a fresh cache. A missing tile is rendered with its 4×4 metatile in one job.
    """

    def __init__(self, renderer: QgisRenderer, project: str | Path, cache_root: str | Path | None = None):
        self.renderer = renderer
        self.project = Path(project).resolve()
        self.directory = Path(cache_root or data_home() / "tiles") / project_hash(self.project)
        self._lock = threading.Lock()

    def path(self, z: int, x: int, y: int) -> Path:
        return self.directory / str(z) / str(x) / f"{y}.png"

    def tile(self, z: int, x: int, y: int) -> bytes:
        """PNG bytes of tile z/x/y; raises :class:`RenderError` when QGIS fails."""
        tile_bounds(z, x, y)
        path = self.path(z, x, y)
        if not path.exists():
            with self._lock:
                if not path.exists():
                    self._render_metatile(z, x, y)
        return path.read_bytes()

    def _render_metatile(self, z: int, x: int, y: int) -> None:
        side = min(METATILE, 2**z)
        left, top = x - x % side, y - y % side
        x0, _, _, y1 = tile_bounds(z, left, top)
        _, y0, x1, _ = tile_bounds(z, left + side - 1, top + side - 1)
        pngs = self.renderer.render(
            self.project, (x0, y0, x1, y1), TILE_SIZE * side, TILE_SIZE * side, "EPSG:3857", split=(side, side)
        )
        for index, png in enumerate(pngs):
            target = self.path(z, left + index % side, top + index // side)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            partial.write_bytes(png)
            os.replace(partial, target)
