"""Subcommands of ``main.py``: one module each, discovered by :mod:`desktop.cli`."""
