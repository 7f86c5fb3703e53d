"""The one error edge: how a failure that reached the top of the program is told, and its exit.

A known error (:class:`~salescoach.errors.SalescoachError`) is one paragraph on standard error
and its exit code (1, or 2 for wrong usage). Anything else is a bug: one line saying what failed
and where the full traceback was written (a log file in the user cache directory), and
:data:`UNEXPECTED_EXIT`. ``--debug`` prints the traceback as well.

Imported only when something went wrong: a successful run never pays for it.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

import typer

from salescoach.errors import SalescoachError
from salescoach.messages import message

UNEXPECTED_EXIT = 70
"""``EX_SOFTWARE`` of sysexits.h: an internal error, distinct from a user error (1) or usage (2)."""
INTERRUPTED_EXIT = 130
LOGS_KEPT = 20


def language_of(argv: list[str]) -> str:
    """The language to report in, without trusting anything that may itself have failed."""
    if "--lang" in argv:
        index = argv.index("--lang")
        if index + 1 < len(argv) and argv[index + 1] in ("en", "fr"):
            return argv[index + 1]
    from salescoach.settings import Settings, choose_language, load_settings

    try:
        settings = load_settings()
    except Exception:  # a broken config is reported by the command that reads it
        settings = Settings()
    return choose_language(None, settings)


def handle(failure: BaseException, *, argv: list[str], debug: bool) -> int:
    """Tell ``failure`` on standard error and return the exit code."""
    language = language_of(argv)
    from salescoach.cli.usage_errors import is_help_shown, is_usage_error, told

    if is_usage_error(failure):
        if debug:
            traceback.print_exception(failure)
        if is_help_shown(failure):
            return int(getattr(failure, "exit_code", 2))
        from salescoach.ui import render

        usage_error = told(failure, language)
        render.usage_error(language, usage_error.text, usage_error.usage, usage_error.help_hint)
        return usage_error.exit_code
    if isinstance(failure, typer.Abort):
        from salescoach.ui import render

        render.say(message(language, "aborted"), "error")
        return 1
    if isinstance(failure, SalescoachError):
        if debug:
            traceback.print_exception(failure)
        from salescoach.ui import render

        render.error(failure.language or language, failure)
        return failure.exit_code
    if isinstance(failure, KeyboardInterrupt):
        if debug:
            traceback.print_exception(failure)
        from salescoach.ui import render

        render.say(message(language, "interrupted"), "error")
        return INTERRUPTED_EXIT
    return unexpected(failure, argv=argv, debug=debug, language=language)


def unexpected(failure: BaseException, *, argv: list[str], debug: bool, language: str) -> int:
    """A bug: the traceback goes to a log file, one line to standard error."""
    text = "".join(traceback.format_exception(failure))
    if debug:
        sys.stderr.write(text)
    where = _frame(failure)
    what = f"{type(failure).__name__}: {failure}".strip().rstrip(":")
    log = write_log(argv, text)
    if log is None:
        line = message(language, "unexpected_unlogged", what=what, where=where)
    else:
        line = message(language, "unexpected", what=what, where=where, log=log)
    from salescoach.ui import render

    render.say(line, "error")
    return UNEXPECTED_EXIT


def _frame(failure: BaseException) -> str:
    """``module.py:LINE in function`` of the innermost frame of salescoach's own code."""
    frames = traceback.extract_tb(failure.__traceback__)
    ours = [f for f in frames if f"{os.sep}salescoach{os.sep}" in f.filename] or frames
    if not ours:
        return "?"
    last = ours[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def write_log(argv: list[str], text: str) -> Path | None:
    """Write the traceback to a new log file in the cache directory; None if that fails too."""
    from salescoach import __version__
    from salescoach.paths import log_dir

    try:
        directory = log_dir()
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        path = directory / f"error-{stamp}-{os.getpid()}.log"
        header = (
            f"salescoach {__version__} on Python {sys.version.split()[0]} ({sys.platform})\n"
            f"command: salescoach {' '.join(argv)}\n\n"
        )
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(header + text)
        _prune(directory)
    except OSError:
        return None
    return path


def _prune(directory: Path) -> None:
    logs = sorted(directory.glob("error-*.log"))
    for old in logs[:-LOGS_KEPT]:
        old.unlink(missing_ok=True)
