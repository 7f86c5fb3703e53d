"""``search``'s hits on standard output, written as they come from the index.

Each hit is its heading (date, account, kind, type, meeting: one line, never wrapped) and its
snippet (indented, the matches highlighted, wrapped at the console's width). ``--limit 0`` on a
common word writes tens of thousands of them: Rich's ``print`` costs about half a millisecond
each, so when standard output takes no style at all (a pipe, a file) the lines are made by
Rich's own :meth:`~rich.text.Text.wrap` at the same width and written directly — the same
characters :meth:`~rich.console.Console.print` writes there, a few times faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from salescoach.messages import message
from salescoach.ui import console
from salescoach.ui.render import meeting_type_label, say

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from salescoach.reports.reference import Reference
    from salescoach.store.search import Hit

MATCH_STYLE = "bold reverse"


def search_results(
    language: str,
    words: Sequence[str],
    hits: Iterable[Hit],
    total: int,
    reference: Reference | None = None,
) -> None:
    """Each hit as it comes, then how many were left out, or that nothing matched."""
    write = _plain_writer(console.out) if console.out.color_system is None else _rich_writer
    shown = 0
    for hit in hits:
        write(heading(hit, language, reference), snippet(hit))
        shown += 1
    if not shown:
        say(message(language, "search_none", words=" ".join(words)))
    elif shown < total:
        figure = f"{total:,}".replace(",", "\u202f" if language == "fr" else ",")
        say(message(language, "search_more", shown=shown, total=figure))


def heading(hit: Hit, language: str, reference: Reference | None) -> Text:
    """A hit's first line: its day, account, kind, meeting type and meeting id."""
    line = Text()
    line.append(hit.day, style="bold")
    line.append("  ")
    line.append(hit.account_name, style="heading")
    line.append(f"  {message(language, hit.kind)}")
    if hit.meeting_type:
        line.append(f" · {meeting_type_label(reference, hit.meeting_type)}")
    line.append(f"  {hit.meeting}", style="muted")
    return line


def snippet(hit: Hit) -> Text:
    """A hit's snippet, indented, its matches highlighted."""
    text = Text("  ")
    for part, matched in hit.pieces():
        text.append(part, style=MATCH_STYLE if matched else "")
    return text


def _rich_writer(first: Text, then: Text) -> None:
    console.out.print(first, soft_wrap=True)
    console.out.print(then)


def _plain_writer(out: Console) -> Callable[[Text, Text], None]:
    """Write a heading and a snippet as ``out.print`` does on a console without styles: the
    heading whole (``soft_wrap``), the snippet wrapped at the console's width."""
    width = out.width
    stream = out.file

    def write(first: Text, then: Text) -> None:
        lines = [first.plain, *(line.plain for line in then.wrap(out, width))]
        stream.write("\n".join(lines) + "\n")

    return write
