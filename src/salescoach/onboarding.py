"""A new rep's integration checklist: the ``appropriation`` reference list, ticked with a date.

The eleven points a rep new to a company or an offer works through before the first meetings
(the people around the mission, the references, the success stories, the objections…) are the
built-in ``appropriation`` playbook, which a team directory can override. What the rep has done
is kept in ``<home>/onboarding.yaml``: each point's id and the day it was ticked. Readable,
private (0600), written atomically; a file that cannot be read is an error naming it, never
overwritten. ``report team`` reads it to show each rep's progress.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.errors import RecordError, SalescoachError
from salescoach.store.atomic import atomic_write, private_dir, store_errors
from salescoach.store.layout import ONBOARDING_FILE
from salescoach.store.serialize import dump_exact
from salescoach.yamlio import YamlProblems, decode, parse

if TYPE_CHECKING:
    from salescoach.playbook.library import Library

CHECKLIST = "appropriation"
"""The reference playbook whose entries are the checklist's points."""
MAX_BYTES = 1_000_000
HEADER = (
    "# Your integration checklist: the day each point was done, written by\n"
    "# `salescoach onboarding`. Readable, and yours.\n"
)


@dataclass(frozen=True)
class Point:
    """One point of the checklist and, once done, the day it was ticked."""

    id: str
    label: str
    help: str | None
    done: dt.date | None


@dataclass(frozen=True)
class Checklist:
    """Every point in the playbook's order; ``unknown`` holds ticks the playbook no longer has."""

    points: list[Point]
    unknown: dict[str, dt.date]

    @property
    def done(self) -> list[Point]:
        """The points ticked."""
        return [point for point in self.points if point.done is not None]

    @property
    def left(self) -> list[Point]:
        """The points still to do, in order."""
        return [point for point in self.points if point.done is None]


def onboarding_path(home: Path) -> Path:
    """Where a home keeps its checklist."""
    return Path(home) / ONBOARDING_FILE


def read_ticks(home: Path) -> dict[str, dt.date]:
    """The days each point was ticked (none when there is no file); RecordError if unreadable."""
    path = onboarding_path(home)
    hint = "fix it by hand, or move it aside to start again; it is never overwritten"
    if path.is_symlink():
        raise RecordError(path, "is a symbolic link; the checklist is a plain file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise RecordError(path, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise RecordError(path, f"file is larger than {MAX_BYTES:,} bytes", hint=hint)
    try:
        document = parse(decode(data, path), path, max_bytes=MAX_BYTES)
    except YamlProblems as error:
        raise RecordError(path, "; ".join(str(p) for p in error.problems), hint=hint) from None
    value: Any = document.value
    if value is None:
        return {}
    done = value.get("done") if isinstance(value, dict) else None
    if not isinstance(done, dict):
        raise RecordError(path, "expected `done:` with one `point: YYYY-MM-DD` a line", hint=hint)
    ticks: dict[str, dt.date] = {}
    for point, day in done.items():
        parsed = _day(day)
        if not isinstance(point, str) or parsed is None:
            raise RecordError(
                path, f"done.{point}: expected a date (YYYY-MM-DD), found {day!r}", hint=hint
            )
        ticks[point] = parsed
    return ticks


def checklist(library: Library, ticks: dict[str, dt.date]) -> Checklist:
    """The checklist of ``library``'s ``appropriation`` list with the rep's ticks."""
    from salescoach.playbook.model import Kind

    entries = library.get(CHECKLIST, Kind.REFERENCE).playbook.entries or []
    points = [Point(e.id, e.label, e.help, ticks.get(e.id)) for e in entries]
    known = {point.id for point in points}
    return Checklist(points, {p: d for p, d in ticks.items() if p not in known})


def tick(home: Path, library: Library, point: str, day: dt.date) -> Checklist:
    """Mark ``point`` done on ``day`` and save; a UsageError names the points when it is unknown."""
    ticks = read_ticks(home)
    _known(library, ticks, point)
    ticks[point] = day
    _write(home, ticks)
    return checklist(library, ticks)


def untick(home: Path, library: Library, point: str) -> Checklist:
    """Mark ``point`` not done again and save."""
    ticks = read_ticks(home)
    if point not in ticks:
        _known(library, ticks, point)
    ticks.pop(point, None)
    _write(home, ticks)
    return checklist(library, ticks)


def progress(home: Path, library: Library) -> tuple[int, int] | None:
    """``(done, total)`` of a rep's checklist, ``None`` when they never ticked anything."""
    if not onboarding_path(home).exists():
        return None
    found = checklist(library, read_ticks(home))
    return len(found.done), len(found.points)


def _known(library: Library, ticks: dict[str, dt.date], point: str) -> None:
    ids = [p.id for p in checklist(library, ticks).points]
    if point not in ids:
        import difflib

        close = difflib.get_close_matches(point, ids, n=1)
        raise SalescoachError.told(
            "onboarding_unknown_point",
            "onboarding_points_close" if close else "onboarding_points",
            point=point,
            close=close[0] if close else "",
            points=", ".join(ids),
        )


@store_errors
def _write(home: Path, ticks: dict[str, dt.date]) -> None:
    path = onboarding_path(home)
    private_dir(path.parent)
    data = {"done": {point: day.isoformat() for point, day in ticks.items()}}
    atomic_write(path, HEADER + dump_exact(data, max_bytes=MAX_BYTES))


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
