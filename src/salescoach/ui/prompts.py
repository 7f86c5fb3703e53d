"""The terminal prompter: the one module of the program that imports questionary.

:class:`QuestionaryPrompter` implements the engine's
:class:`~salescoach.session.prompter.Prompter` protocol. Each question type gets the matching
prompt; typed text is validated inline through ``Ask.check``, so a refused answer shows its message
under the prompt and the rep corrects it in place; what comes back to the engine has been through
``Ask.check`` too (canonical values, ``None`` for no answer).

Text prompts are questionary's. Yes/no, single and multiple picks are built here from
questionary's parts (its ``InquirerControl``, layout and style) because they need what questionary
does not offer: the rep's language in the echo ("Oui"/"Non", the ticked labels), ``y`` then Enter
as well as ``y`` alone, the number keys of a numbered list, and a key to go back.

Every prompt of the walk has a hint line under it: the step and how many there are, the key that
goes back one question (Shift+Tab, which raises
:class:`~salescoach.session.prompter.BackRequested`), how to stop, and for several lines how to
finish. Ctrl-C raises ``KeyboardInterrupt`` and closed input or Ctrl-D ``EOFError`` (a missing or
closed ``sys.stdin`` is mapped to it here). Both propagate: the caller saves a draft.

Prompts are drawn on standard error unless another ``output`` is given: standard output is for
results. Step titles, guidance, help and the iteration subject go through ``write``, plain text,
word-wrapped to the terminal's width.
"""

from __future__ import annotations

import asyncio
import math
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.application import Application, get_app
from prompt_toolkit.filters import Condition, is_done
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import DummyInput, Input, create_input
from prompt_toolkit.input.typeahead import store_typeahead
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, HSplit, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output import Output, create_output
from prompt_toolkit.shortcuts import PromptSession, print_formatted_text
from prompt_toolkit.styles import Style
from questionary.prompts import common
from questionary.prompts.common import InquirerControl
from questionary.styles import merge_styles_default

from salescoach.messages import message
from salescoach.playbook.model import Question, QuestionType
from salescoach.playbook.values import Answer, AnswerValueError
from salescoach.session.prompter import AFTER_WALK, Ask, BackRequested, Progress
from salescoach.typography import wrap_words

_NO_ANSWER = "<no answer>"
"""Value of the no-answer entry: option values are identifiers, so it cannot clash with one."""

BACK_KEY = Keys.BackTab
"""Shift+Tab: back one question. Not Ctrl-B, which tmux and screen take for themselves."""

KEY_WAIT = 0.35
"""Seconds a yes/no waits after ``y`` for an Enter that belongs to it (not to the next prompt)."""

MAX_WIDTH = 100
"""Text around prompts is wrapped to the terminal, but not wider than this (easier to read)."""

_NUMBERED = re.compile(r"^\s*(\d)(?:\s*[·.):—–-]\s|\s*$)")
"""A label that starts with its number: ``3 · Interest in a solution``, ``4 — good``, ``2``."""

_STYLE = Style([("hint", "fg:ansibrightblack")])

Verdict = bool | str
"""What a questionary validator returns: True, or the message to show."""


def _print_to_stderr(text: str) -> None:
    """The default ``write``: plain text on standard error (looked up at call time)."""
    print(text, file=sys.stderr)


