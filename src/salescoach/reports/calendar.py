"""The calendar both ways: meetings, next steps and reminders out as iCalendar; an invitation in.

Export (:func:`ics_text`): each prepared meeting is an event — at its time when the prep has
one, else all day — with an alarm the day before, to prepare; each next step with a date is an
all-day event (done ones say so, dropped ones are cancelled). UIDs are the ones stored in the
records, and SEQUENCE is the record's count of changes, so importing a later export updates the
events instead of duplicating them. Labels are in each record's language.

Import (:func:`read_invitation`): an invitation saved from a mail client (``.ics``) gives a
prep its date, time, contacts (the attendees) and account (the organiser's or the subject's).

Invitations are parsed with ``icalendar`` (time zones, the ways Outlook and Google write
them), imported only by ``prep --invite``; the export is written here, for speed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salescoach.errors import SalescoachError
from salescoach.messages import message
from salescoach.store.facts import Facts, Part, add_days, parse_day
from salescoach.store.steps import step_uid

ICS_NEEDS: frozenset[Part] = frozenset({"next_steps", "calendar", "objectives"})
"""What :func:`ics_text` reads."""
PRODID = "-//salescoach//meetings and next steps//EN"
MEETING_MINUTES = 60
"""How long a timed meeting is shown: the records keep a start time only."""
MAX_INVITATION_BYTES = 2_000_000

MeetingTypes = Callable[[str], Mapping[str, str]]
"""The meeting-type labels (id → label) of a language."""


def meeting_uid(meeting: str) -> str:
    """The UID of a meeting whose prep has none stored (written before UIDs were kept)."""
    return f"meeting-{meeting}@salescoach"


def ics_text(facts: Iterable[Facts], meeting_types: MeetingTypes | None = None) -> str:
    """The meetings (preps) and next steps (debriefs) among ``facts`` as an iCalendar file.

    Needs :data:`ICS_NEEDS`. Records without a valid date are left out. The text is written
    here (CRLF lines folded at 75 octets, TEXT values escaped, RFC 5545) rather than through
    ``icalendar``, which takes milliseconds an event: 70,000 next steps would take minutes.
    The tests read every export back with ``icalendar``.
    """
    ordered = sorted(facts, key=lambda item: (item.account_slug, item.order))
    return "".join(ics_chunks(ordered, meeting_types))


def ics_chunks(facts: Iterable[Facts], meeting_types: MeetingTypes | None = None) -> Iterator[str]:
    """:func:`ics_text` of facts already in order (by account, then :attr:`Facts.order`), a
    record's events at a time: an export of 100,000 records never holds them all."""
    yield _lines(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
    )
    for record in facts:
        if record.kind == "prep":
            yield _lines(_meeting_event(record, meeting_types))
        else:
            yield _lines(_step_events(record))
    yield _lines(["END:VCALENDAR"])


def _lines(lines: list[str]) -> str:
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))


