"""The ``time`` question type: what a rep may type, what is stored (``HH:MM``)."""

from __future__ import annotations

import pytest

from salescoach.playbook.model import Question, QuestionType
from salescoach.playbook.values import AnswerValueError, coerce

TIME = Question(id="time", type=QuestionType.TIME, prompt="At what time?")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("14:30", "14:30"),
        ("9:05", "09:05"),
        ("14h30", "14:30"),
        ("14h", "14:00"),
        ("2pm", "14:00"),
        ("2:30 pm", "14:30"),
        ("12am", "00:00"),
        ("  08.15 ", "08:15"),
    ],
)
def test_typed_times_are_stored_as_hh_mm(typed: str, stored: str) -> None:
    assert coerce(TIME, typed) == stored


@pytest.mark.parametrize("typed", ["14", "25:00", "12:75", "13pm", "noon", "14:3"])
def test_other_input_is_refused_in_both_languages(typed: str) -> None:
    with pytest.raises(AnswerValueError) as caught:
        coerce(TIME, typed)
    assert "HH:MM" in str(caught.value) and "HH:MM" in caught.value.in_language("fr")


def test_no_time_is_no_answer() -> None:
    assert coerce(TIME, "  ") is None
