"""The user's settings: a small YAML file, validated once at the edge."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from salescoach.errors import Problem, ProblemsError, UsageError
from salescoach.messages import locale_language
from salescoach.paths import config_file, expand
from salescoach.yamlio import YamlProblems, load_file

LANGUAGES = ("en", "fr")


class Settings(BaseModel):
    """What ``config.yaml`` may hold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str | None = Field(default=None, pattern=r"^(en|fr)$")
    playbooks: list[Path] = Field(
        default_factory=list, description="Team playbook directories, searched after built-ins."
    )
    home: Path | None = None
    depth: Literal["quick", "standard", "full"] | None = Field(
        default=None,
        description="How much of the method a prep or debrief walks unless --quick or --depth "
        "says otherwise (default standard).",
    )
    email: str | None = Field(
        default=None,
        description="Your own address: `prep --invite` leaves you (and your colleagues, at your "
        "domain) out of the contacts. Default: $EMAIL.",
    )
    author: str | None = Field(
        default=None,
        min_length=1,
        description="Your name as every record you write names you. Default: git's user.name.",
    )
    sync: Literal["auto", "manual"] | None = Field(
        default=None,
        description="auto: `salescoach sync` after every save (a walk, a next step's state) in a "
        "git work tree (default manual: run `salescoach sync` yourself).",
    )


class ConfigError(ProblemsError):
    """The config file is not valid."""


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file if there is one; a missing file means defaults."""
    path = path or config_file()
    if not path.exists():  # a FIFO or a device is read, and refused, by load_file
        return Settings()
    try:
        document = load_file(path, max_bytes=100_000)
    except YamlProblems as error:
        raise ConfigError(error.problems) from None
    if document.value is None:
        return Settings()
    try:
        settings = Settings.model_validate(document.value)
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
    base = path.parent
    playbooks: list[Path] = []
    problems: list[Problem] = []
    for index, folder in enumerate(settings.playbooks):
        where = document.locate(("playbooks", index))
        try:
            playbooks.append((base / expand(folder)).resolve())
        except UsageError as error:
            problems.append(Problem(where, error.message, f"playbooks.{index}", hint=error.hint))
        except (OSError, RuntimeError) as error:  # a symlink loop
            problems.append(
                Problem(where, f"cannot resolve {folder}: {error}", f"playbooks.{index}")
            )
    home = settings.home
    if home is not None:
        try:
            home = expand(home)
        except UsageError as error:
            problems.append(Problem(document.locate(("home",)), error.message, "home"))
    if problems:
        raise ConfigError(problems)
    return settings.model_copy(update={"playbooks": playbooks, "home": home})


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
        known = sorted(Settings.model_fields)
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
        if depth not in ("quick", "standard", "full"):
            raise UsageError.told("bad_depth", given=depth)
        return depth
    return settings.depth or DEFAULT_DEPTH
