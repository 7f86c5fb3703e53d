"""Text that never breaks at a non-breaking space, for Rich.

Rich wraps at any whitespace, the non-breaking space included, so a French ";" or ":" (written
with one before it, as the catalogue writes them) could start a line: in the sheet, a record's
Markdown, a table's caption or cell. Here each non-breaking space is held, while the text is
laid out, as a character that is not whitespace, then put back.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.containers import Lines
from rich.segment import Segment
from rich.text import Text

from salescoach.ui.plain import HELD as _HELD
from salescoach.ui.plain import NO_BREAK as NO_BREAK


class Unbroken(Text):
    """Text whose lines never break at a non-breaking space.

    Rich wraps at any whitespace, the non-breaking space included, so a French ";" or ":"
    (written with one before it) could start a line. Here each non-breaking space is held as
    a character that is not whitespace while the line is wrapped, then put back.
    """

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        """Rich's wrapping, never at a non-breaking space."""
        if NO_BREAK not in self.plain:
            return super().wrap(console, width, **options)
        held = self.copy()
        held.plain = self.plain.replace(NO_BREAK, _HELD)
        lines = Text.wrap(held, console, width, **options)
        for line in lines:
            line.plain = line.plain.replace(_HELD, NO_BREAK)
        return lines


class HeldSpaces:
    """A renderable laid out with its non-breaking spaces held as :data:`HELD` (which Rich
    does not break at), then shown as non-breaking spaces again: for what is not built as
    :class:`Unbroken` text (a record's Markdown)."""

    HELD = _HELD

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if _HELD in segment.text:
                yield Segment(segment.text.replace(_HELD, NO_BREAK), segment.style, segment.control)
            else:
                yield segment
