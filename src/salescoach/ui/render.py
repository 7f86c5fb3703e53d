"""The renderer: what the commands show, with user text always literal (never Rich markup).

Results go to standard output, everything else (progress, hints, warnings) to standard error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from salescoach.messages import figure, message
from salescoach.ui.plain import BAR_COLUMN as BAR_COLUMN
from salescoach.ui.plain import BAR_WIDTH as BAR_WIDTH
from salescoach.ui.plain import Grid, Styled, write_grid, write_line

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Column, Table
    from rich.text import Text

    from salescoach.errors import Broken, Problem, SalescoachError
    from salescoach.onboarding import Checklist
    from salescoach.reports.reference import Reference
    from salescoach.service.meetings import AccountRecap, Interrupted, Started
    from salescoach.store.drafts import Draft
    from salescoach.store.facts import Facts
    from salescoach.workflow import Saved


def literal(text: object, style: str = "") -> Text:
    """``text`` as it is: brackets are characters, not markup."""
    from rich.text import Text

    return Text(str(text), style=style)


def say(text: str, style: str = "", *, indent: int = 0) -> None:
    """One line on standard error, literal. In a terminal it wraps between words, the lines
    after the first ``indent`` columns in (a list item); in a pipe or a log it stays one line."""
    if write_line(text, stderr=True, wraps=False):
        return
    from salescoach.ui import console

    if console.err.is_terminal:
        from salescoach.typography import wrap_words

        width = console.err.width
        text = "\n".join(wrap_words(text, width, subsequent_indent=" " * indent)) or text
    console.err.print(literal(text, style), highlight=False)


def warn(label: str, text: str) -> None:
    """A warning line: a styled label, then literal text."""
    _labelled(label, "warning", text)


def error(language: str, failure: SalescoachError, *, summary: bool = True) -> None:
    """A known error as one paragraph: what was wrong (and where), then what to do."""
    from salescoach.errors import ProblemsError
    from salescoach.reworded import error_in, problem_in

    label = message(language, "error_label")
    if isinstance(failure, ProblemsError):
        for problem in failure.problems:
            _labelled(label, "error", problem_in(problem, language))
        if not summary:
            return
        count = len(failure.problems)
        key = "problems_found_one" if count == 1 else "problems_found"
        say(message(language, key, count=count), "hint")
        if failure.hint:
            say(error_in(failure, language)[1] or failure.hint, "hint")
        return
    text, hint = error_in(failure, language)
    _labelled(label, "error", text)
    if hint:
        say(hint, "hint")


def usage_error(language: str, text: str, usage: str | None, help_hint: str | None) -> None:
    """A command line Typer could not make sense of: what was wrong, the usage, where help is."""
    _labelled(message(language, "error_label"), "error", text)
    for line in (usage, help_hint):
        if line:
            say(line, "hint")


def _labelled(label: str, style: str, text: str) -> None:
    """``label text`` on standard error, wrapped between words in a terminal as :func:`say`."""
    from rich.text import Text

    from salescoach.ui import console

    whole = f"{label} {text}"
    if console.err.is_terminal:
        from salescoach.typography import wrap_words

        whole = "\n".join(wrap_words(whole, console.err.width)) or whole
    line = Text(whole)
    line.stylize(style, 0, len(label))
    console.err.print(line, highlight=False)


def json_document(value: object, *, plain: bool = False) -> None:
    """One JSON document on standard output (dataclasses, named tuples and dates made plain;
    ``plain``: they already are, as a report's :meth:`~salescoach.reports.registry.Report.document`
    makes them, and are not walked a second time)."""
    import json
    import sys

    if not plain:
        from salescoach.reports.jsonable import jsonable

        value = jsonable(value)
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def skipped(language: str, problems: Sequence[str], shown: int = 3) -> None:
    """Files that could not be read: the first few named, then how many more."""
    from salescoach.reworded import reworded

    label = message(language, "skipped")
    for problem in problems[:shown]:
        warn(label, reworded(problem, language))
    if len(problems) > shown:
        warn(label, message(language, "skipped_more", count=len(problems) - shown))


def markdown(body: str) -> None:
    """A Markdown document on standard output, never broken at a non-breaking space.

    The Markdown salescoach writes (and notes that keep to it) is laid out without importing
    Rich's Markdown machinery, exactly as it would be (:mod:`salescoach.ui.light_markdown`);
    anything else is Rich's.
    """
    from salescoach.ui.light_markdown import light_markdown
    from salescoach.ui.plain import HELD, NO_BREAK, console_width, plain_stream

    held = body.replace(NO_BREAK, HELD)
    light = light_markdown(held)
    stream = plain_stream()
    if light is not None and stream is not None:  # into a pipe: the same text, without Rich
        text = light.plain(console_width())
        if text is not None:
            stream.write(text.replace(HELD, NO_BREAK))
            stream.flush()
            return
    from salescoach.ui import console
    from salescoach.ui.unbroken import HeldSpaces

    shown: RenderableType | None = light
    if shown is None:
        from rich.markdown import Markdown

        shown = Markdown(held)
    console.out.print(HeldSpaces(shown))


def saved(result: Saved) -> None:
    """The saved prep's sheet (alone on the screen, paged when taller) or debrief on stdout, and
    where it was written on stderr."""
    record = result.record
    if result.sheet is not None:
        from salescoach.ui import console
        from salescoach.ui.sheet import print_sheet

        print_sheet(result.sheet, console.out, pager=True, alone=True)
    else:
        markdown(result.body)
    text = message(
        record.language, f"saved_{record.kind}", meeting=record.meeting, path=result.path
    )
    say(text, "ok")


def dropped(language: str, problems: Iterable[Problem], unused: Iterable[str]) -> None:
    """Resumed answers that no longer fit their question, or are no longer asked."""
    label = message(language, "dropped")
    for problem in problems:
        warn(label, f"{problem.field_path}: {problem.message}")
    for answer_id in unused:
        warn(label, f"{answer_id}: {message(language, 'no_longer_asked')}")


def interrupted(language: str, stop: Interrupted) -> None:
    """Where the answers of an interrupted session went, and how to go on."""
    if stop.signal is not None:
        why = message(language, "stopped_by", signal=stop.signal)
    else:
        why = message(language, "input_closed" if stop.input_closed else "interrupted")
    with suppress(OSError):  # after a hangup the terminal may be gone; the draft is kept
        _say_interrupted(language, stop, why)


def _say_interrupted(language: str, stop: Interrupted, why: str) -> None:
    if stop.draft is None:
        say("\n" + message(language, "nothing_kept", why=why))
        return
    text = message(
        language,
        "kept_draft",
        why=why,
        count=stop.answered,
        draft=stop.draft.id,
        command=f"salescoach resume {stop.draft.id}",
    )
    say("\n" + text)


def discarded(language: str, kind: str) -> None:
    """The rep discarded the session: nothing written."""
    say(message(language, f"discarded_{kind}"))


def resuming(started: Started) -> None:
    """Before a resumed walk: what is being resumed and how far it went."""
    language = started.language
    count = started.answered
    say(message(language, f"resuming_{started.kind}", account=started.account, count=count))


def debrief_of(language: str, meeting: str | None) -> None:
    """Before a debrief: which meeting it is about."""
    say(message(language, "debrief_of", meeting=meeting), "bold")


def account_recap(language: str, account: str, known: AccountRecap) -> None:
    """Before a prep: what the account's records already answer, with the date of each, and
    the open next steps of its last debrief; first, its records that could not be read."""
    skipped(language, known.unreadable)
    if known.last_meeting is None:
        return
    say(message(language, "last_time", account=account, meeting=known.last_meeting), "heading")
    if known.known:
        say(message(language, "known_kept" if known.quick else "known_offered"))
        for line in known.known:
            text = message(language, "known_line", what=line.prompt, value=line.value)
            say(f"  - {text} ({line.date or line.meeting})", indent=4)
    steps = known.open_next_steps
    if steps:
        say(message(language, "open_steps"))
        for step in steps:
            if isinstance(step, dict):
                bits = [str(step.get(k)) for k in ("action", "owner", "due") if step.get(k)]
                say("  - " + " · ".join(bits), indent=4)


Cell = str | Styled
"""A table cell: plain text (always literal), or text :func:`styled` by the renderer."""


def styled(text: object, style: str) -> Styled:
    """A cell or line part in one of the theme's styles (``ok``, ``warning``, ``error``…)."""
    return Styled(((str(text), style),))


