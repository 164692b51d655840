"""Plugin packages installed for a test: a module and a dist-info with entry points on sys.path."""

import sys
import textwrap


def install_plugin_package(tmp_path, monkeypatch, module: str, source: str, entry_points: str) -> None:
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    dist = tmp_path / f"{module}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, module, raising=False)
