"""The interface's messages exist in both languages with the same placeholders."""

from __future__ import annotations

import string

from salescoach.messages import CATALOGUE, message


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_exists_in_french_and_english_with_the_same_placeholders() -> None:
    assert set(CATALOGUE["fr"]) == set(CATALOGUE["en"])
    for key, english in CATALOGUE["en"].items():
        assert _fields(CATALOGUE["fr"][key]) == _fields(english), key


def test_unknown_language_falls_back_to_english() -> None:
    assert message("de", "save") == "Save"
    assert message("fr", "save") == "Enregistrer"


def test_answer_errors_speak_the_rep_s_language() -> None:
    from salescoach.playbook.model import Question
    from salescoach.playbook.values import AnswerValueError, coerce

    question = Question(id="budget", type="number", prompt="Budget?", min=0)
    try:
        coerce(question, "beaucoup")
    except AnswerValueError as error:
        assert str(error) == "`beaucoup` is not a number"
        assert error.in_language("fr") == "« beaucoup » n'est pas un nombre"
    else:  # pragma: no cover - the coercion must refuse
        raise AssertionError("coerce accepted text as a number")
