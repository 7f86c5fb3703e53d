"""The recap template: the ``recap`` reference playbook that words ``salescoach recap``.

Each entry is one part of the message (:data:`PARTS`), in order; a template without an entry
leaves that part out. Texts hold named placeholders in braces, ``{date}``, checked here (an
unknown name is a problem at its line and column, reported by ``playbook validate``) and filled
by :func:`fill`, which replaces names and nothing else: no attribute access, no format
specifications, no code.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from salescoach.errors import Location, PlaybookError, Problem

if TYPE_CHECKING:
    from salescoach.playbook.library import Entry, Library

TEMPLATE = "recap"
PARTS: dict[str, frozenset[str]] = {
    "subject": frozenset({"date", "account"}),
    "greeting": frozenset({"names"}),
    "thanks": frozenset({"date", "account"}),
    "understood": frozenset(),
    "agreed": frozenset(),
    "given": frozenset(),
    "received": frozenset(),
    "next_steps": frozenset(),
    "next_contact": frozenset({"date"}),
    "closing": frozenset(),
    "dates": frozenset({"weekday", "day", "month", "year"}),
}
"""Each part of a recap and the placeholders its label may use."""
DETAILS: dict[str, dict[str, frozenset[str] | None]] = {
    "subject": {"heading": frozenset()},
    "greeting": {"nobody": frozenset(), "and": frozenset()},
    "next_steps": {
        "step": frozenset({"action", "who", "due"}),
        "step_undated": frozenset({"action", "who"}),
        "me": frozenset(),
        "self": None,
    },
    "dates": {"weekdays": None, "months": None, "first_day": frozenset()},
}
"""The details each part reads: text with these placeholders, or a list (``None``)."""
_LIST_SIZES = {("dates", "weekdays"): 7, ("dates", "months"): 12}


@dataclass(frozen=True)
class Template:
    """The parts of a recap template that are present, each a label and its details."""

    labels: dict[str, str]
    details: dict[str, dict[str, Any]]
    language: str
    source: str
    """The file it was read from (named in errors and in ``--help``)."""

    def has(self, part: str) -> bool:
        """Whether the template writes this part."""
        return part in self.labels

    def detail(self, part: str, name: str, default: Any = "") -> Any:
        """A detail of a part (``default`` when the trainer left it out)."""
        return self.details.get(part, {}).get(name, default)


def load_template(library: Library) -> Template:
    """The ``recap`` reference playbook of the library, checked; PlaybookError lists every
    problem at its line and column (unknown part, unknown placeholder, broken braces)."""
    from salescoach.playbook.model import Kind

    template, problems = _read(library.get(TEMPLATE, Kind.REFERENCE))
    if problems:
        raise PlaybookError(problems)
    return template


def template_problems(entry: Entry) -> list[Problem]:
    """What is wrong with a recap template (``playbook validate`` reports it)."""
    return _read(entry)[1]


def _read(entry: Entry) -> tuple[Template, list[Problem]]:
    problems: list[Problem] = []
    labels: dict[str, str] = {}
    details: dict[str, dict[str, Any]] = {}
    for index, item in enumerate(entry.playbook.entries or []):
        where = ("entries", index)
        if item.id not in PARTS:
            known = ", ".join(PARTS)
            problems.append(_problem(entry, (*where, "id"), f"unknown part {item.id!r}", known))
            continue
        problems += _check_text(entry, (*where, "label"), item.label, PARTS[item.id])
        labels[item.id] = item.label
        wanted = DETAILS.get(item.id, {})
        for name, value in item.details.items():
            spot = (*where, "details", name)
            if name not in wanted:
                known = ", ".join(wanted) or "none"
                problems.append(
                    _problem(entry, spot, f"unknown detail {name!r}", f"known: {known}")
                )
            elif wanted[name] is None:
                size = _LIST_SIZES.get((item.id, name))
                if not isinstance(value, list) or (size is not None and len(value) != size):
                    what = f"a list of {size} words" if size else "a list of words"
                    problems.append(_problem(entry, spot, f"must be {what}"))
            elif not isinstance(value, str):
                problems.append(_problem(entry, spot, "must be text"))
            else:
                problems += _check_text(entry, spot, value, wanted[name] or frozenset())
        details[item.id] = dict(item.details)
    return Template(labels, details, entry.playbook.language, str(entry.path)), problems


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each ``{name}`` replaced by ``values[name]`` and ``{{``/``}}`` by braces.

    Only plain names are replaced (the template was checked by :func:`load_template`); the
    values are inserted as they are, never read as a template themselves.
    """
    pieces: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(text):
        pieces.append(literal)
        if name is not None:
            pieces.append(values.get(name, ""))
    return "".join(pieces)


def _check_text(
    entry: Entry, spot: tuple[str | int, ...], text: str, allowed: frozenset[str]
) -> list[Problem]:
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as error:
        return [_problem(entry, spot, f"broken braces: {error}", "write {{ or }} for a brace")]
    problems = []
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            problems.append(
                _problem(entry, spot, f"{{{name}}} is not a plain placeholder", "use {name} only")
            )
        elif name not in allowed:
            known = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
            problems.append(
                _problem(entry, spot, f"unknown placeholder {{{name}}}", f"here: {known}")
            )
    return problems


def _problem(
    entry: Entry, spot: tuple[str | int, ...], message: str, hint: str | None = None
) -> Problem:
    location: Location = entry.locate(spot)
    path = ".".join(f"[{step}]" if isinstance(step, int) else str(step) for step in spot)
    return Problem(location, message, field_path=path.replace(".[", "["), hint=hint)