def joined(*parts: Cell) -> Styled:
    """Pieces of text side by side, each literal or styled."""
    pieces: list[tuple[str, str]] = []
    for part in parts:
        pieces += part.pieces if isinstance(part, Styled) else [(part, "")]
    return Styled(tuple(pieces))


class Whole(str):
    """A column name for :func:`new_table`: a column of ids, never folded in a terminal (an id
    broken over two lines cannot be double-clicked and copied into the next command)."""


class Spare(str):
    """A column name for :func:`new_table`: a column a narrow terminal can do without (what
    it says is elsewhere in the row, the date inside a meeting id); left out while the table
    does not fit, lowest ``order`` first, then from left to right."""

    order: int

    def __new__(cls, name: str, order: int = 0) -> Spare:
        spare = super().__new__(cls, name)
        spare.order = order
        return spare


class Brief(str):
    """A column name for :func:`new_table`: a column whose cells read "3 · Interest in a
    solution" (a phase). In a terminal still too narrow for the table once its spare columns
    are out, each cell keeps only what comes before " · " — a row on one line rather than a
    label folded over three (``show`` and ``account`` give it whole)."""


BRIEF_MARK = " · "


def new_table(*columns: str, title: str | None = None) -> Grid:
    """An empty table in the program's plain style (:data:`BAR_COLUMN`: a column of bars); add
    rows with :func:`add_row`.

    In a terminal, :func:`show` leaves out the columns that are empty in every row, then the
    :class:`Spare` ones until the table fits; a :class:`Whole` column is never folded.
    """
    return Grid(columns, title=title)


