"""``recap MEETING``: the follow-up message to send the client, drafted from the debrief."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salescoach.cli.state import AppState, state

if TYPE_CHECKING:
    from salescoach.service.meetings import Outcome
    from salescoach.session.prompter import Prompter


class RecapFormat(StrEnum):
    """What ``recap`` writes."""

    txt = "txt"
    md = "md"
    eml = "eml"


def register(app: typer.Typer) -> None:
    """Add ``recap`` to the app."""
    app.command(name="recap")(recap)


def recap(
    ctx: typer.Context,
    meeting: Annotated[
        str,
        typer.Argument(
            metavar="MEETING",
            help="The meeting id (or a unique part of it) from `salescoach list`.",
        ),
    ],
    output_format: Annotated[
        RecapFormat,
        typer.Option(
            "--format", "-f", help="txt (plain text), md (Markdown) or eml (a mail to open)."
        ),
    ] = RecapFormat.txt,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the draft in $VISUAL or $EDITOR first.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Draft the follow-up message to send the client, from the meeting's debrief.

    Thanks, what was agreed, the commitments of both sides, the next steps with who and when,
    and the date of the next contact, in the record's language. The wording comes from the
    `recap` playbook, which a team directory can override.

    Examples:

      salescoach recap 2026-12-03-acme-discovery

      salescoach recap acme-discovery --format eml -o recap.eml --edit
    """
    from salescoach.recap import as_eml, as_markdown, as_text, recap_of, with_edits

    app_state = state(ctx)
    drafted = recap_of(app_state.repository, app_state.library_in, meeting)
    text = as_markdown(drafted) if output_format == RecapFormat.md else as_text(drafted)
    if edit:
        text = _edited(text, ".md" if output_format == RecapFormat.md else ".txt")
    data: str | bytes = text
    if output_format == RecapFormat.eml:
        subject, body = with_edits(drafted, text)
        data = as_eml(drafted, body, subject=subject)
    _write(data, output)


def offer_recap(app_state: AppState, prompter: Prompter, outcome: Outcome) -> None:
    """At the end of a debrief: "Draft the recap now?"; yes prints it, with how to mail it."""
    from salescoach.messages import message
    from salescoach.recap import as_text, recap_of
    from salescoach.service.meetings import Finished

    if not isinstance(outcome, Finished):
        return
    language = app_state.language_of(outcome.saved.record.language)
    meeting = outcome.saved.record.meeting
    try:
        wanted = prompter.confirm("recap", message(language, "offer_recap"), True)
    except (KeyboardInterrupt, EOFError):  # the debrief is saved: nothing to keep
        return
    if not wanted:
        return
    drafted = recap_of(app_state.repository, app_state.library_in, meeting)
    from salescoach.ui.render import say

    sys.stdout.write("\n" + as_text(drafted) + "\n")
    sys.stdout.flush()
    say(message(language, "recap_hint", meeting=meeting), "hint")


def _edited(text: str, extension: str) -> str:
    """The text as the rep left it in their editor (unchanged if they quit without saving)."""
    import click

    from salescoach.errors import SalescoachError

    try:
        edited = click.edit(text, extension=extension, require_save=True)
    except click.ClickException as error:
        raise SalescoachError(
            f"cannot open an editor: {error.format_message()}",
            hint="set $VISUAL or $EDITOR to your editor's command",
        ) from None
    return text if edited is None else edited


def _write(data: str | bytes, output: Path | None) -> None:
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
        return
    from salescoach.store.atomic import write_output
    from salescoach.ui.render import say

    write_output(output, data)  # a device such as /dev/stdout is written into, not replaced
    say(str(output), "ok")
