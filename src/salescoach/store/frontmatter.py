"""A fast reader for the front matter salescoach writes, that steps aside for anything else.

Reading a record's front matter through libyaml's event stream (:func:`salescoach.yamlio.parse`)
costs about a millisecond for an ordinary prep: most of a first index build at 100,000 records.
Yet almost every front matter is block YAML as :func:`salescoach.yamlio.dump` wrote it: mappings
of plain keys, sequences not indented under their key, plain, single-quoted and literal scalars.
:func:`read_plain_block` reads that shape line by line, several times faster, and gives up
(:data:`UNSURE`) at the first thing outside it — a comment, a tab, a flow collection, an anchor, a
blank line, a duplicate key, a key YAML would type, an escape… — so the strict reader, with its
located problems, reads every file a person shaped otherwise. For what it accepts, it returns the
value the strict reader returns, type for type (tests compare both on generated and edited data).
"""

from __future__ import annotations

import re
from typing import Any, Final

from salescoach.yamlio import NumberTooLarge, resolve_plain


class _Unsure(Exception):
    """The text steps outside the shape this reader knows: the strict reader takes over."""


UNSURE: Final = object()
"""Returned when the strict reader must read the text."""

MAX_DEPTH = 32
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Characters with a second meaning: tab, carriage return, NEL, line and paragraph separators,
byte-order mark, control characters, lone surrogates (the strict reader locates those). A class
of what is refused compiles in a millisecond at start-up; one of what is allowed took eight."""
_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_ODD_LINE = re.compile(r" $|^ *#|^---|^\.\.\.|^%", re.MULTILINE)
"""Trailing spaces (and lines of spaces) mean something in some scalars only; comments,
document markers and directives are for the strict reader."""
_BLANK = -2
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""A plain scalar starting with one of these is left to the strict reader."""


