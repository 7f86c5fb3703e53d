"""Typer's usage errors (an unknown command, a missing argument, a bad value) in the rep's language.

Typer words these itself, in English f-strings with no translation hook, and prints them in a
panel of its own. The app runs Typer with ``standalone_mode=False``, so they reach the one error
edge like every other error; there, :func:`told` finds the pattern of
:data:`~salescoach.messages.CLICK` the English matches and words its parts again in the
language (see :mod:`salescoach.reworded`); what matches no pattern is shown as Typer wrote it
(a Typer that words an error differently is caught by the tests, not by the rep).

Imported only when something went wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import typer

from salescoach.messages import CLICK, CLICK_KINDS, message
from salescoach.reworded import Rewording


def _typer_error(name: str) -> type[BaseException]:
    """Typer's (or click's) exception class ``name``, whichever click Typer runs on."""
    return next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == name)


def is_usage_error(failure: BaseException) -> bool:
    """Whether ``failure`` is one of Typer's own errors (a ``ClickException``)."""
    return isinstance(failure, _typer_error("ClickException"))


def is_help_shown(failure: BaseException) -> bool:
    """A group run without its command: Typer printed the group's help already."""
    return type(failure).__name__ == "NoArgsIsHelpError"


@dataclass(frozen=True)
class Told:
    """A usage error as the rep reads it: what was wrong, the usage line, where to find help."""

    text: str
    usage: str | None
    help_hint: str | None
    exit_code: int


def told(failure: Any, language: str) -> Told:
    """``failure`` (a Typer error) worded in ``language``, with its usage and help hint."""
    ctx = getattr(failure, "ctx", None)
    usage = help_hint = None
    if ctx is not None:
        usage = in_language(ctx.get_usage(), language)
        if ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            help_hint = message(language, "usage_try", command=command)
    text = in_language(failure.format_message(), language)
    return Told(text=text, usage=usage, help_hint=help_hint, exit_code=failure.exit_code)


def in_language(text: str, language: str) -> str:
    """Typer's English ``text`` in ``language``; unchanged if English or matching no pattern."""
    rewording = _rewording(language)
    return text if rewording is None else rewording(text)


@cache
def _rewording(language: str) -> Rewording | None:
    patterns = CLICK.get(language)
    return None if patterns is None else Rewording(language, patterns, CLICK_KINDS.get(language))
