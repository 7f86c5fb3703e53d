"""The playbook search path: built-ins, config dirs, ``$SALESCOACH_PLAYBOOKS``, ``--playbooks``.

Later sources win by playbook id. Within the chosen language first: a team's French-only
override does not hide the English built-in from an English-speaking rep.

The checks across files live here too: a flow naming a missing playbook, a ``choices_from`` or
``for_each`` naming a missing reference list, a condition or iteration naming an unknown question
or one asked later in a flow. Each problem points at the line and column of the offending field.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from salescoach.errors import Location, NotFoundError, PlaybookError, Problem
from salescoach.playbook.conditions import numeric_test_problems
from salescoach.playbook.extension import extend_flow, extension_problems
from salescoach.playbook.loader import (
    ACCOUNT_CONTEXT,
    CONTEXT_NAMESPACES,
    MAX_PLAYBOOK_BYTES,
    MAX_PLAYBOOK_DEPTH,
    answer_refs,
    choices_example_problems,
    choices_source_problems,
    condition_ref_paths,
    group_iteration_problem,
    misfit_values,
    read_playbook,
    walk_questions,
)
from salescoach.playbook.model import (
    FlowItem,
    Kind,
    Option,
    Playbook,
    Question,
    QuestionType,
    ReferenceEntry,
)
from salescoach.playbook.refs import LAST_ANSWER, parse_ref
from salescoach.playbook.sources import PLAYBOOKS_ENV, playbook_files
from salescoach.playbook.sources import Source as Source  # where they always were
from salescoach.playbook.sources import search_path as search_path
from salescoach.yamlio import Document, Path_

ORIGIN_WORDS = {
    "built-in": "built-in",
    "config": "config file",
    "env": f"${PLAYBOOKS_ENV}",
    "option": "--playbooks",
    "checked": "checked path",
}
"""How each origin is named to a user."""


@dataclass(frozen=True)
class Entry:
    """A playbook found on the search path: the model, its file, its source.

    Two entries are the same when they are the same file from the same source: an extending
    flow resolved against its base is still its file's entry.
    """

    playbook: Playbook = field(compare=False)
    path: Path
    source: Source
    document: Document | None = field(default=None, compare=False, repr=False)
    reread: bool = field(default=False, compare=False, repr=False)
    """Without its document, read the file again to locate a field (an entry from the library
    cache, :mod:`salescoach.library_cache`: the positions are most of a document's weight)."""

    @property
    def id(self) -> str:
        """The playbook's id."""
        return self.playbook.id

    def locate(self, path: Path_) -> Location:
        """Where a field of this playbook sits in its file (line 1 when unknown)."""
        document = self.document
        if document is None and self.reread:
            document = _document_of(self.path)
        if document is None:
            return Location(self.path, 1, 1)
        return document.locate(path)


@functools.cache
def _document_of(path: Path) -> Document | None:
    """The parsed document of a playbook file, once per run; None if it no longer parses."""
    from salescoach.yamlio import YamlProblems, load_file

    try:
        return load_file(path, max_depth=MAX_PLAYBOOK_DEPTH, max_bytes=MAX_PLAYBOOK_BYTES)
    except YamlProblems:
        return None


SearchPath = Callable[[str], list[Source]]
"""The search path for a language (the CLI binds the config and the options)."""


def trainer_directory(sources: Sequence[Source]) -> Path | None:
    """The trainer's own directory: the first non-built-in directory on the search path."""
    return next((s.directory for s in sources if s.origin != "built-in"), None)


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
                    loaded = read_playbook(path)
                except PlaybookError as error:
                    library.problems.extend(error.problems)
                    continue
                library.found.append(Entry(loaded.playbook, path, source, loaded.document))
        return library

    def with_entries(self, entries: Sequence[Entry]) -> Library:
        """This library with ``entries`` loaded last (they win), replacing the same files."""
        replaced = {_key(e.path) for e in entries}
        kept = [e for e in self.found if _key(e.path) not in replaced]
        return Library(self.language, self.sources, [*kept, *entries], list(self.problems))

    def chosen(self) -> dict[str, Entry]:
        """The winning entry for each id: the last in the chosen language, else the last at all.

        A flow that ``extends`` another is returned resolved: its ``flow`` holds the base
        flow's items with its own inserted and dropped (see :meth:`base_of`).
        """
        winners = self._winners(self.found)
        for name, entry in winners.items():
            if entry.playbook.extends is not None:
                winners[name] = self._resolved(entry, winners, set())
        return winners

    def _winners(self, entries: Sequence[Entry]) -> dict[str, Entry]:
        winners: dict[str, Entry] = {}
        for entry in entries:
            current = winners.get(entry.id)
            if (
                current is None
                or entry.playbook.language == self.language
                or current.playbook.language != self.language
            ):
                winners[entry.id] = entry
        return winners

    def base_of(self, entry: Entry, winners: dict[str, Entry] | None = None) -> Entry | None:
        """The flow an extending flow starts from: for its own id, the one it overrides (found
        before it on the search path); for another id, that flow as chosen. Unresolved."""
        name = entry.playbook.extends
        if name is None:
            return None
        if name != entry.id:
            return (winners or self._winners(self.found)).get(name)
        before = self.found[: self.found.index(entry)] if entry in self.found else []
        return self._winners([e for e in before if e.id == name]).get(name)

    def _resolved(self, entry: Entry, winners: dict[str, Entry], seen: set[str]) -> Entry:
        """``entry`` with the flow it extends applied (a cycle stops at the repeated file)."""
        key = _key(entry.path)
        base = self.base_of(entry, winners)
        if key in seen or base is None or base.playbook.kind != Kind.FLOW:
            return entry
        if base.playbook.extends is not None:
            base = self._resolved(base, winners, seen | {key})
        return replace(entry, playbook=extend_flow(entry.playbook, base.playbook))

    def overridden(self, entry: Entry) -> list[Entry]:
        """The entries with the same id that ``entry`` hides."""
        return [e for e in self.found if e.id == entry.id and e is not entry]

    def hidden_by(self, entry: Entry) -> list[Entry]:
        """The same-language entries with the same id found before ``entry``: what it overrides."""
        before = self.found[: self.found.index(entry)] if entry in self.found else []
        return [
            e for e in before if e.id == entry.id and e.playbook.language == entry.playbook.language
        ]

    def get(self, playbook_id: str, kind: Kind | None = None) -> Entry:
        """The playbook with this id, or a NotFoundError that suggests close ids."""
        entry = self.chosen().get(playbook_id)
        if entry is None:
            known = sorted(self.chosen())
            close = difflib.get_close_matches(playbook_id, known, n=1)
            hint = ("playbook_close" if close else "playbook_known") + (
                "_loading" if self.problems else ""
            )
            raise NotFoundError.told(
                "no_such_playbook",
                hint,
                id=playbook_id,
                close=close[0] if close else "",
                known=", ".join(known),
                count=len(self.problems),
                problems="\n".join(map(str, self.problems[:10])),
            )
        if kind is not None and entry.playbook.kind != kind:
            raise NotFoundError(
                f"playbook `{playbook_id}` is a {entry.playbook.kind}, not a {kind}",
                hint=f"defined in {entry.path}",
            )
        return entry

    def ready(self, target: str) -> Entry:
        """The playbook or flow a prep or debrief walks, refused while any playbook file on the
        search path is broken or the flow's extension does not fit its base: a broken team
        override is never replaced silently by the built-in or the other language's version."""
        entry = self.get(target)
        problems = list(self.problems)
        if entry.playbook.kind == Kind.FLOW and entry.playbook.extends is not None:
            chosen = self.chosen()
            problems += [p for p in _check_flow(entry, chosen, self) if p.severity == "error"]
        if problems:
            from salescoach.messages import message

            raise PlaybookError(problems, hint=message(self.language, "playbooks_broken"))
        return entry

    def options(self, question: Question) -> list[Option]:
        """The question's choices: its own, or a reference playbook's entries."""
        if question.options is not None:
            return list(question.options)
        if question.choices_from is None or question.choices_from.reference is None:
            return []  # none, or the items of an earlier answer: known during a session only
        source = question.choices_from
        reference = self.get(question.choices_from.reference, Kind.REFERENCE).playbook
        return [
            Option(
                value=entry.id,
                label=_detail(entry, source.label_from) or entry.label,
                help=_detail(entry, source.help_from) or entry.help,
            )
            for entry in reference.entries or []
        ]

    def check(self) -> list[Problem]:
        """Cross-file checks over the chosen playbooks: dangling references of every kind."""
        chosen = self.chosen()
        return list(cross_check(chosen.values(), chosen, self))


def _detail(entry: ReferenceEntry, name: str | None) -> str | None:
    """An entry's text detail (``label_from``, ``help_from``), if it has one by that name."""
    value = entry.details.get(name) if name else None
    return (value.strip() or None) if isinstance(value, str) else None


def _key(path: Path) -> str:
    return str(path.resolve())


# --- checking given files against the search path ------------------------------------------------


@dataclass
class CheckedFiles:
    """Files checked against the search path of their own language."""

    entries: list[Entry]
    problems: list[Problem]
    libraries: dict[str, Library]

    def library_for(self, entry: Entry) -> Library:
        """The search path of the entry's language with the checked files on top."""
        return self.libraries[entry.playbook.language]

    @property
    def count(self) -> int:
        """How many files were read (valid or not)."""
        return len(self.entries) + len({p.location.path for p in self.problems})


def check_paths(paths: Sequence[Path], search: SearchPath) -> CheckedFiles:
    """Load files and directories, then check each file in the context of its own language.

    A French file is checked against the French search path, an English one against the
    English one, with every given file on top (so a team directory is checked as it will be
    used). Problems of files not given (elsewhere on the search path) are not reported.
    """
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: set[str] = set()  # a set, not a scan of entries: 10,000 files took minutes
    for path in paths:
        if not path.exists():
            problems.append(Problem(Location(path), "no such file or directory"))
            continue
        files = playbook_files(path)
        if path.is_dir() and not files:
            problems.append(
                Problem(Location(path), "no playbook here", hint="playbooks end in .yaml or .yml")
            )
        for file in files:
            key = _key(file)
            if key in seen:
                continue
            seen.add(key)
            try:
                loaded = read_playbook(file)
            except PlaybookError as error:
                problems.extend(error.problems)
                continue
            entries.append(Entry(loaded.playbook, file, Source("checked", path), loaded.document))
    libraries: dict[str, Library] = {}
    for language in sorted({e.playbook.language for e in entries}):
        base = Library.load(language, search(language))
        libraries[language] = base.with_entries(entries)
        problems.extend(_broken_dependents(base, libraries[language], entries))
    winners = {language: library.chosen() for language, library in libraries.items()}
    for entry in entries:
        chosen = winners[entry.playbook.language]
        if chosen.get(entry.id) != entry:  # another given file with its id won
            chosen = {**chosen, entry.id: entry}
        library = libraries[entry.playbook.language]
        problems.extend(cross_check([chosen[entry.id]], chosen, library))
    problems = _point_to_directories(paths, entries, problems, libraries)
    problems.sort(
        key=lambda p: (str(p.location.path), p.location.line or 0, p.location.column or 0)
    )
    return CheckedFiles(entries, problems, libraries)


def _point_to_directories(
    paths: Sequence[Path],
    entries: Sequence[Entry],
    problems: list[Problem],
    libraries: dict[str, Library],
) -> list[Problem]:
    """A file checked alone, whose directory holds playbooks the search path does not: its
    references to them fail, so say to validate the directory (as reps will use it)."""
    loaded = {_key(e.path) for e in entries}  # a file that did not load has its own errors
    given_files = [p for p in paths if p.is_file() and _key(p) in loaded]
    if not given_files:
        return problems
    known = {_key(e.path) for library in libraries.values() for e in library.found}
    known |= {_key(e.path) for e in entries}
    advice: dict[str, Path] = {}
    for file in given_files:
        root = file.parent.parent if file.parent.name in ("en", "fr") else file.parent
        if any(_key(other) not in known for other in playbook_files(root)):
            advice[_key(file)] = root
    found = []
    for problem in problems:
        directory = advice.get(_key(Path(problem.location.path)))
        if directory is not None and problem.location.line is not None:
            note = f"validate the whole directory: salescoach playbook validate {directory}"
            problem = problem._replace(hint=f"{problem.hint}; {note}" if problem.hint else note)
        found.append(problem)
    return found


def _broken_dependents(before: Library, after: Library, given: Sequence[Entry]) -> list[Problem]:
    """Problems the given files cause in other playbooks (an override dropping a question)."""
    given_keys = {_key(e.path) for e in given}
    old, new = before.chosen(), after.chosen()
    found: list[Problem] = []
    for entry in new.values():
        if _key(entry.path) in given_keys or entry.playbook.language != after.language:
            continue
        changed = [
            new[name]
            for name in playbooks_read(entry.playbook)
            if name in new and _key(new[name].path) in given_keys
        ]
        if not changed:
            continue
        known = {str(p) for p in cross_check([entry], old, before)}
        because = ", ".join(str(e.path) for e in changed)
        for problem in cross_check([entry], new, after):
            if str(problem) not in known:
                hint = f"{problem.hint}; " if problem.hint else ""
                found.append(problem._replace(hint=f"{hint}caused by {because}"))
    return found


def playbooks_read(playbook: Playbook) -> set[str]:
    """The ids of the playbooks a playbook names: flow items, reference lists, answers."""
    names = {item.playbook for item in playbook.flow or []}
    for item in playbook.flow or []:
        if item.when is not None:
            names |= {_book_of(ref) for ref, _ in condition_ref_paths(item.when)}
    for path, question in walk_questions(playbook):
        if question.choices_from is not None and question.choices_from.reference is not None:
            names.add(question.choices_from.reference)
        if question.for_each is not None and question.for_each.reference is not None:
            names.add(question.for_each.reference)
        names |= {_book_of(ref) for ref, _, _ in answer_refs(question, path)}
    for step in playbook.steps or []:
        if step.when is not None:
            names |= {_book_of(ref) for ref, _ in condition_ref_paths(step.when)}
    names.discard("")
    names.discard(playbook.id)
    return names


def _book_of(ref: str) -> str:
    return parse_ref(ref).playbook or ""


def search_directories(sources: Sequence[Source]) -> tuple[list[Path], list[Problem]]:
    """The distinct directories of a search path, and a problem for each that does not exist."""
    directories: list[Path] = []
    problems: list[Problem] = []
    for source in sources:
        if not source.directory.exists():
            problems.append(
                Problem(
                    Location(source.directory),
                    f"playbook directory from the {ORIGIN_WORDS[source.origin]} does not exist",
                )
            )
        elif source.directory not in directories:
            directories.append(source.directory)
    return directories, problems


# --- cross-file checks ---------------------------------------------------------------------------


def cross_check(
    entries: Iterable[Entry], chosen: dict[str, Entry], library: Library | None = None
) -> Iterable[Problem]:
    """Check ``entries`` against the playbooks ``chosen`` on the search path (``library``, when
    given, finds the flow an extending flow overrides)."""
    flows = [e for e in chosen.values() if e.playbook.kind == Kind.FLOW]
    for entry in entries:
        if entry.playbook.kind == Kind.FLOW:
            yield from _check_flow(entry, chosen, library)
            yield from numeric_test_problems(entry, chosen)
            continue
        if entry.playbook.kind == Kind.REFERENCE and entry.id == "recap":
            from salescoach.playbook.template import template_problems  # `salescoach recap`

            yield from template_problems(entry)
        yield from numeric_test_problems(entry, chosen)
        for path, question in walk_questions(entry.playbook):
            yield from _check_reference_lists(entry, question, path, chosen)
            for ref, ref_path, reader in answer_refs(question, path):
                yield from _check_answer_ref(entry, ref, ref_path, chosen, flows, reader)
        for index, step in enumerate(entry.playbook.steps or []):
            if step.when is not None:
                for ref, ref_path in condition_ref_paths(step.when, ("steps", index, "when")):
                    yield from _check_answer_ref(entry, ref, ref_path, chosen, flows)


def _problem(entry: Entry, path: Path_, message: str, hint: str | None = None) -> Problem:
    return Problem(entry.locate(path), message, ".".join(map(str, path)), hint)


def _did_you_mean(name: str, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean `{close[0]}`?" if close else None


def _check_flow(
    entry: Entry, chosen: dict[str, Entry], library: Library | None = None
) -> Iterable[Problem]:
    book = entry.playbook
    if book.extends is not None:
        yield from _check_extension(entry, chosen, library)
        return
    items = [(item, ("flow", index)) for index, item in enumerate(book.flow or [])]
    yield from _check_flow_items(entry, book.record, items, [], chosen)


def _check_extension(
    entry: Entry, chosen: dict[str, Entry], library: Library | None
) -> Iterable[Problem]:
    """An extending flow: its base and anchors, then each inserted item like a flow's own."""
    raw = next((e for e in library.found if e == entry), entry) if library else entry
    base = library.base_of(raw, library._winners(library.found)) if library else None
    if base is not None and base.playbook.extends is not None and library is not None:
        base = library._resolved(base, library._winners(library.found), set())
    yield from extension_problems(raw, base, chosen)
    if base is None or base.playbook.kind != Kind.FLOW:
        return
    resolved = extend_flow(raw.playbook, base.playbook)
    order = [item.playbook for item in resolved.flow or []]
    for index, insert in enumerate(raw.playbook.insert or []):
        if insert.playbook not in order:
            continue  # its anchor is missing: reported above
        earlier = order[: order.index(insert.playbook)]
        yield from _check_flow_items(
            entry, resolved.record, [(insert, ("insert", index))], earlier, chosen
        )


def _check_flow_items(
    entry: Entry,
    record: str | None,
    items: Sequence[tuple[FlowItem, Path_]],
    earlier: list[str],
    chosen: dict[str, Entry],
) -> Iterable[Problem]:
    earlier = list(earlier)
    askable = {k for k, e in chosen.items() if e.playbook.kind in (Kind.PREP, Kind.DEBRIEF)}
    for item, path in items:
        target = chosen.get(item.playbook)
        if target is None:
            yield _problem(
                entry,
                (*path, "playbook"),
                f"the flow names a missing playbook `{item.playbook}`",
                _did_you_mean(item.playbook, askable) or "see `salescoach playbook list`",
            )
        elif target.playbook.kind not in (Kind.PREP, Kind.DEBRIEF):
            yield _problem(
                entry,
                (*path, "playbook"),
                f"`{item.playbook}` is a {target.playbook.kind} playbook; a flow walks prep and "
                "debrief playbooks only",
            )
        elif record is not None and str(target.playbook.kind) != record:
            yield _problem(
                entry,
                (*path, "playbook"),
                f"`{item.playbook}` is a {target.playbook.kind} playbook in a flow that records "
                f"a {record}",
            )
        if item.playbook in earlier:
            yield _problem(entry, (*path, "playbook"), f"`{item.playbook}` is already in this flow")
        if item.when is not None:
            for ref, ref_path in condition_ref_paths(item.when, (*path, "when")):
                yield from _check_flow_ref(entry, ref, ref_path, earlier, chosen)
        earlier.append(item.playbook)


def _check_flow_ref(
    entry: Entry, ref: str, path: Path_, earlier: list[str], chosen: dict[str, Entry]
) -> Iterable[Problem]:
    parsed = parse_ref(ref)
    parts = list(parsed.path)
    if parsed.source == "account":
        yield from _check_account(entry, ref, path)
        return
    if parsed.source == "prep":
        if entry.playbook.record != "debrief":
            yield _problem(entry, path, f"`{ref}`: prep answers are known only in a debrief flow")
            return
        yield from _check_question_ref(entry, ref, parts, path, chosen, Kind.PREP)
        return
    if len(parts) < 2:
        yield _problem(
            entry,
            path,
            f"`{ref}` names no playbook",
            "in a flow, name a question as `playbook.question`, e.g. `meeting.type`",
        )
        return
    found = list(_check_question_ref(entry, ref, parts, path, chosen, None))
    if found:
        yield from found
        return
    if parts[0] not in earlier:
        yield _problem(
            entry,
            path,
            f"`{ref}` is not answered before this point of the flow",
            f"a flow's condition can only read playbooks walked before it ({', '.join(earlier)})"
            if earlier
            else "the first playbook of a flow cannot depend on answers",
        )


def _check_reference_lists(
    entry: Entry, question: Question, path: Path_, chosen: dict[str, Entry]
) -> Iterable[Problem]:
    named: list[tuple[str, Path_]] = []
    if question.choices_from is not None and question.choices_from.reference is not None:
        named.append((question.choices_from.reference, (*path, "choices_from", "reference")))
    if question.for_each is not None and question.for_each.reference is not None:
        named.append((question.for_each.reference, (*path, "for_each", "reference")))
    references = {k for k, e in chosen.items() if e.playbook.kind == Kind.REFERENCE}
    for ref_id, ref_path in named:
        target = chosen.get(ref_id)
        if target is None:
            yield _problem(
                entry,
                ref_path,
                f"question `{question.id}` names a missing reference list `{ref_id}`",
                _did_you_mean(ref_id, references) or "see `salescoach playbook list`",
            )
        elif target.playbook.kind != Kind.REFERENCE:
            yield _problem(
                entry,
                ref_path,
                f"`{ref_id}` is a {target.playbook.kind} playbook, not a reference list",
                _did_you_mean(ref_id, references),
            )
        elif question.choices_from is not None and ref_id == question.choices_from.reference:
            yield from _check_chosen_values(entry, question, path, target.playbook)


def _check_chosen_values(
    entry: Entry, question: Question, path: Path_, reference: Playbook
) -> Iterable[Problem]:
    """A ``choices_from`` question's example and default must be entries of its list."""
    options = [Option(value=e.id, label=e.label) for e in reference.entries or []]
    for misfit, message in misfit_values(question, options):
        yield _problem(
            entry, (*path, *misfit), message, f"the choices are the entries of `{reference.id}`"
        )


def _check_answer_ref(
    entry: Entry,
    ref: str,
    path: Path_,
    chosen: dict[str, Entry],
    flows: list[Entry],
    reader: str = "condition",
) -> Iterable[Problem]:
    parsed = parse_ref(ref)
    parts = list(parsed.path)
    if parsed.local or (parsed.source == "answers" and parts[0] == entry.id):
        return  # this playbook's own questions: checked with the file
    if parsed.source == "account":
        yield from _check_account(entry, ref, path, reader)
        return
    if parsed.source == "prep":
        if entry.playbook.kind != Kind.DEBRIEF:
            yield _problem(
                entry,
                path,
                f"`{ref}`: prep answers are known only in a debrief",
                f"in a prep, name the answer without `prep.`: `{'.'.join(parts)}`",
            )
            return
        yield from _check_question_ref(entry, ref, parts, path, chosen, Kind.PREP)
        return
    found = list(_check_question_ref(entry, ref, parts, path, chosen, None))
    if found:
        yield from found
        return
    later = False
    for flow in flows:
        order = [item.playbook for item in flow.playbook.flow or []]
        if (
            entry.id in order
            and parts[0] in order
            and order.index(parts[0]) > order.index(entry.id)
        ):
            later = True
            yield _problem(
                entry,
                path,
                f"`{ref}` is asked later: flow `{flow.id}` walks `{parts[0]}` after `{entry.id}`",
                "a condition or iteration can only use answers given before it",
            )
    if reader in ("iteration", "choices"):
        yield from _iteration_source(entry, ref, path, chosen, flows, later, reader)


def _iteration_source(
    entry: Entry,
    ref: str,
    path: Path_,
    chosen: dict[str, Entry],
    flows: list[Entry],
    later: bool,
    reader: str,
) -> Iterable[Problem]:
    """``for_each`` or ``choices_from`` over another playbook's answer: a flow must walk that
    playbook first; ``for_each`` cannot iterate a group, ``choices_from`` needs items."""
    book_id, question_id = ref.split(".")
    target = next(q for q in chosen[book_id].playbook.questions() if q.id == question_id)
    if reader == "choices":
        question_path = path[:-2]
        question = _question_at(entry.playbook, question_path)
        if question is not None:
            yield from choices_source_problems(
                question, question_path, target, entry_locator(entry)
            )
            yield from choices_example_problems(
                question, question_path, target, entry_locator(entry)
            )
    elif target.type == QuestionType.GROUP and target.for_each is None:
        yield group_iteration_problem(ref, entry.locate(path), ".".join(map(str, path)))
    what = "for_each" if reader == "iteration" else "choices_from"
    walks_before = [
        flow.id
        for flow in flows
        if book_id in (order := [item.playbook for item in flow.playbook.flow or []])
        and entry.id in order
        and order.index(book_id) < order.index(entry.id)
    ]
    if not walks_before and not later:
        yield _problem(
            entry,
            path,
            f"{what} names `{ref}`, but no flow walks `{book_id}` before `{entry.id}`",
            f"add `{entry.id}` after `{book_id}` to a flow, or use an answer of "
            f"`{entry.id}` itself",
        )


def _question_at(book: Playbook, path: Path_) -> Question | None:
    return next((q for p, q in walk_questions(book) if p == path), None)


def entry_locator(entry: Entry) -> Callable[..., Location]:
    """``where(*path)`` for an entry's file, as the loader's checks take it."""
    return lambda *path: entry.locate(path)


def _check_account(
    entry: Entry, ref: str, path: Path_, reader: str = "condition"
) -> Iterable[Problem]:
    name = parse_ref(ref).question
    if ref == LAST_ANSWER and reader != "default_from":
        yield _problem(
            entry,
            path,
            f"`{LAST_ANSWER}` is a question's own last answer: it is read by `default_from` only",
            "to test an earlier meeting's answer, default a question from it, then test that",
        )
        return
    if name not in ACCOUNT_CONTEXT:
        yield _problem(
            entry,
            path,
            f"`{ref}` is not something known about an account",
            "known: " + ", ".join(f"account.{n}" for n in ACCOUNT_CONTEXT),
        )


def _check_question_ref(
    entry: Entry,
    ref: str,
    parts: list[str],
    path: Path_,
    chosen: dict[str, Entry],
    kind: Kind | None,
) -> Iterable[Problem]:
    """``playbook.question`` must name an existing prep/debrief playbook and its question."""
    askable = {
        k
        for k, e in chosen.items()
        if e.playbook.kind in ((kind,) if kind else (Kind.PREP, Kind.DEBRIEF))
    }
    if len(parts) != 2:
        namespaces = ", ".join(f"`{n}.`" for n in CONTEXT_NAMESPACES)
        yield _problem(
            entry,
            path,
            f"`{ref}` should name `playbook.question`",
            f"or a question of this playbook by its id alone, or {namespaces}",
        )
        return
    book_id, question_id = parts
    target = chosen.get(book_id)
    own = {q.id: q for q in entry.playbook.questions()}
    if book_id in own and (target is None or book_id not in askable):
        yield _problem(
            entry,
            path,
            f"`{ref}` reads a part of `{book_id}`, a question of this playbook",
            f"a reference reads a whole answer: write `{book_id}`; to test one entry's "
            "sub-answer, put the condition on a sub-question of the group",
        )
        return
    if target is None or book_id not in askable:
        what = f"a {kind} playbook" if kind else "a playbook that asks questions"
        yield _problem(
            entry,
            path,
            f"`{ref}` names `{book_id}`, which is not {what} on the search path",
            _did_you_mean(book_id, askable),
        )
        return
    questions = {q.id for q in target.playbook.questions()}
    if question_id not in questions:
        yield _problem(
            entry,
            path,
            f"`{ref}`: playbook `{book_id}` has no question `{question_id}`",
            _did_you_mean(question_id, questions),
        )