def _rich_table(grid: Grid) -> Table:
    """The Rich table of a :func:`new_table` grid, to be laid out by Rich."""
    from rich.table import Table
    from rich.text import Text

    from salescoach.ui.unbroken import Unbroken

    title = None if grid.title is None else Unbroken(grid.title)  # a French ":" never starts
    shown = Table(box=None, pad_edge=False, header_style="bold", title=title, title_justify="left")
    shown.caption = None if grid.caption is None else Unbroken(grid.caption)  # a line
    for column in grid.columns:
        if column == BAR_COLUMN:  # the figure beside it says as much: the last one spared
            bars = Spare("", order=LAST_SPARED)
            shown.add_column(bars, no_wrap=True, min_width=BAR_WIDTH, overflow="crop")
        else:
            # Folded, never cut with an ellipsis: an id is copied from here into the next command.
            shown.add_column(column, overflow="fold", no_wrap=isinstance(column, Whole))
    for row in grid.rows:
        shown.add_row(
            *(
                cell.rich() if isinstance(cell, Styled) else cell if isinstance(cell, Text)
                else Unbroken(str(cell or ""))
                for cell in row
            )
        )  # fmt: skip
    return shown


LAST_SPARED = 9
"""The :attr:`Spare.order` of a column left out only when the table cannot fit at all (the
bars): the others go as soon as the table is wider than the terminal."""


def _narrowed(shown: Table, width: int) -> Table:
    """A table about to be shown in a terminal ``width`` wide, without the columns that have
    nothing in them, then without its spare columns: while it would fold a cell, then (the
    bars) while even its narrowest layout is wider; then, if it would still fold a cell, with
    its :class:`Brief` columns cut short."""
    from rich.measure import Measurement

    from salescoach.ui import console

    def empty(column: Column) -> bool:
        return all(not str(cell).strip() for cell in column.cells)

    def order(column: Column) -> int:
        return column.header.order if isinstance(column.header, Spare) else 0

    kept = [c for c in shown.columns if not (shown.row_count and empty(c))] or shown.columns
    spare = sorted((c for c in kept if isinstance(c.header, Spare)), key=order)
    screen = console.out
    unbound = screen.options.update(width=UNCUT)  # measured unclamped, then compared
    while True:
        narrowed = _with_columns(shown, kept)
        if not spare:
            briefs = any(isinstance(column.header, Brief) for column in kept)
            if briefs and Measurement.get(screen, unbound, narrowed).maximum > width:
                return _with_columns(shown, kept, brief=True)
            return narrowed
        measured = Measurement.get(screen, unbound, narrowed)
        wider = measured.minimum if order(spare[0]) >= LAST_SPARED else measured.maximum
        if wider <= width:
            return narrowed
        kept.remove(spare.pop(0))


