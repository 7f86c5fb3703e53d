"""Entry point: ``salescoach`` and ``python -m salescoach``."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line and exit with its code."""
    from salescoach.cli.app import run

    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
