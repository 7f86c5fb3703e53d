""":func:`salescoach.closest.close_matches` answers what :func:`difflib.get_close_matches`
answers (ties and duplicates included), without comparing every possibility."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.closest import close_matches

IDS = st.text(alphabet="abcdeé-12A", max_size=12)


@settings(max_examples=400, deadline=None)
@given(
    word=IDS,
    possibilities=st.lists(IDS, max_size=40),
    n=st.integers(min_value=1, max_value=6),
    cutoff=st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.8, 1.0]),
)
def test_the_answer_is_difflibs(word: str, possibilities: list[str], n: int, cutoff: float) -> None:
    expected = difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)
    assert close_matches(word, possibilities, n=n, cutoff=cutoff) == expected


def test_meeting_ids_alike_give_the_nearest_first() -> None:
    ids = [
        f"2026-{month:02}-{day:02}-acme-{kind}"
        for month in range(1, 13)
        for day in (1, 15)
        for kind in ("discovery", "negotiation", "closing")
    ]
    typo = "2026-03-15-acme-negociation"
    found = close_matches(typo, ids, n=5, cutoff=0.5)
    assert found == difflib.get_close_matches(typo, ids, n=5, cutoff=0.5)
    assert found[0] == "2026-03-15-acme-negotiation"


@pytest.mark.parametrize(("n", "cutoff"), [(0, 0.5), (3, -0.1), (3, 1.5)])
def test_its_arguments_are_checked_as_difflib_checks_them(n: int, cutoff: float) -> None:
    with pytest.raises(ValueError):
        difflib.get_close_matches("a", ["a"], n=n, cutoff=cutoff)
    with pytest.raises(ValueError):
        close_matches("a", ["a"], n=n, cutoff=cutoff)
