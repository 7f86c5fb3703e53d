"""A flow that extends another: the base flow's items, with playbooks inserted and dropped.

A team writes what it changes (``insert: [{playbook: qualification, after: opa}]``,
``drop: [foca]``), not a copy of the built-in: after an upgrade, the built-in's new items are
walked too. The result is an ordinary flow; the checks name the extending file's own lines.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Protocol

from salescoach.errors import Location, Problem
from salescoach.playbook.model import FlowItem, Kind, Playbook
from salescoach.yamlio import Path_


class Located(Protocol):
    """A playbook with its file (the library's entries)."""

    @property
    def playbook(self) -> Playbook: ...

    @property
    def id(self) -> str: ...

    def locate(self, path: Path_) -> Location: ...


def extend_flow(extension: Playbook, base: Playbook) -> Playbook:
    """The extending flow resolved: the base's items less those dropped, plus those inserted
    (an anchor that is not in the flow is skipped here and reported by the checks). The sheet
    and the record are the base's unless the extension gives its own."""
    dropped = set(extension.drop or [])
    items: list[FlowItem] = [item for item in base.flow or [] if item.playbook not in dropped]
    for insert in extension.insert or []:
        anchor = insert.after or insert.before
        names = [item.playbook for item in items]
        if anchor not in names:
            continue
        at = names.index(anchor) + (1 if insert.after else 0)
        items.insert(at, FlowItem(playbook=insert.playbook, when=insert.when))
    return extension.model_copy(
        update={
            "flow": items,
            "record": extension.record or base.record,
            "sheet": extension.sheet if extension.sheet is not None else base.sheet,
        }
    )


def extension_problems(
    entry: Located, base: Located | None, chosen: Mapping[str, Located]
) -> Iterable[Problem]:
    """What is wrong with an extending flow, at its own lines: a missing base, anchors and drops
    that name no item of the base, a record kind that differs."""
    book = entry.playbook
    name = book.extends or ""

    def problem(path: Path_, message: str, hint: str | None = None) -> Problem:
        return Problem(entry.locate(path), message, ".".join(map(str, path)), hint)

    if base is None:
        flows = sorted(k for k, e in chosen.items() if e.playbook.kind == Kind.FLOW)
        close = [c for c in difflib.get_close_matches(name, flows, n=2) if c != name]
        what = "overrides no flow of that id" if name == book.id else f"names no flow `{name}`"
        yield problem(
            ("extends",),
            f"`extends: {name}`: this flow {what} on the search path",
            f"did you mean `{close[0]}`?" if close else f"flows: {', '.join(flows)}",
        )
        return
    if base.playbook.kind != Kind.FLOW:
        yield problem(("extends",), f"`{name}` is a {base.playbook.kind} playbook, not a flow")
        return
    if book.record is not None and base.playbook.record != book.record:
        yield problem(
            ("record",),
            f"this flow records a {book.record}, but `{name}` records a {base.playbook.record}",
        )
    base_items = [item.playbook for item in base.playbook.flow or []]
    for index, dropped in enumerate(book.drop or []):
        if dropped not in base_items:
            yield problem(("drop", index), *_not_in(dropped, name, base_items))
    kept = [item for item in base_items if item not in set(book.drop or [])]
    for index, insert in enumerate(book.insert or []):
        field = "after" if insert.after else "before"
        anchor = insert.after or insert.before or ""
        if anchor not in kept:
            why = " (dropped above)" if anchor in base_items else ""
            message, hint = _not_in(anchor, name, kept)
            yield problem(("insert", index, field), message + why, hint)
        if insert.playbook in kept:
            yield problem(
                ("insert", index, "playbook"),
                f"`{insert.playbook}` is already in `{name}`",
                "drop it first to move it: `drop: [" + insert.playbook + "]`",
            )
        kept.append(insert.playbook)


def _not_in(name: str, flow: str, items: list[str]) -> tuple[str, str]:
    close = [c for c in difflib.get_close_matches(name, items, n=2) if c != name]
    hint = f"did you mean `{close[0]}`?" if close else f"its items: {', '.join(items)}"
    return f"`{name}` is not an item of `{flow}`", hint
