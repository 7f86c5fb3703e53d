"""The reader of plain command lines, for the commands run without Typer.

:mod:`salescoach.cli.direct` (``search``), :mod:`salescoach.cli.direct_reports` (``agenda``,
``account``, the reports) and :mod:`salescoach.cli.direct_records` (``show``, ``debrief
--example-answers``) each declare a table of the options they take — flag → :class:`Option` —
and read the command line with :func:`read_global` and :func:`read_options`. The rules are the
same for every option of every command:

- ``--name value`` and ``-n value`` (a value that does not start with ``-``), ``--name=value``
  (any value), or a lone flag; each option at most once, but a :data:`PATHS` one as often as
  given;
- the global options of :data:`GLOBAL` before the command, and the command's options and
  arguments after it in any order.

Anything else — help, a typo, an option a table does not hold, a value Typer would refuse, a
flag given a value, ``--``, a lone ``-`` — makes the reader answer ``None``: the command line is
left to Typer, which answers (or prints its usual error) as it always has. Every option not
given stands for its :attr:`Option.default`, which the Typer commands declare from the same
constants (:data:`SEARCH_LIMIT`, :data:`AGENDA_DAYS`, …); tests keep the tables equal to what
Typer is given and run command lines both ways.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FLAG, TEXT, COUNT, POSITIVE, PATHS = "flag", "text", "count", "positive", "paths"
"""An option's kind: a lone flag (True when given), any text, a whole number of at least 0, one
of at least 1, a path that may be repeated (the list of every one given)."""

SEARCH_LIMIT = 20
"""``search --limit``: the best 20 records."""
AGENDA_DAYS = 7
"""``agenda --days``: a week ahead."""
AGENDA_LIMIT = 30
"""``agenda --limit``: the 30 most urgent items."""
STUCK_AFTER = 90
"""``report phases --stuck-after``: 90 days in one phase."""

LANGUAGES = ("en", "fr")
"""The values ``--lang`` takes."""


class Option:
    """What a command-line option stands for: the parameter it sets, its kind, and its value
    when not given (a flag: False; a :data:`PATHS` option: no path). A plain class: a
    ``NamedTuple`` or a dataclass costs a millisecond to make at import."""

    __slots__ = ("default", "kind", "parameter")

    def __init__(self, parameter: str, kind: str, default: Any = None) -> None:
        self.parameter = parameter
        self.kind = kind
        self.default = default

    def __repr__(self) -> str:
        return f"Option({self.parameter!r}, {self.kind!r}, {self.default!r})"


Table = dict[str, Option]
"""A command's options: each of its flags (``--limit``, ``-n``) → what it stands for."""

GLOBAL: Table = {
    "--home": Option("home", TEXT),
    "--lang": Option("lang", TEXT),
    "--debug": Option("debug", FLAG),
}
"""The global options read here; ``--playbooks`` and ``--version`` are left to Typer. Only those
given are in what :func:`read_global` answers (a home not given comes from the environment)."""


def read_global(argv: list[str]) -> tuple[dict[str, Any], int] | None:
    """The global options given before the command, and where the command starts; ``None`` for
    anything to leave to Typer."""
    found: dict[str, Any] = {}
    at = 0
    while at < len(argv) and argv[at].startswith("-"):
        taken = _option(argv, at, GLOBAL, found)
        if taken is None:
            return None
        at = taken
    if found.get("lang", LANGUAGES[0]) not in LANGUAGES:
        return None
    return found, at


def read_options(arguments: list[str], table: Table) -> tuple[dict[str, Any], list[str]] | None:
    """Every option of ``table`` (given, or its default) and the other arguments, in order;
    ``None`` for anything to leave to Typer."""
    given: dict[str, Any] = {}
    words: list[str] = []
    at = 0
    while at < len(arguments):
        if not arguments[at].startswith("-"):
            words.append(arguments[at])
            at += 1
            continue
        taken = _option(arguments, at, table, given)
        if taken is None:
            return None
        at = taken
    return {**defaults(table), **given}, words


def defaults(table: Table) -> dict[str, Any]:
    """What each option of ``table`` stands for when it is not given."""
    return {option.parameter: _unset(option) for option in table.values()}


def _unset(option: Option) -> Any:
    """What ``option`` stands for when it is not given."""
    if option.kind == FLAG:
        return False
    if option.kind == PATHS:
        return []  # a new list each time: the caller may keep it
    return option.default


def _option(arguments: list[str], at: int, table: Table, given: dict[str, Any]) -> int | None:
    """Read the option at ``arguments[at]`` into ``given`` and answer where the next argument
    is; ``None`` when Typer must read it."""
    name, equals, attached = arguments[at].partition("=")
    if not name.startswith("--"):
        name, equals = arguments[at], ""  # a short option takes no "=value"
    option = table.get(name)
    if option is None or (option.parameter in given and option.kind != PATHS):
        return None
    if option.kind == FLAG:
        if equals:
            return None  # Typer: "Option '--json' does not take a value."
        given[option.parameter] = True
        return at + 1
    if equals:
        value, after = attached, at + 1
    elif at + 1 < len(arguments) and not arguments[at + 1].startswith("-"):
        value, after = arguments[at + 1], at + 2
    else:
        return None
    read = _value(value, option.kind)
    if read is None:
        return None
    if option.kind == PATHS:
        given.setdefault(option.parameter, []).append(read)
    else:
        given[option.parameter] = read
    return after


def _value(value: str, kind: str) -> Any:
    """``value`` read as an option of ``kind``, as click reads it; ``None`` when click would
    refuse it."""
    if kind == TEXT:
        return value
    if kind == PATHS:
        return Path(value)
    try:
        number = int(value)  # as click reads an int
    except ValueError:
        return None
    return number if number >= (1 if kind == POSITIVE else 0) else None
