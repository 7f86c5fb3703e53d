"""Tables and lines for a pipe or a file, written without Rich when their text is plain.

Into a pipe, Rich writes no style and never cuts a table (see :func:`salescoach.ui.render.show`):
each column as wide as its widest cell, one space of padding between cells (none at the table's
edges), every line padded to the table's width, a title above it (left) and a caption below
(centred). For text of one cell per character, with no markup and no control character, that
layout is simple enough to write here byte for byte — and importing Rich's console and laying a
50-row table out with it cost more than the rest of ``list`` on a home of 100,000 records. A
terminal, and any text that is not that plain, is left to Rich: :func:`write_grid` and
:func:`write_line` then say so and write nothing.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.text import Text

_SINGLE_CELL_RANGES = (
    (0x20, 0x7E),  # ASCII, control characters left out
    (0xA0, 0xAC),  # Latin-1, less the soft hyphen
    (0xAE, 0x2FF),  # Latin-1, Latin Extended, IPA, spacing modifiers
    (0x370, 0x482),  # Greek, Cyrillic
    (0x2010, 0x2027),  # dashes, quotation marks, bullets, the ellipsis
    (0x202F, 0x202F),  # the narrow no-break space (French thousands, before : ; ? !)
    (0x2030, 0x205E),  # per mille, primes, more punctuation
    (0x20A0, 0x20C0),  # currency signs (€)
    (0x2100, 0x214F),  # letterlike symbols (№, ™)
    (0x2190, 0x22FF),  # arrows (a phase move: 2 → 3), mathematical operators
    (0x2500, 0x25FC),  # box drawing, blocks (the reports' bars), geometric shapes
    (0x2713, 0x2713),  # ✓
)
SINGLE_CELL = frozenset(
    chr(code) for start, end in _SINGLE_CELL_RANGES for code in range(start, end + 1)
)
"""Characters a terminal (and Rich) gives one cell each: text made only of them is as wide as
it is long. Anything else (wide East Asian characters, combining accents, emoji, control
characters, tabs, line breaks) is laid out by Rich."""
_is_single_cell = SINGLE_CELL.issuperset
_EMOJI_CODE = re.compile(r":(\S*?)(?:(?:\-)(emoji|text))?:")
"""What Rich takes for an emoji code (``:smile:``) in a string it renders."""
NO_BREAK = "\u00a0"
HELD = "\ue000"
"""Stands in for a non-breaking space while a line is wrapped: a private-use character, one
cell wide and not whitespace, never printed (a French ":" never starts a line)."""
CONSOLE_MODULE = "salescoach.ui.console"
BAR_COLUMN = "\0bar"
"""A column name for a :class:`Grid`: a column of bars, never wrapped, shown without a name."""
BAR_WIDTH = 20


@dataclass(frozen=True)
class Styled:
    """Text in pieces, each in one of the theme's styles (``""``: none): a table cell or a line
    that Rich styles in a terminal, and that is its plain text anywhere else."""

    pieces: tuple[tuple[str, str], ...]

    @property
    def plain(self) -> str:
        """The text without its styles."""
        return "".join(text for text, _ in self.pieces)

    def rich(self) -> Text:
        """The same as Rich text (one piece: the text in its style; else the pieces joined)."""
        from rich.text import Text

        if len(self.pieces) == 1:
            text, style = self.pieces[0]
            return Text(text, style=style)
        line = Text()
        for text, style in self.pieces:
            line.append(Text(text, style=style))
        return line

    def __str__(self) -> str:
        return self.plain


@dataclass
class Grid:
    """A table as a command builds it (see :func:`salescoach.ui.render.new_table`): column
    names, rows of cells (``str``, :class:`Styled`, Rich text, or ``None`` for empty), an
    optional title and caption. Rich's table is made from it only when Rich lays it out."""

    columns: Sequence[str]
    title: str | None = None
    caption: str | None = None

    def __post_init__(self) -> None:
        self.rows: list[tuple[object, ...]] = []

    def add_row(self, *cells: object) -> None:
        """One more row, a cell per column."""
        self.rows.append(cells)

    @property
    def row_count(self) -> int:
        """How many rows the table has."""
        return len(self.rows)


def plain_stream(stderr: bool = False) -> TextIO | None:
    """Standard output (or error) when Rich would write it without styles (not a terminal);
    ``None`` when Rich must write it. Once the program's consoles exist (or a test replaced
    them), theirs is the answer; before, it is found as Rich would find it."""
    module = sys.modules.get(CONSOLE_MODULE)
    if module is not None:
        screen = module.err if stderr else module.out
        if screen.is_terminal or screen.record:
            return None
        file: TextIO = screen.file
        return file
    stream = sys.stderr if stderr else sys.stdout
    if os.name == "nt" or stream is None or _is_terminal(stream):
        return None
    return stream


def _is_terminal(stream: TextIO) -> bool:
    """Rich's ``Console.is_terminal`` for a console on ``stream`` (``TTY_COMPATIBLE``,
    ``FORCE_COLOR``, then the stream itself)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console_width() -> int:
    """The width Rich gives standard output when it is not a terminal (and no console exists
    yet): ``COLUMNS``, else the size of the first standard stream that is a terminal, else 80."""
    module = sys.modules.get(CONSOLE_MODULE)
    if module is not None:
        width: int = module.out.width
        return width
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) or 80
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _cell_text(cell: object) -> str | None:
    """A cell's text when it is plain (see the module docstring); ``None`` otherwise."""
    if cell is None:
        return ""
    if isinstance(cell, Styled):
        text = cell.plain
    elif type(cell) is str:
        text = cell
    else:  # Rich text, with its own layout: Rich's to lay out
        return None
    return text if _is_single_cell(text) and text == text.strip() else None


