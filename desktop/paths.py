"""Where the application keeps its files (overridable with ``CITYOPS_HOME``)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the project folder (main.py, resources/)


def data_home() -> Path:
    base = os.environ.get("CITYOPS_HOME") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "cityops"
    )
    return Path(base)


def default_database_path() -> Path:
    """The embedded default: the bundled demo city, generated on first run."""
    return data_home() / "demo-city.db"
