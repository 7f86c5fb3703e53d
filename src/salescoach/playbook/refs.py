"""Answer references, parsed in one place: ``type``, ``meeting.type``, ``prep.opa.objectives``,
``account.phase``.

A reference names where a value comes from:

- ``question`` — an answer of the playbook being walked (or a sub-answer of the group entry
  being asked);
- ``playbook.question`` — an answer of another playbook of the same session;
- ``prep.playbook.question`` (or ``prep.question``) — an answer of the prep, seen by its debrief;
- ``account.name`` — what is known about the account (its last phase, open next steps…).

A reference of one word is always local: a question may be called ``account`` or ``prep``.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Source = Literal["answers", "prep", "account"]
CONTEXTS: tuple[Source, ...] = ("prep", "account")
"""The prefixes that read the session's context rather than its answers."""


class AnswerRef(NamedTuple):
    """A parsed reference: its ``source`` and the ``path`` under it (the prefix left out)."""

    text: str
    source: Source
    path: tuple[str, ...]

    @property
    def local(self) -> bool:
        """One word: a question of the playbook being walked (or of the group entry)."""
        return self.source == "answers" and len(self.path) == 1

    @property
    def playbook(self) -> str | None:
        """The playbook named (``None`` for a local question or the account)."""
        if self.source == "account" or len(self.path) < 2:
            return None
        return self.path[0]

    @property
    def question(self) -> str:
        """The question id named (the account fact for ``account.…``)."""
        if self.source == "account":
            return ".".join(self.path)
        return self.path[0] if len(self.path) == 1 else self.path[1]

    def playbook_or(self, current: str) -> str:
        """The playbook named, else ``current`` (the one the reference is written in)."""
        return self.playbook or current


def parse_ref(text: str) -> AnswerRef:
    """Parse an answer reference (see the module docstring); it never fails."""
    parts = tuple(text.split("."))
    if len(parts) > 1 and parts[0] in CONTEXTS:
        source: Source = "prep" if parts[0] == "prep" else "account"
        return AnswerRef(text, source, parts[1:])
    return AnswerRef(text, "answers", parts)


LAST_ANSWER = "account.last"
"""``default_from: account.last``: the question's own last answer for this account."""


def default_source(default_from: str, playbook_id: str, question_id: str) -> str:
    """Where a ``default_from`` reads: ``account.last`` becomes the question's own last answer,
    ``account.last.<playbook>.<question>`` in the account context."""
    if default_from == LAST_ANSWER:
        return f"{LAST_ANSWER}.{playbook_id}.{question_id}"
    return default_from
