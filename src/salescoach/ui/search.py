"""``search``'s hits on standard output, written as they come from the index.

Each hit is its heading (date, account, kind, type, meeting: one line, never wrapped) and its
snippet (indented, the matches highlighted, wrapped at the console's width). ``--limit 0`` on a
common word writes tens of thousands of them, and Rich's ``print`` costs about half a
millisecond each: so when standard output takes no style at all (a pipe, a file), each hit's
lines are written directly, cut as ``print`` cuts them there — by :func:`wrapped` (Rich's word
wrap for text whose every character takes one cell), else by Rich's own
:meth:`~rich.text.Text.wrap`. A test holds the three to the same characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from salescoach.messages import message
from salescoach.ui import console
from salescoach.ui.render import meeting_type_label, say

if TYPE_CHECKING:
    from rich.console import Console

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
    """Each hit as it comes, then how many were left out, or that nothing matched."""
    if console.out.color_system is None:
        write = _plain_writer(console.out, language, reference)
    else:
        write = _rich_writer(console.out, language, reference)
    shown = 0
    for hit in hits:
        write(hit)
        shown += 1
    if not shown:
        say(message(language, "search_none", words=" ".join(words)))
    elif shown < total:
        figure = f"{total:,}".replace(",", "\u202f" if language == "fr" else ",")
        say(message(language, "search_more", shown=shown, total=figure))


def heading(hit: Hit, language: str, reference: Reference | None) -> Text:
    """A hit's first line: its day, account, kind, meeting type and meeting id."""
    line = Text()
    for part, style in heading_parts(hit, language, reference):
        line.append(part, style=style)
    return line


def heading_parts(hit: Hit, language: str, reference: Reference | None) -> list[tuple[str, str]]:
    """The pieces of :func:`heading`, each with its style."""
    parts = [
        (hit.day, "bold"),
        ("  ", ""),
        (hit.account_name, "heading"),
        (f"  {message(language, hit.kind)}", ""),
    ]
    if hit.meeting_type:
        parts.append((f" · {meeting_type_label(reference, hit.meeting_type)}", ""))
    parts.append((f"  {hit.meeting}", "muted"))
    return parts


def snippet(hit: Hit) -> Text:
    """A hit's snippet, indented, its matches highlighted."""
    text = Text(INDENT)
    for part, matched in hit.pieces():
        text.append(part, style=MATCH_STYLE if matched else "")
    return text


def _rich_writer(out: Console, language: str, reference: Reference | None) -> Callable[[Hit], None]:
    def write(hit: Hit) -> None:
        out.print(heading(hit, language, reference), soft_wrap=True)
        out.print(snippet(hit))

    return write


def _plain_writer(
    out: Console, language: str, reference: Reference | None
) -> Callable[[Hit], None]:
    """Write a hit as ``out.print`` does on a console without styles: the heading whole
    (``soft_wrap``), the snippet wrapped at the console's width. A hit whose every character
    takes one cell is cut by :func:`wrapped` without making Rich objects at all."""
    width = out.width
    stream = out.file
    simple = _one_cell().issuperset

    def write(hit: Hit) -> None:
        first = "".join(part for part, _ in heading_parts(hit, language, reference))
        body = INDENT + "".join(part for part, _ in hit.pieces())
        if simple(first) and simple(body):
            lines = [first, *wrapped(body, width)]
        else:
            first = heading(hit, language, reference).plain  # control codes left out
            lines = [first, *(line.plain for line in snippet(hit).wrap(out, width))]
        stream.write("\n".join(lines) + "\n")

    return write


_WORD = re.compile(r"\s*\S+\s*")
"""A word and the spaces around it, as Rich's word wrap reads them."""


def wrapped(text: str, width: int) -> list[str]:
    """``text`` cut into lines as :meth:`rich.text.Text.wrap` cuts it at ``width`` (words kept
    whole unless longer than a line, then folded; spaces past the edge dropped), for a text
    whose every character takes one cell (see :func:`_one_cell`)."""
    breaks: list[int] = []
    offset = 0
    for found in _WORD.finditer(text):
        start, word = found.start(), found.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded: pieces of a line's width
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
        if len(line) > width:
            excess = len(line) - width
            spaces = len(line) - len(line.rstrip())
            line = line[: len(line) - min(spaces, excess)][:width]
        lines.append(line)
    return lines


@functools.cache
def _one_cell() -> frozenset[str]:
    """The characters :func:`wrapped` can cut: printable Latin and common punctuation that
    Rich measures one cell wide (anything else is cut by Rich itself)."""
    from rich.cells import cell_len

    candidates = (*range(0x20, 0x7F), *range(0xA0, 0x300), *range(0x2010, 0x2028), 0x202F, 0x20AC)
    return frozenset(chr(code) for code in candidates if cell_len(chr(code)) == 1)
