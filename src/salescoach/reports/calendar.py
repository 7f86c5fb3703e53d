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
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from salescoach.errors import SalescoachError
from salescoach.messages import filled, template
from salescoach.store.facts import Facts, Part, add_days, parse_day
from salescoach.store.index import checked_lists
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
    thousand records at a time: an export of 100,000 records never holds them all."""
    events = _Events(meeting_types)
    return _ics_pieces(events(*_facts_values(record)) for record in facts)


def ics_row_chunks(
    rows: Iterable[tuple[Any, ...]], meeting_types: MeetingTypes | None = None
) -> Iterator[str]:
    """:func:`ics_chunks` of the index's rows of :data:`ICS_SQL` (``Index.ordered_rows``): the
    same text, without making 100,000 :class:`Facts` first."""
    events = _Events(meeting_types)
    return _ics_pieces(map(events.of_row, rows))


_ICS_PARTS = ("objectives", "next_steps", "calendar")
ICS_SQL = (
    "kind",
    "meeting",
    "account_name",
    "coalesce(meeting_type, '')",
    "meeting_date",
    "updated",
    "'[' || " + " || ',' || ".join(f"coalesce({part}, '[]')" for part in _ICS_PARTS) + " || ']'",
)
"""What :func:`ics_row_chunks` reads of each record in the index: its kind, meeting, account,
meeting type, date and last change, and its lists (:data:`_ICS_PARTS`) as one JSON array,
decoded by one call of the JSON module's C code."""
ICS_ROWS = "kind = 'prep' OR next_steps IS NOT NULL"
"""The records that can give an event (a debrief without next steps gives none): what
:func:`ics_row_chunks` needs of the index (``Index.ordered_rows(..., having=ICS_ROWS)``)."""
_ROW_LISTS = len(ICS_SQL) - 1
_CHUNK_RECORDS = 1000
_HEADER = (
    f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
)
_FOOTER = "END:VCALENDAR\r\n"


def _ics_pieces(events: Iterable[str]) -> Iterator[str]:
    """The calendar around each record's events, :data:`_CHUNK_RECORDS` records a piece."""
    pieces = [_HEADER]
    for number, text in enumerate(events, start=1):
        pieces.append(text)
        if number % _CHUNK_RECORDS == 0:
            yield "".join(pieces)
            pieces.clear()
    pieces.append(_FOOTER)
    yield "".join(pieces)


def _facts_values(record: Facts) -> tuple[tuple[Any, ...], tuple[Sequence[Any], ...]]:
    """A record's row of :data:`ICS_SQL` (its lists left out) and its lists."""
    row = (
        record.kind,
        record.meeting,
        record.account_name,
        record.meeting_type or "",
        record.meeting_date,
        record.updated,
        None,
    )
    return row, (record.objectives, record.next_steps, record.calendar)


class _Labels(NamedTuple):
    """The catalogue's ``ics_…`` messages of one language, each ready to fill."""

    meeting: Callable[..., str]
    objective: Callable[..., str]
    meeting_id: Callable[..., str]
    prepare: Callable[..., str]
    step: Callable[..., str]
    done: Callable[..., str]
    owner: Callable[..., str]
    account: Callable[..., str]
    step_id: Callable[..., str]


@functools.cache
def _labels(language: str) -> _Labels:
    """The labels of ``language``, looked up once: an export fills them half a million times."""

    def fill(key: str) -> Callable[..., str]:
        text = template(language, key)
        if "|" in text:  # plural forms
            return functools.partial(filled, language, text)
        return text.format  # what filled() does then, without its call

    return _Labels(*(fill(f"ics_{name}") for name in _Labels._fields))


_decode = json.JSONDecoder().raw_decode
""":func:`json.loads` less its two regular expressions (the text is the index's own)."""
_STEP_DEFAULTS = ("", "open", "", 0)
"""A stored next step's id, status, UID and SEQUENCE when it has none (written before)."""