def _meeting_event(record: Facts, meeting_types: MeetingTypes | None) -> list[str]:
    day = parse_day(record.meeting_date)
    if day is None:
        return []
    info = record.calendar[0] if record.calendar else None
    language = info.language if info else "en"
    kind = record.meeting_type or ""
    label = (meeting_types(language) if meeting_types else {}).get(kind, kind)
    summary = _say(language, "ics_meeting", type=label, account=record.account_name)
    description = [_say(language, "ics_objective", text=o.text) for o in record.objectives]
    description.append(_say(language, "ics_meeting_id", meeting=record.meeting))
    prepare = _say(language, "ics_prepare", account=record.account_name, meeting=record.meeting)
    if info is not None and info.time is not None:
        start = dt.datetime.combine(day, dt.time.fromisoformat(info.time))
        try:
            end = start + dt.timedelta(minutes=MEETING_MINUTES)
        except OverflowError:  # a meeting on 9999-12-31 late in the evening
            end = dt.datetime.combine(day, dt.time.max)
        # Floating local time: the meeting's hour wherever the calendar is.
        when = [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
    else:
        when = [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{add_days(day, 1):%Y%m%d}",
        ]
    return [
        "BEGIN:VEVENT",
        f"UID:{_text(info.uid if info and info.uid else meeting_uid(record.meeting))}",
        f"DTSTAMP:{_utc_stamp(record.updated)}",
        f"SEQUENCE:{info.sequence if info else 0}",
        *when,
        f"SUMMARY:{_text(summary)}",
        f"DESCRIPTION:{_text(chr(10).join(description))}",
        "CATEGORIES:salescoach",
        "STATUS:CONFIRMED",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-P1D",
        f"DESCRIPTION:{_text(prepare)}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _step_events(record: Facts) -> list[str]:
    info = record.calendar[0] if record.calendar else None
    language = info.language if info else "en"
    stamp = _utc_stamp(record.updated)
    lines: list[str] = []
    for step in record.next_steps:
        due = parse_day(step.due)
        if due is None:
            continue
        summary = _say(language, "ics_step", action=step.action, account=record.account_name)
        if step.status == "done":
            summary = _say(language, "ics_done", summary=summary)
        description = [
            _say(language, "ics_owner", owner=step.owner) if step.owner else "",
            _say(language, "ics_account", account=record.account_name),
            _say(language, "ics_meeting_id", meeting=record.meeting),
            _say(language, "ics_step_id", id=step.id),
        ]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_text(step.uid or step_uid(record.meeting, step.id))}",
            f"DTSTAMP:{stamp}",
            f"SEQUENCE:{step.sequence}",
            f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{add_days(due, 1):%Y%m%d}",
            f"SUMMARY:{_text(summary)}",
            f"DESCRIPTION:{_text(chr(10).join(line for line in description if line))}",
            "CATEGORIES:salescoach",
            "TRANSP:TRANSPARENT",
            f"STATUS:{'CANCELLED' if step.status == 'dropped' else 'CONFIRMED'}",
            "END:VEVENT",
        ]
    return lines


def _say(language: str, key: str, **values: Any) -> str:
    return message(language, key, **values)


def _utc_stamp(timestamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> Iterator[str]:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character;
    the pieces after the first start with a space."""
    if len(line) <= 18 or len(line.encode("utf-8")) <= 75:  # 18 characters fit in any case
        yield line
        return
    piece, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            yield piece
            piece, size = " ", 1
        piece += char
        size += width
    yield piece


# ------------------------------------------------------------------------------------ import


class InvitationError(SalescoachError):
    """A file given with ``--invite`` is not an invitation salescoach can read."""


@dataclass(frozen=True)
class Invitation:
    """What an invitation tells a prep: the meeting's date and time, who, and the account."""

    date: str
    time: str | None
    account: str | None
    contacts: list[dict[str, str]] = field(default_factory=list)
    subject: str = ""

    def answers(self) -> dict[str, dict[str, Any]]:
        """Pre-filled prep answers (``meeting.date``, ``meeting.time``, ``meeting.contacts``…)."""
        meeting: dict[str, Any] = {"date": self.date}
        if self.time:
            meeting["time"] = self.time
        if self.account:
            meeting["account"] = self.account
        if self.contacts:
            meeting["contacts"] = [dict(contact) for contact in self.contacts]
        return {"meeting": meeting}


_FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.fr",
        "live.com",
        "yahoo.com",
        "yahoo.fr",
        "icloud.com",
        "me.com",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "gmx.com",
        "proton.me",
        "protonmail.com",
    }
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "gouv"})
_SUBJECT_ACCOUNT = re.compile(
    r"^(?:(?:re|tr|fw|fwd|invitation|updated invitation)\s*:\s*)*"
    r"(?P<account>[^:/|–—]+?)\s+(?:[:/|–—]|-\s|x\s|<>)",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]+")


