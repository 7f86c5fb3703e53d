"""A fast reader for the front matter salescoach writes, that steps aside for anything else.

Reading a record's front matter through libyaml's event stream (:func:`salescoach.yamlio.parse`)
costs about a millisecond for an ordinary prep: most of a first index build at 100,000 records.
Yet almost every front matter is block YAML as :func:`salescoach.yamlio.dump` wrote it: mappings
of plain keys, sequences not indented under their key, plain, single-quoted and literal scalars.
:func:`read_plain_block` reads that shape line by line, several times faster, and gives up
(:data:`UNSURE`) at the first thing outside it — a comment, a tab, a flow collection, an anchor, a
blank line, a duplicate key, a key YAML would type, an escape… — so the strict reader, with its
located problems, reads every file a person shaped otherwise. For what it accepts, it returns the
value the strict reader returns, type for type (tests compare both on generated and edited data),
and only plain data (:func:`salescoach.store.record.check_plain` would refuse nothing in it: no
infinite or NaN number, no lone surrogate), so a record read through it is not checked again.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

from salescoach.scalars import NumberTooLarge, resolve_plain


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
_COMMENT_LINE = re.compile("^ *#", re.MULTILINE)
_BLANK = -2
_PLAIN_KEYS: set[str] = set()
"""Keys already checked (a home's records use the same few hundred keys over and over)."""
_MAX_REMEMBERED_KEYS = 10_000
_ITEMS: dict[tuple[int, str], dict[str, Any]] = {}
"""Sequence items read before: a mapping of plain values, by its indentation and its lines as
they stand (the playbooks a record was made with, the same in most records of a home). Only
items that ended at the line where their text does are kept; what follows is read as ever (a
blank line there, where a literal block might go on, is left to the strict reader)."""
_ITEM_LINES = 8
"""The longest item remembered, in lines."""
_MAX_REMEMBERED_ITEMS = 4_096
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""A plain scalar starting with one of these is left to the strict reader."""


def read_plain_block(text: str) -> Any:
    """The value of ``text`` as :func:`salescoach.yamlio.parse` reads it, or :data:`UNSURE`."""
    if _has_unsafe(text) or _odd_line(text):
        return UNSURE
    body = text[:-1] if text.endswith("\n") else text
    if not body or body[0] == " " or _is_item(body, 0):
        return UNSURE
    reader = _Reader(body)
    try:
        value, end = reader.mapping(0, 0, 0)
    except _Unsure:
        return UNSURE
    return value if end == len(reader.lines) else UNSURE


def _has_unsafe(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_UNSAFE`, looked for in its UTF-8 bytes: a
    control character is one byte there, deleted by ``translate`` in one pass, and the others
    are sequences of two or three bytes found by substring search. The regular expression
    over the text took a fifth of the reading; this takes half of that (the same answer, tested)."""
    try:
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return (
        len(data.translate(None, _CONTROL_BYTES)) != len(data)
        or (b"\xc2" in data and _C1_BYTES.search(data) is not None)
        or b"\xe2\x80\xa8" in data  # line separator
        or b"\xe2\x80\xa9" in data  # paragraph separator
        or (
            b"\xef" in data
            and (b"\xef\xbb\xbf" in data or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)
        )
    )


_CONTROL_BYTES = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])
"""The control characters of :data:`_UNSAFE` below 0x80 (all but the line feed)."""
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")
"""U+0080 to U+009F (NEL among them) in UTF-8."""


def _odd_line(text: str) -> bool:
    """Whether a line ends in a space (or is only spaces) or is a comment: trailing spaces mean
    something in some scalars only, and comments are for the strict reader. Searched as
    substrings (a regular expression of these costs a third of the reading). A document marker
    (``---``, ``...``) or a directive (``%``) needs no search: it starts a line at the first
    column, where only a key may (it is not one, and the reader steps aside)."""
    return (
        " \n" in text
        or text.endswith(" ")
        or ("#" in text and _COMMENT_LINE.search(text) is not None)
    )


def _is_item(line: str, indent: int) -> bool:
    """Whether ``line`` is a sequence entry at ``indent``: ``-`` then a space or nothing."""
    return line.startswith("-", indent) and (len(line) == indent + 1 or line[indent + 1] == " ")