class _Events:
    """Each record's events as iCalendar text: a prep's meeting, a debrief's dated next steps.

    Written with string formatting, each label from the catalogue in the record's language:
    about 20 µs a record, where the calendar library took milliseconds an event.
    """

    def __init__(self, meeting_types: MeetingTypes | None) -> None:
        self._meeting_types = meeting_types

    def of_row(self, row: tuple[Any, ...]) -> str:
        """The events of a row of :data:`ICS_SQL`; lists an index damaged by hand holds in
        another shape are read as :class:`Facts` reads them (an item that is not one is left
        out)."""
        try:
            return self(row, _decode(row[_ROW_LISTS], 0)[0])
        except (TypeError, ValueError, IndexError, KeyError):
            return self(row, checked_lists(row[_ROW_LISTS], _ICS_PARTS))

    def __call__(self, row: Sequence[Any], lists: Sequence[Sequence[Any]]) -> str:
        """The events of a record's row of :data:`ICS_SQL` with its lists."""
        kind, meeting, account, meeting_type, meeting_date, updated, _ = row
        objectives, steps, calendar = lists
        info = calendar[0] if calendar else None
        language = info[0] if info else "en"
        if kind == "prep":
            return self._meeting(
                meeting, account, meeting_type, meeting_date, updated, objectives, language, info
            )
        if not steps:
            return ""
        return _step_events(meeting, account, _utc_stamp(updated), steps, language)

    def _meeting(
        self,
        meeting: str,
        account: str,
        meeting_type: str,
        meeting_date: str | None,
        updated: str,
        objectives: Sequence[Sequence[Any]],
        language: str,
        info: Sequence[Any] | None,
    ) -> str:
        days = _days(meeting_date)
        if days is None:
            return ""
        types = self._meeting_types(language) if self._meeting_types else {}
        say = _labels(language)
        summary = say.meeting(type=types.get(meeting_type, meeting_type), account=account)
        description = [say.objective(text=text) for text, _ in objectives]
        description.append(say.meeting_id(meeting=meeting))
        prepare = say.prepare(account=account, meeting=meeting)
        moment = _start_and_end(days[0], info[1] if info else None)
        if moment is None:
            when = f"DTSTART;VALUE=DATE:{days[1]}\r\nDTEND;VALUE=DATE:{days[2]}\r\n"
        else:
            when = f"DTSTART:{moment[0]}\r\nDTEND:{moment[1]}\r\n"
        uid = info[2] if info and info[2] else meeting_uid(meeting)
        return (
            "BEGIN:VEVENT\r\n"
            f"{_folded('UID:' + _text(uid))}"
            f"DTSTAMP:{_utc_stamp(updated)}\r\n"
            f"{_folded(f'SEQUENCE:{info[3] if info else 0}')}"
            f"{when}"
            f"{_folded('SUMMARY:' + _text(summary))}"
            f"{_folded('DESCRIPTION:' + _text(chr(10).join(description)))}"
            "CATEGORIES:salescoach\r\n"
            "STATUS:CONFIRMED\r\n"
            "BEGIN:VALARM\r\n"
            "ACTION:DISPLAY\r\n"
            "TRIGGER:-P1D\r\n"
            f"{_folded('DESCRIPTION:' + _text(prepare))}"
            "END:VALARM\r\n"
            "END:VEVENT\r\n"
        )


