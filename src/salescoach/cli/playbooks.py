"""``playbook …``: the trainer's commands — list, show, validate, schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.state import state
from salescoach.errors import Location, Problem, ProblemsError
from salescoach.playbook.library import Library, Source, playbook_files
from salescoach.playbook.loader import load_playbook
from salescoach.playbook.outline import outline
from salescoach.playbook.schema import playbook_schema

app = typer.Typer(
    help="Write, check and inspect playbooks (the YAML files that carry the method).",
    no_args_is_help=True,
)


@app.command(name="list")
def list_playbooks(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
) -> None:
    """List the playbooks on the search path, and where each one comes from."""
    library = state(ctx).library
    chosen = library.chosen()
    rows = []
    for entry in sorted(chosen.values(), key=lambda e: (e.playbook.kind, e.id)):
        hidden = library.overridden(entry)
        rows.append(
            {
                "id": entry.id,
                "kind": str(entry.playbook.kind),
                "title": entry.playbook.title,
                "language": entry.playbook.language,
                "version": entry.playbook.version,
                "origin": entry.source.origin,
                "path": str(entry.path),
                "overrides": [str(e.path) for e in hidden if e.source.origin != entry.source.origin]
                if entry.source.origin != "built-in"
                else [],
            }
        )
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.table import Table

        from salescoach.ui.console import out

        table = Table(box=None, pad_edge=False, header_style="bold")
        for column in ("id", "kind", "title", "lang", "version", "from"):
            table.add_column(column)
        for row in rows:
            origin = str(row["origin"]) + (" (overrides built-in)" if row["overrides"] else "")
            table.add_row(
                str(row["id"]),
                str(row["kind"]),
                str(row["title"]),
                str(row["language"]),
                str(row["version"]),
                origin,
            )
        out.print(table)
    _warn_problems(library.problems)


@app.command()
def show(
    ctx: typer.Context,
    playbook_id: Annotated[str, typer.Argument(metavar="ID", help="A playbook id or a file.")],
) -> None:
    """Show a playbook as a readable outline: steps, questions, conditions and iterations."""
    library = state(ctx).library
    path = Path(playbook_id)
    playbook = load_playbook(path) if path.is_file() else library.get(playbook_id).playbook
    from rich.markdown import Markdown

    from salescoach.ui.console import out

    out.print(Markdown(outline(playbook, library)))


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories to check (default: everything on the search path).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check playbooks: syntax, schema, and references between files. Exit 1 on any error.

    Every error is printed as FILE:LINE:COL: field.path: message, all at once.
    """
    app_state = state(ctx)
    if paths:
        library = Library.load(app_state.language, [Source("option", p) for p in paths])
        base = app_state.library
        # Cross-file references may point at built-ins: check the given files on top of them.
        merged = Library(app_state.language, base.sources, [*base.found, *library.found])
        problems = [*library.problems, *_checks_for(merged, library)]
        for path in paths:
            if not path.exists():
                problems.append(Problem(Location(path), "no such file or directory"))
            elif not playbook_files(path):
                problems.append(Problem(Location(path), "no .yaml or .yml file here"))
        count = len(library.found)
    else:
        library = app_state.library
        problems = [*library.problems, *library.check()]
        count = len(library.found)
    if problems:
        raise ProblemsError(problems)
    from salescoach.ui.console import err

    err.print(f"[ok]{count} playbook file(s) valid.[/ok]")


def _checks_for(merged: Library, given: Library) -> list[Problem]:
    mine = {str(entry.path) for entry in given.found}
    return [p for p in merged.check() if str(p.location.path) in mine]


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema of the playbook language, for editor completion and checks.

    Built-in playbooks start with `# yaml-language-server: $schema=../playbook.schema.json`;
    do the same in a team directory after `salescoach playbook schema -o playbook.schema.json`.
    """
    text = json.dumps(playbook_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        from salescoach.store.atomic import atomic_write

        atomic_write(output, text)


def _warn_problems(problems: list[Problem]) -> None:
    if not problems:
        return
    from rich.markup import escape

    from salescoach.ui.console import err

    err.print(f"[warning]{len(problems)} playbook problem(s) on the search path:[/warning]")
    for problem in problems:
        err.print(escape(str(problem)))

