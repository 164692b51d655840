"""What a fresh interpreter loads when it imports every module of some packages (found by walking their
folders, so subpackages and modules beside them are all imported)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def modules_of(package: str) -> list[str]:
    """Every module of ``package`` (a dotted name under the project root) and of its subpackages, itself
    included; folders without ``__init__.py`` (such as alembic's scripts) are not packages and are left out."""
    path = ROOT.joinpath(*package.split("."))
    if not path.is_dir():
        return [package]
    names = []
    for file in sorted(path.rglob("*.py")):
        folders = [file.parent, *file.parent.parents]
        if all((folder / "__init__.py").exists() for folder in folders[: folders.index(path) + 1]):
            parts = file.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def loaded_after_importing(modules: list[str]) -> list[str]:
    """``sys.modules`` of a new interpreter, run from the project root, after importing ``modules``."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(modules)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def within(module: str, packages: tuple[str, ...]) -> bool:
    """Whether ``module`` is one of ``packages`` or inside one."""
    return any(module == package or module.startswith(f"{package}.") for package in packages)
