"""jrnl, the terminal journal the benchmarks compare salescoach with, in a virtual environment of
its own (its dependencies would clash with ours): created on first use with ``pip install``."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

JRNL_VERSION = "4.6"
PLACE = Path(tempfile.gettempdir()) / "salescoach-bench" / f"jrnl-{JRNL_VERSION}"


def jrnl_command() -> Path:
    """The ``jrnl`` executable, installed from PyPI into :data:`PLACE` the first time."""
    executable = PLACE / "bin" / "jrnl"
    if not executable.exists():
        print(f"installing jrnl {JRNL_VERSION} into {PLACE} (once)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(PLACE)], check=True)
        subprocess.run(
            [str(PLACE / "bin" / "pip"), "install", "-q", f"jrnl=={JRNL_VERSION}"], check=True
        )
    return executable


def jrnl_config(folder: Path, journal: Path) -> dict[str, str]:
    """Environment variables that point jrnl at a config of its own using ``journal``."""
    config = folder / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\n"
        f"version: v{JRNL_VERSION}\n",
        encoding="utf-8",
    )
    return {"XDG_CONFIG_HOME": str(folder), "XDG_DATA_HOME": str(folder)}
