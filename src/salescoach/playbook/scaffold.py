"""Files a trainer starts from: a commented new playbook, or a copy of a built-in to edit.

Nothing here writes: functions return paths and text, and the CLI writes them with the atomic
helper. A team directory mirrors the built-ins: playbooks, and ``playbook.schema.json`` beside
them, which the first line of every playbook points to so editors complete and check.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from salescoach.errors import Problem, SalescoachError
from salescoach.playbook.library import Entry
from salescoach.playbook.model import IDENTIFIER, Kind
from salescoach.playbook.schema import SCHEMA_FILE

SCHEMA_LINE = "# yaml-language-server: $schema={}"
_SCHEMA_LINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=.*$")


def check_id(playbook_id: str) -> str:
    """The id, if it is a valid playbook id; else an error saying what one looks like."""
    if not re.fullmatch(IDENTIFIER, playbook_id) or len(playbook_id) > 64:
        raise SalescoachError(
            f"`{playbook_id}` is not a valid playbook id",
            hint="use lower case letters, digits, `_` and `-`, starting with a letter "
            "(e.g. deal-review)",
        )
    return playbook_id


def title_from_id(playbook_id: str) -> str:
    """A first title for a new playbook: ``deal-review`` → ``Deal review``."""
    words = re.split(r"[-_]+", playbook_id)
    return " ".join(words).capitalize()


def target_file(directory: Path, playbook_id: str, language: str) -> Path:
    """Where a playbook goes in a team directory.

    ``DIR/<lang>/<id>.yaml`` when the directory is laid out by language (like the built-ins) or
    when ``DIR/<id>.yaml`` already holds another language's version; else ``DIR/<id>.yaml``.
    """
    by_language = directory / language / f"{playbook_id}.yaml"
    if (directory / language).is_dir():
        return by_language
    flat = directory / f"{playbook_id}.yaml"
    if flat.exists() and not _has_language(flat, language):
        return by_language
    return flat


def _has_language(path: Path, language: str) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return (
        re.search(rf"(?m)^language:\s*[\"']?{re.escape(language)}[\"']?\s*(#.*)?$", text)
        is not None
    )


def schema_reference(directory: Path, playbook_file: Path) -> str:
    """The ``$schema=`` value for a playbook file: the directory's schema file, relatively."""
    relative = os.path.relpath(directory / SCHEMA_FILE, playbook_file.parent)
    return Path(relative).as_posix()


def with_schema_line(text: str, reference: str) -> str:
    """``text`` whose first line points at ``reference`` (replacing a schema line if present)."""
    line = SCHEMA_LINE.format(reference)
    first, newline, rest = text.partition("\n")
    if _SCHEMA_LINE.match(first):
        return f"{line}\n{rest}" if newline else f"{line}\n"
    return f"{line}\n{text}"


def new_playbook_text(playbook_id: str, kind: Kind, language: str, schema_ref: str) -> str:
    """A commented starting playbook of ``kind`` that validates as it is."""
    body = _TEMPLATES[kind].format(
        id=playbook_id, title=title_from_id(playbook_id), language=language
    )
    return with_schema_line(_HEADER.format(kind=kind) + body, schema_ref)


@dataclass(frozen=True)
class EditTarget:
    """The file ``edit`` opens, and the built-in it is first copied from (if any)."""

    path: Path
    copy_from: Entry | None = None


def edit_target(entry: Entry, directory: Path | None, explicit_dir: bool) -> EditTarget:
    """Edit a trainer's file in place; copy a built-in (or, with ``--dir``, any file) first."""
    if entry.source.origin != "built-in" and not explicit_dir:
        return EditTarget(entry.path)
    if directory is None:
        raise SalescoachError(
            f"`{entry.id}` is a built-in playbook, and there is no playbook directory of your own "
            "to copy it to",
            hint="give one: salescoach playbook edit "
            f"{entry.id} --dir DIR (then use it with --playbooks DIR, $SALESCOACH_PLAYBOOKS "
            "or `playbooks:` in the config file)",
        )
    path = target_file(directory, entry.id, entry.playbook.language)
    if path.exists() or path.resolve() == entry.path.resolve():
        return EditTarget(path)
    return EditTarget(path, entry)


