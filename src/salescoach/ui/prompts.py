"""The terminal prompter: the one module of the program that imports questionary.

:class:`QuestionaryPrompter` implements the engine's
:class:`~salescoach.session.prompter.Prompter` protocol. Each question type gets the matching
questionary prompt; typed text is validated inline through ``Ask.check``, so a refused answer shows
its message under the prompt and the rep corrects it in place; what comes back to the engine has
been through ``Ask.check`` too (canonical values, ``None`` for no answer).

Ctrl-C raises ``KeyboardInterrupt`` and closed input raises ``EOFError`` (prompt_toolkit's own
behaviour on a closed stream or Ctrl-D in a text prompt; a missing or closed ``sys.stdin`` is
mapped to it here). Both propagate: the caller saves a draft.

Prompts are drawn on standard error unless another ``output`` is given: standard output is for
results. Step titles, guidance, help and the iteration subject go through ``write``, plain text.
"""

from __future__ import annotations

import math
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.input import DummyInput, Input, create_input
from prompt_toolkit.output import Output, create_output

from salescoach.messages import message
from salescoach.playbook.model import Question, QuestionType
from salescoach.playbook.values import Answer, AnswerValueError
from salescoach.session.prompter import Ask

_NO_ANSWER = "<no answer>"
"""Value of the no-answer entry: option values are identifiers, so it cannot clash with one."""

Verdict = bool | str
"""What a questionary validator returns: True, or the message to show."""


def _print_to_stderr(text: str) -> None:
    """The default ``write``: plain text on standard error (looked up at call time)."""
    print(text, file=sys.stderr)


