"""Where salescoach keeps its derived files: the user cache folder, found without platformdirs
in the usual case, is the one platformdirs gives."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from salescoach.paths import APP_NAME, CACHE_ENV, cache_home

ENVIRONMENTS = [
    {"XDG_CACHE_HOME": "/srv/cache", "HOME": "/home/rep"},
    {"XDG_CACHE_HOME": "/srv/cache/", "HOME": "/home/rep"},
    {"XDG_CACHE_HOME": "", "HOME": "/home/rep"},
    {"XDG_CACHE_HOME": None, "HOME": "/home/rep/"},
    {"XDG_CACHE_HOME": None, "HOME": "/"},
    {"XDG_CACHE_HOME": "relative/cache", "HOME": "/home/rep"},
    {"XDG_CACHE_HOME": None, "HOME": "relative"},
    {"XDG_CACHE_HOME": None, "HOME": None},
    {"XDG_CACHE_HOME": "/srv/cache", "HOME": None},
]


@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=repr)
def test_the_cache_folder_is_the_one_platformdirs_gives(
    environment: dict[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert cache_home() == Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


@pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is taken on Linux only")
def test_the_usual_cache_folder_is_found_without_importing_platformdirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/rep")
    monkeypatch.delitem(sys.modules, "platformdirs", raising=False)
    monkeypatch.setitem(sys.modules, "platformdirs", None)  # importing it now fails
    assert cache_home() == Path("/home/rep/.cache") / APP_NAME
