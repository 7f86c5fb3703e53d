"""Whatever a rep types as an account or a meeting, every path stays inside the data home."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salescoach.errors import NotFoundError, StoreError, UsageError
from salescoach.store.repository import Repository

hostile = st.one_of(
    st.text(min_size=1, max_size=60),
    st.sampled_from(["..", "../../etc", "/etc/passwd", "CON", "nul.txt", ".hidden", "a/b\\c", "~"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=hostile)
def test_account_folders_stay_inside_the_home(tmp_path: Path, name: str) -> None:
    # A fresh home per example: tmp_path is shared by all of them, and a name that is another
    # account's slug (`1` after `1\r`) rightly finds that account.
    home = Path(tempfile.mkdtemp(dir=tmp_path)) / "home"
    repository = Repository(home)
    try:
        account = repository.account_ref(name)
    except (ValueError, StoreError, UsageError):
        return  # refused (an empty name): refusing is fine, escaping is not
    folder = (home / "accounts" / account.slug).resolve()
    assert folder.is_relative_to((home / "accounts").resolve())
    assert folder.parent == (home / "accounts").resolve()
    assert repository.find_account(name).slug == account.slug  # found again by what was typed


@pytest.mark.parametrize("query", ["..", "../..", "../../etc/passwd", "/etc", "~root", "*"])
def test_meeting_queries_never_leave_the_home(tmp_path: Path, query: str) -> None:
    repository = Repository(tmp_path / "home")
    repository.new_meeting("ACME", "2026-12-01", "discovery")
    with pytest.raises(NotFoundError):
        repository.load(repository.resolve_meeting(query), "prep")
