"""Named map views, kept in ``bookmarks.json`` under the user's data directory."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.paths import data_home

log = logging.getLogger(__name__)

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Bookmark:
    name: str
    bbox: BBox


def default_bookmark_path() -> Path:
    return data_home() / "bookmarks.json"


class BookmarkStore(QObject):
    """The bookmarks in the order they were added; every change is written at once."""

    sig_changed = Signal()

    def __init__(self, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path or default_bookmark_path()
        self._bookmarks = self._read()

    def __iter__(self):
        return iter(self._bookmarks)

    def __len__(self) -> int:
        return len(self._bookmarks)

    def get(self, name: str) -> Bookmark | None:
        return next((b for b in self._bookmarks if b.name == name), None)

    def add(self, name: str, bbox: BBox) -> Bookmark:
        """Add a bookmark (replacing one of the same name)."""
        bookmark = Bookmark(name.strip(), tuple(float(v) for v in bbox))
        self._bookmarks = [b for b in self._bookmarks if b.name != bookmark.name] + [bookmark]
        self._commit()
        return bookmark

    def remove(self, name: str) -> None:
        self._bookmarks = [b for b in self._bookmarks if b.name != name]
        self._commit()

    def _read(self) -> list[Bookmark]:
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            return [Bookmark(str(row["name"]), tuple(float(v) for v in row["bbox"])) for row in rows]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError):
            log.exception("书签文件 %s 无法读取，从空书签开始", self.path)
            return []

    def _commit(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        staging = self.path.with_suffix(".json.tmp")
        rows = [{"name": b.name, "bbox": list(b.bbox)} for b in self._bookmarks]
        staging.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(staging, self.path)
        self.sig_changed.emit()
