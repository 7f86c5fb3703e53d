"""Full-text search over the records: what is indexed, how words become a query, what a hit is.

The derived index (:mod:`salescoach.store.index`) keeps, beside each record's facts, the text of
its answers and its notes in an SQLite FTS5 table tokenized with ``unicode61 remove_diacritics 2``:
case and accents are ignored (``societe`` finds ``Société``). This module holds the rules that
do not depend on SQLite being open: the text a record contributes, and the translation of the
words a rep types into an FTS5 query that cannot be a syntax error.

Query rules (every word must appear, in any order):

- ``unions strike`` — both words; ``"price too high"`` (quotes inside the argument, or one
  argument with spaces) — that phrase;
- ``negot*`` — any word starting with ``negot``;
- every other character is literal: ``AND``, ``NEAR``, ``-`` or ``(`` are words, never operators.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from salescoach.store.record import Record

TOKENIZER = "unicode61 remove_diacritics 2"
MARK_START = "\x02"
"""Where a highlighted match starts in :attr:`Hit.snippet` as SQLite returns it."""
MARK_END = "\x03"
ELLIPSIS = "…"
SNIPPET_WORDS = 24
"""About how many words of context a snippet shows around the matches."""
DEFAULT_LIMIT = 20

_QUOTED = re.compile(r'"([^"]*)"?')
_WORDLIKE = re.compile(r"\w", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MATCHED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}\\s]*)")


# Term, Filters, Hit and Results are named tuples rather than frozen dataclasses: immutable
# values all the same, and a plain search imports this module, where a frozen dataclass costs
# about a millisecond to make (as the error values of salescoach.errors).
class Term(NamedTuple):
    """One thing every hit must contain: a word, a phrase (several words), or a prefix."""

    text: str
    prefix: bool = False

    def expression(self) -> str:
        """The term as an FTS5 string (quoted, so no character of it is an operator)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted


def parse_query(words: Sequence[str]) -> list[Term]:
    """The terms of what a rep typed (see the module docstring); empty when nothing is left to
    search for (only spaces or punctuation)."""
    terms: list[Term] = []
    for argument in words:
        argument = _CONTROL.sub(" ", argument)  # a NUL ends an FTS5 string: never a word
        if " " in argument.strip() and '"' not in argument:
            argument = f'"{argument}"'  # one argument with spaces is a phrase
        position = 0
        for quoted in _QUOTED.finditer(argument):
            terms.extend(_words(argument[position : quoted.start()]))
            terms.extend(_words_of_phrase(quoted.group(1)))
            position = quoted.end()
        terms.extend(_words(argument[position:]))
    return terms


def match_expression(terms: Sequence[Term]) -> str:
    """The FTS5 MATCH expression requiring every term."""
    return " ".join(term.expression() for term in terms)


def _words(text: str) -> Iterator[Term]:
    for word in text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _WORDLIKE.search(word):
            yield Term(word, prefix=prefix)


def _words_of_phrase(text: str) -> Iterator[Term]:
    phrase = " ".join(text.split())
    if not _WORDLIKE.search(phrase):
        return
    prefix = phrase.endswith("*")
    yield Term(phrase.rstrip("*").rstrip(), prefix=prefix)


# --------------------------------------------------------------------------------- indexed text


def searchable_text(record: Record) -> tuple[str, str]:
    """What search reads of a record: the text of every answer, one per line, and the notes."""
    return _unmarked("\n".join(_answer_texts(record.answers))), _unmarked(record.notes)


def json_line(record: Record) -> str:
    """One record as a line of JSON: its data (front matter) and the rep's free notes (what
    ``export --format json`` writes; the index keeps it beside the searchable text)."""
    import json

    # pydantic's own serializer writes the data (compact, UTF-8 kept) three times faster than
    # model_dump then json.dumps: a first index build writes one line per record.
    data = record.model_dump_json(exclude={"notes"})
    notes = json.dumps(record.notes, ensure_ascii=False)
    return f'{data[:-1]},"notes":{notes}}}'  # a record's data always has fields


def _unmarked(text: str) -> str:
    """``text`` without the characters snippets use as marks (a hand edit may hold them)."""
    return text.replace(MARK_START, " ").replace(MARK_END, " ")


def _answer_texts(value: Any) -> list[str]:
    """Every non-blank text in ``value``, depth first, in order (a record's answers are plain
    data: dicts, lists, strings, numbers; see :func:`~salescoach.store.record.check_plain`)."""
    found: list[str] = []
    _add_texts((value,), found.append)
    return found


def _add_texts(items: Iterable[Any], add: Callable[[str], None]) -> None:
    # Recursive: a text is added where it is met, not pushed onto a stack and popped again (a
    # first index build walks 100,000 records' answers). The readers refuse data nested more
    # than 64 levels deep (:data:`salescoach.yamlio.DEFAULT_MAX_DEPTH`), far from Python's limit.
    for item in items:
        kind = type(item)
        if kind is str:
            if item and not item.isspace():
                add(item)
        elif kind is dict:
            _add_texts(item.values(), add)
        elif kind is list:
            _add_texts(item, add)


# --------------------------------------------------------------------------------- snippets

WORDS_BEFORE = 6
"""How many words a snippet shows before its first match."""