def copy_text(entry: Entry, directory: Path, path: Path) -> str:
    """The text of a copy of ``entry``'s file at ``path``, its schema line pointing at the copy's
    directory."""
    text = entry.path.read_text(encoding="utf-8")
    return with_schema_line(text, schema_reference(directory, path))


def edit_until_valid(
    path: Path,
    open_editor: Callable[[Path], None],
    check: Callable[[Path], list[Problem]],
    reopen: Callable[[list[Problem]], bool],
) -> list[Problem]:
    """Open the editor, check on close, and reopen while there are problems and the user wants.

    Returns the problems left (empty when the file is valid).
    """
    while True:
        open_editor(path)
        problems = check(path)
        if not problems or not reopen(problems):
            return problems


_HEADER = """\
# A {kind} playbook. Check it as you go:
#   salescoach playbook validate FILE   errors, with line and column
#   salescoach playbook lint FILE       warnings (missing help, unreachable questions...)
#   salescoach playbook preview ID      what a rep gets, walked with the examples below
# Every field is described in the trainer's guide (docs/playbooks.md); the schema on the first
# line lets your editor complete and check fields as you type.
"""

_PREP = """\
id: {id}
kind: prep
title: {title}            # the section title on the prep sheet
language: {language}
version: 1                # bump it when you change questions: every record keeps the version
summary: >-
  One or two sentences: what this playbook makes the rep think about before the meeting.
source: Where the method comes from (a book, a training, your team's experience).
steps:
  - id: situation
    title: The situation
    guidance: >-
      Shown before the questions of the step: the method's advice in a few lines.
    questions:
      - id: stakes
        # Types: text (one line), paragraph, choice, choices, yesno, number, scale, date,
        # list (several lines of text), group (a repeatable set of sub-questions).
        type: paragraph
        prompt: What is at stake for the client?
        help: The line of advice shown under the prompt.
        required: true
        example: Their largest customer threatens to leave over late deliveries.
      - id: urgency
        type: scale
        prompt: How urgent is it for them?
        help: 1 = some day, 5 = this quarter.
        min: 1
        max: 5
        labels: {{1: Some day, 3: This year, 5: This quarter}}
        example: 4
      - id: deadline
        type: date
        prompt: By when must it be solved?
        help: A date (YYYY-MM-DD), or today, tomorrow, +3d, +2w.
        # Asked only when the condition holds. Conditions are data: equals, in, not_in,
        # answered, combined with all / any / not. They may only name earlier questions,
        # of this playbook (`urgency`) or of one walked before it in the flow (`meeting.type`).
        when: {{question: urgency, in: [4, 5]}}
        example: "2026-12-15"
  - id: plan
    title: The plan
    questions:
      - id: approach
        type: choice
        prompt: Which approach will you take?
        help: Pick the one that fits what you know today.
        options:
          - {{value: discover, label: Discover more before proposing}}
          - {{value: propose, label: Make a proposal}}
        example: discover
      - id: questions_to_ask
        type: list
        prompt: Which questions will you ask?
        help: One per line; an empty line finishes.
        min_items: 1
        max_items: 5
        max_length: 200
        example:
          - Who else takes part in the decision?
      - id: expected_objections
        type: choices
        prompt: Which objections do you expect?
        help: From the objection library (a reference playbook).
        choices_from: {{reference: objections}}
        example: [price-too-high]
      - id: answers
        type: paragraph
        prompt: How will you answer it?
        help: A question back first, then proof, and a counterpart for any concession.
        # Asked once for each objection chosen above; the answer is a list of
        # {{item: <objection>, answer: <text>}}.
        for_each: {{answer: expected_objections}}
        example: Ask what they compare us with, then show the three-year cost.
"""

