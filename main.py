"""城市运管服 · 一张图指挥中心 — entry point (GUI and CLI subcommands, see ``--help``)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