def _step_events(
    meeting: str, account: str, stamp: str, steps: Sequence[Sequence[Any]], language: str
) -> str:
    """A debrief's next steps with a date, as all-day events (done ones say so, dropped ones
    are cancelled)."""
    events: list[str] = []
    say = _labels(language)
    said = ""  # the lines every step of the record says, worded for the first one
    for step in steps:
        days = _days(step[2])
        if days is None:
            continue
        if len(step) < 7:
            step = (*step, *_STEP_DEFAULTS[len(step) - 3 :])
        action, owner, _, identifier, status, uid, sequence = step  # more: raises, read again
        if not said:
            said = f"{say.account(account=account)}\n{say.meeting_id(meeting=meeting)}\n"
        summary = say.step(action=action, account=account)
        if status == "done":
            summary = say.done(summary=summary)
        description = said + say.step_id(id=identifier)
        if owner:
            description = f"{say.owner(owner=owner)}\n{description}"
        events.append(
            "BEGIN:VEVENT\r\n"
            f"{_folded('UID:' + _text(uid or step_uid(meeting, identifier)))}"
            f"DTSTAMP:{stamp}\r\n"
            f"{_folded(f'SEQUENCE:{sequence}')}"
            f"DTSTART;VALUE=DATE:{days[1]}\r\n"
            f"DTEND;VALUE=DATE:{days[2]}\r\n"
            f"{_folded('SUMMARY:' + _text(summary))}"
            f"{_folded('DESCRIPTION:' + _text(description))}"
            "CATEGORIES:salescoach\r\n"
            "TRANSP:TRANSPARENT\r\n"
            f"STATUS:{'CANCELLED' if status == 'dropped' else 'CONFIRMED'}\r\n"
            "END:VEVENT\r\n"
        )
    return "".join(events)


@functools.lru_cache(maxsize=4096)
def _days(value: str | None) -> tuple[dt.date, str, str] | None:
    """A ``YYYY-MM-DD`` day, as a date, as an iCalendar DATE, and the next day as one (the
    end of an all-day event); ``None`` if it is not a date. Many events share a day."""
    day = parse_day(value)
    if day is None:
        return None
    return day, _date(day), _date(add_days(day, 1))


def _date(day: dt.date) -> str:
    """An iCalendar DATE: four digits of year always (``strftime`` writes year 5 as ``5``)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _start_and_end(day: dt.date, time: str | None) -> tuple[str, str] | None:
    """A timed meeting's DTSTART and DTEND (floating local time: the meeting's hour wherever
    the calendar is); ``None`` without a time, or with one that is not ``HH:MM``."""
    if time is None:
        return None
    try:
        start = dt.datetime.combine(day, dt.time.fromisoformat(time))
    except (TypeError, ValueError):
        return None
    try:
        end = start + dt.timedelta(minutes=MEETING_MINUTES)
    except OverflowError:  # a meeting on 9999-12-31 late in the evening
        end = dt.datetime.combine(day, dt.time.max)
    return _date(start) + f"T{start:%H%M%S}", _date(end) + f"T{end:%H%M%S}"


@functools.lru_cache(maxsize=4096)
def _utc_stamp(timestamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        moment = moment.astimezone(dt.UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before year 1 in UTC
        moment = dt.datetime.min.replace(tzinfo=dt.UTC)
    return _date(moment) + f"T{moment:%H%M%S}Z"


def _text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped.

    Each replacement only where its character is: ``in`` finds it at memchr's speed, where
    ``replace`` reads the text seven times slower even when there is nothing to replace.
    """
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if ";" in value:
        value = value.replace(";", "\\;")
    if "," in value:
        value = value.replace(",", "\\,")
    if "\r" in value:
        value = value.replace("\r\n", "\\n").replace("\r", "\\n")
    if "\n" in value:
        value = value.replace("\n", "\\n")
    return value


def _folded(line: str) -> str:
    """A content line and its CRLF, folded into pieces of at most 75 octets (never inside a
    UTF-8 character); the pieces after the first start with a space."""
    size = len(line)
    if line.isascii():  # a character is an octet
        if size <= 75:
            return line + "\r\n"
        if size <= 149:
            return f"{line[:75]}\r\n {line[75:]}\r\n"
        pieces = [line[:75], *(line[start : start + 74] for start in range(75, size, 74))]
        return "\r\n ".join(pieces) + "\r\n"
    if size <= 18 or len(line.encode("utf-8")) <= 75:  # 18 characters fit in any case
        return line + "\r\n"
    data = line.encode("utf-8")
    pieces, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    pieces.append(data[start:].decode("utf-8"))
    return "\r\n ".join(pieces) + "\r\n"


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