_DEBRIEF = """\
id: {id}
kind: debrief
title: {title}            # the section title on the debrief
language: {language}
version: 1                # bump it when you change questions: every record keeps the version
summary: >-
  One or two sentences: what the rep records after the meeting.
source: Where the method comes from (a book, a training, your team's experience).
steps:
  - id: outcome
    title: Outcome
    guidance: >-
      Judge the meeting against the objectives set in the prep.
    questions:
      - id: objectives_result
        type: choice
        prompt: Did you reach this objective?
        help: Reached, partly, or not at all.
        # A debrief reads its prep's answers under `prep.`: asked once per prep objective.
        for_each: {{answer: prep.meeting.objectives}}
        options:
          - {{value: reached, label: Reached}}
          - {{value: partly, label: Partly reached}}
          - {{value: not, label: Not reached}}
        example: partly
      - id: surprise
        type: yesno
        prompt: Did anything surprise you?
        help: A new person in the room, a budget cut, a competitor you did not expect.
        example: true
      - id: surprise_detail
        type: paragraph
        prompt: What was it?
        help: In the client's own words if you can.
        when: {{question: surprise, equals: true}}
        example: The purchasing director joined for the last twenty minutes.
  - id: next
    title: Next steps
    questions:
      - id: next_steps
        type: group
        prompt: Next steps
        help: Each action with its owner and date; the agenda reminds you of them.
        min_items: 1
        max_items: 10
        questions:
          - id: action
            type: text
            prompt: Action
            required: true
            max_length: 200
            example: Send the reference visit proposal
          - id: owner
            type: choice
            prompt: Owner
            required: true
            options:
              - {{value: us, label: Us}}
              - {{value: client, label: The client}}
            example: us
          - id: due
            type: date
            prompt: Due date
            required: true
            example: "2026-12-10"
"""

_REFERENCE = """\
id: {id}
kind: reference
title: {title}
language: {language}
version: 1
summary: >-
  Data the playbooks use: its entries become a question's options with
  `choices_from: {{reference: {id}}}`, or are asked about one by one with
  `for_each: {{reference: {id}}}`.
source: Where the content comes from.
entries:
  - id: first-entry       # stored in answers: keep it stable once reps use it
    label: First entry    # what the rep sees
    help: Shown when the entry is offered or iterated.
    details:              # your own data: text, numbers, true/false, lists of text
      advice: What to do about it.
      examples:
        - A first example
  - id: second-entry
    label: Second entry
    help: Shown when the entry is offered or iterated.
    details:
      advice: What to do about it.
      examples:
        - Another example
"""

_FLOW = """\
id: {id}
kind: flow
title: {title}
language: {language}
version: 1
record: prep              # the record the flow produces: prep or debrief
summary: >-
  The playbooks a rep walks, in order. Use it with: salescoach prep ACCOUNT --flow {id}
source: Your team's way of preparing a meeting.
flow:
  - playbook: meeting     # any prep playbook: built-in or your own, by id
  - playbook: opa
  - playbook: mesore
    # Included only when the condition holds; it may only read playbooks walked before it.
    when: {{question: meeting.type, in: [negotiation, closing]}}
  - playbook: objection-prep
"""

_CARDS = """\
id: {id}
kind: cards
title: {title}
language: {language}
version: 1
summary: >-
  What every rep must have ready about the offer: `salescoach drill` asks each card, the rep
  answers in their own words, then reads the answer below and rates their own.
source: Your team's knowledge of the offer and the competition.
cards:
  - id: first-card        # the rep's schedule is kept under it: keep it stable
    topic: strength       # strength, weakness, reference, success-story or other
    against: A competitor # optional: who the card compares the offer with
    prompt: What do we do better than them?
    help: A hint shown with the question (optional).
    answer: >-
      The answer the team expects, in substance.
    questions_back:
      - A question to ask the client back
    proof: A reference, a figure or a success story that backs the answer.
  - id: second-card
    topic: success-story
    prompt: Tell the story of a client like this one.
    answer: >-
      Who they were, what they needed, what we did, the result in figures.
"""

_TEMPLATES = {
    Kind.PREP: _PREP,
    Kind.DEBRIEF: _DEBRIEF,
    Kind.REFERENCE: _REFERENCE,
    Kind.FLOW: _FLOW,
    Kind.CARDS: _CARDS,
}
