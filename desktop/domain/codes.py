"""Code rules of the city data: admin codes, unit-grid codes, component codes.

Every rule lives here once; importers, the generator and the UI call these.
Errors are :class:`CodeError` with a Chinese message naming the code and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class CodeError(ValueError):
    """A code that breaks its rule; ``str()`` is a Chinese message for the user."""


class AdminLevel(str, Enum):
    """Levels of the administrative hierarchy (市/区/街道/社区)."""

    CITY = "city"
    DISTRICT = "district"
    STREET = "street"
    COMMUNITY = "community"

    @property
    def label(self) -> str:
        return {"city": "市", "district": "区", "street": "街道", "community": "社区"}[self.value]


# Significant digits of each level in the 12-digit statistical code (GB/T 2260 + 3 + 3).
_ADMIN_DIGITS = {AdminLevel.CITY: 4, AdminLevel.DISTRICT: 6, AdminLevel.STREET: 9, AdminLevel.COMMUNITY: 12}


def _digits(code: str, what: str) -> str:
    code = (code or "").strip()
    if not code.isascii() or not code.isdigit():
        raise CodeError(f"{what}“{code}”无效：只能由数字组成")
    return code


def admin_level(code: str) -> AdminLevel:
    """Level of an admin code given as 4, 6, 9 or 12 digits (trailing zeros of a 12-digit code are allowed)."""
    code = _digits(code, "行政区划代码")
    if len(code) == 12:
        for level in (AdminLevel.CITY, AdminLevel.DISTRICT, AdminLevel.STREET):
            if code[_ADMIN_DIGITS[level] :] == "0" * (12 - _ADMIN_DIGITS[level]):
                return level
        return AdminLevel.COMMUNITY
    for level, n in _ADMIN_DIGITS.items():
        if len(code) == n:
            return level
    raise CodeError(f"行政区划代码“{code}”无效：应为 4、6、9 或 12 位数字，实际 {len(code)} 位")


def normalize_admin_code(code: str) -> str:
    """Short form of an admin code: 4 (市), 6 (区), 9 (街道) or 12 (社区) digits."""
    level = admin_level(code)
    code = code.strip()
    short = code[: _ADMIN_DIGITS[level]]
    if int(short[:2]) < 11 or int(short[:2]) > 82:
        raise CodeError(f"行政区划代码“{code}”无效：省级代码 {short[:2]} 不存在")
    return short


def parent_admin_code(code: str) -> str | None:
    """The code of the level above, or None for a city."""
    level = admin_level(code)
    order = list(_ADMIN_DIGITS)
    index = order.index(level)
    if index == 0:
        return None
    return normalize_admin_code(code)[: _ADMIN_DIGITS[order[index - 1]]]


@dataclass(frozen=True)
class GridCodeRule:
    """Layout of a unit-grid code (GB/T 30428.1: 6 admin + 3 street + 3 community + 2 serial).

    Configurable because some cities use another width (Beijing: 15 digits, 3-digit serial).
    """

    admin_digits: int = 6
    street_digits: int = 3
    community_digits: int = 3
    serial_digits: int = 2

    @property
    def length(self) -> int:
        return self.admin_digits + self.street_digits + self.community_digits + self.serial_digits

    def validate(self, code: str) -> str:
        """Return the code if it is valid, else raise :class:`CodeError`."""
        code = _digits(code, "单元网格编码")
        if len(code) != self.length:
            raise CodeError(f"单元网格编码“{code}”无效：应为 {self.length} 位数字，实际 {len(code)} 位")
        normalize_admin_code(code[: self.admin_digits])
        parts = self.split(code)
        for name, value in (("街道码", parts.street), ("社区码", parts.community), ("网格序号", parts.serial)):
            if int(value) == 0:
                raise CodeError(f"单元网格编码“{code}”无效：{name}不能为全 0")
        return code

    def split(self, code: str) -> GridCodeParts:
        a, s, c = self.admin_digits, self.street_digits, self.community_digits
        return GridCodeParts(code[:a], code[a : a + s], code[a + s : a + s + c], code[a + s + c :])

    def compose(self, community_code: str, serial: int) -> str:
        """Grid code from a 12-digit community code and a serial number."""
        community_code = normalize_admin_code(community_code)
        if len(community_code) != 12:
            raise CodeError(f"社区代码“{community_code}”无效：应为 12 位")
        if not 0 < serial < 10**self.serial_digits:
            raise CodeError(f"网格序号 {serial} 超出 1–{10**self.serial_digits - 1} 的范围")
        return self.validate(community_code + f"{serial:0{self.serial_digits}d}")

    def community_of(self, code: str) -> str:
        """12-digit community code of a grid code."""
        return code[: self.admin_digits + self.street_digits + self.community_digits]


@dataclass(frozen=True)
class GridCodeParts:
    admin: str
    street: str
    community: str
    serial: str


DEFAULT_GRID_RULE = GridCodeRule()


@dataclass(frozen=True)
class ComponentCodeRule:
    """Component identity = 6-digit admin code + class code + serial (GB/T 30428.2 部件标识码).

    The class code width depends on the class scheme (4 digits in the 2013 directory,
    5 digits in its successor); the serial is 6 digits.
    """

    serial_digits: int = 6

    def compose(self, admin_code: str, class_code: str, serial: int) -> str:
        admin_code = normalize_admin_code(admin_code)
        if len(admin_code) != 6:
            raise CodeError(f"部件编码的行政区划代码“{admin_code}”无效：应为 6 位区县代码")
        class_code = _digits(class_code, "部件类别代码")
        if not 0 < serial < 10**self.serial_digits:
            raise CodeError(f"部件序号 {serial} 超出 1–{10**self.serial_digits - 1} 的范围")
        return f"{admin_code}{class_code}{serial:0{self.serial_digits}d}"

    def validate(self, code: str, class_code: str) -> str:
        """Check a component code against the class it is said to belong to."""
        code = _digits(code, "部件编码")
        expected = 6 + len(class_code) + self.serial_digits
        if len(code) != expected:
            raise CodeError(
                f"部件编码“{code}”无效：类别 {class_code} 的部件编码应为 {expected} 位，实际 {len(code)} 位"
            )
        normalize_admin_code(code[:6])
        if code[6 : 6 + len(class_code)] != class_code:
            raise CodeError(f"部件编码“{code}”无效：类别码应为 {class_code}，实际为 {code[6 : 6 + len(class_code)]}")
        if int(code[-self.serial_digits :]) == 0:
            raise CodeError(f"部件编码“{code}”无效：序号不能为全 0")
        return code


DEFAULT_COMPONENT_RULE = ComponentCodeRule()
