"""Dates as a rep types them: ISO everywhere, and the shortcuts of the rep's language."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salescoach.playbook.model import Question
from salescoach.playbook.values import AnswerValueError, coerce, parse_date

TODAY = dt.date(2026, 12, 1)  # a Tuesday
DATE = Question(id="when", type="date", prompt="When?")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-24", "2026-12-24"),
        ("today", "2026-12-01"),
        ("Tomorrow", "2026-12-02"),
        ("+3d", "2026-12-04"),
        ("+2w", "2026-12-15"),
        ("+1m", "2026-12-31"),
    ],
)
def test_english_forms(typed: str, expected: str) -> None:
    assert coerce(DATE, typed, today=TODAY, language="en") == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-24", "2026-12-24"),
        ("aujourd'hui", "2026-12-01"),
        ("aujourd’hui", "2026-12-01"),
        ("Demain", "2026-12-02"),
        ("+3j", "2026-12-04"),
        ("+2s", "2026-12-15"),
        ("+1m", "2026-12-31"),
        ("03/12/2026", "2026-12-03"),
        ("3/1/2027", "2027-01-03"),
        ("+3d", "2026-12-04"),  # English shortcuts are understood in French too
        ("tomorrow", "2026-12-02"),
    ],
)
def test_french_forms(typed: str, expected: str) -> None:
    assert coerce(DATE, typed, today=TODAY, language="fr") == expected


@pytest.mark.parametrize("typed", ["+3j", "+2s", "03/12/2026", "demain"])
def test_french_forms_are_not_english_ones(typed: str) -> None:
    with pytest.raises(AnswerValueError):
        coerce(DATE, typed, today=TODAY, language="en")


@pytest.mark.parametrize("typed", ["31/02/2026", "00/12/2026", "12/13/2026", "+3x"])
def test_impossible_french_dates_are_refused_in_french(typed: str) -> None:
    with pytest.raises(AnswerValueError) as refused:
        coerce(DATE, typed, today=TODAY, language="fr")
    assert "+3j" in refused.value.in_language("fr")


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_a_french_date_reads_back_as_itself(day: dt.date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y"), TODAY, "fr") == day