def read_plain_block(text: str) -> Any:
    """The value of ``text`` as :func:`salescoach.yamlio.parse` reads it, or :data:`UNSURE`."""
    if _UNSAFE.search(text):
        return UNSURE
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return UNSURE
    if _ODD_LINE.search(text):
        return UNSURE
    try:
        reader = _Reader(lines)
        if _indent(lines[0]) != 0 or _is_item(lines[0], 0):
            return UNSURE
        value, end = reader.mapping(0, 0, 0)
    except _Unsure:
        return UNSURE
    return value if end == len(lines) else UNSURE


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_item(line: str, indent: int) -> bool:
    """Whether ``line`` is a sequence entry at ``indent``: ``-`` then a space or nothing."""
    return line.startswith("-", indent) and (len(line) == indent + 1 or line[indent + 1] == " ")


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.indents = [len(line) - len(line.lstrip(" ")) if line else _BLANK for line in lines]
        self.indents.append(-1)  # past the end

    def _indent_at(self, number: int) -> int:
        """The indentation of line ``number`` (-1 past the end); a blank line is for the strict
        reader unless a literal block holds it."""
        indent = self.indents[number]
        if indent == _BLANK:
            raise _Unsure
        return indent

    def block(self, number: int, parent: int, depth: int) -> tuple[Any, int]:
        """The collection starting at line ``number``, indented deeper than ``parent``."""
        indent = self._indent_at(number)
        if indent <= parent:
            raise _Unsure
        if _is_item(self.lines[number], indent):
            return self.sequence(number, indent, depth)
        return self.mapping(number, indent, depth)

    def mapping(self, number: int, indent: int, depth: int) -> tuple[dict[str, Any], int]:
        if depth > MAX_DEPTH:
            raise _Unsure
        found: dict[str, Any] = {}
        lines = self.lines
        while number < len(lines):
            at = self._indent_at(number)
            if at < indent:
                break
            if at > indent:
                raise _Unsure
            line = lines[number]
            if _is_item(line, indent):
                break  # the caller's indentless sequence ended before this key: it checks
            content = line[indent:]
            colon = content.find(": ")
            if colon == -1:
                if not content.endswith(":"):
                    raise _Unsure
                key, rest = content[:-1], ""
            else:
                key, rest = content[:colon], content[colon + 2 :]
            if not _KEY.fullmatch(key) or key in found:
                raise _Unsure
            if not isinstance(_resolved(key), str):
                raise _Unsure  # a key YAML reads as a number, a boolean or null
            if rest:
                found[key], number = self.scalar(rest, number, indent)
                continue
            following = self._indent_at(number + 1)
            if following > indent:
                found[key], number = self.block(number + 1, indent, depth + 1)
            elif following == indent and _is_item(lines[number + 1], indent):
                found[key], number = self.sequence(number + 1, indent, depth + 1)
            else:
                found[key], number = None, number + 1
        return found, number

    def sequence(self, number: int, indent: int, depth: int) -> tuple[list[Any], int]:
        if depth > MAX_DEPTH:
            raise _Unsure
        found: list[Any] = []
        lines = self.lines
        while number < len(lines):
            if self._indent_at(number) != indent or not _is_item(lines[number], indent):
                break
            content = lines[number][indent + 2 :]
            if not content:
                if self._indent_at(number + 1) > indent:
                    value, number = self.block(number + 1, indent, depth + 1)
                else:
                    value, number = None, number + 1
            elif content.startswith((" ", "-", "?")):
                raise _Unsure  # extra spaces, a sequence in a sequence, a complex key
            elif _opens_mapping(content):
                # "- key: value" opens a mapping indented two columns past the dash.
                lines[number] = " " * (indent + 2) + content
                self.indents[number] = indent + 2
                value, number = self.mapping(number, indent + 2, depth + 1)
            else:
                value, number = self.scalar(content, number, indent)
            found.append(value)
        return found, number

    def scalar(self, text: str, number: int, parent: int) -> tuple[Any, int]:
        """The scalar whose text starts ``text`` on line ``number`` (continued on lines indented
        deeper than ``parent``), and the line after it."""
        first = text[0]
        if first == "'":
            return self._single_quoted(text, number, parent)
        if first == '"':
            if len(text) < 2 or not text.endswith('"') or '"' in text[1:-1] or "\\" in text:
                raise _Unsure
            return text[1:-1], number + 1
        if text in ("|", "|-"):
            return self._literal(number, parent, keep_last_break=text == "|")
        if text == "[]":
            return [], number + 1
        if text == "{}":
            return {}, number + 1
        if first in _INDICATORS or text.startswith(" "):
            raise _Unsure
        _check_plain_piece(text)
        pieces = [text]
        number += 1
        while self._indent_at(number) > parent:
            piece = self.lines[number].lstrip(" ")
            if piece[0] in _INDICATORS:
                raise _Unsure
            _check_plain_piece(piece)
            pieces.append(piece)
            number += 1
        return _resolved(" ".join(pieces)), number

    def _single_quoted(self, text: str, number: int, parent: int) -> tuple[str, int]:
        pieces = []
        body = text[1:]
        while True:
            if not body.strip(" "):
                raise _Unsure  # an empty line of a quoted scalar folds otherwise
            closing = _closing_quote(body)
            if closing is not None:
                if closing != len(body) - 1:
                    raise _Unsure  # something after the closing quote
                pieces.append(body[:-1])
                break
            pieces.append(body)
            number += 1
            if self._indent_at(number) <= parent:
                raise _Unsure
            body = self.lines[number].lstrip(" ")
        return " ".join(pieces).replace("''", "'"), number + 1

    def _literal(self, number: int, parent: int, *, keep_last_break: bool) -> tuple[str, int]:
        lines = self.lines
        start = number + 1
        if start >= len(lines) or not lines[start]:
            raise _Unsure  # no content, or a leading blank line (an indentation indicator)
        indent = _indent(lines[start])
        if indent <= parent:
            raise _Unsure
        end = start
        while end < len(lines) and (not lines[end] or _indent(lines[end]) >= indent):
            end += 1
        while not lines[end - 1]:
            end -= 1  # trailing blank lines belong to what follows the block (clip or strip)
        text = "\n".join(line[indent:] for line in lines[start:end])
        return (text + "\n" if keep_last_break else text), end


def _opens_mapping(content: str) -> bool:
    colon = content.find(": ")
    key = content[:colon] if colon != -1 else content[:-1] if content.endswith(":") else None
    return key is not None and _KEY.fullmatch(key) is not None


def _check_plain_piece(text: str) -> None:
    """A line of a plain scalar must not hold what would end it or make it a key."""
    if ": " in text or text.endswith(":") or " #" in text:
        raise _Unsure


def _closing_quote(body: str) -> int | None:
    """Where the single quote that closes a single-quoted scalar is in ``body`` (``''`` is an
    escaped quote), or ``None`` when it goes on to the next line."""
    position = 0
    while True:
        position = body.find("'", position)
        if position == -1:
            return None
        if body.startswith("''", position):
            position += 2
            continue
        return position


_MAYBE_TYPED = frozenset("-+.0123456789~nNtTfF")
"""The first characters of the plain scalars YAML may read as null, a boolean or a number."""


def _resolved(text: str) -> Any:
    if text and text[0] not in _MAYBE_TYPED:
        return text
    try:
        return resolve_plain(text)
    except NumberTooLarge:
        raise _Unsure from None