class QuestionaryPrompter:
    """Asks the engine's questions in a terminal.

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
        self._progress: Progress | None = None
        self._back = True
        """Whether the prompt being asked may go back (:attr:`Ask.back`)."""

    def _say(self, key: str, **values: Any) -> str:
        return message(self._language, key, **values)

    # --- the Prompter protocol ------------------------------------------------------------------

    def step(self, title: str, guidance: str | None, progress: Progress | None = None) -> None:
        """Show a step's title, underlined, where it is in the walk, then the method's guidance."""
        width = self._width()
        self._write("")
        lines = wrap(title, width).splitlines() or [title]
        heading = "\n".join(lines)
        if progress is not None:
            self._progress = progress
            where = _step_of(self._language, progress)
            gap = width - len(lines[-1]) - len(where)
            heading += " " * gap + where if gap >= 2 else "  " + where
        self._write(heading)
        self._write("=" * min(max(len(line) for line in lines), width))
        if guidance and guidance.strip():
            self._write(wrap(guidance, width))

    def ask(self, ask: Ask) -> Answer:
        """Ask one question with the prompt for its type; return the canonical answer."""
        self._back = ask.back
        try:
            return self._ask(ask)
        finally:
            self._back = True

    def _ask(self, ask: Ask) -> Answer:
        if ask.progress is not None:
            self._progress = ask.progress
        self._show_context(ask)
        if ask.mode == "item":
            item = self._say("item", prompt=ask.question.prompt, number=ask.item_number or 1)
            finish = self._say("finish_list_hint") if ask.can_finish else None
            return self._ask_line(ask, item, None, finish)  # on the hint line: a short prompt
        kind = ask.question.type
        if kind == QuestionType.DATE:  # the forms go under the prompt: the line stays short
            return self._ask_line(
                ask, _message(ask.question, self._width()), None, self._say("date_hint")
            )
        if kind in (QuestionType.TEXT, QuestionType.NUMBER, QuestionType.TIME):
            hint = self._line_instruction(ask.question)
            return self._ask_line(ask, _message(ask.question, self._width()), hint)
        if kind == QuestionType.PARAGRAPH:
            return self._ask_paragraph(ask)
        if kind == QuestionType.CHOICE:
            return self._ask_choice(ask)
        if kind == QuestionType.CHOICES:
            return self._ask_choices(ask)
        if kind == QuestionType.YESNO:
            answer = self._yes_no(
                _message(ask.question, self._width()), ask.default is True, back=self._back
            )
            return ask.check(answer)
        if kind == QuestionType.SCALE:
            return self._ask_scale(ask)
        # The engine asks a list item by item and a group sub-question by sub-question.
        raise ValueError(f"{ask.key}: a {kind} question is not asked as one value")

    def confirm(self, key: str, message: str, default: bool) -> bool:
        """A yes/no decision about the questionnaire itself ("Add another next step?"); after
        the walk (:data:`AFTER_WALK`) there is no going back, and no step to show."""
        return self._yes_no(message, default, back=key not in AFTER_WALK)

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        """One of ``(value, label)`` pairs, the first selected (the review screen's menu)."""
        picked = self._pick(
            message,
            [questionary.Choice(title=label, value=value) for value, label in choices],
            default=None,
            back=False,
        )
        return str(picked)

    # --- one prompt per question type -----------------------------------------------------------

    def _ask_line(
        self, ask: Ask, message: str, instruction: str | None, under: str | None = None
    ) -> Answer:
        """One line of text (text, number, date, a list item), validated as it is submitted.

        Lines pasted at once into a list item come back as they are: the engine makes one item
        of each.
        """
        offered = _prefill(ask.default, self._language)
        if ask.mode == "item" and isinstance(ask.default, list):
            offered = "\n".join(str(item) for item in ask.default)  # pasted lines, back again
        instruction = instruction and _after(message, instruction, self._width())
        text = questionary.text(
            message,
            default=offered,
            validate=_text_validator(ask, self._language),
            instruction=instruction,
            validate_while_typing=False,
            style=_STYLE,
            key_bindings=self._walk_keys(),
            **self._streams(),
        )
        drawn = f"{message}  {instruction}" if instruction else message
        answer = self._run(text, self._hint(under), echo=(message, drawn))
        return _canonical_text(ask, _as_str(answer))

    def _ask_paragraph(self, ask: Ask) -> Answer:
        """Several lines of text; Esc then Enter (or Alt+Enter) finishes.

        Enter on an answer left as it was offered keeps it exactly (editing a record, changing an
        answer on the review screen).
        """
        offered = _prefill(ask.default, self._language)
        keys = self._walk_keys()

        @keys.add(Keys.ControlM, filter=Condition(lambda: _unchanged(offered)))
        def _keep(event: KeyPressEvent) -> None:
            event.current_buffer.validate_and_handle()

        finish = self._say("hint_keep" if offered else "hint_paragraph")
        message = _message(ask.question, self._width())
        instruction = _after(message, self._say("paragraph_hint"), self._width())
        text = questionary.text(
            message,
            default=offered,
            validate=_text_validator(ask, self._language),
            multiline=True,
            instruction=instruction,
            validate_while_typing=False,
            style=_STYLE,
            key_bindings=keys,
            **self._streams(),
        )
        answer = self._run(text, self._hint(finish), echo=(message, f"{message}  {instruction}"))
        return _canonical_text(ask, _as_str(answer))

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
        # A default that is not among the choices (a stale default_from) is no default.
        default = ask.default if ask.default is not None and ask.default in values else None
        picked = self._pick(
            _message(ask.question, self._width()), choices, default=default, back=self._back
        )
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

        picked = self._tick(_message(ask.question, self._width()), choices, validate)
        return _canonical_choices(ask, picked)

    def _line_instruction(self, question: Question) -> str | None:
        """A hint after a one-line prompt: a number's range."""
        if question.type == QuestionType.TIME:
            return self._say("time_hint")
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

    # --- the prompts built here -----------------------------------------------------------------

    def _yes_no(self, question: str, default: bool, *, back: bool) -> bool:
        """Yes or no: ``y`` (``o`` in French) or ``n``, alone or followed by Enter; Enter alone
        takes the default. The answer is echoed in the rep's language.

        After ``y`` the prompt waits :data:`KEY_WAIT` seconds: an Enter in that time is this
        prompt's (not the next one's); any other key ends it at once and goes to the next.
        """
        answered: list[bool] = []
        keys = KeyBindings()

        def finish(app: Application[Any]) -> None:
            if not app.is_done:
                app.exit(result=answered[0])

        def answer(value: bool) -> Callable[[KeyPressEvent], None]:
            def handler(event: KeyPressEvent) -> None:
                if answered:  # typed ahead: the next prompt's
                    store_typeahead(event.app.input, list(event.key_sequence))
                    finish(event.app)
                    return
                answered.append(value)
                app = event.app
                asyncio.get_running_loop().call_later(KEY_WAIT, finish, app)

            return handler

        yes_keys = self._say("yes_keys")
        for key in yes_keys + yes_keys.upper():
            keys.add(key)(answer(True))
        for key in self._say("no_keys") + self._say("no_keys").upper():
            keys.add(key)(answer(False))

        @keys.add(Keys.ControlM)
        def _enter(event: KeyPressEvent) -> None:
            if not answered:
                answered.append(default)
            finish(event.app)

        @keys.add(Keys.Backspace)
        def _undo(event: KeyPressEvent) -> None:
            answered.clear()

        _stop_keys(keys, back=back)

        @keys.add(Keys.Any)
        def _ahead(event: KeyPressEvent) -> None:
            if answered:  # typed ahead: the next prompt's
                store_typeahead(event.app.input, list(event.key_sequence))
                finish(event.app)

        def tokens() -> FormattedText:
            shown = [("class:qmark", "?"), ("class:question", f" {question} ")]
            if answered:
                echo = self._say("echo_yes" if answered[0] else "echo_no")
                shown.append(("class:answer", _after(question, echo, self._width())))
            else:
                hint = self._say("yes_no_hint_yes" if default else "yes_no_hint_no")
                shown.append(("class:instruction", _after(question, hint, self._width())))
            return FormattedText(shown)

        session: PromptSession[bool] = PromptSession(
            tokens,
            key_bindings=keys,
            style=merge_styles_default([_STYLE]),
            **self._streams(),
        )
        return bool(self._run(questionary.Question(session.app), self._hint(back=back)))

    def _pick(
        self,
        question: str,
        choices: list[questionary.Choice],
        *,
        default: Any,
        back: bool,
    ) -> Any:
        """A single pick with the arrows (or the number key of a numbered list), then Enter."""
        control = InquirerControl(
            choices, initial_choice=default, use_indicator=False, show_description=False
        )
        numbers = _numbered(choices)
        instruction = (
            self._say("select_number_hint", low=min(numbers), high=max(numbers))
            if numbers
            else self._say("select_hint")
        )
        instruction = _after(question, instruction, self._width())

        def tokens() -> list[tuple[str, str]]:
            shown = [("class:qmark", "?"), ("class:question", f" {question} ")]
            if control.is_answered:
                answer = _after(question, _title(control.get_pointed_at()), self._width())
                shown.append(("class:answer", answer))
            else:
                shown.append(("class:instruction", instruction))
            return shown

        keys = KeyBindings()
        _move_keys(keys, control)
        for number, index in numbers.items():
            keys.add(str(number), eager=True)(_point_at(control, index))

        @keys.add(Keys.ControlM, eager=True)
        def _choose(event: KeyPressEvent) -> None:
            control.is_answered = True
            event.app.exit(result=control.get_pointed_at().value)

        _stop_keys(keys, back=back)
        return self._run_inquirer(control, tokens, keys, back=back)

    def _tick(
        self,
        question: str,
        choices: list[questionary.Choice],
        validate: Callable[[list[Any]], Verdict],
    ) -> list[Any]:
        """Any number of options: Space ticks, ``a`` all, ``i`` inverts, Enter validates."""
        control = InquirerControl(choices, show_description=False)

        def ticked() -> list[Any]:
            chosen = set(control.selected_options)
            return [c.value for c in control.choices if c.value in chosen]

        def tokens() -> list[tuple[str, str]]:
            shown = [("class:qmark", "?"), ("class:question", f" {question} ")]
            if control.is_answered:
                titles = [_title(c) for c in control.choices if c.value in ticked()]
                # A title may end in a stop ("It's too expensive."): no comma after it.
                answer = " · ".join(titles) or self._say("none_ticked")
                shown.append(("class:answer", _after(question, answer, self._width())))
            else:
                hint = _after(question, self._say("checkbox_hint"), self._width())
                shown.append(("class:instruction", hint))
            return shown

        def check(event: KeyPressEvent | None = None) -> bool:
            verdict = validate(ticked())
            refused = verdict is not True
            shown = FormattedText([("class:validation-toolbar", str(verdict))]) if refused else None
            control.error_message = shown  # type: ignore[assignment]
            return not refused

        keys = KeyBindings()
        _move_keys(keys, control)

        @keys.add(" ", eager=True)
        def _toggle(event: KeyPressEvent) -> None:
            value = control.get_pointed_at().value
            if value in control.selected_options:
                control.selected_options.remove(value)
            else:
                control.selected_options.append(value)
            if control.error_message is not None:
                check()

        @keys.add("a", eager=True)
        def _all(event: KeyPressEvent) -> None:
            every = [c.value for c in control.choices]
            control.selected_options = [] if set(ticked()) == set(every) else every

        @keys.add("i", eager=True)
        def _invert(event: KeyPressEvent) -> None:
            was = set(control.selected_options)
            control.selected_options = [c.value for c in control.choices if c.value not in was]

        @keys.add(Keys.ControlM, eager=True)
        def _done(event: KeyPressEvent) -> None:
            if check():
                control.is_answered = True
                event.app.exit(result=ticked())

        _stop_keys(keys, back=self._back)
        picked = self._run_inquirer(
            control, tokens, keys, back=self._back, keys_help=self._say("checkbox_keys")
        )
        return _as_list(picked)

    def _run_inquirer(
        self,
        control: InquirerControl,
        tokens: Callable[[], list[tuple[str, str]]],
        keys: KeyBindings,
        *,
        back: bool,
        keys_help: str | None = None,
    ) -> Any:
        """Lay out a pick list with the pointed option's help and the hint line; run it."""
        streams = self._streams()
        layout = common.create_inquirer_layout(control, tokens, **streams)
        width = self._width()

        def described() -> FormattedText:
            text = control.get_pointed_at().description
            return FormattedText([("class:text", wrap(text, width, "  "))] if text else [])

        container = layout.container
        assert isinstance(container, HSplit)
        container.children.append(
            ConditionalContainer(
                Window(FormattedTextControl(described), dont_extend_height=True),
                filter=~is_done & Condition(lambda: bool(control.get_pointed_at().description)),
            )
        )
        application: Application[Any] = Application(
            layout=layout,
            key_bindings=keys,
            style=merge_styles_default([_STYLE]),
            **streams,
        )
        return self._run(questionary.Question(application), self._hint(keys_help, back=back))

    def _run(
        self, question: questionary.Question, hint: str, echo: tuple[str, str] | None = None
    ) -> Any:
        """Run a prompt with the hint line under it while it is being answered.

        Not prompt_toolkit's bottom toolbar: that one stays hidden until the terminal has told
        where the cursor is, which some terminals never do.

        ``echo`` is the question of a typed answer, and the question as drawn (with its
        instruction). prompt_toolkit wraps what was typed at the
        last column, mid-word; an answer that does not fit after the question is erased once
        given and written again under it, wrapped between words, so what stays on the screen
        reads as the rest of the walk does.
        """
        app = question.application
        container = app.layout.container
        assert isinstance(container, HSplit)
        container.children.append(
            ConditionalContainer(
                Window(
                    FormattedTextControl(FormattedText([("class:hint", hint)])),
                    dont_extend_height=True,
                ),
                filter=~is_done,
            )
        )
        rewritten: list[FormattedText] = []
        width = self._width()

        def before_render(_: object) -> None:
            future = app.future
            if echo is None or future is None or not future.done() or future.cancelled():
                return
            if future.exception() is not None:
                return  # stopped: what was typed stays as it was drawn
            shown = _echo(*echo, app.current_buffer.text, width)
            if shown is not None:
                app.erase_when_done = True
                rewritten.append(shown)

        app.before_render += before_render
        answer = question.unsafe_ask()
        if rewritten:
            print_formatted_text(
                rewritten[-1],
                style=merge_styles_default([_STYLE]),
                output=self._streams()["output"],
            )
        return answer

    # --- around the prompt ----------------------------------------------------------------------

    def _walk_keys(self) -> KeyBindings:
        """Keys every text prompt of the walk adds: back one question (when it may go back)."""
        keys = KeyBindings()
        if not self._back:
            return keys

        @keys.add(BACK_KEY, eager=True)
        def _back(event: KeyPressEvent) -> None:
            event.app.exit(exception=BackRequested())

        return keys

    def _hint(self, first: str | None = None, *, back: bool = True) -> str:
        """The hint line under a prompt: what finishes it, where the walk is, back, stop."""
        parts = [first] if first else []
        back = back and self._back
        if back and self._progress is not None:
            parts.append(_step_of(self._language, self._progress))
        if back:
            parts.append(self._say("hint_back"))
        parts.append(self._say("hint_stop"))
        return pack(parts, self._width())

    def _show_context(self, ask: Ask) -> None:
        """The iteration subject and the question's help (once per list), then any error."""
        width = self._width()
        first_of_its_list = ask.mode == "value" or (ask.item_number or 1) <= 1
        if first_of_its_list:
            if ask.subject:
                self._write(wrap(f"> {ask.subject}", width))
                if ask.subject_help:
                    self._write(wrap(ask.subject_help, width, "  "))
            if ask.question.help:
                self._write(wrap(ask.question.help, width, "  "))
            for line in ask.shown:
                self._write(wrap(f"· {line}", width, "  "))
        if ask.error:
            self._write(wrap(f"! {ask.error}", width))

    def _width(self) -> int:
        """The columns text around prompts is wrapped to."""
        try:
            columns = int(self._streams()["output"].get_size().columns)
        except (OSError, ValueError):
            columns = 80
        return max(20, min(columns, MAX_WIDTH) - 1)

    def _streams(self) -> dict[str, Any]:
        """The input and output keyword arguments every prompt gets."""
        if self._input is None:
            self._input = _terminal_input()
        if self._output is None:
            self._output = create_output(stdout=sys.stderr)
        return {"input": self._input, "output": self._output}


# --- helpers ------------------------------------------------------------------------------------


def wrap(text: str, width: int, indent: str = "") -> str:
    """Text word-wrapped to ``width``, paragraph by paragraph; list items keep their hanging
    indent. No word is ever broken (one longer than the line, a path, has a line of its own),
    and a line never starts with the ``:`` or ``?`` of a French sentence (nor ends on ``«``)."""
    lines: list[str] = []
    for paragraph in text.strip("\n").splitlines():
        if not paragraph.strip():
            lines.append("")
            continue
        lead = paragraph[: len(paragraph) - len(paragraph.lstrip())]
        body = paragraph.strip()
        hang = "  " if body[:2] in ("- ", "* ", "• ", "· ") else ""
        lines.extend(
            wrap_words(
                body,
                width,
                initial_indent=indent + lead,
                subsequent_indent=indent + lead + hang,
            )
        )
    return "\n".join(lines)


def pack(parts: Sequence[str], width: int, separator: str = " · ") -> str:
    """Parts joined on lines of at most ``width``, a line breaking only between two parts
    (a part wider than a line is word-wrapped on its own)."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(separator) + len(part) <= width:
            lines[-1] += separator + part
        elif len(part) <= width:
            lines.append(part)
        else:
            lines.extend(wrap(part, width).splitlines())
    return "\n".join(lines)


def _stop_keys(keys: KeyBindings, *, back: bool) -> None:
    """Ctrl-C stops, Ctrl-D is closed input, Shift+Tab goes back (if allowed); nothing else."""

    @keys.add(Keys.ControlC, eager=True)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @keys.add(Keys.ControlD, eager=True)
    def _closed(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    if back:

        @keys.add(BACK_KEY, eager=True)
        def _back(event: KeyPressEvent) -> None:
            event.app.exit(exception=BackRequested())

    @keys.add(Keys.Any)
    def _other(event: KeyPressEvent) -> None:
        """Nothing else is typed into a pick list or a yes/no."""


def _move_keys(keys: KeyBindings, control: InquirerControl) -> None:
    """Arrows, j/k and Ctrl-N/Ctrl-P move the pointer (wrapping around)."""

    def down(event: KeyPressEvent) -> None:
        control.select_next()

    def up(event: KeyPressEvent) -> None:
        control.select_previous()

    for key in (Keys.Down, "j", Keys.ControlN):
        keys.add(key, eager=True)(down)
    for key in (Keys.Up, "k", Keys.ControlP):
        keys.add(key, eager=True)(up)


def _point_at(control: InquirerControl, index: int) -> Callable[[KeyPressEvent], None]:
    def point(event: KeyPressEvent) -> None:
        control.pointed_at = index

    return point


def _numbered(choices: Sequence[questionary.Choice]) -> dict[int, int]:
    """Number key → index, for a list whose labels start with their own number (1 to 9)."""
    found: dict[int, int] = {}
    for index, choice in enumerate(choices):
        match = _NUMBERED.match(_title(choice))
        if match:
            found.setdefault(int(match.group(1)), index)
    return found if len(found) >= 2 else {}


def _title(choice: questionary.Choice) -> str:
    title = choice.title
    if isinstance(title, str):
        return title
    return "".join(str(part[1]) for part in title or [])


def _unchanged(offered: str) -> bool:
    """Whether the text being edited is still exactly the answer offered (and there is one)."""
    return bool(offered) and get_app().current_buffer.text == offered


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


def _message(question: Question, width: int) -> str:
    """The prompt line: the question, and the unit of a number, wrapped between words to
    ``width`` (its lines after the first under its text, past the ``? ``)."""
    text = f"{question.prompt} ({question.unit})" if question.unit else question.prompt
    return "\n  ".join(wrap_words(text, width - 2)) or text


def _after(question: str, instruction: str, width: int) -> str:
    """A hint (or the answer chosen) shown after a question: on the question's last line if it
    fits there, else on lines of its own under the question's text, wrapped between words (the
    terminal would cut a long one mid-word)."""
    last = question.rsplit("\n", 1)[-1] if "\n" in question else f"? {question}"
    if len(last) + 1 + len(instruction) <= width:
        return instruction
    lines = wrap_words(instruction, width, initial_indent="  ", subsequent_indent="  ")
    return "\n" + "\n".join(lines or ["  " + instruction])


def _step_of(language: str, progress: Progress) -> str:
    """Where the walk is: "step 3/7", or "step 1" while its length is not known yet."""
    number, total = progress
    if total is None:
        return message(language, "step_number", number=number)
    return message(language, "step_of", number=number, total=total)


def _echo(question: str, drawn: str, answer: str, width: int) -> FormattedText | None:
    """A typed answer shown again under its question, wrapped between words, or ``None`` when
    it fits as the terminal drew it after ``drawn`` (the question and its instruction): on its
    last line, and every further line of the answer within ``width``.
    """
    lines = answer.split("\n")
    last = drawn.rsplit("\n", 1)[-1] if "\n" in drawn else f"? {drawn}"
    if len(last) + 1 + len(lines[0]) <= width and all(len(line) <= width for line in lines[1:]):
        return None
    wrapped = [
        "\n".join(wrap_words(line, width, initial_indent="  ", subsequent_indent="  "))
        if line.strip()
        else ""
        for line in lines
    ]
    return FormattedText(
        [
            ("class:qmark", "?"),
            ("class:question", f" {question}\n"),
            ("class:answer", "\n".join(wrapped)),
        ]
    )


def _required(ask: Ask) -> AnswerValueError:
    return AnswerValueError("item_needed" if ask.mode == "item" else "required")


_TRAILING_BLANK_LINES = re.compile(r"(?:\n[ \t]*)+\Z")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


def _canonical_text(ask: Ask, text: str) -> Answer:
    """Typed text as the engine's answer: ``None`` when blank, else ``ask.check(text)``.

    Blank lines before and after several lines are dropped (an Enter too many, or Enter
    pressed first to start on a new line); the first line's indentation is kept.
    Raises AnswerValueError for a value ``check`` refuses or a blank required answer.
    """
    if ask.question.type == QuestionType.PARAGRAPH and ask.mode == "value":
        text = _LEADING_BLANK_LINES.sub("", _TRAILING_BLANK_LINES.sub("", text))
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


def _prefill(default: Answer, language: str) -> str:
    """A default as the text it pre-fills: ``""`` for none, lists joined by commas."""
    if default is None:
        return ""
    if isinstance(default, bool):
        return message(language, "yes" if default else "no")
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
