"""A record file: YAML front matter (the data), a rendered body, and the rep's free notes.

Layout::

    ---
    <front matter>
    ---

    <body, regenerated from the data>

    ## Notes
    <!-- salescoach: your notes below this line are kept when the record is regenerated -->
    <notes, exactly as the rep wrote them>

Reading is strict — unlike python-frontmatter, which returns empty data on a BOM or a missing
closing ``---``, every problem raises :class:`RecordError` naming the file and what is wrong.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from salescoach.errors import Problem, RecordError
from salescoach.messages import CATALOGUE, message
from salescoach.store.frontmatter import UNSURE, read_plain_block
from salescoach.store.record import Record, validate_record
from salescoach.store.serialize import TooLarge, UnfaithfulYaml, check_size, dump_exact
from salescoach.yamlio import YamlProblems, decode, parse, read_bytes

DELIMITER = "---"
NOTES_HEADING = "## Notes"
NOTES_MARKER = message("en", "notes_marker")
"""The marker in English; a record carries the one of its language, and any is read back."""
NOTES_MARKERS = frozenset(message(language, "notes_marker") for language in CATALOGUE)
MAX_RECORD_BYTES = 5_000_000


@dataclass(frozen=True)
class RecordText:
    """A record file cut in its three parts; ``notes`` is ``None`` when the marker is missing."""

    front_matter: str
    body: str
    notes: str | None
    front_matter_line: int
    """The 1-based line of the file where the front matter's first line is."""


def render_record_file(record: Record, body: str) -> str:
    """The full text of a record file: front matter from ``record``, ``body``, then the notes.

    A line of ``body`` that is exactly the notes marker is escaped (``\\<!-- ...``), so the notes
    always start after the real marker. Raises :class:`UnfaithfulYaml` (a ValueError) for data
    that could not be read back as written, and its :class:`TooLarge` for a file over
    :data:`MAX_RECORD_BYTES`: the limit the reader applies is the one the writer applies.
    """
    what = "a record"
    try:
        front_matter = dump_exact(record.front_matter(), max_bytes=MAX_RECORD_BYTES, what=what)
    except UnfaithfulYaml as error:
        raise type(error)(f"the {record.kind} of {record.meeting}: {error}") from None
    body_lines = [
        "\\" + line if _is_marker(line) else line for line in body.strip("\n").split("\n")
    ]
    shown_body = "\n".join(body_lines)
    parts = [f"{DELIMITER}\n{front_matter}{DELIMITER}\n"]
    if shown_body:
        parts.append(f"\n{shown_body}\n")
    marker = message(record.language, "notes_marker")
    parts.append(f"\n{NOTES_HEADING}\n{marker}\n{record.notes}")
    text = "".join(parts)
    try:
        check_size(text, MAX_RECORD_BYTES, what)
    except TooLarge as error:
        raise TooLarge(f"the {record.kind} of {record.meeting}: {error}") from None
    return text


def split_record_text(text: str, path: Path) -> RecordText:
    """Cut a record file's text into front matter, body and notes; RecordError if it has no
    well-formed front matter (BOM, missing opening or closing ``---``).

    Lines end at ``\\n`` only; a delimiter or marker line may end in spaces, tabs and ``\\r``
    (searched with a regular expression: a record is cut in one pass, not line by line).
    """
    if text.startswith("\ufeff"):
        raise RecordError(path, "file starts with a byte-order mark (BOM)", hint=_UTF8_HINT)
    if not _DELIMITER_LINE.match(text):
        raise RecordError(
            path,
            "no front matter: the file must start with a line `---`",
            hint="a record begins with `---`, its YAML data, then `---` again",
        )
    first_end = text.find("\n")
    closing = (
        None if first_end == -1 else _line_search(_DELIMITER_LINE, DELIMITER, text, first_end + 1)
    )
    if closing is None:
        raise RecordError(
            path,
            "front matter is not closed: no second `---` line after the data",
            hint="add a line `---` after the YAML data",
        )
    front_matter = text[first_end + 1 : closing.start()]
    rest = _after_line(text, closing.end())
    marker = _line_search(_MARKER_LINE, _MARKER_START, text, rest)
    if marker is None:
        return RecordText(front_matter, text[rest:], None, 2)
    return RecordText(
        front_matter, text[rest : marker.start()], text[_after_line(text, marker.end()) :], 2
    )


def _line_search(
    pattern: re.Pattern[str], first: str, text: str, start: int
) -> re.Match[str] | None:
    """``pattern.search(text, start)`` for a pattern of whole lines (``^…$``) whose every match
    starts with the text ``first``: only the lines starting with it are tried (the whole
    ``---``, not its dash: a front matter's list items start with one). Searched by the regular
    expression alone, the two lines of a record cost a tenth of a millisecond each, most of
    the time a big index build spends cutting records."""
    lead = "\n" + first
    if start == 0 or text[start - 1] == "\n":
        found = pattern.match(text, start)
        if found is not None:
            return found
    position = start
    while (position := text.find(lead, position)) != -1:
        position += 1
        found = pattern.match(text, position)
        if found is not None:
            return found
    return None


def _after_line(text: str, end: int) -> int:
    """Where the line that ends (before its line break) at ``end`` is followed by the next."""
    return min(end + 1, len(text))


