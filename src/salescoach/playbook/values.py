"""What an answer to each question type may be, and how typed input becomes that value.

One function, :func:`coerce`, is the single rule book: the engine applies it to what a rep types,
to an answers file and to a playbook's ``default`` and ``example`` values, so all three agree.

Text policy: ``\\r\\n`` and ``\\r`` become ``\\n``; C0 control characters other than tab and
newline (terminal escape debris) and DEL are removed; lone surrogates become U+FFFD. Everything
else — accents, emoji, ``\\x85``, leading ``---`` — is kept exactly.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Sequence
from typing import Any

from salescoach.messages import message
from salescoach.playbook.model import Option, Question, QuestionType

Answer = Any
"""An answer value: str, int, float, bool, a list of those, or nested lists/dicts for groups."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_RELATIVE_DATE = re.compile(r"^\+(\d{1,4})\s*([a-z])$")
_SLASHED_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DATE_WORDS = {
    "en": {"today": 0, "tomorrow": 1},
    "fr": {"aujourd'hui": 0, "aujourd’hui": 0, "auj": 0, "demain": 1},
}
_DATE_UNITS = {"en": {"d": 1, "w": 7, "m": 30}, "fr": {"j": 1, "s": 7, "m": 30}}
"""Relative dates: ``+3d``/``+2w`` in English, ``+3j``/``+2s`` in French; ``+1m`` is 30 days."""
_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[:h.]\s*(\d{2}))?\s*(am|pm|h)?$")
_YES = {"y", "yes", "true", "o", "oui", "vrai", "1"}
_NO = {"n", "no", "false", "non", "faux", "0"}


