"""Checks of a playbook's prep-sheet data (``sheet:``) that the models cannot express alone.

Inside one file (errors, from ``playbook validate``): section and group ids used once, a
top-level question placed in a section, a group's sub-question given only a label, a group named
by its section. Across files (warnings, from ``playbook lint``, since a team flow may choose to
leave a built-in section out): a question's section is declared by its own playbook or by a flow
that walks it, and a section's ``after`` names a known section.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from salescoach.errors import Location, Problem
from salescoach.playbook.model import Kind, Playbook, Question, SheetSection
from salescoach.yamlio import Path_

if TYPE_CHECKING:
    from salescoach.playbook.library import Entry


def _dotted(path: Path_) -> str:
    return ".".join(map(str, path))


def _did_you_mean(name: str, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean `{close[0]}`?" if close else None


def check_sheet(playbook: Playbook, where: Callable[..., Location]) -> Iterable[Problem]:
    """The sheet data inside one playbook: declared sections, and where its questions go."""
    sections: dict[str, SheetSection] = {}
    for index, section in enumerate(playbook.sheet or []):
        path: Path_ = ("sheet", index)
        if section.id in sections:
            yield Problem(
                where(*path, "id"),
                f"sheet section `{section.id}` is declared twice",
                _dotted((*path, "id")),
            )
        sections.setdefault(section.id, section)
        seen: set[str] = set()
        for g_index, group in enumerate(section.groups or []):
            if group.id in seen:
                yield Problem(
                    where(*path, "groups", g_index, "id"),
                    f"group `{group.id}` is declared twice in sheet section `{section.id}`",
                    _dotted((*path, "groups", g_index, "id")),
                )
            seen.add(group.id)
    for s_index, step in enumerate(playbook.steps or []):
        for q_index, question in enumerate(step.questions):
            path = ("steps", s_index, "questions", q_index)
            yield from _check_place(question, path, sections, where)
            yield from _check_parts(question, path, where)


def _check_place(
    question: Question,
    path: Path_,
    sections: Mapping[str, SheetSection],
    where: Callable[..., Location],
) -> Iterable[Problem]:
    place = question.sheet
    if place is None:
        return
    if place.section is None:
        yield Problem(
            where(*path, "sheet"),
            f"question `{question.id}` goes on the sheet but names no section",
            _dotted((*path, "sheet")),
            hint="add `section:` with the id of a sheet section (e.g. `known`)",
        )
        return
    section = sections.get(place.section)
    if section is not None and place.group is not None:
        yield from _check_group(section, place.group, (*path, "sheet", "group"), where)


def _check_group(
    section: SheetSection, group: str, path: Path_, where: Callable[..., Location]
) -> Iterable[Problem]:
    groups = [g.id for g in section.groups or []]
    if group not in groups:
        yield Problem(
            where(*path),
            f"sheet section `{section.id}` has no group `{group}`",
            _dotted(path),
            hint=_did_you_mean(group, groups)
            or (f"its groups: {', '.join(groups)}" if groups else "it declares no groups"),
        )


def _check_parts(
    question: Question, path: Path_, where: Callable[..., Location]
) -> Iterable[Problem]:
    """A group's sub-questions are shown inside the group's line: only ``label`` applies."""
    for index, sub in enumerate(question.questions or []):
        sub_path: Path_ = (*path, "questions", index)
        place = sub.sheet
        if place is not None:
            extra = sorted(place.model_fields_set - {"label"})
            if extra:
                yield Problem(
                    where(*sub_path, "sheet", extra[0]),
                    "on a group's sub-question, `sheet` takes only `label` "
                    f"(found {', '.join(extra)})",
                    _dotted((*sub_path, "sheet", extra[0])),
                    hint=f"place the group `{question.id}` itself in a section",
                )
        yield from _check_parts(sub, sub_path, where)


def check_sheet_across(entry: Entry, chosen: Mapping[str, Entry]) -> Iterable[Problem]:
    """A prep playbook's sections and placements against the flows that walk it."""
    book = entry.playbook
    if book.kind != Kind.PREP:
        return
    flows = [
        e.playbook
        for e in chosen.values()
        if e.playbook.kind == Kind.FLOW
        and e.playbook.record == "prep"
        and any(item.playbook == book.id for item in e.playbook.flow or [])
    ]
    if not flows:
        return  # walked by no flow: `playbook lint` says so already
    flows = [
        e.playbook
        for e in chosen.values()
        if e.playbook.kind == Kind.FLOW
        and e.playbook.record == "prep"
        and any(item.playbook == book.id for item in e.playbook.flow or [])
    ]
    known: dict[str, SheetSection] = {}
    for flow in flows:
        known.update({s.id: s for s in flow.sheet or []})
    own = {s.id: s for s in book.sheet or []}
    for index, section in enumerate(book.sheet or []):
        if section.after is not None and section.after not in {**known, **own}:
            yield Problem(
                entry.locate(("sheet", index, "after")),
                f"sheet section `{section.id}` follows `{section.after}`, which no flow or "
                "section of this playbook declares",
                _dotted(("sheet", index, "after")),
                _did_you_mean(section.after, {**known, **own}),
            )
    for s_index, step in enumerate(book.steps or []):
        for q_index, question in enumerate(step.questions):
            place = question.sheet
            if place is None or place.section is None or place.section in own:
                continue
            path: Path_ = ("steps", s_index, "questions", q_index, "sheet", "section")
            declared = known.get(place.section)
            if declared is None:
                flows_named = ", ".join(f.id for f in flows) or "no flow walks this playbook"
                yield Problem(
                    entry.locate(path),
                    f"question `{question.id}` goes in sheet section `{place.section}`, which "
                    f"neither this playbook nor its flow declares ({flows_named})",
                    _dotted(path),
                    _did_you_mean(place.section, {**known, **own})
                    or "declare it under `sheet:` at the top of this playbook",
                )
            elif place.group is not None:
                yield from _check_group(
                    declared, place.group, (*path[:-1], "group"), lambda *p: entry.locate(p)
                )
