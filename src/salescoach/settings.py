"""The user's settings: a small YAML file, validated once at the edge.

Every command reads it, so reading it stays light: a config file of the shape people write
(``key: value`` lines, comments, a list of folders in brackets or one per line) is read here
without the YAML library or pydantic (170 ms of imports, every command). Anything else — an
unknown key, a value of another type, quotes, a nested mapping, a problem of any kind — goes
through the strict YAML reader and the pydantic model, which locate and explain it.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from salescoach.errors import Problem, ProblemsError, UsageError
from salescoach.messages import locale_language
from salescoach.paths import config_file, expand

if TYPE_CHECKING:
    from salescoach.yamlio import Document

LANGUAGES = ("en", "fr")
DEPTHS = ("quick", "standard", "full")
SYNC_MODES = ("auto", "manual")
MAX_CONFIG_BYTES = 100_000


@dataclass(frozen=True)
class Settings:
    """What ``config.yaml`` may hold."""

    lang: str | None = None
    """``en`` or ``fr``."""
    playbooks: list[Path] = field(default_factory=list)
    """Team playbook directories, searched after built-ins."""
    home: Path | None = None
    depth: Literal["quick", "standard", "full"] | None = None
    """How much of the method a prep or debrief walks unless --quick or --depth says otherwise
    (default standard)."""
    email: str | None = None
    """Your own address: `prep --invite` leaves you (and your colleagues, at your domain) out
    of the contacts. Default: $EMAIL."""
    author: str | None = None
    """Your name as every record you write names you. Default: git's user.name."""
    sync: Literal["auto", "manual"] | None = None
    """auto: `salescoach sync` after every save (a walk, a next step's state) in a git work
    tree (default manual: run `salescoach sync` yourself)."""


SETTING_NAMES = tuple(setting.name for setting in fields(Settings))