class AnswerValueError(ValueError):
    """The value does not fit the question; the message says what would, in any language.

    ``key`` and ``params`` name a message of :mod:`salescoach.messages`; ``str()`` is English,
    :meth:`in_language` what the rep reads.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(message("en", key, **params))

    def in_language(self, language: str) -> str:
        """The message in ``language``."""
        return message(language, self.key, **self.params)


def clean_text(text: str) -> str:
    """Apply the text policy above."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def is_number(value: Answer) -> bool:
    """Whether a value is a number a float holds (not a bool): what ``{:g}`` can show."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and abs(value) <= sys.float_info.max
    )


def is_empty(value: Answer) -> bool:
    """Whether a value counts as no answer at all."""
    return value is None or value == "" or value == [] or value == {}


def coerce(
    question: Question,
    value: Answer,
    options: Sequence[Option] = (),
    *,
    today: dt.date | None = None,
    language: str = "en",
) -> Answer:
    """Turn ``value`` into the canonical answer for ``question``, or raise AnswerValueError.

    ``options`` are the question's resolved choices (from ``options`` or ``choices_from``).
    Empty values come back as ``None``; whether that is allowed is the caller's business.
    ``language`` is the rep's: it decides the date shortcuts accepted (``+3j`` in French).
    """
    if isinstance(value, str):
        value = clean_text(value)
        if question.type not in (QuestionType.PARAGRAPH, QuestionType.TEXT):
            value = value.strip()
    if is_empty(value):
        return None
    if question.type == QuestionType.DATE:
        return _date(value, today or dt.date.today(), language)
    coercer = _COERCERS[question.type]
    return coercer(question, value, options, today or dt.date.today())


def coerce_item(question: Question, value: Answer) -> str:
    """One item of a ``list`` question: a non-empty line of text."""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise AnswerValueError("value_item_text")
    text = clean_text(str(value)).strip()
    if not text:
        raise AnswerValueError("value_item_empty")
    _check_length(question, text)
    return text


def _check_length(question: Question, text: str) -> None:
    if question.max_length is not None and len(text) > question.max_length:
        raise AnswerValueError("value_too_long", most=question.max_length, given=len(text))


def _text(question: Question, value: Answer, options: Sequence[Option], today: dt.date) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise AnswerValueError("value_text")
    text = str(value)
    if question.type == QuestionType.TEXT and "\n" in text.strip("\n"):
        raise AnswerValueError("value_single_line")
    if question.type == QuestionType.TEXT:
        text = text.strip()
    _check_length(question, text)
    return text


def _option_value(raw: Any, options: Sequence[Option]) -> str:
    if not isinstance(raw, str):
        raw = str(raw)
    for option in options:
        if raw == option.value:
            return option.value
    folded = raw.casefold()
    for option in options:
        if folded in (option.value.casefold(), option.label.casefold()):
            return option.value
    allowed = ", ".join(option.value for option in options)
    raise AnswerValueError("value_not_a_choice", given=raw, allowed=allowed)


def _choice(question: Question, value: Answer, options: Sequence[Option], today: dt.date) -> str:
    if isinstance(value, list | dict):
        raise AnswerValueError("value_one_choice")
    return _option_value(value, options)


def _choices(
    question: Question, value: Answer, options: Sequence[Option], today: dt.date
) -> list[str]:
    items = value if isinstance(value, list) else [value]
    chosen: list[str] = []
    for item in items:
        if isinstance(item, list | dict):
            raise AnswerValueError("value_choice_list")
        option = _option_value(item, options)
        if option not in chosen:
            chosen.append(option)
    _check_count(question, chosen)
    return chosen


def _check_count(question: Question, items: Sequence[Any]) -> None:
    if question.min_items is not None and len(items) < question.min_items:
        raise AnswerValueError("value_too_few", least=question.min_items, given=len(items))
    if question.max_items is not None and len(items) > question.max_items:
        raise AnswerValueError("value_too_many", most=question.max_items, given=len(items))


def _yesno(question: Question, value: Answer, options: Sequence[Option], today: dt.date) -> bool:
    if isinstance(value, bool):
        return value
    folded = str(value).strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise AnswerValueError("value_yesno")


def _number(
    question: Question, value: Answer, options: Sequence[Option], today: dt.date
) -> int | float:
    if isinstance(value, bool):
        raise AnswerValueError("value_number")
    number: int | float
    if isinstance(value, int | float):
        number = value
    elif isinstance(value, str):
        text = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        try:
            number = int(text)
        except ValueError:
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                raise AnswerValueError("value_not_number", given=value) from None
    else:
        raise AnswerValueError("value_number")
    if number != number or number in (float("inf"), float("-inf")):
        raise AnswerValueError("value_finite")
    if (
        abs(number) > sys.float_info.max
    ):  # an int a float cannot hold: it could not be shown or stored
        raise AnswerValueError("value_too_large")
    if question.min is not None and number < question.min:
        raise AnswerValueError("value_min", least=f"{question.min:g}")
    if question.max is not None and number > question.max:
        raise AnswerValueError("value_max", most=f"{question.max:g}")
    return number


def _scale(question: Question, value: Answer, options: Sequence[Option], today: dt.date) -> int:
    number = _number(question, value, options, today)
    if number != int(number):
        raise AnswerValueError("value_whole")
    return int(number)


def parse_date(text: str, today: dt.date, language: str = "en") -> dt.date:
    """An ISO date (YYYY-MM-DD), or the shortcuts of the rep's language.

    English: ``today``, ``tomorrow``, ``+3d``, ``+2w``. French: ``aujourd'hui``, ``demain``,
    ``+3j``, ``+2s`` and ``JJ/MM/AAAA``. ``+1m`` is 30 days in both. English words and units are
    understood in French too; French ones are not in English (``03/12/2026`` reads differently
    there).
    """
    folded = text.strip().casefold()
    languages = ["en"] if language != "fr" else ["fr", "en"]
    for lang in languages:
        if folded in _DATE_WORDS[lang]:
            return today + dt.timedelta(days=_DATE_WORDS[lang][folded])
    relative = _RELATIVE_DATE.match(folded)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2)
        for lang in languages:
            if unit in _DATE_UNITS[lang]:
                return today + dt.timedelta(days=count * _DATE_UNITS[lang][unit])
    slashed = _SLASHED_DATE.match(folded) if language == "fr" else None
    try:
        if slashed:
            day, month, year = (int(part) for part in slashed.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(folded)
    except (ValueError, OverflowError):
        raise AnswerValueError("value_date", given=text) from None


def _date(value: Answer, today: dt.date, language: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise AnswerValueError("value_date_type")
    return parse_date(value, today, language).isoformat()


def parse_time(text: str) -> str:
    """A time of day as ``HH:MM``: ``14:30``, ``9:05``, ``14h30``, ``14h``, ``2pm``, ``2:30 pm``."""
    found = _CLOCK.match(text.strip().casefold())
    if found is None:
        raise AnswerValueError("value_time", given=text)
    hours, minutes = int(found.group(1)), int(found.group(2) or 0)
    suffix = found.group(3)
    if suffix in ("am", "pm"):
        if not 1 <= hours <= 12:
            raise AnswerValueError("value_time", given=text)
        hours = hours % 12 + (12 if suffix == "pm" else 0)
    elif found.group(2) is None and suffix is None:
        raise AnswerValueError("value_time", given=text)  # a bare number: an hour or a day?
    if hours > 23 or minutes > 59:
        raise AnswerValueError("value_time", given=text)
    return f"{hours:02d}:{minutes:02d}"


def _time(question: Question, value: Answer, options: Sequence[Option], today: dt.date) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if not isinstance(value, str):
        raise AnswerValueError("value_time", given=value)
    return parse_time(value)


def _list(
    question: Question, value: Answer, options: Sequence[Option], today: dt.date
) -> list[str]:
    items = value if isinstance(value, list) else [value]
    cleaned = [coerce_item(question, item) for item in items if not is_empty(item)]
    _check_count(question, cleaned)
    return cleaned


def _group(
    question: Question, value: Answer, options: Sequence[Option], today: dt.date
) -> list[dict[str, Answer]]:
    # Sub-answers are checked by the engine, which knows their options and conditions; here only
    # the shape is.
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, dict) for item in items):
        raise AnswerValueError("value_entries")
    _check_count(question, items)
    return list(items)


_COERCERS = {
    QuestionType.TEXT: _text,
    QuestionType.PARAGRAPH: _text,
    QuestionType.CHOICE: _choice,
    QuestionType.CHOICES: _choices,
    QuestionType.YESNO: _yesno,
    QuestionType.NUMBER: _number,
    QuestionType.SCALE: _scale,
    QuestionType.TIME: _time,
    QuestionType.LIST: _list,
    QuestionType.GROUP: _group,
}
