"""A stored record's readable body and its sheet, laid out by the playbooks that asked it.

Apart from :mod:`salescoach.workflow` (which saves records and imports the questionnaire
engine and the drafts for it): ``salescoach show`` needs only this.
"""

from __future__ import annotations

from typing import Any

from salescoach.errors import NotFoundError
from salescoach.messages import message
from salescoach.playbook.library import Library
from salescoach.sheet.markdown import SheetHeader, prep_sheet, render_body
from salescoach.sheet.model import Sheet
from salescoach.store.record import Record


def render_record_body(
    record: Record,
    library: Library,
    playbooks: list[Any] | None = None,
    *,
    linked: bool = False,
    language: str | None = None,
) -> str:
    """The Markdown body of a record, from the playbooks that asked it (or today's versions).

    ``language``: the one ``library`` is in, when the record is shown in another than its own
    (``--lang``). Every label then follows it, salescoach's (the title's kind, "Details", the
    colons) as the playbooks'; the rep's answers stay as they were typed.

    ``linked``: under the title, a relative link to the other record of the meeting (a debrief
    always has its prep; a prep links to its debrief once there is one), which Obsidian and any
    Markdown viewer follow.
    """
    if playbooks is None:
        playbooks = record_playbooks(record, library)
    header = record_header(record, language)
    body = render_body(header, record.answers, playbooks, library, record.flow)
    if not linked:
        return body
    title, _, rest = body.partition("\n")
    link = message(header.language, f"link_to_{'prep' if record.kind == 'debrief' else 'debrief'}")
    return f"{title}\n\n{link}\n{rest}"


def record_sheet(
    record: Record,
    library: Library,
    playbooks: list[Any] | None = None,
    *,
    language: str | None = None,
) -> Sheet:
    """The one-page sheet of a prep record, laid out by the flow it walked (``language``: as
    for :func:`render_record_body`)."""
    if playbooks is None:
        playbooks = record_playbooks(record, library)
    header = record_header(record, language)
    return prep_sheet(header, record.answers, playbooks, library, record.flow)


def record_playbooks(record: Record, library: Library) -> list[Any]:
    """The playbooks a record used, in today's versions (those gone are skipped)."""
    playbooks = []
    for use in record.playbooks:
        try:
            playbooks.append(library.get(use.id).playbook)
        except NotFoundError:
            continue
    return playbooks


def record_header(record: Record, language: str | None = None) -> SheetHeader:
    """What the title line of the record says, in ``language`` (by default the record's)."""
    return SheetHeader(
        kind=record.kind,
        account=record.account.name,
        meeting_type=record.meeting_type,
        meeting_date=record.meeting_date,
        language=language or record.language,
    )