_LINE_END = r"[ \t]*\r*$"
_DELIMITER_LINE = re.compile("^" + re.escape(DELIMITER) + _LINE_END, re.MULTILINE)
_MARKER_START = os.path.commonprefix(sorted(NOTES_MARKERS))
"""What every notes marker starts with (see :func:`_line_search`)."""
assert _MARKER_START, "see _line_search"
_MARKER_LINE = re.compile(
    "^(?:" + "|".join(map(re.escape, sorted(NOTES_MARKERS))) + ")" + _LINE_END, re.MULTILINE
)


def parse_record_file(text: str, path: Path) -> Record:
    """The record in a record file's text; RecordError naming ``path`` and every problem.

    ``notes`` is the text after the notes marker, exactly (empty when there is no marker). A
    file holding git's conflict markers is refused even where they would parse (in the notes):
    two versions of the record are in it, and neither is the record.
    """
    check_no_conflict(text, path)
    parts = split_record_text(text, path)
    value = read_plain_block(parts.front_matter)  # what salescoach wrote, read fast
    plain = value is not UNSURE  # that reader builds nothing but plain data
    if not plain:
        try:
            value = parse(parts.front_matter, path, max_bytes=MAX_RECORD_BYTES).value
        except YamlProblems as error:
            offset = parts.front_matter_line - 1
            problems = "; ".join(_describe(problem, offset) for problem in error.problems)
            raise RecordError(path, f"front matter is not valid YAML: {problems}") from None
    if value is None:
        raise RecordError(path, "front matter is empty", hint="it must hold the record's data")
    return validate_record(value, path, parts.notes or "", plain=plain)


_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.MULTILINE)
_CONFLICT_END = re.compile(r"^>{7}(?: |$)", re.MULTILINE)


def conflict_line(text: str) -> int | None:
    """The line of the first git conflict marker (``<<<<<<<`` … ``>>>>>>>``) in ``text``, or
    None: both ends must be there (a line of ``=======`` alone is a Markdown heading)."""
    if "<<<<<<<" not in text:  # almost every file: no regular expression over the whole text
        return None
    start = _CONFLICT_START.search(text)
    if start is None or _CONFLICT_END.search(text, start.end()) is None:
        return None
    return text.count("\n", 0, start.start()) + 1


def check_no_conflict(text: str, path: Path) -> None:
    """RecordError if ``text`` holds an unresolved git merge (conflict markers)."""
    line = conflict_line(text)
    if line is not None:
        raise RecordError(
            path,
            f"line {line}: git conflict markers (<<<<<<< … >>>>>>>): two versions of this file "
            "are in it, and the merge is not finished",
            hint="keep one version of each block and delete the marker lines, then "
            "`salescoach sync`",
        )


def extract_notes(text: str) -> str | None:
    """The free notes of a record file's text, or ``None`` when it has no notes marker.

    Works on files whose front matter is broken too, so regenerating one never drops notes.
    """
    try:
        return split_record_text(text, Path("<record>")).notes
    except RecordError:
        lines = _lines(text)
        marker = next((index for index, line in enumerate(lines) if _is_marker(line)), None)
        return None if marker is None else "".join(lines[marker + 1 :])


def read_record_file(path: Path) -> Record:
    """Read, decode (strict UTF-8, no BOM) and parse a record file; RecordError on any problem.

    ``FileNotFoundError`` is left to the caller, which knows what was being looked for.
    """
    return parse_record_file(decode_record(read_record_bytes(path), path), path)


def data_version(text: str) -> str:
    """A fingerprint of a record file's data (its front matter), not of its notes or body.

    ``edit`` takes it when it starts and the save compares it, so a record changed meanwhile
    (another edit, a hand edit of its data) is never overwritten silently, while notes typed
    into the file meanwhile are simply kept.
    """
    try:
        data = split_record_text(text, Path("<record>")).front_matter
    except RecordError:
        data = text
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def read_record_bytes(path: Path) -> bytes:
    """The bytes of a record file, at most :data:`MAX_RECORD_BYTES`, from a regular file only;
    RecordError otherwise (``FileNotFoundError`` is left to the caller)."""
    try:
        return read_bytes(path, max_bytes=MAX_RECORD_BYTES)
    except YamlProblems as error:
        raise RecordError(path, error.problems[0].message, hint=error.problems[0].hint) from None


def decode_record(data: bytes, path: Path) -> str:
    """Strict UTF-8 text of a record file; RecordError on a BOM or an invalid byte."""
    try:
        return decode(data, path)
    except YamlProblems as error:
        problem = error.problems[0]
        where = f"line {problem.location.line}, column {problem.location.column}: "
        raise RecordError(path, where + problem.message, hint=problem.hint) from None


_UTF8_HINT = "save the file as UTF-8 without BOM"


def _line_content(line: str) -> str:
    return line.rstrip("\r\n").rstrip(" \t")


def _is_marker(line: str) -> bool:
    return _line_content(line) in NOTES_MARKERS


def _describe(problem: Problem, line_offset: int) -> str:
    """A front-matter problem with the file's own line numbers, without the repeated path."""
    where = ""
    if problem.location.line is not None:
        where = f"line {problem.location.line + line_offset}"
        if problem.location.column is not None:
            where += f", column {problem.location.column}"
        where += ": "
    field = f"{problem.field_path}: " if problem.field_path else ""
    hint = f" ({problem.hint})" if problem.hint else ""
    return f"{where}{field}{problem.message}{hint}"


def _lines(text: str) -> list[str]:
    """Lines ending in ``\\n`` only: YAML and Markdown files are cut there, not at form feeds."""
    parts = text.split("\n")
    lines = [f"{part}\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
