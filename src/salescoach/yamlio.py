"""Strict, safe YAML: one streaming pass over libyaml's events, with positions for every value.

Why not ``yaml.safe_load``: it accepts aliases (a 432-byte "billion laughs" document expands to
gigabytes once walked), silently keeps the last of duplicate keys, turns ``NO`` into ``False`` and
``2024-01-05`` into a date (or raises ``ValueError`` on ``2024-13-45``), and recurses until
``RecursionError`` on deep nesting. Here the parser's event stream is consumed in a flat loop:

- aliases, anchors and tags other than the core ones are refused where they stand;
- nesting deeper than ``max_depth`` and input larger than ``max_bytes`` are refused before any work;
- duplicate keys are errors;
- plain scalars follow a small core schema: ``true``/``false`` are booleans, decimal numbers are
  numbers, ``null``/``~``/empty is null, everything else (``yes``, ``NO``, ``2024-01-05``, ``007``)
  stays a string;
- characters YAML forbids raw (NUL, other control characters) and numbers too large for a float
  (Python refuses to even convert integers of more than 4,300 digits) are located problems, never
  an exception of another kind;
- only regular files are read, and never more than ``max_bytes``: a FIFO or ``/dev/zero`` given as
  a file is refused at once instead of being read forever.

Every problem is reported with its 1-based line and column, all of them at once where the parser
can go on.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from salescoach.errors import Location, Problem
from salescoach.scalars import NumberTooLarge, resolve_plain

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The pure-Python emitter writes emoji as they are; libyaml's escapes them.
_Dumper: type[Any] = yaml.SafeDumper

Path_ = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and sequence indexes from the root."""

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}

DEFAULT_MAX_BYTES = 1_000_000
DEFAULT_MAX_DEPTH = 64
# What the YAML 1.1 reader refuses raw (it accepts them escaped inside double quotes).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_MAX_LISTED = 10


@dataclass
class Document:
    """A parsed YAML document: its value and the 1-based (line, column) of every path in it."""

    value: Any
    source: Path | str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> Location:
        """The location of ``path``, or of its nearest ancestor present in the document."""
        probe = tuple(path)
        while probe and probe not in self.positions:
            probe = probe[:-1]
        line, column = self.positions.get(probe, (1, 1))
        return Location(self.source, line, column)


