"""A French rep's whole prep in a real terminal, the language from the config file only.

The keys come from the French playbooks' examples (as in test_terminal), with two of them typed
the French way: the meeting date as ``+3j`` and every yes/no as ``o``/``n``, whose echo must be
"Oui"/"Non". Before saving, the review list is opened: it names each answer by its French label
("Découverte", "3 · Intérêt pour une solution"), never by its id.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pexpect
import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import QuestionType
from salescoach.session.engine import Session
from salescoach.session.prompter import Ask
from salescoach.session.review import answered_questions
from salescoach.store.repository import Repository
from tests.cli.helpers import SALESCOACH
from tests.e2e.test_terminal import CLEAR_LINE, DOWN, ENTER, TODAY, Prompt, Recorder

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

DATE_PROMPT = "Quand a-t-il lieu ?"


@dataclass
class FrenchRecorder(Recorder):
    """The recorder of test_terminal, with the French item prompt and yes/no keys."""

    def ask(self, ask: Ask) -> Any:
        value = super().ask(ask)
        assert self.prompts is not None
        last = self.prompts[-1]
        if ask.mode == "item":
            last.text = f"{ask.question.prompt} — élément {ask.item_number}"
        elif ask.question.type == QuestionType.YESNO:
            last.keys = "o" if value else "n"
        elif ask.question.prompt == DATE_PROMPT:
            last.keys = CLEAR_LINE + "+3j" + ENTER
        return value

    def confirm(self, key: str, message: str, default: bool) -> bool:
        answer = super().confirm(key, message, default)
        assert self.prompts is not None
        self.prompts[-1].keys = "o" if answer else "n"
        return answer


def _french_script() -> tuple[list[Prompt], dict[str, Any], int]:
    """The prompts of a full French prep of ACME, the answers they give, the review's rows."""
    library = Library.load("fr", search_path("fr"))
    recorder = FrenchRecorder(prompts=[])
    session = Session(
        library,
        "prep-flow",
        recorder,
        prefill={"meeting": {"account": "ACME"}},
        context={"account": {}},
        today=TODAY,
        language="fr",
    )
    answers = session.run()
    answers["meeting"]["date"] = (TODAY + dt.timedelta(days=3)).isoformat()  # typed as +3j
    return recorder.prompts or [], answers, len(answered_questions(session))


def test_a_french_prep_end_to_end(isolated_home: Path, tmp_path: Path) -> None:
    prompts, answers, rows = _french_script()
    assert any(p.keys in ("o", "n") for p in prompts)  # the walk has yes/no questions
    config = tmp_path / "french.yaml"
    config.write_text("lang: fr\n", encoding="utf-8")
    child = pexpect.spawn(
        str(SALESCOACH),
        ["prep", "ACME", "--depth", "full"],
        env={
            **os.environ,
            "SALESCOACH_HOME": str(isolated_home),
            "SALESCOACH_CONFIG": str(config),
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm",
        },
        encoding="utf-8",
        timeout=45,
        dimensions=(60, 400),
    )
    echoed = 0
    for prompt in prompts:
        if prompt.marker:
            child.expect(re.escape(prompt.marker[:40]))
        child.expect(re.escape(prompt.text[:40]))
        child.send(prompt.keys)
        if prompt.keys in ("o", "n"):
            child.expect(
                re.escape(prompt.text[:30]) + r".*?" + ("Oui" if prompt.keys == "o" else "Non")
            )
            echoed += 1
    assert echoed

    child.expect(re.escape("Relecture — enregistrer cette préparation ?"))
    child.send(DOWN + ENTER)  # Modifier une réponse
    child.expect(re.escape("Quelle réponse ?"))
    child.expect(re.escape("(retour)"))
    review = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before or "")
    date = (TODAY + dt.timedelta(days=3)).isoformat()
    for row in (
        f"Quand a-t-il lieu — {date}",
        "De quel type de rendez-vous s'agit-il — Découverte",
        "Dans quelle phase de maturation est le projet — 3 · Intérêt pour une",
        "Que doit obtenir ce rendez-vous — 2 éléments",
    ):
        assert row in review
    for meeting_id in ("discovery", "phase-3", "items", "item"):
        assert f"— {meeting_id}" not in review
    child.send(DOWN * rows + ENTER)  # (retour): back to the menu
    child.expect(re.escape("Relecture — enregistrer cette préparation ?"))
    child.send(ENTER)
    child.expect("Préparation enregistrée")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before

    (prep,) = list(Repository(isolated_home).scan(kind="prep"))
    assert not isinstance(prep, Exception)
    assert prep.language == "fr"  # type: ignore[union-attr]
    assert prep.answers == answers  # type: ignore[union-attr]
