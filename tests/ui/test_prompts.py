"""The questionary prompter, driven through a prompt_toolkit pipe with the keys a rep would press.

Every test that feeds keys has a timeout: a prompt waiting for input it will never get hangs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from salescoach.messages import message
from salescoach.playbook.model import Option, Question, QuestionType
from salescoach.playbook.values import Answer, coerce, coerce_item, is_empty
from salescoach.session.engine import _item_check
from salescoach.session.prompter import Ask, BackRequested
from salescoach.ui.prompts import QuestionaryPrompter, pack, wrap

NO_ANSWER_LABEL = message("en", "no_answer")

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
SPACE = " "
CTRL_C = "\x03"
CTRL_U = "\x15"  # erase the line typed so far
ESC_ENTER = "\x1b\r"  # finishes a multi-line answer
SHIFT_TAB = "\x1b[Z"  # back one question
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"  # a bracketed paste

MEETING_TYPES = (
    Option(value="discovery", label="Discovery"),
    Option(value="negotiation", label="Negotiation", help="Have your MESORE ready."),
    Option(value="closing", label="Closing"),
)


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    """The rep's keyboard: send_text() what they type, close() when they stop."""
    with create_pipe_input() as pipe:
        yield pipe


@pytest.fixture
def written() -> list[str]:
    """What the prompter wrote around its prompts (titles, help, subjects, errors)."""
    return []


@pytest.fixture
def prompter(keys: PipeInput, written: list[str]) -> QuestionaryPrompter:
    return QuestionaryPrompter(input=keys, output=DummyOutput(), write=written.append)


def question(type_: QuestionType, **fields: Any) -> Question:
    if type_ in (QuestionType.CHOICE, QuestionType.CHOICES) and "options" not in fields:
        fields["options"] = list(MEETING_TYPES)
    return Question(id="q", type=type_, prompt="The question?", **fields)


def make_ask(q: Question, options: Sequence[Option] = (), **fields: Any) -> Ask:
    """An Ask as the engine builds it, checking values with the one rule book."""
    options = tuple(options) or tuple(q.options or ())
    return Ask(
        key=f"test.{q.id}",
        question=q,
        check=lambda value: coerce(q, value, options),
        options=options,
        **fields,
    )


def item_ask(q: Question, number: int, *, can_finish: bool, **fields: Any) -> Ask:
    """One item of a list question, with the engine's item check."""

    def check(value: Any) -> Answer:
        return None if is_empty(value) else coerce_item(q, value)

    return Ask(
        key=f"test.{q.id}[{number - 1}]",
        question=q,
        check=check,
        mode="item",
        item_number=number,
        can_finish=can_finish,
        **fields,
    )


# --- text, number, date ---------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_text_returns_what_is_typed(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("  Acme Corp  " + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.TEXT))) == "Acme Corp"


@pytest.mark.timeout(10)
def test_text_default_is_prefilled(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(ENTER)
    assert prompter.ask(make_ask(question(QuestionType.TEXT), default="Acme")) == "Acme"


@pytest.mark.timeout(10)
def test_typing_after_a_default_edits_it(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(" Corp" + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.TEXT), default="Acme")) == "Acme Corp"


@pytest.mark.timeout(10)
def test_empty_optional_text_is_none(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("   " + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.TEXT))) is None


@pytest.mark.timeout(10)
def test_empty_required_text_is_refused_until_answered(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(ENTER + ENTER + "Acme" + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.TEXT, required=True))) == "Acme"


@pytest.mark.timeout(10)
def test_number_reprompts_until_valid(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("lots" + ENTER + CTRL_U + "12 500" + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.NUMBER, unit="EUR"))) == 12500


