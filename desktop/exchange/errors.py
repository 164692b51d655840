"""Errors of data exchange: one Chinese message listing every problem found."""

from __future__ import annotations

MAX_LISTED = 20


class ExchangeError(ValueError):
    """An import or export that cannot be done; ``str()`` is a Chinese message for the user.

    ``problems`` holds the individual reasons (one per feature) when there are several.
    """

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or [message]


class ProblemList:
    """Collects per-feature problems and raises them together as one :class:`ExchangeError`."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[str] = []

    def add(self, index: int, code: str | None, reason: str) -> None:
        label = f"第 {index} 个要素（编码 {code}）" if code else f"第 {index} 个要素"
        self.problems.append(f"{label}：{reason}")

    def raise_if_any(self) -> None:
        if not self.problems:
            return
        listed = self.problems[:MAX_LISTED]
        lines = [f"“{self.source}”有 {len(self.problems)} 处错误，未导入任何数据："]
        lines += [f"  {p}" for p in listed]
        if len(self.problems) > len(listed):
            lines.append(f"  ……另有 {len(self.problems) - len(listed)} 处错误未列出")
        raise ExchangeError("\n".join(lines), self.problems)
