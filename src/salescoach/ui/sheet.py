"""The prep sheet in the terminal: compact, one section after another, text always literal.

Built from the sheet's data (:class:`salescoach.sheet.model.Sheet`), not from its Markdown:
a heading sits right above its lines, a wrapped line hangs under its own text, and the MESORE
box is drawn as a box, so a whole sheet fits in fifty lines of a 100-column terminal.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from salescoach.messages import message
from salescoach.playbook.model import SheetForm
from salescoach.sheet.model import Block, Line, Part, Section, Sheet
from salescoach.ui.unbroken import Unbroken

HEADING = "bold cyan"
GROUP = "italic"
LABEL = "bold"
GROUP_WIDTH = 16


def sheet_renderable(sheet: Sheet) -> RenderableType:
    """The whole sheet as one Rich renderable."""
    colon = message(sheet.language, "sheet_colon")
    parts: list[RenderableType] = [Unbroken(sheet.title, style="bold")]
    for section in sheet.sections:
        parts.append(_section(section, colon))
    return Group(*parts)


def print_sheet(
    sheet: Sheet, console: Console, *, pager: bool = False, alone: bool = False
) -> None:
    """Print the sheet; on a terminal, ``alone`` clears the screen first (the prep's transcript
    stays in the scrollback) and ``pager`` pages a sheet taller than the screen."""
    renderable = sheet_renderable(sheet)
    if console.is_terminal and alone:
        console.clear()
    if pager:
        from salescoach.ui.pager import paged

        with paged(console):  # the program's one pager: $SALESCOACH_PAGER, $PAGER, less
            console.print(renderable)
        return
    console.print(renderable)


def _section(section: Section, colon: str) -> RenderableType:
    rows: list[RenderableType] = []
    if section.facts:
        rows.append(_join(section.facts, colon, " · "))
    headed = [block for block in section.blocks if block.heading]
    rows += [_block(block, colon) for block in section.blocks if not block.heading]
    if headed:
        rows.append(_headed_blocks(headed, colon))
    body = Group(*rows)
    if section.box:
        title = Unbroken(section.heading or "", style=HEADING)
        return Panel(
            body, title=title, title_align="left", box=box.ROUNDED, padding=(0, 1), expand=True
        )
    if section.heading:
        return Group(Unbroken(section.heading, style=HEADING), body)
    return body


def _block(block: Block, colon: str) -> RenderableType:
    marked = any(line.form != SheetForm.LINE for line in block.lines)
    grid = Table.grid(padding=(0, 1))
    if marked:
        grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in block.lines:
        cells = [_marker(line)] if marked else []
        grid.add_row(*cells, _line(line, colon))
    if block.heading:
        return Group(Unbroken(block.heading, style=GROUP), grid)
    return grid


def _headed_blocks(blocks: list[Block], colon: str) -> RenderableType:
    """Groups one under the other, each heading in a narrow column beside its lines."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=GROUP, max_width=GROUP_WIDTH, min_width=GROUP_WIDTH)
    grid.add_column(ratio=1)
    for block in blocks:
        grid.add_row(Unbroken(block.heading or ""), _block(Block(None, block.lines), colon))
    return grid


def _marker(line: Line) -> Text:
    if line.form == SheetForm.NUMBERED:
        return Text(f"{line.number or 1}.")
    if line.form == SheetForm.SAY:
        return Text("»", style=HEADING)
    if line.form == SheetForm.LINE:
        return Text("")
    return Text("•")


def _line(line: Line, colon: str) -> Text:
    text = Unbroken()
    if line.lead:
        text.append(line.lead, style=LABEL)
        text.append(" ")
    text.append_text(_join(list(line.parts), colon, " — "))
    if line.form == SheetForm.SAY:
        text.stylize("italic")
    return text


def _join(parts: list[Part], colon: str, between: str) -> Text:
    text = Unbroken()
    for index, part in enumerate(parts):
        if index:
            text.append(between)
        if part.label:
            text.append(part.label + colon, style=LABEL)
            text.append(" ")
        text.append(part.text)
    return text
