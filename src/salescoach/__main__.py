"""Entry point: ``salescoach`` and ``python -m salescoach``."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line and exit with its code: a plain ``search`` without Typer
    (:mod:`salescoach.cli.direct`), everything else through the app."""
    from salescoach.cli.direct import run_direct

    code = run_direct(sys.argv[1:])
    if code is None:
        from salescoach.cli.app import run

        code = run(sys.argv[1:])
    sys.exit(code)


if __name__ == "__main__":
    main()
