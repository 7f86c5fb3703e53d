"""The recap to send the client after a meeting, drafted from its debrief.

The wording is not in the code: it comes from the ``recap`` reference playbook (built-in in
English and French; a team directory overrides it by id like any playbook). Each of its entries
is one part of the message, in order (:data:`PARTS`); a template without an entry leaves that
part out. Texts hold named placeholders in braces, ``{date}``, checked when the template is read
(an unknown name is an error at its line and column) and filled by :func:`fill`, which replaces
names and nothing else — no attribute access, no format specifications, no code.

:func:`draft` builds a :class:`Recap` from a debrief and its prep; :func:`as_text`,
:func:`as_markdown` and :func:`as_eml` write it out. Nothing here knows about a terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from salescoach.errors import SalescoachError
from salescoach.playbook.template import Template, fill, load_template
from salescoach.store.facts import facts_of, parse_day

if TYPE_CHECKING:
    from salescoach.playbook.library import Library
    from salescoach.reports.reference import Reference
    from salescoach.store.record import Record
    from salescoach.store.repository import Repository

_ADDRESS = re.compile(r"[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]+")


class RecapError(SalescoachError):
    """A recap cannot be drafted (no debrief, no prep)."""


@dataclass(frozen=True)
class Section:
    """One part of the message: a sentence, optionally followed by items (a list) or a text."""

    text: str
    items: tuple[str, ...] = ()
    paragraph: str = ""


@dataclass(frozen=True)
class Recap:
    """A drafted recap: who it is for, its subject, and its sections in order."""

    subject: str
    subject_heading: str
    to: tuple[tuple[str, str], ...]
    """(name, address) of each contact whose e-mail address is known."""
    sections: tuple[Section, ...] = field(default_factory=tuple)
    language: str = "en"
    meeting: str = ""


# ------------------------------------------------------------------------------------ drafting


def recap_of(repository: Repository, library_in: Callable[[str], Library], query: str) -> Recap:
    """The recap of a meeting (an id or a unique part of it), in its debrief's language."""
    from salescoach.errors import NotFoundError
    from salescoach.reports.reference import Reference

    meeting = repository.resolve_meeting(query)
    try:
        debrief = repository.load(meeting, "debrief")
    except NotFoundError:
        raise RecapError(
            f"meeting {meeting} has no debrief yet: the recap is drafted from it",
            hint=f"salescoach debrief {meeting}",
        ) from None
    try:
        prep: Record | None = repository.load(meeting, "prep")
    except NotFoundError:
        prep = None
    library = library_in(debrief.language)
    try:
        reference: Reference | None = Reference.from_library(library)
    except SalescoachError:  # no cadence: the next contact then comes from the steps only
        reference = None
    return draft(debrief, prep, load_template(library), reference)


def draft(
    debrief: Record, prep: Record | None, template: Template, reference: Reference | None = None
) -> Recap:
    """The recap of a debrief (with its prep's contacts), in the template's words.

    The next contact is the earliest date of a next step still planned, else the meeting's
    date plus the contact cadence of the debrief's phase (from ``reference``).
    """
    answers = _mapping(debrief.answers.get("debrief"))
    meeting = _mapping(prep.answers.get("meeting")) if prep else {}
    facts = facts_of(debrief)
    day = parse_day(debrief.meeting_date)
    date = _date(day, template) if day else ""
    common = {"date": date, "account": debrief.account.name}
    contacts = _contacts(meeting.get("contacts"))
    sections: list[Section] = []

    def add(part: str, values: Mapping[str, str] | None = None, **content: Any) -> None:
        if template.has(part):
            sections.append(Section(fill(template.labels[part], values or {}), **content))

    names = [name.split()[0] for name, _ in contacts if name.split()]
    if names:
        joined = ", ".join(names[:-1]) + f" {template.detail('greeting', 'and')} " + names[-1]
        add("greeting", {"names": joined if len(names) > 1 else names[0]})
    elif template.has("greeting"):
        sections.append(Section(template.detail("greeting", "nobody") or ""))
    add("thanks", common)
    understood = _text(answers.get("learned_essential"))
    if understood:
        add("understood", paragraph=understood)
    agreed = _text(answers.get("negotiation_outcome"))
    if agreed:
        add("agreed", paragraph=agreed)
    if facts.commitments_given:
        add("given", items=tuple(facts.commitments_given))
    if facts.commitments_received:
        add("received", items=tuple(facts.commitments_received))
    planned = [step for step in facts.next_steps if step.status != "dropped"]
    if planned:
        add("next_steps", items=tuple(_step_line(step, template) for step in planned))
    contact = _next_contact(planned, day, facts.phase, reference)
    if contact is not None:
        add("next_contact", {"date": _date(contact, template)})
    add("closing")
    sections = [section for section in sections if section.text or section.items]
    return Recap(
        subject=fill(template.labels.get("subject", ""), common),
        subject_heading=template.detail("subject", "heading") or "Subject:",
        to=tuple((name, address) for name, address in contacts if address),
        sections=tuple(sections),
        language=template.language,
        meeting=debrief.meeting,
    )


