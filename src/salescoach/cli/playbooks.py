"""``playbook ...``: the trainer's workbench: list, show, check, lint, write, preview."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from salescoach.cli.state import AppState, offer_reopen, state
from salescoach.errors import (
    PlaybookError,
    Problem,
    ProblemsError,
    SalescoachError,
    UsageError,
)
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.playbook.library import Entry, Library, SearchPath
    from salescoach.session.prompter import Prompter


def register(parent: typer.Typer) -> None:
    """Add the ``playbook`` command group to the app."""
    parent.add_typer(app, name="playbook")


class NewKind(StrEnum):
    """The kinds ``playbook new`` can start (the model's ``Kind``, without importing pydantic)."""

    prep = "prep"
    debrief = "debrief"
    reference = "reference"
    flow = "flow"
    cards = "cards"


app = typer.Typer(
    help="Write, check and preview playbooks (the YAML files that carry the method).",
    no_args_is_help=True,
)

PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Files or directories (default: every directory on the search path).",
        show_default=False,
    ),
]
MarkdownOption = Annotated[
    bool, typer.Option("--markdown", help="Print the Markdown source instead of rendering it.")
]
DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir",
        help="Your playbook directory (default: the first of config, $SALESCOACH_PLAYBOOKS, "
        "--playbooks).",
        file_okay=False,
        show_default=False,
    ),
]


def _search(app_state: AppState) -> SearchPath:
    """The search path of any language, with this run's config and options."""
    from salescoach.playbook.library import Source, search_path

    def for_language(language: str) -> list[Source]:
        return search_path(language, app_state.settings.playbooks, app_state.playbook_dirs)

    return for_language


# --- list, show ----------------------------------------------------------------------------------


def _origin(entry: Entry, language: str) -> str:
    origin = entry.source.origin
    if origin == "built-in":
        return message(language, "origin_built-in")
    return f"{message(language, f'origin_{origin}')} ({entry.source.directory})"


@app.command(name="list")
def list_playbooks(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
) -> None:
    """List the playbooks on the search path, where each comes from, and what it overrides."""
    app_state = state(ctx)
    library = app_state.library
    rows: list[dict[str, Any]] = []
    for entry in sorted(library.chosen().values(), key=lambda e: (e.playbook.kind, e.id)):
        rows.append(
            {
                "id": entry.id,
                "kind": str(entry.playbook.kind),
                "title": entry.playbook.title,
                "language": entry.playbook.language,
                "version": entry.playbook.version,
                "origin": entry.source.origin,
                "path": str(entry.path),
                "overrides": [
                    {"origin": hidden.source.origin, "path": str(hidden.path)}
                    for hidden in library.hidden_by(entry)
                ],
            }
        )
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_table(app_state.language, rows, {e.id: e for e in library.chosen().values()})
    _warn_problems(app_state.language, library.problems)


def _print_table(language: str, rows: list[dict[str, Any]], entries: dict[str, Entry]) -> None:
    from salescoach.ui import render

    headings = ("id", "kind", "title", "lang", "version", "from")
    table = render.new_table(*(message(language, f"playbooks_{h}") for h in headings))
    for row in rows:
        overridden = {hidden["origin"] for hidden in row["overrides"]}
        named = sorted(message(language, f"origin_{o}") for o in overridden)
        if "built-in" in overridden:
            named = [message(language, "origin_built-in")]
        overrides = message(language, "overrides", origins=", ".join(named)) if overridden else ""
        origin = render.joined(
            _origin(entries[row["id"]], language), render.styled(overrides, "warning")
        )
        render.add_row(
            table,
            row["id"],
            message(language, f"playbook_kind_{row['kind']}"),
            row["title"],
            row["language"],
            str(row["version"]),
            origin,
        )
    render.show(table)


@app.command()
def show(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="ID|FILE", help="A playbook id or a file.")],
    markdown: MarkdownOption = False,
) -> None:
    """Show a playbook as a readable outline: steps, questions, conditions and iterations."""
    from salescoach.playbook.outline import outline

    library, entry = _resolve(state(ctx), target)
    _print_markdown(outline(entry.playbook, library), markdown)


