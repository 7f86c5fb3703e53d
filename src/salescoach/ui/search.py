"""``search``'s hits on standard output, written as they come from the index.

Each hit is its heading (date, account, kind, type, meeting: one line, never wrapped) and its
snippet (indented, the matches highlighted, wrapped at the console's width). ``--limit 0`` on a
common word writes tens of thousands of them, and Rich's ``print`` costs about half a
millisecond each: so when standard output takes no style at all (a pipe, a file), each hit's
lines are written directly, cut as ``print`` cuts them there — by
:func:`salescoach.ui.plain.wrapped` (Rich's word wrap for text whose every character takes one
cell, shared with the tables written into a pipe), else by Rich's own
:meth:`~rich.text.Text.wrap`. A test holds the three to the same characters. Into a pipe Rich
is not even imported (``search`` runs in a few tens of milliseconds: importing Rich's console
would be a fifth of that) unless a hit's text is not that plain.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING

from salescoach.messages import figure, message
from salescoach.ui.plain import CONSOLE_MODULE, SINGLE_CELL, console_width, plain_stream, wrapped
from salescoach.ui.render import meeting_type_label, say

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from salescoach.reports.reference import Reference
    from salescoach.store.search import Hit

MATCH_STYLE = "bold reverse"
INDENT = "  "


def search_results(
    language: str,
    words: Sequence[str],
    hits: Iterable[Hit],
    total: int,
    reference: Reference | None = None,
) -> None:
    """Each hit as it comes, then how many were left out, or that nothing matched. Into a pipe
    or a file nothing of Rich is imported unless a hit's text needs it."""
    stream = None if CONSOLE_MODULE in sys.modules else plain_stream()
    if stream is not None:  # no console made yet, and standard output takes no style
        write = _plain_writer(stream, console_width(), None, language, reference)
    else:
        from salescoach.ui import console

        out = console.out
        if out.color_system is None:  # a pipe, a file, or a terminal without colours
            terminal = out.width if out.is_terminal else None
            write = _plain_writer(out.file, out.width, terminal, language, reference)
        else:
            write = _rich_writer(out, language, reference)
    shown = 0
    for hit in hits:
        write(hit)
        shown += 1
    if not shown:
        say(message(language, "search_none", words=" ".join(words)))
    elif shown < total:
        say(message(language, "search_more", shown=shown, total=figure(language, total)))


def heading(hit: Hit, language: str, reference: Reference | None, width: int | None = None) -> Text:
    """A hit's heading: its day, account, kind, meeting type and meeting id."""
    from rich.text import Text

    line = Text()
    for part, style in heading_parts(hit, language, reference, width):
        line.append(part, style=style)
    return line


def heading_parts(
    hit: Hit, language: str, reference: Reference | None, width: int | None = None
) -> list[tuple[str, str]]:
    """The pieces of :func:`heading`, each with its style: one line — but in a terminal
    ``width`` wide, a heading longer than that has its meeting id on a line of its own (the
    terminal would cut the id mid-word, and it is what a rep copies into ``show``). Into a
    pipe or a file (``width`` ``None``) the heading stays one line, for the scripts reading it.
    """
    parts = [
        (hit.day, "bold"),
        ("  ", ""),
        (hit.account_name, "heading"),
        (f"  {message(language, hit.kind)}", ""),
    ]
    if hit.meeting_type:
        parts.append((f" · {meeting_type_label(reference, hit.meeting_type)}", ""))
    last = f"  {hit.meeting}"
    if width is not None:
        from rich.cells import cell_len

        if sum(cell_len(part) for part, _ in parts) + len(last) > width:
            last = f"\n{hit.meeting}"
    parts.append((last, "muted"))
    return parts


def snippet(hit: Hit) -> Text:
    """A hit's snippet, its matches highlighted (written indented: every line of it)."""
    from rich.text import Text

    text = Text()
    for part, matched in hit.pieces():
        text.append(part, style=MATCH_STYLE if matched else "")
    return text


def _inner(width: int) -> int:
    """How wide a snippet's lines are cut, so that indented they fill ``width``."""
    return max(width - len(INDENT), 1)


def _rich_writer(out: Console, language: str, reference: Reference | None) -> Callable[[Hit], None]:
    from rich.text import Text

    width = out.width if out.is_terminal else None
    indent = Text(INDENT)

    def write(hit: Hit) -> None:
        out.print(heading(hit, language, reference, width), soft_wrap=True)
        for line in snippet(hit).wrap(out, _inner(out.width)):
            out.print(indent + line, soft_wrap=True)

    return write


def _plain_writer(
    stream: IO[str],
    width: int,
    terminal: int | None,
    language: str,
    reference: Reference | None,
) -> Callable[[Hit], None]:
    """Write a hit as :func:`_rich_writer` does on a console ``width`` wide without styles
    (``terminal``: its width when it is a terminal, else ``None``): the heading, the snippet cut
    to that width less its indent. A hit whose every character takes one cell is cut by
    :func:`~salescoach.ui.plain.wrapped` without making Rich objects at all; any other, by
    Rich."""
    inner = _inner(width)
    simple = SINGLE_CELL.issuperset

    def write(hit: Hit) -> None:
        first = "".join(part for part, _ in heading_parts(hit, language, reference, terminal))
        body = "".join(part for part, _ in hit.pieces())
        if simple(first) and simple(body):
            cut: Iterable[str] = wrapped(body, inner) or ()  # folded: never None
        else:
            from salescoach.ui import console

            first = heading(hit, language, reference, terminal).plain  # control codes left out
            cut = [line.plain for line in snippet(hit).wrap(console.out, inner)]
        stream.write("\n".join([first, *(INDENT + line for line in cut)]) + "\n")

    return write
