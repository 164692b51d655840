"""The 管理部件 / 管理事项 class directory, read from a data table (never hard-coded).

Three table layouts are understood:

* the project's own (``scheme,kind,code,major_code,major_name,name,symbol``), as shipped in
  ``resources/codes/`` for the GB/T 30428.2-2013 directory (2-digit major + 2-digit minor);
* the successor directory (``kind,major_code,major_name,code5,name``: 2 + 3 digits);
* the older local 2 + 2 scheme (``kind,major_code,major_name,minor_code,major+minor,…,name``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from desktop.domain.codes import CodeError

DEFAULT_SCHEME = "GB/T 30428.2-2013"
_KIND_ALIASES = {"部件": "部件", "管理部件": "部件", "事项": "事项", "事件": "事项", "管理事项": "事项"}


@dataclass(frozen=True)
class ClassEntry:
    scheme: str
    kind: str  # 部件 or 事项
    code: str
    major_code: str
    major_name: str
    name: str
    symbol: str | None = None


def _entry(row: dict, scheme: str, line: int) -> ClassEntry:
    kind = _KIND_ALIASES.get((row.get("kind") or "").strip())
    if kind is None:
        raise CodeError(f"类别表第 {line} 行无效：类型“{row.get('kind')}”应为 部件 或 事项")
    code = (row.get("code") or row.get("code5") or row.get("major+minor") or "").strip()
    major = (row.get("major_code") or "").strip()
    if not code.isdigit() or not code.startswith(major) or len(code) not in (4, 5):
        raise CodeError(f"类别表第 {line} 行无效：类别代码“{code}”应为大类码 {major} 开头的 4 或 5 位数字")
    return ClassEntry(
        scheme=(row.get("scheme") or scheme).strip(),
        kind=kind,
        code=code,
        major_code=major,
        major_name=(row.get("major_name") or "").strip(),
        name=(row.get("name") or "").strip(),
        symbol=(row.get("symbol") or "").strip() or None,
    )


def read_class_table(path: Path | str, scheme: str = DEFAULT_SCHEME) -> list[ClassEntry]:
    """Read a class table; ``scheme`` names it when the file has no scheme column."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CodeError(f"无法读取类别表“{path}”：{exc}") from exc
    entries = [_entry(row, scheme, i + 2) for i, row in enumerate(rows)]
    seen: set[tuple[str, str, str]] = set()
    for entry in entries:
        key = (entry.scheme, entry.kind, entry.code)
        if key in seen:
            raise CodeError(f"类别表“{path.name}”中类别代码 {entry.kind} {entry.code} 重复")
        seen.add(key)
    if not entries:
        raise CodeError(f"类别表“{path}”为空")
    return entries


def bundled_class_table() -> list[ClassEntry]:
    """The directory shipped with the application (GB/T 30428.2-2013)."""
    path = resources.files("resources") / "codes" / "classes_gbt30428_2013.csv"
    return read_class_table(Path(str(path)))


def by_name(entries: list[ClassEntry], kind: str = "部件") -> dict[str, ClassEntry]:
    return {e.name: e for e in entries if e.kind == kind}