class _Reader:
    """Reads the lines of a front matter. Each line's indentation is found once, up front (a
    blank line is marked :data:`_BLANK`), and so is the line without it (what a key, an item or
    a scalar is cut from: one ``partition`` a line, not a search and two slices)."""

    def __init__(self, body: str) -> None:
        self.lines = lines = body.split("\n")
        self.texts = texts = [line.lstrip(" ") for line in lines]
        self.indents = indents = [
            len(line) - len(text) for line, text in zip(lines, texts, strict=True)
        ]
        if "" in texts:  # (a line of spaces alone ends in a space: refused before)
            for number, text in enumerate(texts):
                if not text:
                    indents[number] = _BLANK
        indents.append(-1)  # past the end
        texts.append("")

    def block(self, number: int, parent: int, depth: int) -> tuple[Any, int]:
        """The collection starting at line ``number``, indented deeper than ``parent``."""
        text = self.texts[number]
        if text[0] == "-" and (len(text) == 1 or text[1] == " "):
            return self.sequence(number, self.indents[number], depth)
        return self.mapping(number, self.indents[number], depth)

    def mapping(self, number: int, indent: int, depth: int) -> tuple[dict[str, Any], int]:
        if depth > MAX_DEPTH:
            raise _Unsure
        found: dict[str, Any] = {}
        texts, indents = self.texts, self.indents
        while True:
            at = indents[number]
            if at != indent:
                if at > indent or at == _BLANK:
                    raise _Unsure
                break  # a shallower line, or the end
            text = texts[number]
            key, colon, rest = text.partition(": ")
            if not colon:
                if text[-1] != ":":
                    if text[0] == "-" and (len(text) == 1 or text[1] == " "):
                        break  # the caller's indentless sequence ended before this key
                    raise _Unsure
                key = text[:-1]
            if key not in _PLAIN_KEYS:  # (a plain key does not start with "-")
                if text[0] == "-" and text[1] == " ":
                    break  # as above
                _check_key(key)
            if key in found:
                raise _Unsure
            if rest:
                # The most common lines, read here: a word or a sentence on one line, a
                # single-quoted text on one line, a whole number.
                first = rest[0]
                if first not in _NOT_WORD_START:
                    if (
                        indents[number + 1] <= indent
                        and ": " not in rest
                        and rest[-1] != ":"
                        and " #" not in rest
                    ):
                        found[key] = rest if first not in _WORD_STARTS else _WORDS.get(rest, rest)
                        number += 1
                        continue
                elif first == "'":
                    if len(rest) > 1 and rest[-1] == "'" and "'" not in rest[1:-1]:
                        found[key] = rest[1:-1]
                        number += 1
                        continue
                elif first in _DIGITS and indents[number + 1] <= indent and _is_small_int(rest):
                    found[key] = int(rest)
                    number += 1
                    continue
                found[key], number = self.scalar(rest, number, indent)
                continue
            following = indents[number + 1]
            if following > indent:
                found[key], number = self.block(number + 1, indent, depth + 1)
            elif following == indent and _is_item(texts[number + 1], 0):
                found[key], number = self.sequence(number + 1, indent, depth + 1)
            else:
                found[key], number = None, number + 1
        return found, number

    def sequence(self, number: int, indent: int, depth: int) -> tuple[list[Any], int]:
        if depth > MAX_DEPTH:
            raise _Unsure
        found: list[Any] = []
        texts, indents = self.texts, self.indents
        after = indent + 2
        while True:
            at = indents[number]
            if at != indent:
                if at == _BLANK:
                    raise _Unsure
                break
            text = texts[number]
            if text[0] != "-":
                break
            if len(text) == 1:  # "-" alone: what follows, deeper, is the item
                if indents[number + 1] > indent:
                    value, number = self.block(number + 1, indent, depth + 1)
                else:
                    value, number = None, number + 1
                found.append(value)
                continue
            if text[1] != " ":
                break
            item = text[2:]  # not empty: a line does not end in a space
            first = item[0]
            if first == " " or first == "-" or first == "?":
                raise _Unsure  # extra spaces, a sequence in a sequence, a complex key
            if first == "'" and len(item) > 1 and item[-1] == "'":
                quoted = item[1:-1]
                if "'" not in quoted:  # a single-quoted item on one line
                    found.append(quoted)
                    number += 1
                    continue
            key, colon, _ = item.partition(": ")
            if not colon:
                if (
                    first not in _NOT_WORD_START
                    and item[-1] != ":"
                    and indents[number + 1] <= indent
                    and " #" not in item
                ):  # an item on one line, a word or a sentence: read here
                    found.append(item if first not in _WORD_STARTS else _WORDS.get(item, item))
                    number += 1
                    continue
                key = item[:-1]
            if (colon or item[-1] == ":") and (key in _PLAIN_KEYS or _KEY.fullmatch(key)):
                # "- key: value" opens a mapping indented two columns past the dash (its
                # first line is read from there: the dash before is never looked at). A
                # short one of plain values read before, as it stands, is not read again.
                end = number + 1
                while indents[end] > indent:  # a blank line stops it too
                    end += 1
                lines = self.lines
                whole = "\n".join(lines[number:end]) if end - number <= _ITEM_LINES else ""
                known = _ITEMS.get((indent, whole)) if whole and depth < MAX_DEPTH else None
                if known is not None:
                    found.append(dict(known))
                    number = end
                    continue
                indents[number] = after
                texts[number] = item
                value, number = self.mapping(number, after, depth + 1)
                if (
                    whole
                    and number == end
                    and len(_ITEMS) < _MAX_REMEMBERED_ITEMS
                    and all(type(inner) in _SCALAR_TYPES for inner in value.values())
                ):
                    _ITEMS[indent, whole] = value.copy()
                found.append(value)
                continue
            value, number = self.scalar(item, number, indent)
            found.append(value)
        return found, number

    def scalar(self, text: str, number: int, parent: int) -> tuple[Any, int]:
        """The scalar whose text starts ``text`` on line ``number`` (continued on lines indented
        deeper than ``parent``), and the line after it."""
        first = text[0]
        if first not in _INDICATORS and first != " ":
            if ": " in text or text[-1] == ":" or " #" in text:
                raise _Unsure
            indents = self.indents
            number += 1
            if indents[number] <= parent:
                return (text if first not in _MAYBE_TYPED else _resolved(text)), number
            texts = self.texts
            pieces = [text]
            while indents[number] > parent:
                piece = texts[number]
                if piece[0] in _INDICATORS or ": " in piece or piece[-1] == ":" or " #" in piece:
                    raise _Unsure
                pieces.append(piece)
                number += 1
            return _resolved(" ".join(pieces)), number
        if first == "'":
            return self._single_quoted(text, number, parent)
        if first == '"':
            if len(text) < 2 or text[-1] != '"' or '"' in text[1:-1] or "\\" in text:
                raise _Unsure
            return text[1:-1], number + 1
        if text == "|" or text == "|-":
            return self._literal(number, parent, keep_last_break=text == "|")
        if text == "[]":
            return [], number + 1
        if text == "{}":
            return {}, number + 1
        raise _Unsure

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
            if self.indents[number] <= parent:
                raise _Unsure
            body = self.texts[number]
        return " ".join(pieces).replace("''", "'"), number + 1

    def _literal(self, number: int, parent: int, *, keep_last_break: bool) -> tuple[str, int]:
        lines, indents = self.lines, self.indents
        start = number + 1
        indent = indents[start]
        if indent <= parent:
            raise _Unsure  # no content, or a leading blank line (an indentation indicator)
        end = start
        while (at := indents[end]) >= indent or at == _BLANK:
            end += 1
        while not lines[end - 1]:
            end -= 1  # trailing blank lines belong to what follows the block (clip or strip)
        text = "\n".join([line[indent:] for line in lines[start:end]])
        return (text + "\n" if keep_last_break else text), end


