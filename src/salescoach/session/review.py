"""The review screen: before saving, change any answer or discard — questionary cannot go back.

Changing an answer is a new walk with every answer prefilled: only that question is asked again,
its current value as the default (Enter keeps it), plus whatever its new value brings into play (a
condition that now holds). Optional questions the rep left unanswered are not asked again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from salescoach.messages import message
from salescoach.playbook.values import is_empty
from salescoach.session.engine import Session
from salescoach.session.prompter import BackRequested, Prompter

SAVE, CHANGE, DISCARD, BACK = "save", "change", "discard", "back"
LABEL_WIDTH = 70


def answered_questions(session: Session) -> list[tuple[str, str]]:
    """``(answer id, "Prompt — answer")`` for every top-level answer, in the order asked.

    A choice shows its option's label, as it was picked ("Discovery", not ``discovery``).
    """
    rows: list[tuple[str, str]] = []
    for entry in session.used:
        space = session.answers.get(entry.id, {})
        for question in entry.playbook.questions():
            value = space.get(question.id)
            if is_empty(value):
                continue
            labels = {o.value: o.label or o.value for o in session.library.options(question)}
            if isinstance(value, list) and labels and all(isinstance(v, str) for v in value):
                # Labels are often sentences ("It's too expensive."): no comma after their stop.
                value = " · ".join(str(labels.get(v, v)) for v in value)
            elif isinstance(value, str):
                value = labels.get(value, value)
            label = _label(question.prompt, value, session.language)
            rows.append((f"{entry.id}.{question.id}", label))
    return rows


def _label(prompt: str, value: Any, language: str) -> str:
    if isinstance(value, list):
        count = len(value)
        shown = message(language, "one_item" if count == 1 else "items_count", count=count)
    elif isinstance(value, bool):
        shown = message(language, "yes" if value else "no")
    else:
        shown = " ".join(str(value).split())
    text = f"{prompt.rstrip(' ?:')} — {shown}"
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "…"


def change(session: Session, answer_id: str) -> Session:
    """Ask one answer again, its value as the default; return the session after that walk."""
    again = replace(
        session,
        prefill={ns: dict(space) for ns, space in session.answers.items()},
        answers={},
        used=[],
        dropped=[],
        visited=set(),
        again=frozenset({answer_id}),
        # Asked whatever the depth; a known answer, once changed, is the rep's own.
        force=session.force | {answer_id},
        carried={k: v for k, v in session.carried.items() if k != answer_id},
        skip=frozenset(session.visited - {answer_id}),
        edit=False,
        edit_from=None,
        lenient=False,
        _missing=[],
        _invalid=[],
    )
    again.run()
    return again


def review(session: Session, prompter: Prompter, kind: str) -> Session | None:
    """Loop on the review menu; the session to save, or None when the rep discards."""

    def say(key: str) -> str:
        return message(session.language, key)

    while True:
        action = prompter.choose(
            "review",
            say(f"review_{kind}"),
            [(SAVE, say("save")), (CHANGE, say("change")), (DISCARD, say("discard"))],
        )
        if action == SAVE:
            return session
        if action == DISCARD:
            try:
                if prompter.confirm("review.discard", say(f"discard_confirm_{kind}"), False):
                    return None
            except BackRequested:
                pass  # back to the menu
            continue
        picked = prompter.choose(
            "review.change",
            say("which_answer"),
            [*answered_questions(session), (BACK, say("back"))],
        )
        if picked == BACK:
            continue
        session = change(session, picked)