@pytest.mark.timeout(10)
def test_number_out_of_range_is_refused(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("0" + ENTER + CTRL_U + "3,5" + ENTER)
    ask = make_ask(question(QuestionType.NUMBER, min=1, max=10))
    assert prompter.ask(ask) == 3.5


@pytest.mark.timeout(10)
def test_number_default_is_prefilled(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(ENTER)
    assert prompter.ask(make_ask(question(QuestionType.NUMBER), default=42)) == 42


@pytest.mark.timeout(10)
def test_date_accepts_relative_words(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("tomorrow" + ENTER)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    # (A run that straddles midnight would see two different todays; not worth a clock here.)
    assert prompter.ask(make_ask(question(QuestionType.DATE))) == tomorrow.isoformat()


@pytest.mark.timeout(10)
def test_invalid_date_is_refused(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("2026-13-45" + ENTER + CTRL_U + "2026-12-01" + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.DATE))) == "2026-12-01"


@pytest.mark.timeout(10)
def test_refusal_message_is_shown_under_the_prompt(keys: PipeInput) -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=120))
    prompter = QuestionaryPrompter(input=keys, output=output, write=lambda text: None)

    def correct_once_the_message_shows() -> None:
        deadline = time.monotonic() + 5
        while "is not a number" not in screen.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        keys.send_text(CTRL_U + "7" + ENTER)

    # Keys sent in one go are handled before the screen is redrawn: send the fix only once the
    # message has been drawn, as a rep would.
    keys.send_text("seven" + ENTER)
    rep = threading.Thread(target=correct_once_the_message_shows)
    rep.start()
    try:
        assert prompter.ask(make_ask(question(QuestionType.NUMBER))) == 7
    finally:
        rep.join()
    assert "`seven` is not a number" in screen.getvalue()


# --- paragraph ------------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_paragraph_keeps_lines_and_ends_on_esc_enter(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text("Budget is tight." + ENTER + "Decision in March." + ESC_ENTER)
    answer = prompter.ask(make_ask(question(QuestionType.PARAGRAPH)))
    assert answer == "Budget is tight.\nDecision in March."