def read_invitation(path: Path, own_addresses: Iterable[str] = ()) -> Invitation:
    """The first event of an ``.ics`` file; InvitationError naming the file and what is wrong.

    Contacts are the organiser and the attendees, except the rep (``own_addresses``, and
    anyone at the rep's own domain). The account is the organiser's company when the organiser
    is not the rep (the domain ``acme-logistics.com`` → ``Acme Logistics``), else the company
    of the first other attendee, else the subject's first words (``Acme — review`` → ``Acme``).
    Without the rep's address every person is a contact and the subject comes first.
    """
    import icalendar

    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvitationError(f"{path}: cannot read: {error.strerror or error}") from None
    hint = "save the invitation from your mail client as an .ics file (an iCalendar event)"
    if len(data) > MAX_INVITATION_BYTES:
        raise InvitationError(
            f"{path}: larger than {MAX_INVITATION_BYTES:,} bytes, not an invitation", hint=hint
        )
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise InvitationError(f"{path}: not an iCalendar file ({error})", hint=hint) from None
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise InvitationError(f"{path}: holds no event (VEVENT)", hint=hint)
    event = events[0]
    start = event.get("dtstart")
    moment = getattr(start, "dt", None)
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone()  # the meeting in the rep's local time
        date, time = moment.date().isoformat(), moment.strftime("%H:%M")
    elif isinstance(moment, dt.date):
        date, time = moment.isoformat(), None
    else:
        raise InvitationError(f"{path}: the event has no start date (DTSTART)", hint=hint)
    subject = str(event.get("summary") or "").strip()
    own = {address.strip().casefold() for address in own_addresses if "@" in address}
    own_domains = {_domain(address) for address in own} - _FREE_MAIL
    organizer = _person(event.get("organizer"))
    people = [p for p in (_person(a) for a in _as_list(event.get("attendee"))) if p is not None]
    if organizer is not None and all(organizer[1] != p[1] for p in people):
        people.insert(0, organizer)

    def is_rep(person: tuple[str, str]) -> bool:
        return person[1] in own or _domain(person[1]) in own_domains

    outside = [person for person in people if not is_rep(person)]
    if own:
        account = _company(outside) or _subject_account(subject)
    else:
        account = _subject_account(subject) or _company(people[:1])
    contacts = [
        {"name": name or address.split("@")[0], "email": address} for name, address in outside
    ]
    return Invitation(date, time, account, contacts, subject)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _person(value: Any) -> tuple[str, str] | None:
    """(name, address) of an ORGANIZER or ATTENDEE (``mailto:`` URI, ``CN`` parameter)."""
    if value is None:
        return None
    address = str(value).strip()
    if address.casefold().startswith("mailto:"):
        address = address[7:]
    address = address.strip().casefold()
    if not _ADDRESS.fullmatch(address):
        return None
    params = getattr(value, "params", {})
    name = " ".join(str(params.get("CN", "")).strip().strip('"').split())
    if name.casefold() == address:
        name = ""
    return name, address


def _domain(address: str) -> str:
    return address.rpartition("@")[2]


def _company(people: Iterable[tuple[str, str]]) -> str | None:
    """The company of the first address at a company's domain: ``acme-logistics.co.uk`` →
    ``Acme Logistics``."""
    for _, address in people:
        domain = _domain(address)
        if domain in _FREE_MAIL:
            continue
        labels = domain.split(".")[:-1]  # without the top level: .com, .fr
        if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels.pop()  # acme.co.uk
        if not labels:
            continue
        words = [word for word in re.split(r"[-_]", labels[-1]) if word]
        if words:
            return " ".join(word.capitalize() for word in words)
    return None


def _subject_account(subject: str) -> str | None:
    found = _SUBJECT_ACCOUNT.match(subject)
    return found.group("account").strip() if found and found.group("account").strip() else None
