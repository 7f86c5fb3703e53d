"""The errors salescoach raises: values carrying what the user needs, rendered at the CLI edge.

Every error the user can cause derives from :class:`SalescoachError`. Exceptions never print; the
CLI's single handler turns them into a one-paragraph message on standard error and an exit code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple, Self


class SalescoachError(Exception):
    """Root of every error a user can cause; ``exit_code`` is what the CLI exits with."""

    exit_code = 1

    def __init__(
        self, message: str, *, hint: str | None = None, language: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.said: tuple[str, str | None, dict[str, Any]] | None = None
        self.language = language
        """The language the message is worded in, when the command chose it (the edge tells
        the rest in it too: the config that said it may be the file now broken)."""

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message}\n{self.hint}"

    @classmethod
    def told(cls, key: str, hint: str | None = None, **values: Any) -> Self:
        """The error worded by the catalogue's ``key`` (and ``hint``): English until the edge
        tells it in the rep's language (:meth:`in_language`)."""
        from salescoach.messages import message

        error = cls(
            message("en", key, **values), hint=message("en", hint, **values) if hint else None
        )
        error.said = (key, hint, values)
        return error

    def in_language(self, language: str) -> tuple[str, str | None]:
        """The message and hint in ``language`` (as raised when not worded by the catalogue).

        A hint extended after the error was raised (how to resume a draft) keeps its ending.
        """
        if self.said is None:
            return self.message, self.hint
        from salescoach.messages import message

        key, hint_key, values = self.said
        hint = self.hint
        if hint_key is not None and hint is not None:
            english = message("en", hint_key, **values)
            if hint.startswith(english):
                hint = message(language, hint_key, **values) + hint[len(english) :]
        return message(language, key, **values), hint


# Location and Problem are named tuples rather than dataclasses: immutable values all the same,
# and this module is imported by every command, where a frozen dataclass costs ~1 ms each.
class Location(NamedTuple):
    """Where in a file something is wrong; line and column are 1-based, as editors count."""

    path: Path | str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class Problem(NamedTuple):
    """One thing wrong in a file: ``FILE:LINE:COL: field.path: message`` once printed."""

    location: Location
    message: str
    field_path: str = ""
    hint: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.location}: "
        what = f"{self.field_path}: " if self.field_path else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{what}{self.message}{tail}"


class Broken(NamedTuple):
    """A file or folder the store could not read (a record, an account, a draft): listed, never
    fatal. The one type every reader uses for it: the repository, the index, the drafts."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ProblemsError(SalescoachError):
    """A file failed to load; ``problems`` lists every error found, not just the first."""

    def __init__(self, problems: list[Problem], *, hint: str | None = None) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems), hint=hint)


class PlaybookError(ProblemsError):
    """A playbook file is not valid YAML or not a valid playbook."""


class AnswersFileError(ProblemsError):
    """An answers file is not valid YAML or holds answers that do not fit their questions."""


class RecordError(SalescoachError):
    """A record on disk cannot be read: broken front matter, wrong schema version, not UTF-8."""

    def __init__(self, path: Path, message: str, *, hint: str | None = None) -> None:
        super().__init__(f"{path}: {message}", hint=hint)
        self.path = path


class NotFoundError(SalescoachError):
    """A playbook, meeting, account or draft the user named does not exist."""


class MissingAnswersError(SalescoachError):
    """``--no-input`` was given and required answers are missing; lists every missing id."""

    def __init__(self, missing: list[str]) -> None:
        from salescoach.messages import message

        self.missing = list(missing)
        listed = "\n".join(f"  - {answer_id}" for answer_id in self.missing)
        values = {"count": len(self.missing), "listed": listed}
        super().__init__(
            message("en", "missing_answers", **values), hint=message("en", "missing_answers_hint")
        )
        self.said = ("missing_answers", "missing_answers_hint", values)


class UsageError(SalescoachError):
    """Called in a way that cannot work (exit 2), e.g. prompting without a terminal."""

    exit_code = 2


class StoreError(SalescoachError):
    """The data home cannot be written or a path would leave it."""
