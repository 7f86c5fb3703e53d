"""Answer references: one parser for every reader (engine, loader, library, lint, sheet)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.playbook.refs import parse_ref


@pytest.mark.parametrize(
    ("text", "source", "playbook", "question", "local"),
    [
        ("type", "answers", None, "type", True),
        ("meeting.type", "answers", "meeting", "type", False),
        ("prep.opa.objectives", "prep", "opa", "objectives", False),
        ("prep.objectives", "prep", None, "objectives", False),
        ("account.phase", "account", None, "phase", False),
        ("account.open_next_steps", "account", None, "open_next_steps", False),
        ("account", "answers", None, "account", True),  # one word: a local question
        ("prep", "answers", None, "prep", True),
    ],
)
def test_what_a_reference_names(
    text: str, source: str, playbook: str | None, question: str, local: bool
) -> None:
    parsed = parse_ref(text)
    assert (parsed.source, parsed.playbook, parsed.question, parsed.local) == (
        source,
        playbook,
        question,
        local,
    )


def test_a_local_reference_belongs_to_the_playbook_it_is_written_in() -> None:
    assert parse_ref("type").playbook_or("meeting") == "meeting"
    assert parse_ref("opa.plan").playbook_or("meeting") == "opa"


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-0123456789", min_size=1, max_size=8)


@settings(deadline=None)
@given(st.lists(WORD, min_size=1, max_size=4))
def test_the_path_and_its_prefix_give_the_text_back(words: list[str]) -> None:
    text = ".".join(words)
    parsed = parse_ref(text)
    prefix = () if parsed.source == "answers" else (parsed.source,)
    assert ".".join((*prefix, *parsed.path)) == text
