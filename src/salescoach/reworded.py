"""English that was worded before the language was known, worded again in the rep's language.

Some messages are English by the time they reach a person: Typer's own usage errors (it has no
translation hook), and what the store and the playbook loader found wrong in a file — written
as text into the index and into each problem, with details from pydantic and libyaml. A
:class:`Rewording` holds patterns of that English (``"cannot read: {why}"``), each with its
wording in another language, and words a text again by the first pattern it matches whole.

The parts a pattern captures are worded again too, by what they are named:

- ``message``, ``hint`` and ``detail``: a message of their own, matched again;
- ``details``: messages joined by ``"; "``, each matched again;
- ``kind``, ``why`` and ``reader``: a word of :attr:`Rewording.words` (a kind of value, an OS
  error, what reads an answer);
- ``path`` is one word (no space), ``hint`` has no parentheses; digits become numbers (for
  plural forms); any other part keeps its text, a value quoted ``'x'`` quoted the language's
  way.

A text that matches no pattern is kept as it was: English, never garbled.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from salescoach.messages import filled, message

if TYPE_CHECKING:
    from salescoach.errors import Problem, SalescoachError

_QUOTED = re.compile(r"'([^']*)'")
_PARTS = {"path": r"\S+", "hint": r"[^()]+", "count": r"\d+"}
_MESSAGES = ("message", "hint", "detail")
_WORDS = ("kind", "why", "reader")


class Rewording:
    """Patterns of English (``{part}`` where the text varies) and their wording in a language."""

    def __init__(
        self, language: str, patterns: Mapping[str, str], words: Mapping[str, str] | None = None
    ) -> None:
        self.language = language
        self.patterns = patterns
        self.words = words or {}

    def __call__(self, text: str) -> str:
        """``text`` in the language, by the first pattern it matches; unchanged otherwise."""
        exact = self.patterns.get(text)
        if exact is not None and "{" not in text:
            return exact
        for english, pattern in self._compiled:
            found = pattern.fullmatch(text)
            if found is None:
                continue
            worded = self._worded(self.patterns[english], found.groupdict())
            if worded != text:
                return worded
        return text

    def _worded(self, template: str, parts: dict[str, str]) -> str:
        values: dict[str, Any] = {}
        for name, part in parts.items():
            if name in _MESSAGES:
                values[name] = self(part)
            elif name == "details":
                between = message(self.language, "sheet_separator")
                values[name] = between.join(self(each) for each in part.split("; "))
            elif name in _WORDS:
                values[name] = self.words.get(part, part)
            elif part.isdigit():
                values[name] = int(part)
            else:
                values[name] = _QUOTED.sub(message(self.language, "quoted", text=r"\1"), part)
        if "args" in parts:
            values["count"] = len(parts["args"].split())
        return filled(self.language, template, **values)

    @cached_property
    def _compiled(self) -> list[tuple[str, re.Pattern[str]]]:
        """Each pattern as a regular expression, in the order they are tried: those that wrap
        another message first ("Invalid value for {name}: {message}" before "{value} is not
        in the range {range}.", which would take the whole text), those that end one
        ("{message} ({hint})") after those that start one ("{path}: {message}"), then the most
        literal first ("Missing argument {name}. {message}" before "Missing argument {name}.")."""
        compiled = []
        for english in self.patterns:
            if "{" not in english:
                continue
            regex = ""
            for literal, field, _, _ in string.Formatter().parse(english):
                regex += re.escape(literal)
                if field:
                    regex += f"(?P<{field}>{_PARTS.get(field, '.+?')})"
            compiled.append((english, re.compile(regex, re.DOTALL)))

        def order(each: tuple[str, re.Pattern[str]]) -> tuple[bool, bool, int]:
            english = each[0]
            wraps = any(f"{{{name}}}" in english for name in (*_MESSAGES, "details"))
            ends = english.startswith("{message}")  # "{message} ({hint})" after "{path}: …"
            return not wraps, ends, -len(re.sub(r"\{[^}]*\}", "", english))

        return sorted(compiled, key=order)


_REWORDINGS: dict[str, Rewording] = {}


def reworded(text: str, language: str) -> str:
    """What the store or the playbooks said (English), in ``language``."""
    if language == "en":
        return text
    rewording = _REWORDINGS.get(language)
    if rewording is None:
        from salescoach.messages import REWORDED, REWORDED_WORDS

        patterns = REWORDED.get(language)
        if patterns is None:
            return text
        rewording = Rewording(language, patterns, REWORDED_WORDS.get(language))
        _REWORDINGS[language] = rewording
    return rewording(text)


def error_in(failure: SalescoachError, language: str) -> tuple[str, str | None]:
    """An error's message and hint in ``language``: the catalogue's when it was worded by it,
    else what was said, worded again."""
    text, hint = failure.in_language(language)
    if failure.said is not None or language == "en":
        return text, hint
    return reworded(text, language), None if hint is None else reworded(hint, language)


def problem_in(problem: Problem, language: str) -> str:
    """A problem found in a file, as ``FILE:LINE:COL: field: message (hint)``, in ``language``."""
    if language == "en":
        return str(problem)
    hint = None if problem.hint is None else reworded(problem.hint, language)
    return str(problem._replace(message=reworded(problem.message, language), hint=hint))