class QuestionaryPrompter:
    """Asks the engine's questions in a terminal with questionary.

    ``input`` and ``output`` are prompt_toolkit streams; tests pass ``create_pipe_input()`` and
    ``DummyOutput()``. By default input is standard input and prompts are drawn on standard error.
    ``write`` receives the plain text shown around prompts (step titles, guidance, help, the
    iteration subject, an earlier answer's error); it is not interpreted as markup here, so a
    Rich console passed in should print it with ``markup=False``.
    """

    def __init__(
        self,
        *,
        input: Input | None = None,
        output: Output | None = None,
        write: Callable[[str], None] = _print_to_stderr,
        language: str = "en",
    ) -> None:
        self._input = input
        self._output = output
        self._write = write
        self._language = language

    def _say(self, key: str, **values: Any) -> str:
        return message(self._language, key, **values)

    def _yes_no(self, default: bool) -> str:
        """The keys of a yes/no prompt, the default in capitals (questionary reads y and n)."""
        return self._say("yes_no_hint_yes" if default else "yes_no_hint_no")

    # --- the Prompter protocol ------------------------------------------------------------------

    def step(self, title: str, guidance: str | None) -> None:
        """Show a step's title, underlined, then the method's guidance."""
        self._write("")
        self._write(title)
        self._write("=" * len(title))
        if guidance and guidance.strip():
            self._write(guidance.strip())

    def ask(self, ask: Ask) -> Answer:
        """Ask one question with the prompt for its type; return the canonical answer."""
        self._show_context(ask)
        if ask.mode == "item":
            item = self._say("item", prompt=ask.question.prompt, number=ask.item_number or 1)
            return self._ask_line(ask, item, self._say("finish_list_hint"))
        kind = ask.question.type
        if kind in (QuestionType.TEXT, QuestionType.NUMBER, QuestionType.DATE):
            hint = self._line_instruction(ask.question)
            return self._ask_line(ask, _message(ask.question), hint)
        if kind == QuestionType.PARAGRAPH:
            return self._ask_paragraph(ask)
        if kind == QuestionType.CHOICE:
            return self._ask_choice(ask)
        if kind == QuestionType.CHOICES:
            return self._ask_choices(ask)
        if kind == QuestionType.YESNO:
            return self._ask_yesno(ask)
        if kind == QuestionType.SCALE:
            return self._ask_scale(ask)
        # The engine asks a list item by item and a group sub-question by sub-question.
        raise ValueError(f"{ask.key}: a {kind} question is not asked as one value")

    def confirm(self, key: str, message: str, default: bool) -> bool:
        """A yes/no decision about the questionnaire itself ("Add another next step?")."""
        answer = questionary.confirm(
            message, default=default, instruction=self._yes_no(default), **self._streams()
        ).unsafe_ask()
        return bool(answer)

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        """One of ``(value, label)`` pairs, the first selected (the review screen's menu)."""
        picked = questionary.select(
            message,
            choices=[questionary.Choice(title=label, value=value) for value, label in choices],
            instruction=self._say("select_hint"),
            **self._streams(),
        ).unsafe_ask()
        return str(picked)

    # --- one prompt per question type -----------------------------------------------------------

    def _ask_line(self, ask: Ask, message: str, instruction: str | None) -> Answer:
        """One line of text (text, number, date, a list item), validated as it is submitted."""
        if ask.mode == "item" and not ask.can_finish:
            instruction = None
        text = questionary.text(
            message,
            default=_prefill(ask.default),
            validate=_text_validator(ask, self._language),
            instruction=instruction,
            validate_while_typing=False,
            **self._streams(),
        ).unsafe_ask()
        return _canonical_text(ask, _as_str(text))

    def _ask_paragraph(self, ask: Ask) -> Answer:
        """Several lines of text; Esc then Enter (or Alt+Enter) finishes."""
        text = questionary.text(
            _message(ask.question),
            default=_prefill(ask.default),
            validate=_text_validator(ask, self._language),
            multiline=True,
            instruction=self._say("paragraph_hint"),
            validate_while_typing=False,
            **self._streams(),
        ).unsafe_ask()
        return _canonical_text(ask, _as_str(text))

    def _ask_choice(self, ask: Ask) -> Answer:
        """One option out of a list, by label; the pointer starts on the default."""
        choices = [
            questionary.Choice(title=option.label, value=option.value, description=option.help)
            for option in ask.options
        ]
        return self._select(ask, choices)

    def _ask_scale(self, ask: Ask) -> Answer:
        """A whole number from min to max, each shown with its label where the playbook has one."""
        question = ask.question
        if question.min is None or question.max is None:
            raise ValueError(f"{ask.key}: a scale question needs min and max")
        labels = question.labels or {}
        choices = [
            questionary.Choice(
                title=f"{number} — {labels[number]}" if number in labels else str(number),
                value=number,
            )
            for number in range(math.ceil(question.min), math.floor(question.max) + 1)
        ]
        return self._select(ask, choices)

    def _select(self, ask: Ask, choices: list[questionary.Choice]) -> Answer:
        """A single pick; an optional question also offers "(no answer)", last."""
        if not ask.required:
            no_answer = self._say("no_answer")
            choices = [*choices, questionary.Choice(title=no_answer, value=_NO_ANSWER)]
        values = [choice.value for choice in choices]
        # questionary refuses a default that is not among the choices (a stale default_from).
        default = ask.default if ask.default is not None and ask.default in values else None
        picked = questionary.select(
            _message(ask.question),
            choices=choices,
            default=default,
            instruction=self._say("select_hint"),
            **self._streams(),
        ).unsafe_ask()
        if picked == _NO_ANSWER:
            return None
        return ask.check(picked)

    def _ask_choices(self, ask: Ask) -> Answer:
        """Any number of options, Space to tick; the default's options start ticked."""
        defaults = _as_list(ask.default)
        choices = [
            questionary.Choice(
                title=option.label,
                value=option.value,
                checked=option.value in defaults,
                description=option.help,
            )
            for option in ask.options
        ]

        def validate(selected: list[str]) -> Verdict:
            try:
                _canonical_choices(ask, selected)
            except AnswerValueError as error:
                return error.in_language(self._language)
            return True

        picked = questionary.checkbox(
            _message(ask.question),
            choices=choices,
            validate=validate,
            instruction=self._say("checkbox_hint"),
            **self._streams(),
        ).unsafe_ask()
        return _canonical_choices(ask, _as_list(picked))

    def _ask_yesno(self, ask: Ask) -> Answer:
        """Yes or no; Enter takes the default (no when there is none)."""
        default = ask.default is True
        answer = questionary.confirm(
            _message(ask.question),
            default=default,
            instruction=self._yes_no(default),
            **self._streams(),
        ).unsafe_ask()
        return ask.check(bool(answer))

    def _line_instruction(self, question: Question) -> str | None:
        """A hint after a one-line prompt: accepted date forms, a number's range."""
        if question.type == QuestionType.DATE:
            return self._say("date_hint")
        if question.type == QuestionType.NUMBER:
            low = None if question.min is None else f"{question.min:g}"
            high = None if question.max is None else f"{question.max:g}"
            if low is not None and high is not None:
                return self._say("range_hint", low=low, high=high)
            if low is not None:
                return self._say("min_hint", low=low)
            if high is not None:
                return self._say("max_hint", high=high)
        return None

    # --- around the prompt ----------------------------------------------------------------------

    def _show_context(self, ask: Ask) -> None:
        """The iteration subject and the question's help (once per list), then any error."""
        first_of_its_list = ask.mode == "value" or (ask.item_number or 1) <= 1
        if first_of_its_list:
            if ask.subject:
                self._write(f"> {ask.subject}")
                if ask.subject_help:
                    self._write(textwrap.indent(ask.subject_help.strip(), "  "))
            if ask.question.help:
                self._write(textwrap.indent(ask.question.help.strip(), "  "))
            for line in ask.shown:
                self._write(f"  · {line}")
        if ask.error:
            self._write(f"! {ask.error}")

    def _streams(self) -> dict[str, Any]:
        """The input and output keyword arguments every questionary prompt gets."""
        if self._input is None:
            self._input = _terminal_input()
        if self._output is None:
            self._output = create_output(stdout=sys.stderr)
        return {"input": self._input, "output": self._output}


