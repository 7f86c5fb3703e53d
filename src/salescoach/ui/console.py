"""The program's one pair of Rich consoles: results on stdout, everything else on stderr.

Rich already turns colour off when the stream is not a terminal or ``NO_COLOR`` is set.
"""

from __future__ import annotations

from rich.console import Console
from rich.theme import Theme

THEME = Theme(
    {
        "error": "bold red",
        "warning": "yellow",
        "hint": "dim",
        "ok": "green",
        "heading": "bold cyan",
        "muted": "dim",
    }
)

out = Console(theme=THEME, highlight=False, soft_wrap=False)
# Messages are never wrapped by us: a FILE:LINE:COL line must stay one line in a pipe or a log
# (the terminal wraps long lines by itself).
err = Console(theme=THEME, highlight=False, stderr=True, soft_wrap=True)