def _step_line(step: Any, template: Template) -> str:
    own = [word.casefold() for word in template.detail("next_steps", "self", [])]
    owner = step.owner.strip()
    who = template.detail("next_steps", "me") if not owner or owner.casefold() in own else owner
    day = parse_day(step.due)
    if day is None:
        line = template.detail("next_steps", "step_undated") or "{action} — {who}"
        return fill(line, {"action": step.action, "who": who})
    line = template.detail("next_steps", "step") or "{action} — {who}, {due}"
    return fill(line, {"action": step.action, "who": who, "due": _date(day, template)})


def _next_contact(
    steps: Sequence[Any], day: dt.date | None, phase: str | None, reference: Reference | None
) -> dt.date | None:
    dates = sorted(d for d in (parse_day(step.due) for step in steps) if d is not None)
    later = [d for d in dates if day is None or d >= day]
    if later:
        return later[0]
    known = reference.phase(phase) if reference else None
    if day is not None and known is not None:
        return day + dt.timedelta(days=known.cadence_days)
    return None


def _date(day: dt.date, template: Template) -> str:
    weekdays = template.detail("dates", "weekdays", [])
    months = template.detail("dates", "months", [])
    values = {
        "weekday": weekdays[day.weekday()] if len(weekdays) == 7 else "",
        # The first of the month may be written otherwise ("1er" in French).
        "day": str(template.detail("dates", "first_day", "1")) if day.day == 1 else str(day.day),
        "month": months[day.month - 1] if len(months) == 12 else str(day.month),
        "year": str(day.year),
    }
    return " ".join(fill(template.labels.get("dates", "{day} {month} {year}"), values).split())


def _contacts(value: Any) -> list[tuple[str, str]]:
    """(name, address) of each contact; the address from an ``email`` answer, or written in
    the name (``Claire Martin <claire@acme.example>``)."""
    from email.utils import parseaddr

    found: list[tuple[str, str]] = []
    for item in value if isinstance(value, list) else []:
        item = _mapping(item)
        name = _text(item.get("name"))
        address = _text(item.get("email"))
        if not address and "@" in name:
            parsed_name, parsed_address = parseaddr(name)
            if _ADDRESS.fullmatch(parsed_address):
                name, address = parsed_name or name.split("<")[0].strip(), parsed_address
        if address and not _ADDRESS.fullmatch(address):
            address = ""
        if name or address:
            found.append((name, address))
    return found


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


# ------------------------------------------------------------------------------------ writing


def as_text(recap: Recap, *, subject: bool = True) -> str:
    """Plain text, as typed into a mail: the subject line, then the body."""
    lines = [f"{recap.subject_heading} {recap.subject}", ""] if subject else []
    for section in recap.sections:
        lines.append(section.text)
        lines += [f"- {item}" for item in section.items]
        if section.paragraph:
            lines.append(section.paragraph)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def as_markdown(recap: Recap) -> str:
    """Markdown: the subject in bold, each list as bullets; the rep's text escaped."""
    lines = [f"**{_md(recap.subject_heading)}** {_md(recap.subject)}", ""]
    for section in recap.sections:
        lines.append(_md(section.text))
        if section.items:
            lines.append("")
            lines += [f"- {_md(item)}" for item in section.items]
        if section.paragraph:
            lines.append("")
            lines += [_md(line) for line in section.paragraph.split("\n")]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def with_edits(recap: Recap, text: str) -> tuple[str, str]:
    """The subject and body of a plain-text recap the rep edited: a first line that starts
    with the subject heading is the subject, the rest is the body."""
    first, _, rest = text.partition("\n")
    heading = recap.subject_heading
    if first.startswith(heading):
        return first[len(heading) :].strip(), rest.lstrip("\n")
    return recap.subject, text


def as_eml(
    recap: Recap,
    body: str | None = None,
    *,
    subject: str | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """An RFC 5322 message (UTF-8) any mail client opens as a draft: To from the contacts
    whose address is known, the subject, the plain-text body (``body`` and ``subject`` if
    given, as edited)."""
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime, formataddr, make_msgid

    message = EmailMessage(policy=SMTP)
    if recap.to:
        message["To"] = ", ".join(formataddr((name, address)) for name, address in recap.to)
    message["Subject"] = subject if subject is not None else recap.subject
    message["Date"] = format_datetime(now or dt.datetime.now(dt.UTC).astimezone())
    message["Message-ID"] = make_msgid(domain="salescoach.invalid")
    message["X-Unsent"] = "1"  # Outlook and others open it as a draft to send
    message.set_content(
        body if body is not None else as_text(recap, subject=False), charset="utf-8"
    )
    return message.as_bytes()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(?=\s|$)")


def _md(text: str) -> str:
    """Text shown as itself in Markdown: emphasis, links, HTML and list or heading marks
    at a line's start escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)