def snippet_of(highlighted: Sequence[str]) -> str:
    """A short extract of the column with the most matches (each column's whole text, matches
    between MARK_START and MARK_END): a few words before the first match, then up to
    :data:`SNIPPET_WORDS` words in all, with an ellipsis where text was cut."""
    best = max(highlighted, key=_distinct_matches, default="").strip()
    words = best.split() or [""]
    # Each word with matches, and its matches; then the window whose matches say most: each
    # different match counts, a rare one more (a phrase found once beats a common word found
    # ten times); the earliest of equals (fsum: equal sums are equal whatever their order).
    found = {n: _matched_in(word) for n, word in enumerate(words) if MARK_START in word}
    seen = Counter(term for terms in found.values() for term in terms)

    def weight(at: int) -> tuple[float, int]:
        low = max(0, at - WORDS_BEFORE)
        inside = [terms for n, terms in found.items() if low <= n < low + SNIPPET_WORDS]
        return math.fsum(1 / seen[term] for term in set().union(*inside)), -at

    first = max(found or [0], key=weight)
    start = max(0, first - WORDS_BEFORE)
    end = min(len(words), start + SNIPPET_WORDS)
    text = _between(best, words, start, end)
    if start > 0:
        text = ELLIPSIS + text
    if end < len(words):
        text += ELLIPSIS
    return _balanced(text)


def _between(text: str, words: Sequence[str], start: int, end: int) -> str:
    """``words[start:end]`` as they stand in ``text`` (whose words they are, ``text`` stripped),
    spaces kept.

    ``str.split`` with a most number of splits leaves the rest of the text as it stands,
    starting at the next word: the text from word ``start``, then without what follows word
    ``end - 1``. (Looking each word up after the one before, in Python, cost ~0.3 ms a hit
    whose match is far into a long answer.)
    """
    if not text:
        return ""
    rest = text.split(None, start)[-1]
    after = rest.split(None, end - start)
    if len(after) > end - start:  # words follow the window: cut them and the spaces before
        rest = rest[: len(rest) - len(after[-1])].rstrip()
    return rest


def _matched_in(text: str) -> set[str]:
    """The matches in ``text``, case folded: each from its MARK_START to the next mark or
    space (a phrase counts by its first word)."""
    return {term.casefold() for term in _MATCHED.findall(text)}


def _distinct_matches(text: str) -> tuple[int, int]:
    return len(_matched_in(text)), text.count(MARK_START)


def _balanced(text: str) -> str:
    """Close a match the cut left open."""
    return text + MARK_END if text.count(MARK_START) > text.count(MARK_END) else text


# --------------------------------------------------------------------------------- results


class Filters(NamedTuple):
    """What narrows a search besides its words (``None``: no restriction)."""

    account: str | None = None
    """An account slug."""
    kind: str | None = None
    meeting_type: str | None = None
    since: str | None = None
    """``YYYY-MM-DD``: meetings on or after this day (the creation day when it has no date)."""
    until: str | None = None
    """``YYYY-MM-DD``: meetings on or before this day."""


class Hit(NamedTuple):
    """A record that matched, best first; ``snippet`` marks matches with MARK_START/MARK_END."""

    meeting: str
    kind: str
    account_name: str
    account_slug: str
    meeting_type: str | None
    day: str
    snippet: str
    rank: float
    path: str
    """The record file, relative to the home."""
    answers: Any = None
    """The record's answers as stored (ids, not labels), when the search asked for them."""

    def pieces(self) -> list[tuple[str, bool]]:
        """The snippet on one line (`` · `` between answers and lines), cut into (text,
        is_a_match) pieces."""
        lines = (" ".join(line.split()) for line in self.snippet.split("\n"))
        flat = " · ".join(line for line in lines if line)
        pieces: list[tuple[str, bool]] = []
        for number, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", flat)):
            if part:
                pieces.append((part, number % 2 == 1))
        return pieces

    def labelled(self, labels: Mapping[str, str]) -> Hit:
        """This hit with each answer of its snippet that is a stored id (``partly``,
        ``phase-3``) shown by its label in ``labels``, highlighted as the id was."""
        return self._replace(
            snippet="\n".join(_labelled(line, labels) for line in self.snippet.split("\n"))
        )

    def plain_snippet(self) -> str:
        """The snippet on one line, without marks."""
        return "".join(text for text, _ in self.pieces())

    def highlights(self) -> list[tuple[int, int]]:
        """Where the matches are in :meth:`plain_snippet`: ``(start, end)`` character offsets."""
        found: list[tuple[int, int]] = []
        position = 0
        for text, matched in self.pieces():
            if matched:
                found.append((position, position + len(text)))
            position += len(text)
        return found


def _labelled(line: str, labels: Mapping[str, str]) -> str:
    """One answer of a snippet: its label if it is a whole stored id, else as it is."""
    bare = line.replace(MARK_START, "").replace(MARK_END, "").strip()
    label = labels.get(bare.strip(ELLIPSIS))
    if label is None:
        return line
    if MARK_START in line:
        label = f"{MARK_START}{label}{MARK_END}"
    before = ELLIPSIS if bare.startswith(ELLIPSIS) else ""
    after = ELLIPSIS if bare.endswith(ELLIPSIS) else ""
    return f"{before}{label}{after}"


class Results(NamedTuple):
    """How many records matched in all, and the hits shown, best first: read from the index as
    they are iterated (once, while it is open), so every hit of a big home is never held."""

    hits: Iterator[Hit]
    total: int