def _check_key(key: str) -> None:
    """A key the reader takes: plain, not one YAML would type (remembered once checked)."""
    if not _KEY.fullmatch(key) or not isinstance(_resolved(key), str):
        raise _Unsure  # a key YAML reads as a number, a boolean or null
    if len(_PLAIN_KEYS) < _MAX_REMEMBERED_KEYS:
        _PLAIN_KEYS.add(key)


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


_DIGITS = frozenset("0123456789")


def _is_small_int(text: str) -> bool:
    """Whether ``text`` is a whole number :func:`_resolved` reads as an ``int`` (no sign, no
    leading zero, far from the size limit): read without a regular expression."""
    return (
        text.isdigit() and text.isascii() and len(text) < 16 and (text[0] != "0" or len(text) == 1)
    )


_MAYBE_TYPED = frozenset("-+.0123456789~nNtTfF")
"""The first characters of the plain scalars YAML may read as null, a boolean or a number."""


def _resolved(text: str) -> Any:
    first = text[0]
    if first not in _MAYBE_TYPED:
        return text
    if first in _WORD_STARTS:  # a word: typed only if it is one of YAML's null or booleans
        return _WORDS.get(text, text)
    try:
        value = resolve_plain(text)
    except NumberTooLarge:
        raise _Unsure from None
    if type(value) is float and not math.isfinite(value):
        raise _Unsure  # .inf, .nan: what this reader returns is plain data, always
    return value


_WORDS: dict[str, Any] = {
    **dict.fromkeys(("null", "Null", "NULL"), None),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_WORD_STARTS = frozenset("nNtTfF")
_NOT_WORD_START = _INDICATORS | (_MAYBE_TYPED - _WORD_STARTS) | {" "}
"""What a plain scalar read at once does not start with: it is then a string, or one of YAML's
words for null and the booleans (:data:`_WORDS`; a sentence starting with ``T`` or ``n`` is
common)."""
