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