def _with_columns(shown: Table, columns: Sequence[Column], *, brief: bool = False) -> Table:
    """A copy of a table of :func:`new_table` with only these of its columns (``brief``: the
    cells of its :class:`Brief` columns cut before :data:`BRIEF_MARK`)."""
    from rich.table import Table

    from salescoach.ui.unbroken import Unbroken

    copy = Table(
        box=None,
        pad_edge=False,
        header_style=shown.header_style,
        title=shown.title,
        title_justify=shown.title_justify,
        caption=shown.caption,
    )
    for column in columns:
        copy.add_column(
            column.header, overflow=column.overflow, no_wrap=column.no_wrap,
            min_width=column.min_width, justify=column.justify,
        )  # fmt: skip
    cells = [
        [Unbroken(str(cell).split(BRIEF_MARK, 1)[0]) for cell in column.cells]
        if brief and isinstance(column.header, Brief)
        else column.cells
        for column in columns
    ]
    for row in zip(*cells, strict=True):
        copy.add_row(*row)
    return copy


def add_row(shown: Grid, *cells: Cell | Text | None) -> None:
    """A row of literal cells (``None`` is an empty cell)."""
    shown.add_row(*cells)


def show(renderable: RenderableType | Grid | Styled) -> None:
    """A result on standard output; a table is never cut when the output is not a terminal.

    Into a pipe, a table or a line of plain text is written without Rich (see
    :mod:`salescoach.ui.plain`), as Rich would write it.
    """
    if isinstance(renderable, Grid):
        if write_grid(renderable):
            return
        renderable = _rich_table(renderable)
    elif isinstance(renderable, Styled):
        if write_line(renderable):
            return
        renderable = renderable.rich()
    from rich.table import Table

    from salescoach.ui import console

    screen = console.out
    if isinstance(renderable, Table) and screen.is_terminal:
        renderable = _narrowed(renderable, screen.width)
    if isinstance(renderable, Table) and not screen.is_terminal and not renderable.expand:
        # Laid out with no width limit: its natural width, without measuring it twice (once
        # to know the width, once to print), which a long table pays for.
        saved_width = screen.width
        screen.width = UNCUT
        try:
            screen.print(renderable)
        finally:
            screen.width = saved_width
        return
    screen.print(renderable)


def fits(grid: Grid) -> bool:
    """Whether a table shows on standard output without folding a cell: in a terminal, its
    natural width is within the terminal's; elsewhere always (it is never cut there)."""
    from salescoach.ui.plain import plain_stream

    if plain_stream() is not None:
        return True
    from rich.measure import Measurement

    from salescoach.ui import console

    screen = console.out
    if not screen.is_terminal:
        return True
    measured = Measurement.get(screen, screen.options.update(width=UNCUT), _rich_table(grid))
    return measured.maximum <= screen.width


UNCUT = 1_000_000
"""The width a table is measured in when nothing but its content limits it."""


def table(headers: Sequence[str], rows: Iterable[Sequence[Cell | None]]) -> None:
    """A plain table on standard output; cells are literal text."""
    shown = new_table(*headers)
    for row in rows:
        add_row(shown, *row)
    show(shown)


def records(language: str, found: Sequence[Facts], reference: Reference | None = None) -> None:
    """``list``: one row per record, newest first, values by their label (how many were left
    out: :func:`records_shown`). Without ``reference`` (the playbooks failed to load) types and
    phases are ids."""
    word = {h: message(language, f"report_{h}") for h in ("date", "meeting", "type")}
    headings = (Spare(word["date"]), Whole(word["meeting"]), message(language, "report_account"))
    table(
        (
            *headings,
            Spare(word["type"]),
            message(language, "report_kind"),
            Brief(message(language, "report_phase")),
        ),  # fmt: skip
        (
            (
                f.meeting_date,
                f.meeting,
                f.account_name,
                meeting_type_label(reference, f.meeting_type),
                message(language, f.kind),
                phase_label(reference, f.phase),
            )
            for f in found
        ),
    )