class YamlProblems(Exception):
    """Raised by :func:`parse` with every problem found; callers wrap them in their own error."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a file as strict UTF-8 without a byte-order mark, refusing it whole when too large."""
    try:
        data = read_bytes(path, max_bytes=max_bytes)
    except (FileNotFoundError, NotADirectoryError) as error:
        raise YamlProblems([Problem(Location(path), "cannot read: no such file")]) from error
    return decode(data, path)


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, read without blocking or looping.

    ``FileNotFoundError`` and ``NotADirectoryError`` are left to the caller (which knows what it
    looked for); a folder, a
    device, a FIFO or a socket, a file over the limit, or any other reading error raise
    :class:`YamlProblems` with one problem naming the file. The file is opened non-blocking, so a
    FIFO without a writer is refused at once rather than waited for.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    except (FileNotFoundError, NotADirectoryError):
        raise
    except OSError as error:
        raise YamlProblems([_cannot_read(path, error)]) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise YamlProblems(
                [Problem(Location(path), f"cannot read: {what}", hint="give the path of a file")]
            )
        if info.st_size > max_bytes:
            raise YamlProblems([_too_large(path, info.st_size, max_bytes)])
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(descriptor, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # it grew while being read
            raise YamlProblems([_too_large(path, total, max_bytes)])
        return b"".join(chunks)
    except OSError as error:
        raise YamlProblems([_cannot_read(path, error)]) from None
    finally:
        os.close(descriptor)


_O_BINARY: int = getattr(os, "O_BINARY", 0)


def _cannot_read(path: Path, error: OSError) -> Problem:
    return Problem(Location(path), f"cannot read: {error.strerror or error}")


def _too_large(path: Path, size: int, max_bytes: int) -> Problem:
    return Problem(
        Location(path, 1, 1),
        f"file is {size:,} bytes, more than the {max_bytes:,} allowed",
        hint="split it into several files",
    )


def decode(data: bytes, source: Path | str) -> str:
    """Decode strict UTF-8; a BOM or an invalid byte is an error at its line and column."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise YamlProblems(
            [
                Problem(
                    Location(source, 1, 1),
                    "file starts with a byte-order mark (BOM)",
                    hint="save it as UTF-8 without BOM",
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise YamlProblems(
            [
                Problem(
                    Location(source, line, column),
                    f"not valid UTF-8 (byte 0x{data[error.start]:02x})",
                    hint="save the file as UTF-8",
                )
            ]
        ) from None


def parse(
    text: str,
    source: Path | str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Parse one YAML document strictly; raise :class:`YamlProblems` listing what is wrong."""
    if len(text) > max_bytes:
        raise YamlProblems(
            [Problem(Location(source, 1, 1), f"more than the {max_bytes:,} characters allowed")]
        )
    unprintable = _unprintable_problems(text, source)
    if unprintable:
        raise YamlProblems(unprintable)
    builder = _Builder(source, max_depth)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        builder.problems.append(_syntax_problem(error, source, text))
    except yaml.YAMLError as error:  # unmarked: the reader's own refusals
        builder.problems.append(Problem(Location(source, 1, 1), f"YAML: {error}"))
    except _Stop:
        pass
    if builder.problems:
        raise YamlProblems(builder.problems)
    return Document(builder.result, source, builder.positions)


def load_file(
    path: Path, *, max_depth: int = DEFAULT_MAX_DEPTH, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read and parse a YAML file strictly (see :func:`parse`)."""
    text = read_text(path, max_bytes=max_bytes)
    return parse(text, path, max_depth=max_depth, max_bytes=max_bytes)


def dump(value: Any) -> str:
    """Write plain data as block YAML that :func:`parse` reads back to an equal value.

    Strings that could read as something else (``NO``, ``2024-01-05``, ``---``) come out quoted;
    no aliases are ever emitted.
    """
    return str(
        yaml.dump(
            value,
            Dumper=_NoAliasDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=100,
        )
    )


class _NoAliasDumper(_Dumper):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, data: str) -> Any:
    # Multi-line answers read best as literal blocks; PyYAML falls back to quoting by itself
    # when a block cannot hold the string exactly (trailing spaces, special characters).
    if _NEEDS_ESCAPE.search(data):
        style: str | None = '"'  # only double quotes escape these; elsewhere they break lines
    elif "\n" in data:
        style = "|"
    else:
        style = None
    return dumper.represent_scalar(f"{_CORE}str", data, style=style)


# Line breaks YAML knows besides \n, the BOM, and characters outside the printable set.
_NEEDS_ESCAPE = re.compile("[\x85\u2028\u2029\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


_NoAliasDumper.add_representer(str, _represent_str)


class _Stop(Exception):
    """Raised inside the event loop when going on would cost too much (too deep)."""


def _unprintable_problems(text: str, source: Path | str) -> list[Problem]:
    """Every raw character YAML refuses (NUL, control characters), at its line and column."""
    problems: list[Problem] = []
    for found in _NOT_PRINTABLE.finditer(text):
        if len(problems) == _MAX_LISTED:
            break
        start = found.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        number = ord(found.group())
        escaped = f"\\x{number:02x}" if number < 0x100 else f"\\u{number:04x}"
        problems.append(
            Problem(
                Location(source, line, column),
                f"raw control character U+{number:04X} is not allowed",
                hint=f'remove it, or write it escaped inside double quotes: "{escaped}"',
            )
        )
    return problems


def _syntax_problem(error: yaml.MarkedYAMLError, source: Path | str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    message = error.problem or error.context or "invalid YAML"
    hint = None
    offending = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if offending == "\t" or "\\t" in message or "tab" in message:
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in message:
        hint = "a value containing ': ' must be quoted"
    return Problem(Location(source, line, column), f"YAML syntax: {message}", hint=hint)


@dataclass
class _Container:
    value: dict[Any, Any] | list[Any]
    path: Path_
    pending_key: Any = None
    has_key: bool = False


class _Builder:
    """Turns a flat stream of parser events into plain values, without recursion."""

    def __init__(self, source: Path | str, max_depth: int) -> None:
        self.source = source
        self.max_depth = max_depth
        self.stack: list[_Container] = []
        self.result: Any = None
        self.documents = 0
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def _problem(self, event: Any, message: str, hint: str | None = None, path: Path_ = ()) -> None:
        mark = event.start_mark
        self.problems.append(
            Problem(
                Location(self.source, mark.line + 1, mark.column + 1),
                message,
                field_path=".".join(map(str, path)),
                hint=hint,
            )
        )

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._problem(event, "more than one YAML document (a second `---`)")
                raise _Stop
            return
        if isinstance(event, yaml.AliasEvent):
            self._problem(
                event,
                f"alias *{event.anchor} is not allowed",
                "write the value out in full; anchors and aliases are refused",
                self._next_path(),
            )
            self._add(None, event)
            return
        if isinstance(event, yaml.ScalarEvent | yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if event.anchor is not None:
                self._problem(
                    event,
                    f"anchor &{event.anchor} is not allowed",
                    "write the value out in full; anchors and aliases are refused",
                    self._next_path(),
                )
            if event.tag is not None and event.tag not in _ALLOWED_TAGS and event.tag != "!":
                self._problem(event, f"tag {event.tag} is not allowed", path=self._next_path())
        if isinstance(event, yaml.ScalarEvent):
            self._add(self._scalar(event), event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if len(self.stack) >= self.max_depth:
                self._problem(
                    event,
                    f"nested more than {self.max_depth} levels deep",
                    path=self._next_path(),
                )
                raise _Stop
            container: dict[Any, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            path = self._add(container, event)
            self.stack.append(_Container(container, path))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()

    def _next_path(self) -> Path_:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        return (*top.path, top.pending_key) if top.has_key else top.path

    def _add(self, value: Any, event: Any) -> Path_:
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.result = value
            self.positions[()] = position
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            path = (*top.path, len(top.value))
            top.value.append(value)
            self.positions[path] = position
            return path
        if not top.has_key:
            key = value
            if isinstance(key, dict | list):
                self._problem(event, "a key must be a plain value", path=top.path)
                key = f"<complex key at line {position[0]}>"
            elif isinstance(key, float) or key is None:
                key = str(event.value) if isinstance(event, yaml.ScalarEvent) else str(key)
            if key in top.value:
                first = self.positions.get((*top.path, key))
                where = f" (first at line {first[0]})" if first else ""
                self._problem(event, f"duplicate key `{key}`{where}", path=(*top.path, key))
                key = _Duplicate(key, position)
            top.pending_key = key
            top.has_key = True
            # A key's position is where the reader looks for "the field": keep the key's mark.
            self.positions[(*top.path, key)] = position
            return (*top.path, key)
        key = top.pending_key
        top.has_key = False
        path = (*top.path, key)
        if not isinstance(key, _Duplicate):
            top.value[key] = value
        return path

    def _scalar(self, event: Any) -> Any:
        text: str = event.value
        plain = not event.style and event.implicit[0]
        tag = event.tag
        if tag in (None, "!") and not plain:
            return text
        if tag == f"{_CORE}str":
            return text
        try:
            value = resolve_plain(text)
        except NumberTooLarge as error:
            self._problem(event, str(error), "numbers must fit in ±1.8e308", self._next_path())
            return text
        if tag is None or tag == "!":
            return value
        expected = tag.removeprefix(_CORE)
        kinds: dict[str, type | tuple[type, ...]] = {
            "int": int,
            "float": (int, float),
            "bool": bool,
            "null": type(None),
        }
        wanted = kinds.get(expected)
        if wanted is not None and (
            not isinstance(value, wanted) or (expected != "bool" and isinstance(value, bool))
        ):
            self._problem(event, f"`{text}` is not a valid {expected}", path=self._next_path())
            return text
        return float(value) if expected == "float" else value


@dataclass(frozen=True)
class _Duplicate:
    key: Any
    position: tuple[int, int]


def iter_paths(value: Any, prefix: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (path, leaf value) of plain nested data, depth first, without recursion limits."""
    stack: list[tuple[Path_, Any]] = [(prefix, value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))
        else:
            yield path, node
