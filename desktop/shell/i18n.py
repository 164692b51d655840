"""Translations: the app's zh_CN catalogue plus Qt's own, and the lupdate/lrelease workflow.

Source strings are English (``self.tr`` / ``QCoreApplication.translate``). After adding strings run
``python -m desktop.shell.i18n update``, translate every new entry in the .ts file (Qt Linguist or an
editor), then run it again so the compiled .qm matches.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import ROOT

log = logging.getLogger(__name__)

TRANSLATIONS = ROOT / "resources" / "translations"
LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
SOURCE_PACKAGES = ("desktop", "widgets", "layers", "plugins")
MAIN_CATALOGUE = "cityops"


@dataclass(frozen=True)
class Catalogue:
    """One .ts/.qm pair. A feature's Qt code in ``widgets/<feature>/`` or ``layers/<feature>/``
    gets a catalogue of its own (so features can be translated independently); the rest is ``cityops``."""

    name: str

    @property
    def ts(self) -> Path:
        return TRANSLATIONS / f"{self.name}_zh_CN.ts"

    @property
    def qm(self) -> Path:
        return TRANSLATIONS / f"{self.name}_zh_CN.qm"


def catalogue_of(path: Path) -> Catalogue:
    parts = path.relative_to(ROOT).parts
    if len(parts) > 2 and parts[0] in ("widgets", "layers"):
        return Catalogue(parts[1])
    return Catalogue(MAIN_CATALOGUE)


def source_files() -> list[Path]:
    """Python files that may hold translatable strings."""
    return sorted(p for package in SOURCE_PACKAGES for p in (ROOT / package).rglob("*.py"))


def catalogues() -> dict[Catalogue, list[Path]]:
    """Every catalogue with its source files."""
    result: dict[Catalogue, list[Path]] = {}
    for path in source_files():
        result.setdefault(catalogue_of(path), []).append(path)
    return result


def load_translators(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's zh_CN catalogue (if shipped) and the app's; returns them so they stay alive."""
    translators = []
    qt = QTranslator(app)
    if qt.load(LOCALE, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for qm in sorted(TRANSLATIONS.glob("*_zh_CN.qm")):
        own = QTranslator(app)
        if own.load(str(qm)):
            translators.append(own)
        else:
            log.warning("翻译文件 %s 无法读取", qm)
    if len(translators) < 2:
        log.warning("%s 中没有翻译文件：界面将显示英文", TRANSLATIONS)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def lupdate(catalogue: Catalogue, files: list[Path], ts: Path | None = None) -> None:
    names = [str(p.relative_to(ROOT)) for p in files]
    target = ts or catalogue.ts
    subprocess.run([_tool("pyside6-lupdate"), *names, "-ts", str(target)], cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main(argv: list[str]) -> int:
    if argv != ["update"]:
        print("用法：python -m desktop.shell.i18n update   （运行 lupdate 与 lrelease）", file=sys.stderr)
        return 2
    for catalogue, files in catalogues().items():
        lupdate(catalogue, files)
        lrelease(catalogue.ts, catalogue.qm)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
