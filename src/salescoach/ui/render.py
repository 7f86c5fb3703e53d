"""The renderer: what the commands show, with user text always literal (never Rich markup).

Results go to standard output, everything else (progress, hints, warnings) to standard error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from salescoach.messages import message
from salescoach.ui.console import err, out

if TYPE_CHECKING:
    from salescoach.errors import Problem
    from salescoach.service.meetings import Interrupted, Started
    from salescoach.store.drafts import Draft
    from salescoach.store.repository import Broken
    from salescoach.workflow import Saved


def literal(text: object, style: str = "") -> Text:
    """``text`` as it is: brackets are characters, not markup."""
    return Text(str(text), style=style)


def say(text: str, style: str = "") -> None:
    """One line on standard error, literal."""
    err.print(literal(text, style), highlight=False)


def warn(label: str, text: str) -> None:
    """A warning line: a styled label, then literal text."""
    line = Text()
    line.append(label, style="warning")
    line.append(" ")
    line.append(text)
    err.print(line, highlight=False)


def markdown(body: str) -> None:
    """A Markdown document on standard output."""
    from rich.markdown import Markdown

    out.print(Markdown(body))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def saved(result: Saved) -> None:
    """The saved record's sheet on stdout, and where it was written on stderr."""
    from salescoach.sheet import sheet_only

    record = result.record
    body = sheet_only(result.body, record.language) if record.kind == "prep" else result.body
    markdown(body)
    kind = message(record.language, record.kind)
    text = message(record.language, "saved", kind=kind, meeting=record.meeting, path=result.path)
    say(_capitalised(text), "ok")


def dropped(language: str, problems: Iterable[Problem], unused: Iterable[str]) -> None:
    """Resumed answers that no longer fit their question, or are no longer asked."""
    label = message(language, "dropped")
    for problem in problems:
        warn(label, f"{problem.field_path}: {problem.message}")
    for answer_id in unused:
        warn(label, f"{answer_id}: {message(language, 'no_longer_asked')}")


def interrupted(language: str, stop: Interrupted) -> None:
    """Where the answers of an interrupted session went, and how to go on."""
    why = message(language, "input_closed" if stop.input_closed else "interrupted")
    if stop.draft is None:
        say("\n" + message(language, "nothing_kept", why=why))
        return
    text = message(
        language,
        "kept_draft",
        why=why,
        count=stop.answered,
        draft=stop.draft.id,
        command=f"salescoach resume {stop.draft.id}",
    )
    say("\n" + text)


def discarded(language: str, kind: str) -> None:
    """The rep discarded the session: nothing written."""
    say(message(language, "discarded", kind=message(language, kind)))


def resuming(started: Started) -> None:
    """Before a resumed walk: what is being resumed and how far it went."""
    language = started.language
    kind = message(language, started.kind)
    count = started.answered
    say(message(language, "resuming", kind=kind, account=started.account, count=count))


def debrief_of(language: str, meeting: str | None) -> None:
    """Before a debrief: which meeting it is about."""
    say(message(language, "debrief_of", meeting=meeting), "bold")


def account_recap(language: str, account: str, known: dict[str, Any]) -> None:
    """Before a prep: the account's last phase and the open next steps of its last debrief."""
    if "last_meeting" not in known:
        return
    phase = known.get("phase", "?")
    text = message(
        language, "last_time", account=account, meeting=known["last_meeting"], phase=phase
    )
    say(text, "heading")
    steps = known.get("open_next_steps") or []
    if steps:
        say(message(language, "open_steps"))
        for step in steps:
            if isinstance(step, dict):
                bits = [str(step.get(k)) for k in ("action", "owner", "due") if step.get(k)]
                say("  - " + " · ".join(bits))


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A plain table on standard output; cells are literal text."""
    from rich.table import Table

    shown = Table(box=None, pad_edge=False, header_style="bold")
    for header in headers:
        shown.add_column(header)
    for row in rows:
        shown.add_row(*(literal("" if cell is None else cell) for cell in row))
    out.print(shown)


def drafts(language: str, found: Sequence[Draft], problems: Iterable[Broken]) -> None:
    """The drafts ``resume`` can go on with, and the draft files it could not read."""
    from salescoach.workflow import answered_count

    for broken in problems:
        warn(message(language, "skipped"), str(broken))
    if not found:
        say(message(language, "no_drafts"), "hint")
        return
    headers = ("draft", "kind", "account", "meeting", "flow", "answers", "stopped at", "when")
    table(
        headers,
        (
            (
                draft.id,
                draft.kind,
                draft.account,
                draft.meeting or draft.meeting_type or "",
                draft.flow or "",
                str(answered_count(draft.answers)),
                draft.position or "",
                draft.updated[:16].replace("T", " "),
            )
            for draft in found
        ),
    )
    say(message(language, "resume_hint"), "hint")
