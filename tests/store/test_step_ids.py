"""A next step's id is the start of the base32 of a hash: the same ids as ever, however it is
computed (records in a home keep them, and calendars know the steps by them)."""

from __future__ import annotations

import base64
import hashlib

from hypothesis import given
from hypothesis import strategies as st

from salescoach.store.steps import ID_LENGTH, step_id


@given(st.text(), st.integers(0, 10**6), st.text())
def test_an_id_is_the_start_of_the_whole_hash_in_base32(
    meeting: str, position: int, action: str
) -> None:
    digest = hashlib.sha256(f"{meeting}\n{position}\n{action}".encode("utf-8", "surrogatepass"))
    whole = base64.b32encode(digest.digest()).decode("ascii").lower()
    try:
        made = step_id(meeting, position, action)
    except UnicodeEncodeError:  # a lone surrogate: never in a record read from a file
        return
    assert made == whole[:ID_LENGTH]


def test_known_ids_stay_the_same() -> None:
    assert step_id("m", 0, "Send the contract") == "gq6ygq"
    assert step_id("2026-02-01-acme-negotiation", 1, "Book the demo") == "t43cv5"
