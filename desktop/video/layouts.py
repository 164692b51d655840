"""Video-wall layouts: cells (row, column, row span, column span) on a square grid."""

from __future__ import annotations

import math

Cell = tuple[int, int, int, int]


def _grid(n: int) -> list[Cell]:
    return [(r, c, 1, 1) for r in range(n) for c in range(n)]


def _focus(big: int) -> list[Cell]:
    """One ``big`` × ``big`` tile top-left, small tiles along the right and bottom edge."""
    n = big + 1
    return [(0, 0, big, big), *((r, big, 1, 1) for r in range(big)), *((big, c, 1, 1) for c in range(n))]


LAYOUTS: dict[str, list[Cell]] = {
    "1": _grid(1),
    "4": _grid(2),
    "9": _grid(3),
    "16": _grid(4),
    "1+5": _focus(2),
    "1+7": _focus(3),
}
MAX_TILES = max(len(cells) for cells in LAYOUTS.values())
SLOTS = 64  # cameras the wall holds across its pages


def page_count(layout: str) -> int:
    return math.ceil(SLOTS / len(LAYOUTS[layout]))
