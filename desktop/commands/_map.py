"""A headless map canvas for the ``snapshot`` and ``bench map`` commands."""

from __future__ import annotations

import os


def headless_canvas(database: str, width: int, height: int, base_map: str = "auto"):
    """``(app, state, canvas)`` for a city database, offscreen unless a display is present.

    Qt is imported here, after ``QT_QPA_PLATFORM`` is chosen.
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.shell.app import create_application, new_app_state
    from widgets.map_canvas import MapCanvas

    app = create_application([])
    state = new_app_state()
    state.open_database(database)
    canvas = MapCanvas(state, base_map=base_map, overview=False)
    canvas.resize(width, height)
    canvas.fit_to_city()
    return app, state, canvas


def size_argument(text: str) -> tuple[int, int]:
    import argparse

    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"尺寸“{text}”无效，应为 宽x高，如 1600x1000") from None
    if width < 64 or height < 64:
        raise argparse.ArgumentTypeError("尺寸至少 64x64")
    return width, height


def bbox_argument(text: str) -> tuple[float, float, float, float]:
    import argparse

    try:
        x0, y0, x1, y1 = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"范围“{text}”无效，应为 最小经度,最小纬度,最大经度,最大纬度") from None
    if not (x0 < x1 and y0 < y1):
        raise argparse.ArgumentTypeError("范围的最小值应小于最大值")
    return x0, y0, x1, y1