@pytest.mark.timeout(10)
def test_paragraph_default_is_prefilled(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(ESC_ENTER)
    ask = make_ask(question(QuestionType.PARAGRAPH), default="line one\nline two")
    assert prompter.ask(ask) == "line one\nline two"


@pytest.mark.timeout(10)
def test_blank_paragraph_is_none(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(ENTER + ESC_ENTER)
    assert prompter.ask(make_ask(question(QuestionType.PARAGRAPH))) is None


# --- choice ---------------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_choice_returns_the_option_value(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(DOWN + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.CHOICE))) == "negotiation"


@pytest.mark.timeout(10)
def test_choice_pointer_starts_on_the_default(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(ENTER)
    ask = make_ask(question(QuestionType.CHOICE), default="closing")
    assert prompter.ask(ask) == "closing"


@pytest.mark.timeout(10)
def test_choice_ignores_a_default_not_among_the_options(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(ENTER)
    ask = make_ask(question(QuestionType.CHOICE), default="dispute")
    assert prompter.ask(ask) == "discovery"


@pytest.mark.timeout(10)
def test_optional_choice_offers_no_answer_last(keys: PipeInput) -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=120))
    prompter = QuestionaryPrompter(input=keys, output=output, write=lambda text: None)
    keys.send_text(UP + ENTER)  # from the first entry up wraps to the last
    assert prompter.ask(make_ask(question(QuestionType.CHOICE))) is None
    assert NO_ANSWER_LABEL in screen.getvalue()


@pytest.mark.timeout(10)
def test_required_choice_has_no_empty_entry(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(UP + ENTER)
    ask = make_ask(question(QuestionType.CHOICE, required=True))
    assert prompter.ask(ask) == "closing"


# --- choices --------------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_choices_returns_ticked_values_in_option_order(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(DOWN + DOWN + SPACE + UP + UP + SPACE + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.CHOICES))) == ["discovery", "closing"]


@pytest.mark.timeout(10)
def test_choices_defaults_start_ticked(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(ENTER)
    ask = make_ask(question(QuestionType.CHOICES), default=["negotiation", "closing"])
    assert prompter.ask(ask) == ["negotiation", "closing"]


@pytest.mark.timeout(10)
def test_choices_nothing_ticked_is_none(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(ENTER)
    assert prompter.ask(make_ask(question(QuestionType.CHOICES))) is None


@pytest.mark.timeout(10)
def test_choices_over_max_items_is_refused_until_fixed(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    # Tick all three, Enter is refused (max 2), untick the last one, Enter.
    keys.send_text(SPACE + DOWN + SPACE + DOWN + SPACE + ENTER + SPACE + ENTER)
    ask = make_ask(question(QuestionType.CHOICES, max_items=2))
    assert prompter.ask(ask) == ["discovery", "negotiation"]


@pytest.mark.timeout(10)
def test_required_choices_refuses_an_empty_selection(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(ENTER + SPACE + ENTER)
    ask = make_ask(question(QuestionType.CHOICES, required=True))
    assert prompter.ask(ask) == ["discovery"]


# --- yes/no ---------------------------------------------------------------------------------


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("typed", "default", "expected"),
    [("y", None, True), ("n", True, False), (ENTER, True, True), (ENTER, None, False)],
)
def test_yesno(
    prompter: QuestionaryPrompter,
    keys: PipeInput,
    typed: str,
    default: bool | None,
    expected: bool,
) -> None:
    keys.send_text(typed)
    assert prompter.ask(make_ask(question(QuestionType.YESNO), default=default)) is expected


# --- scale ----------------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_scale_shows_labels_and_returns_the_number(keys: PipeInput) -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=120))
    prompter = QuestionaryPrompter(input=keys, output=output, write=lambda text: None)
    keys.send_text(DOWN + DOWN + DOWN + ENTER)
    scale = question(QuestionType.SCALE, min=1, max=5, labels={1: "poor", 4: "good"}, required=True)
    assert prompter.ask(make_ask(scale)) == 4
    assert "4 — good" in screen.getvalue()
    assert "1 — poor" in screen.getvalue()


@pytest.mark.timeout(10)
def test_scale_pointer_starts_on_the_default(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(DOWN + ENTER)
    scale = question(QuestionType.SCALE, min=1, max=5)
    assert prompter.ask(make_ask(scale, default=3)) == 4


@pytest.mark.timeout(10)
def test_optional_scale_can_be_left_unanswered(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(UP + ENTER)
    scale = question(QuestionType.SCALE, min=1, max=5)
    assert prompter.ask(make_ask(scale)) is None


# --- list items -----------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_list_items_until_an_empty_line(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("Market" + ENTER + "Budget" + ENTER + ENTER)
    listed = question(QuestionType.LIST)
    assert prompter.ask(item_ask(listed, 1, can_finish=True)) == "Market"
    assert prompter.ask(item_ask(listed, 2, can_finish=True)) == "Budget"
    assert prompter.ask(item_ask(listed, 3, can_finish=True)) is None


@pytest.mark.timeout(10)
def test_list_item_cannot_be_empty_before_the_minimum(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(ENTER + "Market" + ENTER)
    listed = question(QuestionType.LIST, min_items=1)
    assert prompter.ask(item_ask(listed, 1, can_finish=False)) == "Market"


@pytest.mark.timeout(10)
def test_list_item_too_long_is_refused(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("far too long" + ENTER + CTRL_U + "short" + ENTER)
    listed = question(QuestionType.LIST, max_length=5)
    assert prompter.ask(item_ask(listed, 1, can_finish=True)) == "short"


@pytest.mark.timeout(10)
def test_list_item_default_is_prefilled(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(ENTER)
    ask = item_ask(question(QuestionType.LIST), 1, can_finish=True, default="Call back")
    assert prompter.ask(ask) == "Call back"


def test_list_question_as_one_value_is_a_programming_error(
    prompter: QuestionaryPrompter,
) -> None:
    with pytest.raises(ValueError, match="not asked as one value"):
        prompter.ask(make_ask(question(QuestionType.LIST)))


# --- what is shown around a prompt ----------------------------------------------------------


def test_step_shows_title_and_guidance(prompter: QuestionaryPrompter, written: list[str]) -> None:
    prompter.step("Objectives", "One to three SMART objectives.\n")
    text = "\n".join(written)
    assert "Objectives\n==========" in text
    assert "One to three SMART objectives." in text


def test_step_without_guidance(prompter: QuestionaryPrompter, written: list[str]) -> None:
    prompter.step("Plan", None)
    assert [line for line in written if line] == ["Plan", "===="]


@pytest.mark.timeout(10)
def test_help_subject_and_error_are_shown_before_the_prompt(
    prompter: QuestionaryPrompter, keys: PipeInput, written: list[str]
) -> None:
    keys.send_text("Ask for the budget owner" + ENTER)
    rehearsed = question(QuestionType.TEXT, help="Answer, then ask a question back.")
    ask = make_ask(
        rehearsed,
        subject="It's too expensive",
        subject_help="A price objection.",
        error="an answer is required",
    )
    prompter.ask(ask)
    text = "\n".join(written)
    assert "It's too expensive" in text
    assert "A price objection." in text
    assert "Answer, then ask a question back." in text
    assert "an answer is required" in text
    assert text.index("It's too expensive") < text.index("Answer, then ask")


@pytest.mark.timeout(10)
def test_list_help_is_shown_once_not_per_item(
    prompter: QuestionaryPrompter, keys: PipeInput, written: list[str]
) -> None:
    keys.send_text("one" + ENTER + "two" + ENTER)
    listed = question(QuestionType.LIST, help="One line per point.")
    prompter.ask(item_ask(listed, 1, can_finish=True))
    prompter.ask(item_ask(listed, 2, can_finish=True))
    assert sum("One line per point." in line for line in written) == 1


# --- confirm --------------------------------------------------------------------------------


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("typed", "default", "expected"),
    [("y", False, True), ("n", True, False), (ENTER, True, True), (ENTER, False, False)],
)
def test_confirm(
    prompter: QuestionaryPrompter, keys: PipeInput, typed: str, default: bool, expected: bool
) -> None:
    keys.send_text(typed)
    assert prompter.confirm("test.more[1]", "Add another next step?", default) is expected


# --- a session of several prompts -----------------------------------------------------------


@pytest.mark.timeout(10)
def test_keys_typed_ahead_carry_over_to_the_next_prompt(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text("Acme" + ENTER + DOWN + ENTER + "y" + "n")
    assert prompter.ask(make_ask(question(QuestionType.TEXT))) == "Acme"
    assert prompter.ask(make_ask(question(QuestionType.CHOICE))) == "negotiation"
    assert prompter.ask(make_ask(question(QuestionType.YESNO))) is True
    assert prompter.confirm("test.more", "More?", True) is False


# --- interruption ---------------------------------------------------------------------------

EVERY_KIND: dict[str, Callable[[QuestionaryPrompter], object]] = {
    "text": lambda p: p.ask(make_ask(question(QuestionType.TEXT))),
    "number": lambda p: p.ask(make_ask(question(QuestionType.NUMBER))),
    "date": lambda p: p.ask(make_ask(question(QuestionType.DATE))),
    "paragraph": lambda p: p.ask(make_ask(question(QuestionType.PARAGRAPH))),
    "choice": lambda p: p.ask(make_ask(question(QuestionType.CHOICE))),
    "choices": lambda p: p.ask(make_ask(question(QuestionType.CHOICES))),
    "yesno": lambda p: p.ask(make_ask(question(QuestionType.YESNO))),
    "scale": lambda p: p.ask(make_ask(question(QuestionType.SCALE, min=1, max=5))),
    "item": lambda p: p.ask(item_ask(question(QuestionType.LIST), 1, can_finish=True)),
    "confirm": lambda p: p.confirm("test.more", "More?", True),
}


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_ctrl_c_raises_keyboard_interrupt(
    prompter: QuestionaryPrompter, keys: PipeInput, kind: str
) -> None:
    keys.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        EVERY_KIND[kind](prompter)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_closed_input_raises_eof(prompter: QuestionaryPrompter, keys: PipeInput, kind: str) -> None:
    keys.send_text("4")  # half an answer, then the input ends
    keys.close()
    with pytest.raises(EOFError):
        EVERY_KIND[kind](prompter)


@pytest.mark.timeout(10)
def test_missing_stdin_raises_eof(monkeypatch: pytest.MonkeyPatch) -> None:
    # A process started with its standard input closed has sys.stdin = None.
    monkeypatch.setattr(sys, "stdin", None)
    prompter = QuestionaryPrompter(output=DummyOutput(), write=lambda text: None)
    with pytest.raises(EOFError):
        prompter.ask(make_ask(question(QuestionType.TEXT)))


@pytest.mark.timeout(10)
def test_stdin_without_a_descriptor_raises_eof(monkeypatch: pytest.MonkeyPatch) -> None:
    # pytest's own captured stdin is one such: prompt_toolkit reads it as closed input.
    monkeypatch.setattr(sys, "stdin", io.StringIO("Acme\n"))
    prompter = QuestionaryPrompter(output=DummyOutput(), write=lambda text: None)
    with pytest.raises(EOFError):
        prompter.ask(make_ask(question(QuestionType.TEXT)))


# --- what a rep types in a hurry ------------------------------------------------------------


@contextlib.contextmanager
def _once_shown(screen: io.StringIO, text: str, keys: PipeInput, then: str) -> Iterator[None]:
    """Type ``then`` once ``text`` is drawn: keys sent in one go are handled before a redraw."""

    def rep() -> None:
        deadline = time.monotonic() + 5
        while text not in screen.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        keys.send_text(then)

    typing = threading.Thread(target=rep)
    typing.start()
    try:
        yield
    finally:
        typing.join()


def _screen(keys: PipeInput, language: str = "en") -> tuple[QuestionaryPrompter, io.StringIO]:
    screen = io.StringIO()
    # No cursor-position request: a pipe never answers one (PROMPT_TOOLKIT_NO_CPR in a terminal).
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=80), enable_cpr=False)
    return QuestionaryPrompter(input=keys, output=output, language=language), screen


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("typed", "expected"), [("y" + ENTER, True), ("n" + ENTER, False)])
def test_yes_or_no_then_enter_keeps_the_enter_for_itself(
    prompter: QuestionaryPrompter, keys: PipeInput, typed: str, expected: bool
) -> None:
    keys.send_text(typed + "Acme" + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.YESNO))) is expected
    # The Enter was the yes/no's: the next prompt gets "Acme", not an empty answer.
    assert prompter.ask(make_ask(question(QuestionType.TEXT, required=True))) == "Acme"


@pytest.mark.timeout(10)
def test_a_yes_typed_ahead_of_the_next_yes_no_goes_to_it(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text("yn")
    assert prompter.confirm("test.more[0]", "More?", False) is True
    assert prompter.confirm("test.more[1]", "More?", True) is False


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("typed", "expected"), [("o", True), ("O" + ENTER, True), ("n", False)])
def test_french_yes_is_o_and_the_echo_is_french(
    keys: PipeInput, typed: str, expected: bool
) -> None:
    prompter, screen = _screen(keys, "fr")
    keys.send_text(typed)
    assert prompter.ask(make_ask(question(QuestionType.YESNO))) is expected
    shown = screen.getvalue()
    assert ("Oui" if expected else "Non") in shown
    assert "(o/N)" in shown
    assert "Yes" not in shown and "No " not in shown


@pytest.mark.timeout(10)
def test_english_echo_and_keys(keys: PipeInput) -> None:
    prompter, screen = _screen(keys)
    keys.send_text("y")
    assert prompter.confirm("test.more[0]", "Add another?", False) is True
    assert "Yes" in screen.getvalue() and "(y/N)" in screen.getvalue()


PHASES = tuple(
    Option(value=f"phase-{n}", label=f"{n} · {label}", help=f"Signals of phase {n}.")
    for n, label in enumerate(
        ["Need not identified", "Need recognised", "Interest", "External", "Internal"], start=1
    )
)


@pytest.mark.timeout(10)
def test_a_numbered_list_takes_the_number_key(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text("4" + ENTER)
    phase = question(QuestionType.CHOICE, options=list(PHASES), required=True)
    assert prompter.ask(make_ask(phase)) == "phase-4"


@pytest.mark.timeout(10)
def test_a_scale_takes_the_number_key(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text("2" + ENTER)
    scale = question(QuestionType.SCALE, min=1, max=5, labels={2: "weak"}, required=True)
    assert prompter.ask(make_ask(scale)) == 2


@pytest.mark.timeout(10)
def test_number_keys_do_nothing_in_a_list_without_numbers(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text("3" + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.CHOICE))) == "discovery"


@pytest.mark.timeout(10)
def test_the_option_help_is_shown_wrapped_without_an_english_label(keys: PipeInput) -> None:
    prompter, screen = _screen(keys, "fr")
    keys.send_text(DOWN)
    with _once_shown(screen, "MESORE", keys, ENTER):
        prompter.ask(make_ask(question(QuestionType.CHOICE, required=True)))
    shown = screen.getvalue()
    assert "Have your MESORE ready." in shown
    assert "Description" not in shown


@pytest.mark.timeout(10)
def test_ticked_options_are_echoed_by_their_labels(keys: PipeInput) -> None:
    prompter, screen = _screen(keys, "fr")
    keys.send_text(SPACE + DOWN + SPACE + ENTER)
    assert prompter.ask(make_ask(question(QuestionType.CHOICES))) == ["discovery", "negotiation"]
    assert "Discovery · Negotiation" in screen.getvalue()
    assert "selections" not in screen.getvalue()


@pytest.mark.timeout(10)
def test_lines_pasted_into_a_list_item_come_back_as_several_items(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    listed = question(QuestionType.LIST, max_items=5)
    keys.send_text(PASTE_START + "Budget owner\r\nPilot scope\nDecision date" + PASTE_END + ENTER)
    ask = Ask(
        key="test.q[0]",
        question=listed,
        check=_item_check(listed, 0),
        mode="item",
        item_number=1,
        can_finish=True,
    )
    assert prompter.ask(ask) == ["Budget owner", "Pilot scope", "Decision date"]


@pytest.mark.timeout(10)
def test_enter_on_an_offered_paragraph_keeps_it_exactly(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(ENTER)
    ask = make_ask(question(QuestionType.PARAGRAPH), default="line one\nline two")
    assert prompter.ask(ask) == "line one\nline two"


@pytest.mark.timeout(10)
def test_an_edited_paragraph_still_takes_new_lines(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    keys.send_text(" and two" + ENTER + "line three" + ENTER + ENTER + ESC_ENTER)
    ask = make_ask(question(QuestionType.PARAGRAPH), default="line one")
    # Once changed, Enter is a new line again; blank lines left at the end are dropped.
    assert prompter.ask(ask) == "line one and two\nline three"


@pytest.mark.timeout(10)
def test_blank_lines_typed_before_a_paragraph_are_dropped(
    prompter: QuestionaryPrompter, keys: PipeInput
) -> None:
    # A walk found them saved: Enter pressed a few times before typing the signals.
    keys.send_text(ENTER + ENTER + "Asked for a quote" + ENTER + "for two sites" + ESC_ENTER)
    ask = make_ask(question(QuestionType.PARAGRAPH))
    assert prompter.ask(ask) == "Asked for a quote\nfor two sites"


# --- back one question, and where the walk is ------------------------------------------------

EVERY_STEP_PROMPT: dict[str, Callable[[QuestionaryPrompter], object]] = {
    "text": lambda p: p.ask(make_ask(question(QuestionType.TEXT))),
    "paragraph": lambda p: p.ask(make_ask(question(QuestionType.PARAGRAPH))),
    "choice": lambda p: p.ask(make_ask(question(QuestionType.CHOICE))),
    "choices": lambda p: p.ask(make_ask(question(QuestionType.CHOICES))),
    "yesno": lambda p: p.ask(make_ask(question(QuestionType.YESNO))),
    "item": lambda p: p.ask(item_ask(question(QuestionType.LIST), 2, can_finish=True)),
    "confirm": lambda p: p.confirm("test.more", "More?", True),
}


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kind", sorted(EVERY_STEP_PROMPT))
def test_shift_tab_asks_to_go_back(
    prompter: QuestionaryPrompter, keys: PipeInput, kind: str
) -> None:
    keys.send_text("x" + SHIFT_TAB)
    with pytest.raises(BackRequested):
        EVERY_STEP_PROMPT[kind](prompter)


@pytest.mark.timeout(10)
def test_the_review_menu_has_no_back_key(prompter: QuestionaryPrompter, keys: PipeInput) -> None:
    keys.send_text(SHIFT_TAB + DOWN + ENTER)
    assert prompter.choose("review", "Save?", [("save", "Save"), ("change", "Change")]) == "change"


@pytest.mark.timeout(10)
def test_the_hint_line_shows_the_step_the_back_key_and_how_to_stop(keys: PipeInput) -> None:
    prompter, screen = _screen(keys)
    with _once_shown(screen, "Ctrl-C", keys, "Acme" + ENTER):
        prompter.ask(make_ask(question(QuestionType.TEXT), progress=(3, 7)))
    shown = screen.getvalue()
    assert "step 3/7" in shown
    assert "Shift+Tab: back" in shown
    assert "Ctrl-C" in shown


@pytest.mark.timeout(10)
def test_the_paragraph_hint_says_how_to_finish_at_80_columns(keys: PipeInput) -> None:
    prompter, screen = _screen(keys, "fr")
    with _once_shown(screen, "Ctrl-C", keys, "Texte" + ESC_ENTER):
        prompter.ask(make_ask(question(QuestionType.PARAGRAPH)))
    flat = " ".join(screen.getvalue().split())
    assert "Échap puis Entrée (ou Alt+Entrée) : terminer" in flat


def test_step_title_carries_its_progress(written: list[str]) -> None:
    prompter = QuestionaryPrompter(input=None, output=DummyOutput(), write=written.append)
    prompter.step("Objectives", None, (3, 7))
    heading = next(line for line in written if line.startswith("Objectives"))
    assert heading.endswith("step 3/7")
    assert len(heading) <= 80


def test_guidance_and_help_are_wrapped_between_words(keys: PipeInput, written: list[str]) -> None:
    prompter = QuestionaryPrompter(input=keys, output=DummyOutput(), write=written.append)
    guidance = "A talented rep who prepared beats a talented rep who did not hope " * 4
    prompter.step("Account", guidance)
    lines = "\n".join(written).splitlines()
    assert all(len(line) < 80 for line in lines)
    words = set(guidance.split())
    for line in lines[3:]:
        assert set(line.split()) <= words  # no word is cut in two


def test_wrap_keeps_a_list_item_s_hanging_indent() -> None:
    text = "- " + "word " * 30
    lines = wrap(text, 40, "  ").splitlines()
    assert lines[0].startswith("  - word")
    assert all(line.startswith("    word") for line in lines[1:])


def test_the_hint_line_breaks_only_between_its_parts() -> None:
    parts = ["Enter: new line", "Esc then Enter: finish", "step 5/19", "Shift+Tab: back"]
    assert pack(parts, 40).splitlines() == [
        "Enter: new line · Esc then Enter: finish",
        "step 5/19 · Shift+Tab: back",
    ]


def test_a_long_step_title_is_wrapped_and_underlined_to_the_width(written: list[str]) -> None:
    prompter = QuestionaryPrompter(input=None, output=DummyOutput(), write=written.append)
    title = "Know the origin of the project, the size of the budget and the decision calendar"
    prompter.step(title, None)
    lines = "\n".join(written).splitlines()
    assert all(len(line) < 80 for line in lines)
    assert lines[-1] == "=" * max(len(line) for line in lines[1:-1])


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kind", [QuestionType.TEXT, QuestionType.CHOICE, QuestionType.YESNO])
def test_a_long_question_wraps_between_words_at_80_columns(
    keys: PipeInput, kind: QuestionType
) -> None:
    prompter, screen = _screen(keys, "fr")
    long = "Ce qu'il faut pour votre offre — périmètre, délais, budget, cycle de décision et suite"
    with _once_shown(screen, "Ctrl-C", keys, "o" if kind == QuestionType.YESNO else ENTER):
        prompter.ask(make_ask(question(kind).model_copy(update={"prompt": long})))
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    # The question breaks after a whole word, its next line under the text past "? ".
    assert "cycle de décision\r\n  et suite" in shown


@pytest.mark.timeout(10)
def test_a_hint_that_does_not_fit_after_the_question_goes_under_it(keys: PipeInput) -> None:
    prompter, screen = _screen(keys, "fr")
    long = "Dans quelle phase de maturation est le projet maintenant, à votre avis ?"
    with _once_shown(screen, "Ctrl-C", keys, ENTER):
        prompter.ask(make_ask(question(QuestionType.CHOICE).model_copy(update={"prompt": long})))
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert f"{long}\r\n  (↑↓, Entrée)" in shown  # whole, on a line of its own
    assert f"{long}\r\n  Discovery" in shown  # and so is the answer once chosen


@pytest.mark.timeout(10)
def test_after_the_walk_a_yes_no_has_no_back_key_and_no_step(keys: PipeInput) -> None:
    prompter, screen = _screen(keys)
    prompter.step("Next steps", None, (5, 5))
    keys.send_text(SHIFT_TAB + "n")  # Shift+Tab: nothing to go back to once the debrief is saved
    assert prompter.confirm("recap", "Draft the recap now?", True) is False
    shown = screen.getvalue()
    assert "Draft the recap now?" in shown
    assert "step 5/5" not in shown and "Shift+Tab" not in shown


@pytest.mark.timeout(10)
def test_a_prompt_that_cannot_go_back_ignores_shift_tab_and_does_not_offer_it(
    keys: PipeInput,
) -> None:
    prompter, screen = _screen(keys)
    keys.send_text(SHIFT_TAB + "Ask what it is compared to" + ENTER)  # a drill's first question
    ask = make_ask(question(QuestionType.TEXT), back=False)
    assert prompter.ask(ask) == "Ask what it is compared to"
    assert "Shift+Tab" not in screen.getvalue()


@pytest.mark.timeout(10)
def test_a_long_typed_answer_stays_on_screen_wrapped_between_words(keys: PipeInput) -> None:
    prompter, screen = _screen(keys, "fr")
    typed = "Obtenir le calendrier de décision signé par le DAF et le nom du juriste " * 2
    with _once_shown(screen, "Ctrl-C", keys, typed.strip() + ENTER):
        answer = prompter.ask(make_ask(question(QuestionType.TEXT)))
    assert answer == typed.strip()  # the answer is what was typed, only its echo is rewrapped
    end = screen.getvalue().rsplit("\x1b[J", 1)[-1]  # what follows the erase of the prompt
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", end).replace("\r", "").splitlines()
    assert shown[0].startswith("? ")
    assert all(len(line) <= 80 for line in shown)
    assert " ".join(line.strip() for line in shown[1:]) == typed.strip()  # no word cut in two
    assert all(line.startswith("  ") for line in shown[1:])


@pytest.mark.timeout(10)
def test_a_short_typed_answer_is_left_as_the_terminal_drew_it(keys: PipeInput) -> None:
    prompter, screen = _screen(keys, "fr")
    with _once_shown(screen, "Ctrl-C", keys, "Court" + ENTER):
        prompter.ask(make_ask(question(QuestionType.TEXT)))
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "? The question? Court" in shown  # on the question's line, as typed
    assert "\n  Court" not in shown.replace("\r", "")


def test_wrapping_never_starts_a_line_with_french_punctuation() -> None:
    text = "Sachez ce que votre prix produit chez le client et où il se situe sur le marché : ainsi"
    lines = wrap(text, 76).splitlines()
    assert lines[1].startswith("marché :")  # the colon went down with its word
    assert " ".join(lines) == text  # and the spaces are the text's own


def test_a_path_longer_than_the_line_is_never_cut() -> None:
    path = "/home/rep/salescoach/accounts/transports-giraud/2026-12-01-transports-giraud/prep.md"
    lines = wrap(f"Prep saved, 2026-12-01-transports-giraud-negotiation: {path}", 60).splitlines()
    assert path in lines  # whole on its own line: copied from the terminal, it still opens


def test_a_step_whose_walk_length_is_not_known_shows_no_total(written: list[str]) -> None:
    prompter = QuestionaryPrompter(input=None, output=DummyOutput(), write=written.append)
    prompter.step("Meeting", None, (1, None))
    prompter.step("Objectives", None, (2, 7))
    headings = [line for line in written if line.startswith(("Meeting", "Objectives"))]
    assert headings[0].endswith("step 1") and "/" not in headings[0]
    assert headings[1].endswith("step 2/7")


@pytest.mark.timeout(10)
def test_a_long_multiple_choice_echo_wraps_between_words(keys: PipeInput) -> None:
    prompter, screen = _screen(keys, "fr")
    options = [
        Option(value="talks", label="Parle plus qu'il n'écoute, en longs monologues"),
        Option(value="price", label="Défend le prix au lieu de demander par rapport à quoi"),
        Option(value="plan", label="Oublie d'annoncer son plan et de demander l'accord"),
    ]
    q = question(QuestionType.CHOICES, options=options)
    with _once_shown(screen, "Ctrl-C", keys, "a" + ENTER):  # a: tick them all
        answer = prompter.ask(make_ask(q))
    assert answer == ["talks", "price", "plan"]
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue()).replace("\r", "")
    echoed = shown.rsplit("? The question?", 1)[-1].strip("\n").splitlines()
    words = " ".join(o.label for o in options).split()
    for line in echoed[:3]:
        assert set(line.replace("·", " ").split()) <= set(words)  # no word cut in two