class ConfigError(ProblemsError):
    """The config file is not valid."""


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file if there is one; a missing file means defaults."""
    path = path or config_file()
    if not path.exists():  # a FIFO or a device is read, and refused, by load_file
        return Settings()
    quick = _read_plainly(path)
    if quick is not None:
        try:
            return _resolved(path, quick, None)
        except ConfigError:
            pass  # the strict reader locates the problem
    return _load_strictly(path)


def _load_strictly(path: Path) -> Settings:
    """The config file read by the strict YAML reader and checked by the pydantic model."""
    from pydantic import ValidationError

    from salescoach.yamlio import YamlProblems, load_file

    try:
        document = load_file(path, max_bytes=MAX_CONFIG_BYTES)
    except YamlProblems as error:
        raise ConfigError(error.problems) from None
    if document.value is None:
        return Settings()
    try:
        checked = _model().model_validate(document.value)
    except ValidationError as error:
        raise ConfigError(
            [
                Problem(
                    document.locate(tuple(d["loc"])),
                    *_explained(d["type"], d["loc"], d.get("input"), str(d["msg"])),
                )
                for d in error.errors()
            ]
        ) from None
    return _resolved(path, Settings(**checked.model_dump()), document)


def _resolved(path: Path, settings: Settings, document: Document | None) -> Settings:
    """``settings`` with its folders made absolute (relative to the config file's folder);
    ConfigError, located in ``document`` (unlocated without one), when one cannot be."""
    from salescoach.errors import Location

    def where(*steps: str | int) -> Location:
        return document.locate(steps) if document is not None else Location(path)

    base = path.parent
    playbooks: list[Path] = []
    problems: list[Problem] = []
    for index, folder in enumerate(settings.playbooks):
        try:
            playbooks.append((base / expand(folder)).resolve())
        except UsageError as error:
            problems.append(
                Problem(
                    where("playbooks", index), error.message, f"playbooks.{index}", hint=error.hint
                )
            )
        except (OSError, RuntimeError) as error:  # a symlink loop
            problems.append(
                Problem(
                    where("playbooks", index),
                    f"cannot resolve {folder}: {error}",
                    f"playbooks.{index}",
                )
            )
    home = settings.home
    if home is not None:
        try:
            home = expand(home)
        except UsageError as error:
            problems.append(Problem(where("home"), error.message, "home"))
    if problems:
        raise ConfigError(problems)
    return replace(settings, playbooks=playbooks, home=home)


def _model() -> Any:
    """The pydantic model that checks a config file the quick reader did not take (it names
    every problem); imported only then."""
    from salescoach.settings_model import SettingsModel

    return SettingsModel


# --------------------------------------------------------------------------------- the quick reader

_LINE = re.compile(r"([a-z]+):(?: +(.*?))?(?: +#.*)?")
"""A top-level setting: a known-looking key, a colon, maybe a value, maybe a comment."""
_ITEM = re.compile(r"( *)- +(.*?)(?: +#.*)?")
_COMMENT_OR_BLANK = re.compile(r" *(?:#.*)?")
_STARTS_OTHERWISE = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""A plain value starting with one of these is left to the strict reader."""
_ODD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Tabs, carriage returns, control characters, line separators, a byte-order mark: for the
strict reader."""
_MEANINGFUL_IN_FLOW = frozenset(":#[]{}'\"")
"""Characters an item between brackets is left to the strict reader for."""


def _read_plainly(path: Path) -> Settings | None:
    """The settings of a config file of the plain shape (see the module docstring), or
    ``None`` when the strict reader must read it (any doubt, any problem)."""
    text = _small_text(path)
    if text is None or _ODD.search(text) or text.startswith(("---", "...", "%")):
        return None
    found: dict[str, Any] = {}
    list_for: str | None = None  # the setting whose items the next lines may hold
    list_indent: int | None = None
    for line in text.split("\n"):
        if list_for is not None:
            item = _ITEM.fullmatch(line)
            if item is not None:
                value = _plain(item.group(2))
                indent = len(item.group(1))
                if not isinstance(value, str) or indent != (
                    indent if list_indent is None else list_indent
                ):
                    return None  # not a word, or items indented differently
                list_indent = indent
                found[list_for] = [*(found[list_for] or []), value]
                continue
        if _COMMENT_OR_BLANK.fullmatch(line):
            continue
        setting = _LINE.fullmatch(line)
        if setting is None:
            return None
        key, given = setting.group(1), setting.group(2)
        if key not in SETTING_NAMES or key in found:
            return None
        list_for = list_indent = None
        if given is None:  # a list on the next lines, or nothing (null)
            found[key] = None
            list_for = key
        elif given.startswith("[") and given.endswith("]"):
            items = [_plain(item.strip(" "), flow=True) for item in given[1:-1].split(",")]
            if items == [None]:  # []
                items = []
            if not all(isinstance(item, str) for item in items):
                return None
            found[key] = items
        else:
            value = _plain(given)
            if value is _UNSURE:
                return None
            found[key] = value
    return _checked(found)


_UNSURE: Any = object()


def _plain(text: str, *, flow: bool = False) -> Any:
    """The value of a plain word or phrase as the strict reader gives it (``None`` for an empty
    one), or :data:`_UNSURE`; ``flow``: an item between brackets."""
    if not text:
        return None
    if (
        text[0] in _STARTS_OTHERWISE
        or text != text.strip()
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or (flow and any(mark in text for mark in _MEANINGFUL_IN_FLOW))
    ):
        return _UNSURE
    from salescoach.scalars import NumberTooLarge, resolve_plain

    try:
        return resolve_plain(text)
    except NumberTooLarge:
        return _UNSURE


def _checked(found: dict[str, Any]) -> Settings | None:
    """The settings, when every value is of the type the model takes as it is; else None."""
    lang, depth, sync = found.get("lang"), found.get("depth"), found.get("sync")
    if lang is not None and lang not in LANGUAGES:
        return None
    if depth is not None and depth not in DEPTHS:
        return None
    if sync is not None and sync not in SYNC_MODES:
        return None
    for name in ("home", "email", "author"):
        value = found.get(name)
        if value is not None and (not isinstance(value, str) or not value):
            return None
    playbooks = found.get("playbooks", [])
    if not isinstance(playbooks, list) or not all(
        isinstance(item, str) and item for item in playbooks
    ):
        return None
    home = found.get("home")
    return Settings(
        lang=lang,
        playbooks=[Path(item) for item in playbooks],
        home=None if home is None else Path(home),
        depth=depth,
        email=found.get("email"),
        author=found.get("author"),
        sync=sync,
    )


def _small_text(path: Path) -> str | None:
    """The text of a regular file of at most :data:`MAX_CONFIG_BYTES` in strict UTF-8, or
    ``None`` (the strict reader then reads it and names what is wrong)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CONFIG_BYTES:
            return None
        data = os.read(descriptor, MAX_CONFIG_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    if len(data) > MAX_CONFIG_BYTES:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


KNOWN_VALUES: dict[str, tuple[str, ...]] = {"lang": LANGUAGES}
"""The settings that take one of a few values."""


def _explained(
    kind: str, location: tuple[int | str, ...], given: object, message: str
) -> tuple[str, str, str | None]:
    """A settings error as ``(message, field path, hint)``, with "did you mean" when the key or
    the value is a near miss of a known one."""
    import difflib

    field_path = ".".join(map(str, location))
    name = str(location[0]) if location else ""
    if kind == "extra_forbidden":
        known = sorted(SETTING_NAMES)
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
        hint = f"did you mean `{close[0]}`?" if close else f"the settings are: {', '.join(known)}"
        return f"`{name}` is not a setting", field_path, hint
    if name in KNOWN_VALUES and isinstance(given, str):
        allowed = KNOWN_VALUES[name]
        near = difflib.get_close_matches(given.lower(), allowed, n=1, cutoff=0.3)
        return (
            f"`{given}` is not one of {', '.join(allowed)}",
            field_path,
            f"did you mean `{near[0]}`?" if near else None,
        )
    return message, field_path, None


def choose_language(explicit: str | None, settings: Settings) -> str:
    """``--lang``, else the config, else the locale (``fr_*`` is French), else English."""
    if explicit:
        return explicit
    if settings.lang:
        return settings.lang
    return locale_language()


DEFAULT_DEPTH = "standard"


def choose_depth(quick: bool, depth: str | None, settings: Settings) -> str:
    """``--quick``, else ``--depth``, else the config's ``depth``, else standard.

    Raises :class:`~salescoach.errors.UsageError` when both options are given or the depth is
    not one of quick, standard, full.
    """
    from salescoach.errors import UsageError

    if quick and depth is not None and depth != "quick":
        raise UsageError.told("not_both", first="--quick", second=f"--depth {depth}")
    if quick:
        return "quick"
    if depth is not None:
        if depth not in DEPTHS:
            raise UsageError.told("bad_depth", given=depth)
        return depth
    return settings.depth or DEFAULT_DEPTH
