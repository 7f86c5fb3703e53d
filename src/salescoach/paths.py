"""Where things live: the data home, the user's config file, the built-in playbooks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "salescoach"
HOME_ENV = "SALESCOACH_HOME"
CONFIG_ENV = "SALESCOACH_CONFIG"
CACHE_ENV = "SALESCOACH_CACHE"


def expand(path: Path) -> Path:
    """``path`` with a leading ``~`` or ``~user`` expanded; UsageError for an unknown user
    (``Path.expanduser`` raises a bare RuntimeError) or an empty path."""
    try:
        return path.expanduser()
    except RuntimeError:
        from salescoach.errors import UsageError

        user = str(path).split("/", 1)[0]
        raise UsageError.told(
            "no_such_user", "no_such_user_hint", path=path, user=user[1:]
        ) from None


def data_home(explicit: Path | None = None) -> Path:
    """The records' home: ``--home``, else ``$SALESCOACH_HOME``, else the platform's data dir."""
    if explicit is not None:
        return expand(explicit).absolute()
    from_env = os.environ.get(HOME_ENV)
    if from_env:
        return expand(Path(from_env)).absolute()
    import platformdirs  # only when no home is given: it costs a few ms at start-up

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The user's config file: ``$SALESCOACH_CONFIG``, else ``config.yaml`` in the config dir."""
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return expand(Path(from_env)).absolute()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.yaml"


def cache_home() -> Path:
    """Derived, deletable files (error logs): ``$SALESCOACH_CACHE``, else the user cache dir."""
    from_env = os.environ.get(CACHE_ENV)
    if from_env:
        return Path(from_env).expanduser().absolute()
    plain = _plain_xdg_cache()
    if plain is not None:
        return plain
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _plain_xdg_cache() -> Path | None:
    """The user cache folder as ``platformdirs`` finds it on Linux in the usual case — an
    absolute ``$XDG_CACHE_HOME``, else ``~/.cache`` under an absolute ``$HOME`` — without
    importing it (platformdirs 4.14 imports tempfile, shutil, random, bz2 and lzma: ~28 M
    instructions, 6% of a search at 10,000 records). ``None`` for anything else (another
    system, Android, a relative or unset ``$HOME``): platformdirs answers then. A test keeps
    the two equal."""
    if (
        sys.platform != "linux"
        or hasattr(sys, "getandroidapilevel")
        or "ANDROID_DATA" in os.environ
    ):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg:
        return Path(xdg) / APP_NAME if Path(xdg).is_absolute() else None
    home = Path(os.environ.get("HOME", ""))
    return home / ".cache" / APP_NAME if home.is_absolute() else None


def log_dir() -> Path:
    """Where the traceback of an unexpected error is written."""
    return cache_home() / "logs"


def builtin_playbooks() -> Path:
    """The playbooks shipped with salescoach (``salescoach/playbooks`` in a wheel).

    In a source checkout installed in editable mode the wheel's copy does not exist; the
    top-level ``playbooks/`` directory of the checkout is used instead.
    """
    packaged = Path(__file__).with_name("playbooks")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "playbooks"
