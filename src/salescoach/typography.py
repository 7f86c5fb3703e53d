"""Punctuation kept on its word's line, for French text and for any text wrapped to a width."""

from __future__ import annotations

NO_BREAK_SPACE = "\u00a0"

_BEFORE = (" ;", " :", " ?", " !", " »")


def french_spaces(text: str) -> str:
    """French punctuation kept on its word's line: a no-break space before ``; : ? ! »`` and
    after ``«``. Text wrapped afterwards (``textwrap`` breaks only at ASCII white space) never
    starts a line with a colon or leaves a guillemet alone at a line's end."""
    for mark in _BEFORE:
        text = text.replace(mark, NO_BREAK_SPACE + mark[1])
    return text.replace("« ", "«" + NO_BREAK_SPACE)


_GLUE = "\x1f"
"""Stands for a space that must not break while text is wrapped (a control character no one
types), then becomes that space again: what is shown keeps the characters it was given."""


def wrap_words(
    text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = ""
) -> list[str]:
    """``textwrap.wrap`` that never starts a line with ``; : ? ! »`` nor ends one on ``«``
    (the spaces of French typography, typed as plain spaces), and never breaks a word: at a
    hyphen, or a word longer than the line (a path, an address), which stays whole on a line
    of its own for the terminal to fold, so that it can be copied as it is. The text keeps its
    own characters."""
    import textwrap

    for mark in _BEFORE:
        text = text.replace(mark, _GLUE + mark[1])
    text = text.replace("« ", "«" + _GLUE)
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_on_hyphens=False,
        break_long_words=False,
    )
    return [line.replace(_GLUE, " ") for line in lines]