def records_shown(language: str, shown: int, total: int) -> None:
    """Under ``list``'s table (once it is written: paged, it comes out at the end), how many
    records were left out."""
    if shown < total:
        say(message(language, "records_shown", shown=shown, total=figure(language, total)))


def meeting_type_label(reference: Reference | None, meeting_type: str | None) -> str | None:
    """A meeting type by its label in the playbooks' language (the id when unknown)."""
    if reference is None or meeting_type is None:
        return meeting_type
    return reference.meeting_types.get(meeting_type, meeting_type)


def phase_label(reference: Reference | None, phase: str | None) -> str | None:
    """A phase by its label (``3 · Interest in a solution``), else as given."""
    known = reference.phase(phase) if reference is not None else None
    return known.label if known else phase


def onboarding(language: str, found: Checklist) -> None:
    """``onboarding``: each point of the checklist, ticked with its day or still to do, then
    how many are done and which are left."""
    shown = new_table(*message(language, "onboarding_columns").split("|"))
    for point in found.points:
        mark = (
            styled(f"✓ {point.done.isoformat()}", "ok")
            if point.done
            else styled(message(language, "onboarding_to_do"), "warning")
        )
        add_row(shown, mark, styled(point.id, "bold"), point.label)
    shown.caption = message(
        language, "onboarding_caption", done=len(found.done), total=len(found.points)
    )
    show(shown)
    if found.left:
        say(
            message(language, "onboarding_left", points=", ".join(p.id for p in found.left)),
            "hint",
        )
    else:
        say(message(language, "onboarding_all_done"), "ok")


def settings(language: str, shown: dict[str, Any]) -> None:
    """``config show``: each setting and its value, then what they lead to."""
    unset = message(language, "config_unset")
    file_state = "" if shown["config_file_exists"] else " " + message(language, "config_no_file")
    say(message(language, "config_file", path=shown["config_file"]) + file_state, "hint")
    rows = [
        ("lang", shown["lang"] or unset),
        ("playbooks", ", ".join(shown["playbooks"]) or unset),
        ("home", shown["home"] or unset),
    ]
    in_use = shown["in_use"]
    rows += [
        (message(language, "config_language_in_use"), in_use["language"]),
        (message(language, "config_home_in_use"), in_use["data_home"]),
    ]
    table((message(language, "config_setting"), message(language, "config_value")), rows)


_DRAFT_COLUMNS = ("draft", "kind", "account", "meeting", "flow", "answers", "stopped_at", "when")


def drafts(
    language: str,
    found: Sequence[Draft],
    problems: Iterable[Broken],
    reference: Reference | None = None,
) -> None:
    """The drafts ``resume`` can go on with, and the draft files it could not read; the
    meeting's type by its label (its id without ``reference``: the playbooks failed to load)."""
    from salescoach.reworded import reworded
    from salescoach.workflow import answered_count

    for broken in problems:
        warn(message(language, "skipped"), reworded(str(broken), language))
    if not found:
        say(message(language, "no_drafts"), "hint")
        return
    word = {h: message(language, f"drafts_{h}") for h in _DRAFT_COLUMNS}
    # A narrow terminal keeps the draft's id whole (it is typed after resume), and does without
    # the flow and the position, the least a rep reads, then the kind and the account, which
    # the id spells.
    spare = {h: Spare(word[h], order) for order, h in enumerate(("flow", "stopped_at"))}
    spare |= {h: Spare(word[h], 2) for h in ("kind", "account")}
    table(
        (
            Whole(word["draft"]),
            spare["kind"],
            spare["account"],
            word["meeting"],
            spare["flow"],
            word["answers"],
            spare["stopped_at"],
            word["when"],
        ),  # fmt: skip
        (
            (
                draft.id,
                message(language, draft.kind),
                draft.account,
                draft.meeting or meeting_type_label(reference, draft.meeting_type) or "",
                draft.flow or "",
                str(answered_count(draft.answers)),
                draft.position or "",
                draft.updated[:16].replace("T", " "),
            )
            for draft in found
        ),
    )
    say(message(language, "resume_hint"), "hint")