def _resolve(app_state: AppState, target: str) -> tuple[Library, Entry]:
    """A playbook by id on the search path, or a file checked and put on top of it."""
    from salescoach.playbook.library import check_paths

    path = Path(target)
    looks_like_file = path.suffix in (".yaml", ".yml") or os.sep in target or "/" in target
    if not path.is_file():
        if looks_like_file:
            raise SalescoachError(message(app_state.language, "no_such_file", path=target))
        library = app_state.library
        return library, library.get(target)
    checked = check_paths([path], _search(app_state))
    if checked.problems or not checked.entries:
        raise PlaybookError(checked.problems)
    entry = checked.entries[0]
    return checked.library_for(entry), entry


def _print_markdown(text: str, raw: bool) -> None:
    if raw:
        sys.stdout.write(text)
        return
    from salescoach.ui import render
    from salescoach.ui.pager import paged

    with paged():
        render.markdown(text)


# --- validate, lint, schema ----------------------------------------------------------------------


def _targets(app_state: AppState, paths: list[Path] | None) -> tuple[list[Path], list[Problem]]:
    from salescoach.playbook.library import search_directories

    if paths:
        return list(paths), []
    return search_directories(_search(app_state)(app_state.language))


def _sorted(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(
        problems,
        key=lambda p: (str(p.location.path), p.location.line or 0, p.location.column or 0),
    )


@app.command()
def validate(ctx: typer.Context, paths: PathsArgument = None) -> None:
    """Check playbooks: syntax, schema, and references between files. Exit 1 on any error.

    Every error is printed as FILE:LINE:COL: field.path: message (hint), all at once. Each file
    is checked against the search path of its own language, so a team directory is checked as
    reps will use it, on top of the built-ins.
    """
    from salescoach.playbook.library import check_paths

    app_state = state(ctx)
    targets, missing = _targets(app_state, paths)
    checked = check_paths(targets, _search(app_state))
    problems = [*missing, *checked.problems]
    if problems:
        raise ProblemsError(_sorted(problems))
    _say(app_state, "playbooks_valid", "ok", count=checked.count)


@app.command()
def lint(
    ctx: typer.Context,
    paths: PathsArgument = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when there are warnings.")] = (
        False
    ),
) -> None:
    """Warn about what loads but will not work as meant (exit 0 unless --strict).

    A question without help or example, French and English versions that drifted apart, a
    reference list nothing uses, an objection library that does not hold ten entries, a
    condition that can never hold. Warnings go to stdout as FILE:LINE:COL: field.path: message.
    """
    from salescoach.playbook.lint import lint_paths

    app_state = state(ctx)
    targets, missing = _targets(app_state, paths)
    report = lint_paths(targets, _search(app_state))
    for warning in report.warnings:
        sys.stdout.write(f"warning: {warning}\n")
    sys.stdout.flush()
    errors = [*missing, *report.errors]
    if errors:
        raise ProblemsError(_sorted(errors))
    count = len(report.warnings)
    _say(app_state, "lint_summary", "hint", count=count, files=report.files)
    if strict and count:
        raise SalescoachError(message(app_state.language, "strict_warnings", count=count))


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema of the playbook language, for editor completion and checks.

    Built-in playbooks start with `# yaml-language-server: $schema=../playbook.schema.json`;
    `playbook new` and `playbook edit` write the schema beside a team's playbooks.
    """
    from salescoach.playbook.schema import schema_text

    if output is None:
        sys.stdout.write(schema_text())
    else:
        from salescoach.store.atomic import SHARED_MODE, write_output

        write_output(output, schema_text(), mode=SHARED_MODE)


# --- new, edit -----------------------------------------------------------------------------------


def _trainer_dir(app_state: AppState, explicit: Path | None) -> Path | None:
    from salescoach.playbook.library import trainer_directory

    if explicit is not None:
        return explicit
    return trainer_directory(_search(app_state)(app_state.language))


def _write_new(language: str, path: Path, text: str, directory: Path) -> None:
    """Create ``path`` (never replacing a file), and the schema file beside the playbooks."""
    from salescoach.playbook.schema import SCHEMA_FILE, schema_text
    from salescoach.store.atomic import SHARED_MODE, atomic_write

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        atomic_write(path, text, exclusive=True, mode=SHARED_MODE)
    except FileExistsError:
        raise SalescoachError(
            message(language, "already_exists", path=path), hint=message(language, "edit_it")
        ) from None
    schema_file = directory / SCHEMA_FILE
    current = schema_file.read_text(encoding="utf-8") if schema_file.is_file() else None
    if current != schema_text():
        atomic_write(schema_file, schema_text(), mode=SHARED_MODE)
        from salescoach.ui import render

        key = "schema_updated" if current else "schema_written"
        render.say(message(language, key, path=schema_file))


def _not_on_path_hint(app_state: AppState, directory: Path) -> str | None:
    on_path = {s.directory.resolve() for s in _search(app_state)(app_state.language)}
    if directory.resolve() in on_path:
        return None
    return message(app_state.language, "not_on_search_path", directory=directory)


@app.command()
def new(
    ctx: typer.Context,
    playbook_id: Annotated[str, typer.Argument(metavar="ID", help="The new playbook's id.")],
    kind: Annotated[NewKind, typer.Option("--kind", "-k", help="What the playbook is.")],
    directory: DirOption = None,
) -> None:
    """Create a commented starting playbook that validates as it is.

    It goes to your playbook directory (or the current directory when you have none), in the
    language chosen with --lang. Then: playbook edit ID, playbook preview ID.
    """
    from salescoach.playbook.model import Kind
    from salescoach.playbook.scaffold import (
        check_id,
        new_playbook_text,
        schema_reference,
        target_file,
    )

    app_state = state(ctx)
    check_id(playbook_id)
    base = _trainer_dir(app_state, directory) or Path.cwd()
    path = target_file(base, playbook_id, app_state.language)
    text = new_playbook_text(
        playbook_id, Kind(kind.value), app_state.language, schema_reference(base, path)
    )
    _write_new(app_state.language, path, text, base)
    existing = app_state.library.chosen().get(playbook_id)
    if existing is not None and existing.source.origin == "built-in":
        _say(app_state, "overrides_builtin", "warning", id=playbook_id)
    sys.stdout.write(f"{path}\n")
    _say(app_state, "playbook_created", "ok", kind=kind.value, id=playbook_id, path=path)
    hint = _not_on_path_hint(app_state, base)
    if hint:
        _say(app_state, "", "hint", text=hint)


@app.command()
def edit(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="ID|FILE", help="A playbook id or a file.")],
    directory: DirOption = None,
) -> None:
    """Edit a playbook in $VISUAL or $EDITOR, and check it when the editor closes.

    A built-in is first copied into your playbook directory (the first of config,
    $SALESCOACH_PLAYBOOKS, --playbooks, or --dir), where it overrides the built-in. On errors
    you are offered to reopen the editor; a file left broken is reported, never silently kept.
    """
    from salescoach.playbook.library import check_paths
    from salescoach.playbook.scaffold import copy_text, edit_target, edit_until_valid

    app_state = state(ctx)
    from salescoach.ui.editor import editor_command

    editor = editor_command(app_state.language)
    copied: Entry | None = None
    trainer_dir: Path | None = None
    if Path(target).is_file():
        path = Path(target)
    else:
        entry = app_state.library.get(target)
        trainer_dir = _trainer_dir(app_state, directory)
        plan = edit_target(entry, trainer_dir, explicit_dir=directory is not None)
        path = plan.path
        if plan.copy_from is not None and trainer_dir is not None:
            copied = plan.copy_from
            _write_new(app_state.language, path, copy_text(copied, trainer_dir, path), trainer_dir)
            _say(app_state, "copied_builtin", "", id=copied.id, path=path)
    before = path.read_bytes()
    search = _search(app_state)
    problems = edit_until_valid(
        path,
        lambda file: _run_editor(app_state.language, editor, file),
        lambda file: _sorted(check_paths([file], search).problems),
        lambda problems: offer_reopen(app_state.language, problems),
    )
    _after_edit(app_state, path, problems, before, copied, trainer_dir)


def _after_edit(
    app_state: AppState,
    path: Path,
    problems: list[Problem],
    before: bytes,
    copied: Entry | None,
    trainer_dir: Path | None,
) -> None:
    if problems:
        language = app_state.language
        raise SalescoachError(
            message(language, "playbook_left_broken", path=path, count=len(problems)),
            hint=message(language, "playbook_left_broken_hint", path=path),
        )
    if copied is not None and path.exists() and path.read_bytes() == before:
        path.unlink()
        _say(app_state, "copy_removed", "", id=copied.id)
        return
    _say(app_state, "playbook_valid", "ok", path=path)
    if copied is not None and trainer_dir is not None:
        _say(app_state, "copy_overrides", "", id=copied.id)
        hint = _not_on_path_hint(app_state, trainer_dir)
        if hint:
            _say(app_state, "", "hint", text=hint)


def _run_editor(language: str, command: list[str], path: Path) -> None:
    from salescoach.ui.editor import run_editor

    status = run_editor(language, command, path)
    if status != 0:
        from salescoach.ui import render

        render.say(message(language, "editor_status", status=status), "warning")


# --- preview -------------------------------------------------------------------------------------


@app.command()
def preview(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(metavar="ID|FILE", help="A prep, debrief or flow: id or file.")
    ],
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="YAML answers (nested by playbook); the playbook's examples fill the rest. "
            "For a debrief, a `prep:` section stands for the prep's answers.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Use only --answers and defaults, no examples."),
    ] = False,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Answer the questions yourself.")
    ] = False,
    depth: Annotated[
        str,
        typer.Option(
            "--depth", metavar="quick|standard|full", help="Walk at this depth (default: full)."
        ),
    ] = "full",
    markdown: MarkdownOption = False,
) -> None:
    """Walk a playbook with example answers and show what the rep would get. Nothing is saved.

    Conditions and iterations apply as in a real session; a debrief is previewed against an
    example prep (the prep flow walked with its examples).
    """
    app_state = state(ctx)
    walk_depth = app_state.depth(False, depth)
    library, entry = _resolve(app_state, target)
    if interactive and no_input:
        raise UsageError(
            message(app_state.language, "not_both", first="--interactive", second="--no-input")
        )
    prompter: Prompter | None = None
    if interactive:
        if sys.stdin is None or not sys.stdin.isatty():  # None: started with stdin closed
            raise UsageError(
                message(app_state.language, "interactive_needs_terminal"),
                hint=message(app_state.language, "interactive_needs_terminal_hint"),
            )
        from salescoach.ui.prompts import QuestionaryPrompter

        prompter = QuestionaryPrompter(language=app_state.language)
    elif not no_input:
        from salescoach.session.examples import ExamplePrompter

        prompter = ExamplePrompter()
    from salescoach.service.meetings import load_answers_file
    from salescoach.service.previews import preview_body

    body = preview_body(
        library,
        entry,
        prompter,
        answers=load_answers_file(answers),
        answers_source=str(answers or "answers"),
        no_input=no_input,
        language=app_state.language,
        depth=walk_depth,
    )
    _print_markdown(body, markdown)
    _say(app_state, "preview_only", "hint")


def _warn_problems(language: str, problems: list[Problem]) -> None:
    if not problems:
        return
    from salescoach.ui import render

    render.say(message(language, "search_path_problems", count=len(problems)), "warning")
    for problem in problems:
        render.say(str(problem))


def _say(app_state: AppState, key: str, style: str, **values: Any) -> None:
    """A message of the catalogue (or ``text`` itself when ``key`` is empty) on stderr."""
    from salescoach.ui import render

    text = message(app_state.language, key, **values) if key else str(values["text"])
    render.say(text, style)
