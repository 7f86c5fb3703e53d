"""The playbook search path: built-ins, config dirs, ``$SALESCOACH_PLAYBOOKS``, ``--playbooks``.

Later sources win by playbook id. Within the chosen language first: a team's French-only
override does not hide the English built-in from an English-speaking rep.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from salescoach.errors import Location, NotFoundError, PlaybookError, Problem
from salescoach.paths import builtin_playbooks
from salescoach.playbook.loader import (
    ACCOUNT_CONTEXT,
    CONTEXT_NAMESPACES,
    condition_refs,
    load_playbook,
)
from salescoach.playbook.model import Kind, Option, Playbook, Question

PLAYBOOKS_ENV = "SALESCOACH_PLAYBOOKS"


@dataclass(frozen=True)
class Source:
    """One directory on the search path and why it is there."""

    origin: str  # "built-in", "config", "env", "option"
    directory: Path


@dataclass(frozen=True)
class Entry:
    """A playbook found on the search path: the model, its file, its source."""

    playbook: Playbook
    path: Path
    source: Source

    @property
    def id(self) -> str:
        return self.playbook.id


def search_path(
    language: str,
    config_dirs: Sequence[Path] = (),
    option_dirs: Sequence[Path] = (),
    *,
    environ: dict[str, str] | None = None,
) -> list[Source]:
    """The directories searched, in order (later wins)."""
    env = os.environ if environ is None else environ
    sources = [Source("built-in", builtin_playbooks() / language)]
    if language != "en":
        sources.insert(0, Source("built-in", builtin_playbooks() / "en"))
    sources += [Source("config", Path(d)) for d in config_dirs]
    sources += [
        Source("env", Path(d)) for d in env.get(PLAYBOOKS_ENV, "").split(os.pathsep) if d.strip()
    ]
    sources += [Source("option", Path(d)) for d in option_dirs]
    return sources


def playbook_files(directory: Path) -> list[Path]:
    """The YAML files under a directory, sorted, hidden directories skipped."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        return []
    return sorted(
        path
        for pattern in ("*.yaml", "*.yml")
        for path in directory.rglob(pattern)
        if not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )


@dataclass
class Library:
    """Every playbook on the search path, resolved for one language."""

    language: str
    sources: list[Source]
    found: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def load(cls, language: str, sources: list[Source]) -> Library:
        """Load every file on the search path; broken files are kept as problems, not raised."""
        library = cls(language, sources)
        for source in sources:
            for path in playbook_files(source.directory):
                try:
                    library.found.append(Entry(load_playbook(path), path, source))
                except PlaybookError as error:
                    library.problems.extend(error.problems)
        return library

    def chosen(self) -> dict[str, Entry]:
        """The winning entry for each id: the last in the chosen language, else the last at all."""
        winners: dict[str, Entry] = {}
        for entry in self.found:
            current = winners.get(entry.id)
            if (
                current is None
                or entry.playbook.language == self.language
                or current.playbook.language != self.language
            ):
                winners[entry.id] = entry
        return winners

    def overridden(self, entry: Entry) -> list[Entry]:
        """The entries with the same id that ``entry`` hides."""
        return [e for e in self.found if e.id == entry.id and e is not entry]

    def get(self, playbook_id: str, kind: Kind | None = None) -> Entry:
        """The playbook with this id, or a NotFoundError that suggests close ids."""
        entry = self.chosen().get(playbook_id)
        if entry is None:
            known = sorted(self.chosen())
            close = difflib.get_close_matches(playbook_id, known, n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"known: {', '.join(known)}"
            if self.problems:
                hint += f"\n{len(self.problems)} problem(s) while loading playbooks:\n" + "\n".join(
                    map(str, self.problems[:10])
                )
            raise NotFoundError(f"no playbook `{playbook_id}` on the search path", hint=hint)
        if kind is not None and entry.playbook.kind != kind:
            raise NotFoundError(
                f"playbook `{playbook_id}` is a {entry.playbook.kind}, not a {kind}",
                hint=f"defined in {entry.path}",
            )
        return entry

    def options(self, question: Question) -> list[Option]:
        """The question's choices: its own, or a reference playbook's entries."""
        if question.options is not None:
            return list(question.options)
        if question.choices_from is None:
            return []
        reference = self.get(question.choices_from.reference, Kind.REFERENCE).playbook
        return [
            Option(value=entry.id, label=entry.label, help=entry.help)
            for entry in reference.entries or []
        ]

    def check(self) -> list[Problem]:
        """Cross-file checks over the chosen playbooks: dangling references of every kind."""
        return list(_cross_checks(self.chosen()))


def _cross_checks(chosen: dict[str, Entry]) -> Iterable[Problem]:
    def problem(entry: Entry, message: str, hint: str | None = None) -> Problem:
        return Problem(Location(entry.path, 1, 1), message, hint=hint)

    for entry in chosen.values():
        book = entry.playbook
        for item in book.flow or []:
            target = chosen.get(item.playbook)
            if target is None:
                yield problem(entry, f"flow names a missing playbook `{item.playbook}`")
            elif target.playbook.kind not in (Kind.PREP, Kind.DEBRIEF):
                yield problem(entry, f"flow item `{item.playbook}` is a {target.playbook.kind}")
            if item.when is not None:
                for ref in condition_refs(item.when):
                    message = _dangling(ref, chosen)
                    if message:
                        yield problem(entry, f"flow condition: {message}")
        for question in _all_questions(book.questions()):
            references = [
                question.choices_from.reference if question.choices_from else None,
                question.for_each.reference if question.for_each else None,
            ]
            for ref_id in filter(None, references):
                target = chosen.get(ref_id)
                if target is None or target.playbook.kind != Kind.REFERENCE:
                    yield problem(
                        entry,
                        f"question `{question.id}` names a missing reference list `{ref_id}`",
                    )
            answer_refs = condition_refs(question.when) if question.when else []
            if question.for_each and question.for_each.answer:
                answer_refs.append(question.for_each.answer)
            if question.default_from:
                answer_refs.append(question.default_from)
            for ref in answer_refs:
                if "." in ref:
                    message = _dangling(ref, chosen)
                    if message:
                        yield problem(entry, f"question `{question.id}`: {message}")


def _all_questions(questions: Iterable[Question]) -> Iterable[Question]:
    for question in questions:
        yield question
        yield from _all_questions(question.questions or [])


def _dangling(ref: str, chosen: dict[str, Entry]) -> str | None:
    """Why an answer reference points nowhere, or None when it resolves."""
    parts = ref.split(".")
    if parts[0] == "account":
        return None if parts[1:] and parts[1] in ACCOUNT_CONTEXT else f"unknown context `{ref}`"
    if parts[0] in CONTEXT_NAMESPACES:
        parts = parts[1:]
    if len(parts) < 2:
        return f"`{ref}` should be `playbook.question`"
    target = chosen.get(parts[0])
    if target is None:
        return f"`{ref}` names a missing playbook `{parts[0]}`"
    if not any(q.id == parts[1] for q in target.playbook.questions()):
        return f"`{ref}`: playbook `{parts[0]}` has no question `{parts[1]}`"
    return None
