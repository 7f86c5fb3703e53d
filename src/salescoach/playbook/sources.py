"""Where playbooks are looked for: the search path and the files in it, without reading any.

Kept apart from :mod:`salescoach.playbook.library` (which imports the playbook model, pydantic
included) so a report can tell whether the playbooks changed by their files' stat alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from salescoach.paths import builtin_playbooks, expand

PLAYBOOKS_ENV = "SALESCOACH_PLAYBOOKS"


@dataclass(frozen=True)
class Source:
    """One directory on the search path and why it is there."""

    origin: str  # "built-in", "config", "env", "option" ("checked": a path given to a command)
    directory: Path


def search_path(
    language: str,
    config_dirs: Sequence[Path] = (),
    option_dirs: Sequence[Path] = (),
    *,
    environ: dict[str, str] | None = None,
) -> list[Source]:
    """The directories searched, in order (later wins)."""
    env = os.environ if environ is None else environ
    sources = [Source("built-in", builtin_playbooks() / language)]
    if language != "en":
        sources.insert(0, Source("built-in", builtin_playbooks() / "en"))
    sources += [Source("config", expand(Path(d))) for d in config_dirs]
    sources += [
        Source("env", expand(Path(d)))
        for d in env.get(PLAYBOOKS_ENV, "").split(os.pathsep)
        if d.strip()
    ]
    sources += [Source("option", expand(Path(d))) for d in option_dirs]
    return sources


def playbook_files(directory: Path) -> list[Path]:
    """The YAML files under a directory, sorted, hidden directories skipped."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        return []
    return sorted(
        path
        for pattern in ("*.yaml", "*.yml")
        for path in directory.rglob(pattern)
        if not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )
