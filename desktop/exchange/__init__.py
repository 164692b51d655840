"""Data exchange: importing and exporting city data files (Qt-free).

See :mod:`desktop.exchange.importer` for the field conventions.
"""

from desktop.exchange.classes import import_class_table
from desktop.exchange.errors import ExchangeError
from desktop.exchange.exporter import export_file
from desktop.exchange.importer import KINDS, ImportReport, import_file

__all__ = ["KINDS", "ExchangeError", "ImportReport", "export_file", "import_class_table", "import_file"]
