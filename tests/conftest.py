"""Every test runs against a fresh data home and config: no test touches the real ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data home, config, cache and git's user config at tmp_path; English unless a
    test says otherwise."""
    home = tmp_path / "home"
    monkeypatch.setenv("SALESCOACH_HOME", str(home))
    monkeypatch.setenv("SALESCOACH_CONFIG", str(tmp_path / "config.yaml"))
    monkeypatch.setenv("SALESCOACH_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SALESCOACH_PLAYBOOKS", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    # git as on a new machine: no user.name (records name no author unless a test gives one)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)
    return home
