"""The review screen: before saving, change any answer or discard — questionary cannot go back.

Changing an answer is a new walk with every other answer prefilled: only that question is asked
again, plus whatever its new value brings into play (a condition that now holds).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from salescoach.messages import message
from salescoach.playbook.values import is_empty
from salescoach.session.engine import Session
from salescoach.session.prompter import Prompter

SAVE, CHANGE, DISCARD, BACK = "save", "change", "discard", "back"
LABEL_WIDTH = 70


def answered_questions(session: Session) -> list[tuple[str, str]]:
    """``(answer id, "Prompt — answer")`` for every top-level answer, in the order asked."""
    rows: list[tuple[str, str]] = []
    for entry in session.used:
        space = session.answers.get(entry.id, {})
        for question in entry.playbook.questions():
            value = space.get(question.id)
            if is_empty(value):
                continue
            label = _label(question.prompt, value, session.language)
            rows.append((f"{entry.id}.{question.id}", label))
    return rows


def _label(prompt: str, value: Any, language: str) -> str:
    if isinstance(value, list):
        shown = message(language, "items_count", count=len(value))
    elif isinstance(value, bool):
        shown = message(language, "yes" if value else "no")
    else:
        shown = " ".join(str(value).split())
    text = f"{prompt.rstrip(' ?:')} — {shown}"
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "…"


def without(answers: dict[str, dict[str, Any]], answer_id: str) -> dict[str, dict[str, Any]]:
    """A copy of the answers without one answer id (``namespace.question``)."""
    namespace, _, question_id = answer_id.partition(".")
    copy = {ns: dict(space) for ns, space in answers.items()}
    copy.get(namespace, {}).pop(question_id, None)
    return copy


def review(session: Session, prompter: Prompter, kind: str) -> Session | None:
    """Loop on the review menu; the session to save, or None when the rep discards."""

    def say(key: str) -> str:
        return message(session.language, key, kind=message(session.language, kind))

    while True:
        action = prompter.choose(
            "review",
            say("review"),
            [(SAVE, say("save")), (CHANGE, say("change")), (DISCARD, say("discard"))],
        )
        if action == SAVE:
            return session
        if action == DISCARD:
            if prompter.confirm("review.discard", say("discard_confirm"), False):
                return None
            continue
        picked = prompter.choose(
            "review.change",
            say("which_answer"),
            [*answered_questions(session), (BACK, say("back"))],
        )
        if picked == BACK:
            continue
        again = replace(
            session,
            prefill=without(session.answers, picked),
            # Asked whatever the depth; a known answer, once changed, is the rep's own.
            force=session.force | {picked},
            carried={k: v for k, v in session.carried.items() if k != picked},
            answers={},
            used=[],
            dropped=[],
            _missing=[],
            _invalid=[],
        )
        again.run()
        session = again