def _markup_text(text: str) -> str | None:
    """A string Rich renders as markup (a column name, a title): plain when it holds no
    markup and no emoji code, else ``None``."""
    if "[" in text or _EMOJI_CODE.search(text):
        return None
    return _cell_text(text)


def write_grid(grid: Grid) -> bool:
    """Write ``grid`` as Rich would into a pipe, when it is plain; whether it was written."""
    stream = plain_stream()
    if stream is None or not grid.columns:
        return False
    lines = grid_lines(grid)
    if lines is None:
        return False
    stream.write("".join(f"{line}\n" for line in lines))
    stream.flush()
    return True


def grid_lines(grid: Grid) -> list[str] | None:
    """The lines of ``grid`` laid out as Rich lays it out with no width limit; ``None`` when
    some of its text is not plain."""
    headers = [_markup_text("" if name == BAR_COLUMN else str(name)) for name in grid.columns]
    if None in headers:
        return None
    rows = [[_cell_lines(cell) for cell in row] for row in grid.rows]
    if any(None in row for row in rows):
        return None
    table: list[list[list[str]]] = [[[text or ""] for text in headers], *rows]  # type: ignore[list-item]
    last = len(headers) - 1
    widths = []
    for number, column in enumerate(zip(*table, strict=True)):
        padding = (number > 0) + (number < last)
        minimum = BAR_WIDTH if grid.columns[number] == BAR_COLUMN else 0
        content = max(max(len(text) for cell in column for text in cell), minimum)
        widths.append(content + padding or 1)
    lines = []
    for row in table:  # a cell of several lines makes the row as tall, the others blank below
        for line_number in range(max(len(cell) for cell in row)):
            line = []
            for number, cell in enumerate(row):
                text = cell[line_number] if line_number < len(cell) else ""
                left = " " if number > 0 and text else ""
                line.append(f"{left}{text}".ljust(widths[number]))
            lines.append("".join(line))
    width = sum(widths)
    title = _annotation(grid.title, width, centred=False)
    caption = _annotation(grid.caption, width, centred=True)
    if title is None or caption is None:
        return None
    return [*title, *lines, *caption]


def _cell_lines(cell: object) -> list[str] | None:
    """A cell's lines when they are plain (a blank line or a line with spaces around it is
    Rich's to lay out); ``None`` otherwise."""
    if isinstance(cell, str | Styled) and "\n" in str(cell):
        lines = [_cell_text(line) for line in str(cell).split("\n")]
        return None if None in lines or "" in lines else lines  # type: ignore[return-value]
    text = _cell_text(cell)
    return None if text is None else [text]


def _annotation(text: str | None, width: int, *, centred: bool) -> list[str] | None:
    """A title (left) or caption (centred) over a table ``width`` wide, wrapped between words
    as Rich wraps it: ``[]`` for none, ``None`` when Rich must lay it out (not plain, or a word
    wider than the table)."""
    if not text:
        return []
    lines: list[str] = []
    for part in text.split("\n"):  # each line of it wrapped on its own
        plain = _markup_text(part)
        cut = wrapped(plain.replace(NO_BREAK, HELD), width, fold=False) if plain else None
        if cut is None:
            return None
        lines += (line.replace(HELD, NO_BREAK) for line in cut)
    if centred:
        return [(" " * ((width - len(line.rstrip())) // 2) + line.rstrip()).ljust(width)
                for line in lines]  # fmt: skip
    return [line.ljust(width) for line in lines]


_WORD = re.compile(r"\s*\S+\s*")
"""A word and the spaces after it, as Rich divides a line (``rich._wrap``)."""


def wrapped(text: str, width: int, *, fold: bool = True) -> list[str] | None:
    """``text`` cut into lines as :meth:`rich.text.Text.wrap` cuts it at ``width``, for a text
    whose every character takes one cell (:data:`SINGLE_CELL`): a word that does not fit on the
    line goes to the next one, the spaces past the edge are dropped. A word wider than a line
    is folded into pieces of the line's width — or, without ``fold``, the answer is ``None``
    (the caller leaves the text to Rich)."""
    breaks: list[int] = []
    offset = 0
    for found in _WORD.finditer(text):
        start, word = found.start(), found.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if not fold:
                return None
            pieces = [word[at : at + width] for at in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    lines = []
    for begin, end in zip([0, *breaks], [*breaks, len(text)], strict=True):
        line = text[begin:end]
        if len(line) > width:  # Rich's rstrip_end: the trailing spaces beyond the edge
            excess = len(line) - width
            spaces = len(line) - len(line.rstrip())
            line = line[: len(line) - min(spaces, excess)][:width]
        lines.append(line)
    return lines


def write_line(text: str | Styled, *, stderr: bool = False, wraps: bool = True) -> bool:
    """Write one line as Rich would into a pipe, when it is plain (and, where Rich wraps,
    ``wraps``, cut between words at the console's width as Rich cuts it: a report's list of
    objections or phases runs past it); whether it was written."""
    stream = plain_stream(stderr)
    if stream is None:
        return False
    plain = _cell_text(text)
    if plain is None:
        return False
    width = console_width()
    lines = wrapped(plain, width) if wraps and len(plain) > width else [plain]
    if lines is None:
        return False
    stream.write("".join(f"{line}\n" for line in lines))
    stream.flush()
    return True
