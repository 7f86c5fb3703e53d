"""Fixtures for the store tests: a data home in tmp_path (tests/conftest.py isolates the env)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from salescoach.store.repository import Repository


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def repo(home: Path) -> Repository:
    return Repository(home)


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """Run with umask 0, so only the store's own chmods make files private."""
    import os

    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)
