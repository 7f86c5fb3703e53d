"""The interface's messages exist in both languages with the same placeholders."""

from __future__ import annotations

import string

from salescoach.messages import CATALOGUE, figure, message


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


def test_counts_take_their_plural_form_in_each_language() -> None:
    assert message("en", "kept_draft", why="Interrupted", count=1, draft="d", command="c") == (
        "Interrupted: 1 answer kept in draft d. Resume with: c"
    )
    assert "3 answers kept" in message("en", "kept_draft", why="", count=3, draft="", command="")
    assert "0 answers kept" in message("en", "kept_draft", why="", count=0, draft="", command="")
    # French takes the singular for 0 and 1, holds a count to its noun with a no-break space
    # (never cut at the end of a line) and writes its thousands apart.
    said = message("fr", "kept_draft", why="Interrompu", count=0, draft="d", command="c")
    assert said.startswith("Interrompu : 0\u00a0réponse conservée dans")
    assert "2\u00a0réponses conservées" in message(
        "fr", "kept_draft", why="", count=2, draft="", command=""
    )
    assert "1\u202f035\u00a0réponses conservées" in message(
        "fr", "kept_draft", why="", count=1035, draft="", command=""
    )
    every = "report_agenda_contact_detail"
    assert "chaque jour" in message("fr", every, day="d", cadence=1, phase="p")
    assert "tous les 3\u00a0jours" in message("fr", every, day="d", cadence=3, phase="p")
    assert "every 3 days" in message("en", every, day="d", cadence=3, phase="p")


def test_no_message_marks_a_plural_with_brackets() -> None:
    for language, catalogue in CATALOGUE.items():
        for key, text in catalogue.items():
            assert "(s)" not in text and "(e)" not in text, (language, key)


def test_an_error_worded_by_the_catalogue_is_told_in_the_rep_s_language() -> None:
    from salescoach.errors import NotFoundError

    error = NotFoundError.told("no_meeting_matches", "list_shows_them", query="acme")
    assert str(error) == "no meeting matches 'acme'\n`salescoach list` shows them"
    error.hint = f"{error.hint} (and more)"
    assert error.in_language("fr") == (
        "aucun rendez-vous ne correspond à «\u00a0acme\u00a0»",
        "`salescoach list` les montre (and more)",
    )


def test_counts_are_written_as_each_language_writes_them() -> None:
    assert figure("en", 103_933) == "103,933"
    assert figure("fr", 103_933) == "103\u202f933"  # a narrow no-break space, never a comma
    assert figure("fr", 999) == "999"
    shown = message("fr", "records_shown", shown=50, total=figure("fr", 1_035))
    assert shown == "50\u00a0enregistrements affichés sur 1\u202f035 ; --limit 0 les montre tous."
    one = message("fr", "search_more", shown=1, total=figure("fr", 4))
    assert one.startswith("1\u00a0enregistrement affiché sur 4 ;")
