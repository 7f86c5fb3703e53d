"""The prompts as a rep in a hurry uses them, in a real terminal: nothing typed is ever lost.

A closed terminal or a ``kill`` keeps a draft like Ctrl-C; Ctrl-C inside a list or a group keeps
the items typed; Shift+Tab goes back one question; ``n`` then Enter does not answer the next
prompt; the review screen and ``edit`` offer the current value, which Enter keeps; in French the
yes/no is ``o``/``n`` echoed "Oui"/"Non" and ``+3j`` is a date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import signal
from pathlib import Path
from typing import Any

import pexpect
import pytest

from salescoach.store.drafts import Drafts
from salescoach.store.repository import Repository
from tests.cli.helpers import salescoach
from tests.e2e.test_edit import Keeper
from tests.e2e.test_terminal import (
    CLEAR_LINE,
    DOWN,
    ENTER,
    _save_at_review,
    _script,
    _spawn,
    _walk,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

CTRL_C = "\x03"
SHIFT_TAB = "\x1b[Z"
HINT = "Ctrl-C: stop"
"""The end of the hint line: drawn by the prompt itself, so the terminal is ready for keys."""


_BETWEEN = r"(?:\x1b\[[0-9;?]*[A-Za-z]|\s)*"
"""Spaces and the colour changes a prompt draws between its question, hint and offered value."""


def _shown(*parts: str) -> str:
    """A pattern for text drawn in parts: ``_shown("Role", "Sponsor")`` for a value offered."""
    return _BETWEEN.join(re.escape(part) for part in parts)


def _answer(child: pexpect.spawn, prompt: str | tuple[str, ...], keys: str) -> None:
    """Wait for a prompt (and its hint line, so no key reaches the terminal too early), type."""
    child.expect(_shown(*((prompt,) if isinstance(prompt, str) else prompt)))
    child.expect(re.escape(HINT))
    child.send(keys)


def _stopped(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return child.before or ""


def _only_draft(home: Path) -> dict[str, dict[str, object]]:
    (draft,) = Drafts(home).list()
    return draft.answers


def _contacts_then_type(child: pexpect.spawn) -> None:
    _answer(child, "Name", "Claire Martin" + ENTER)
    _answer(child, "Role", "Head of supply chain" + ENTER)
    _answer(child, "add another?", "n" + ENTER)  # the Enter is the yes/no's own


@pytest.mark.parametrize("sent", [signal.SIGHUP, signal.SIGTERM])
def test_a_closed_terminal_or_a_kill_mid_prep_keeps_a_draft(
    isolated_home: Path, sent: signal.Signals
) -> None:
    child = _spawn(isolated_home, "prep", "ACME", "--type", "negotiation")
    _contacts_then_type(child)
    _answer(child, "When is it?", "")
    child.kill(sent)
    _stopped(child)
    assert child.exitstatus == 128 + sent
    answers = _only_draft(isolated_home)
    assert answers["meeting"] == {
        "account": "ACME",
        "contacts": [{"name": "Claire Martin", "role": "Head of supply chain"}],
        "type": "negotiation",  # given up front, kept though it was never asked
    }


def test_n_then_enter_answers_only_the_yes_no_and_shift_tab_goes_back(
    isolated_home: Path,
) -> None:
    child = _spawn(isolated_home, "prep", "ACME")
    _contacts_then_type(child)
    # Had the Enter gone on, the type would be "Presentation" and the date asked by now.
    _answer(child, "What kind of meeting is it?", SHIFT_TAB)
    # Its hint line says where it is in the walk; no total while the type is not chosen.
    assert "step 2 · " in (child.before or "")
    # Back one question: "add another?" again, its answer (no) as the default.
    _answer(child, ("add another?", "(y/N)"), SHIFT_TAB)
    _answer(child, ("Role", "Head of supply chain"), CLEAR_LINE + "Sponsor" + ENTER)
    _answer(child, "add another?", ENTER)
    _answer(child, "What kind of meeting is it?", DOWN * 3 + ENTER)
    _answer(child, "When is it?", CTRL_C)
    _stopped(child)
    assert child.exitstatus == 130
    answers = _only_draft(isolated_home)
    assert answers["meeting"]["contacts"] == [{"name": "Claire Martin", "role": "Sponsor"}]
    assert answers["meeting"]["type"] == "negotiation"


def test_ctrl_c_inside_a_group_keeps_the_entries_typed(isolated_home: Path) -> None:
    child = _spawn(isolated_home, "prep", "ACME")
    _answer(child, "Name", "Claire Martin" + ENTER)
    _answer(child, "Role", "Sponsor" + ENTER)
    _answer(child, "add another?", "y")
    _answer(child, "Name", "Paul Girard" + ENTER)
    _answer(child, "Role", CTRL_C)
    _stopped(child)
    assert _only_draft(isolated_home)["meeting"]["contacts"] == [
        {"name": "Claire Martin", "role": "Sponsor"},
        {"name": "Paul Girard"},
    ]


def test_ctrl_c_inside_a_list_keeps_the_items_and_resume_offers_them(
    isolated_home: Path,
) -> None:
    child = _spawn(isolated_home, "prep", "ACME", "--type", "discovery")
    _contacts_then_type(child)
    _answer(child, "When is it?", "+3d" + ENTER)
    _answer(child, "At what time?", ENTER)  # optional: Enter skips it
    _answer(child, "Which maturation phase", "3" + ENTER)
    _answer(child, "item 1", "Get the decision calendar" + ENTER)
    _answer(child, "item 2", "Meet the budget owner" + ENTER)
    _answer(child, "item 3", CTRL_C)
    _stopped(child)
    objectives = ["Get the decision calendar", "Meet the budget owner"]
    assert _only_draft(isolated_home)["meeting"]["objectives"] == objectives
    assert _only_draft(isolated_home)["meeting"]["phase"] == "phase-3"

    (draft,) = Drafts(isolated_home).list()
    child = _spawn(isolated_home, "resume", draft.id)
    _answer(child, ("item 1", "Get the decision calendar"), ENTER)  # offered again: Enter keeps
    _answer(child, ("item 2", "Meet the budget owner"), ENTER)
    _answer(child, "item 3", CTRL_C)
    _stopped(child)
    assert _only_draft(isolated_home)["meeting"]["objectives"] == objectives


def test_changing_an_answer_at_the_review_screen_then_enter_keeps_it(
    isolated_home: Path,
) -> None:
    prompts, answers = _script("prep-flow", {"meeting": {"account": "ACME"}}, {"account": {}})
    child = _spawn(isolated_home, "prep", "ACME", "--depth", "full")  # the script's depth
    list(_walk(child, prompts))
    child.expect("Review — save this prep")
    child.send(DOWN + ENTER)  # Change an answer
    child.expect("Which answer")
    child.send(DOWN + ENTER)  # the second: the contacts
    _answer(child, ("Name", "Claire Martin"), ENTER)
    _answer(child, ("Role", "Head of supply chain"), ENTER)
    _answer(child, ("E-mail address", "claire.martin@"), ENTER)  # asked at full depth
    _answer(child, ("add another?", "(y/N)"), ENTER)
    _save_at_review(child, "prep")  # and nothing else was asked again
    (record,) = list(Repository(isolated_home).scan(kind="prep"))
    assert record.answers == answers  # type: ignore[union-attr]


def _example_prep(tmp_path: Path, home: Path) -> str:
    examples = salescoach(
        "prep", "ACME", "--type", "negotiation", "--depth", "full", "--example-answers"
    )
    answers_file = tmp_path / "a.yaml"
    answers_file.write_text(examples.stdout, encoding="utf-8")
    saved = salescoach("prep", "--answers", str(answers_file), "--no-input", "--depth", "full")
    assert saved.returncode == 0
    (record,) = list(Repository(home).scan(kind="prep"))
    return record.meeting  # type: ignore[union-attr]


def test_an_interrupted_edit_resumes_with_the_record_s_answers_as_defaults(
    tmp_path: Path, isolated_home: Path
) -> None:
    from salescoach.playbook.library import Library, search_path
    from salescoach.session.engine import Session

    meeting = _example_prep(tmp_path, isolated_home)
    record = Repository(isolated_home).load(meeting, "prep")
    keeper = Keeper([])
    session = Session(
        Library.load("en", search_path("en")),
        "prep-flow",
        keeper,
        prefill=record.answers,
        context={"account": {}},
        edit=True,
    )
    expected = session.run()
    stop = next(i for i, p in enumerate(keeper.prompts) if p.text.startswith("What kind"))

    child = _spawn(isolated_home, "edit", meeting)
    list(_walk(child, keeper.prompts[:stop]))
    _answer(child, "What kind of meeting is it?", CTRL_C)
    _stopped(child)
    assert child.exitstatus == 130
    (draft,) = Drafts(isolated_home).list()
    assert draft.answers == record.answers  # everything kept, not only what was walked

    child = _spawn(isolated_home, "resume", draft.id)
    list(_walk(child, keeper.prompts[stop:]))  # edit goes on from there, Enter keeping each
    _save_at_review(child, "prep")
    shown = json.loads(salescoach("show", meeting, "--json").stdout)
    assert shown["prep"]["answers"] == expected
    assert Drafts(isolated_home).list() == []


def test_a_bad_type_given_up_front_is_asked_again(isolated_home: Path) -> None:
    child = _spawn(isolated_home, "prep", "ACME", "--type", "bogus")
    _answer(child, "Name", "Claire Martin" + ENTER)
    _answer(child, "Role", ENTER)
    _answer(child, "add another?", "n")
    child.expect("`bogus` is not one of the choices")
    _answer(child, "What kind of meeting is it?", DOWN * 2 + ENTER)
    _answer(child, "When is it?", CTRL_C)
    _stopped(child)
    assert _only_draft(isolated_home)["meeting"]["type"] == "discovery"


def test_french_yes_no_and_dates(isolated_home: Path) -> None:
    child = _spawn(isolated_home, "--lang", "fr", "prep", "ACME")
    hint = "Ctrl-C : arrêter"
    for prompt, keys, echo in [
        (("Nom",), "Claire Martin" + ENTER, None),
        (("Fonction",), ENTER, None),
        (("en ajouter encore ?", "(o/N)"), "o" + ENTER, ("en ajouter encore ?", "Oui")),
        (("Nom",), "Paul Girard" + ENTER, None),
        (("Fonction",), ENTER, None),
        (("en ajouter encore ?",), "n", ("en ajouter encore ?", "Non")),
        (("De quel type",), DOWN * 2 + ENTER, None),
        (("Quand a-t-il lieu",), "+3j" + ENTER, None),
        (("À quelle heure",), ENTER, None),
        (("phase de maturation",), CTRL_C, None),
    ]:
        child.expect(_shown(*prompt))
        child.expect(re.escape(hint))
        child.send(keys)
        if echo:
            child.expect(_shown(*echo))
    _stopped(child)
    answers: dict[str, Any] = _only_draft(isolated_home)["meeting"]
    assert answers["date"] == (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert [contact["name"] for contact in answers["contacts"]] == ["Claire Martin", "Paul Girard"]