# --- helpers ------------------------------------------------------------------------------------


def _terminal_input() -> Input:
    """Standard input for prompt_toolkit; EOFError at the first prompt if there is none.

    prompt_toolkit raises EOFError on a closed stream, but a missing ``sys.stdin`` (the process
    was started with stdin closed) would fail with AttributeError; a ``DummyInput`` reads as a
    closed stream instead.
    """
    stdin = sys.stdin
    if stdin is None or stdin.closed:
        return DummyInput()
    return create_input(stdin)


def _message(question: Question) -> str:
    """The prompt line: the question, and the unit of a number."""
    if question.unit:
        return f"{question.prompt} ({question.unit})"
    return question.prompt


def _required(ask: Ask) -> AnswerValueError:
    return AnswerValueError("item_needed" if ask.mode == "item" else "required")


def _canonical_text(ask: Ask, text: str) -> Answer:
    """Typed text as the engine's answer: ``None`` when blank, else ``ask.check(text)``.

    Raises AnswerValueError for a value ``check`` refuses or a blank required answer.
    """
    answer = None if not text.strip() else ask.check(text)
    if answer is None and ask.required:
        raise _required(ask)
    return answer


def _canonical_choices(ask: Ask, selected: Sequence[Any]) -> Answer:
    """Ticked options as the engine's answer: ``None`` when none, else ``ask.check(list)``."""
    answer = None if not selected else ask.check(list(selected))
    if answer is None and ask.required:
        raise _required(ask)
    return answer


def _text_validator(ask: Ask, language: str) -> Callable[[str], Verdict]:
    """A questionary validator: True, or the AnswerValueError's message shown under the prompt."""

    def validate(text: str) -> Verdict:
        try:
            _canonical_text(ask, text)
        except AnswerValueError as error:
            return error.in_language(language)
        return True

    return validate


def _prefill(default: Answer) -> str:
    """A default as the text it pre-fills: ``""`` for none, lists joined by commas."""
    if default is None:
        return ""
    if isinstance(default, bool):
        return "yes" if default else "no"
    if isinstance(default, list):
        return ", ".join(str(item) for item in default)
    return str(default)


def _as_str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple | set):
        return list(value)
    return [value]
