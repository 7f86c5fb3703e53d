"""The small protocol the engine asks through, and a scripted prompter for tests and scripts.

The engine never imports questionary. It hands a prompter one :class:`Ask` at a time (a question
with its resolved options, default and iteration subject) and gets a value back. Ctrl-C is a
``KeyboardInterrupt`` and closed input an ``EOFError``; both propagate to the caller, which saves a
draft from the session's answers so far. A prompter raises :class:`BackRequested` when the rep
asks to go back one question; the engine asks the previous question again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from salescoach.playbook.model import Option, Question
from salescoach.playbook.values import Answer

Progress = tuple[int, int | None]
"""Which step this is and how many there are, counted on the answers so far: ``(3, 7)``; the
total is ``None`` while an answer still to give decides which playbooks the walk goes through
(the meeting's type, before it is chosen): a count that would jump is not shown."""


class BackRequested(Exception):  # noqa: N818 - a request, not an error
    """Raised by a prompter when the rep asks to go back to the previous question."""


@dataclass(frozen=True)
class Ask:
    """One prompt to show.

    ``mode`` is ``"value"`` for an ordinary question, ``"item"`` for one item of a ``list``
    question (a line of text; an empty answer ends the list when ``can_finish``).
    ``check`` turns typed text into the canonical answer or raises
    :class:`~salescoach.playbook.values.AnswerValueError` with a message to show; adapters call it
    to validate inline.
    """

    key: str
    question: Question
    check: Callable[[Any], Answer]
    options: tuple[Option, ...] = ()
    default: Answer = None
    subject: str | None = None
    subject_help: str | None = None
    mode: Literal["value", "item"] = "value"
    item_number: int | None = None
    can_finish: bool = True
    error: str | None = None
    shown: tuple[str, ...] = ()
    """Earlier answers to show with the prompt (``show:``), one line each: "Walk-away point: …"."""
    progress: Progress | None = None
    back: bool = True
    """Whether Shift+Tab may go back from this prompt (not from a drill's first question)."""

    @property
    def required(self) -> bool:
        """Whether an empty answer is refused (an item of a list is governed by ``can_finish``)."""
        return self.question.required if self.mode == "value" else not self.can_finish


AFTER_WALK = frozenset({"recap"})
"""Confirm keys asked once the record is saved: there is no question to go back to."""


class Prompter(Protocol):
    """What the engine needs from a user interface."""

    def step(self, title: str, guidance: str | None, progress: Progress | None = None) -> None:
        """A new step begins: show its title, where it is in the walk, the method's guidance."""

    def ask(self, ask: Ask) -> Answer:
        """Ask one question and return the answer (``None`` for no answer).

        May raise :class:`BackRequested`.
        """

    def confirm(self, key: str, message: str, default: bool) -> bool:
        """A yes/no decision about the questionnaire itself, e.g. "Add another next step?".

        May raise :class:`BackRequested` when the engine asks it.
        """

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        """Pick one of ``(value, label)`` choices, e.g. on the review screen; first is default."""


class UnexpectedQuestion(AssertionError):
    """A scripted prompter was asked something its script does not hold."""


@dataclass
class ScriptedPrompter:
    """Answers from a dict keyed by answer id; fails loudly on anything unexpected.

    ``answers`` maps an Ask's key (``meeting.type``, ``opa.plan[1]`` for the second item of a list,
    ``debrief.next_steps[0].owner``) to the raw value a user would type. ``confirms`` maps a
    confirm key (``debrief.next_steps.more[1]``) to a bool. A list question may also be given
    whole as ``opa.plan: [...]``: its items are then served one by one. ``choices`` maps a
    choose key (``review``) to the values to pick, in order. At a key of ``backs`` the rep goes
    back one question, the first time it is asked. ``defaults`` records the default each prompt
    offered, ``progress`` the position of each step.
    """

    answers: Mapping[str, Any] = field(default_factory=dict)
    confirms: Mapping[str, bool] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)
    use_defaults: bool = False
    backs: frozenset[str] = frozenset()
    """Keys at which the rep goes back once (the first time they are asked)."""
    accept_errors: bool = False
    """Answer a prompt that shows an error (a refused prefilled value) instead of failing."""
    asked: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)

    progress: list[Progress | None] = field(default_factory=list)
    defaults: dict[str, Answer] = field(default_factory=dict)
    _went_back: set[str] = field(default_factory=set)

    def step(self, title: str, guidance: str | None, progress: Progress | None = None) -> None:
        self.steps.append(title)
        self.progress.append(progress)

    def _back(self, key: str) -> bool:
        back = key in self.backs and key not in self._went_back
        if back:
            self._went_back.add(key)
        return back

    def ask(self, ask: Ask) -> Answer:
        if ask.error is not None and not self.accept_errors:
            raise UnexpectedQuestion(f"{ask.key}: scripted answer refused: {ask.error}")
        self.asked.append(ask.key)
        self.defaults[ask.key] = ask.default
        if self._back(ask.key):
            raise BackRequested
        if ask.key in self.answers:
            return ask.check(self.answers[ask.key])
        if ask.mode == "item":
            whole_key, _, _ = ask.key.rpartition("[")
            if whole_key in self.answers:
                items = list(self.answers[whole_key])
                index = (ask.item_number or 1) - 1
                return ask.check(items[index]) if index < len(items) else None
        if self.use_defaults:
            return None if ask.mode == "item" and ask.can_finish else ask.default
        raise UnexpectedQuestion(f"no scripted answer for {ask.key!r} ({ask.question.prompt})")

    def confirm(self, key: str, message: str, default: bool) -> bool:
        self.asked.append(key)
        self.defaults[key] = default
        if self._back(key):
            raise BackRequested
        if key in self.confirms:
            return self.confirms[key]
        if self.use_defaults:
            return default
        raise UnexpectedQuestion(f"no scripted confirmation for {key!r} ({message})")

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        self.asked.append(key)
        script = self.choices.get(key)
        if script:
            return script.pop(0)
        if self.use_defaults:
            return choices[0][0]
        raise UnexpectedQuestion(f"no scripted choice for {key!r} ({message})")
