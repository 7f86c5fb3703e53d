"""The errors salescoach raises: values carrying what the user needs, rendered at the CLI edge.

Every error the user can cause derives from :class:`SalescoachError`. Exceptions never print; the
CLI's single handler turns them into a one-paragraph message on standard error and an exit code.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class SalescoachError(Exception):
    """Root of every error a user can cause; ``exit_code`` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message}\n{self.hint}"


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
        self.missing = list(missing)
        listed = "\n".join(f"  - {answer_id}" for answer_id in self.missing)
        super().__init__(
            f"{len(self.missing)} required answer(s) missing with --no-input:\n{listed}",
            hint="Add them to the answers file (see --example-answers for a complete one).",
        )


class UsageError(SalescoachError):
    """Called in a way that cannot work (exit 2), e.g. prompting without a terminal."""

    exit_code = 2


class StoreError(SalescoachError):
    """The data home cannot be written or a path would leave it."""
