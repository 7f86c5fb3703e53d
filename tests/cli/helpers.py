"""Run the installed command as a user would: a subprocess, its exit code and both streams."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SALESCOACH = Path(sys.executable).with_name("salescoach")


def salescoach(
    *args: str, input_text: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``salescoach ARGS`` with the test's environment (home isolated by conftest)."""
    return subprocess.run(
        [str(SALESCOACH), *args],
        input=input_text,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
        stdin=None if input_text is not None else subprocess.DEVNULL,
    )
