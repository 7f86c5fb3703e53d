"""Fixtures for the report tests: the isolated home as a repository, the built-in reference."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, Part
from salescoach.store.index import Index
from salescoach.store.repository import Repository
from tests.reports.homes import all_facts, builtin_reference


@pytest.fixture
def repo(isolated_home: Path) -> Repository:
    return Repository(isolated_home)


@pytest.fixture(scope="session")
def reference() -> Reference:
    return builtin_reference()


FactSources = Callable[[frozenset[Part]], list[list[Facts]]]


@pytest.fixture
def sources(isolated_home: Path) -> FactSources:
    """Both ways a report gets its facts: straight from the files, and through the index.

    Each report test computes its report from both and expects the same hand-worked answer.
    """

    def read(parts: frozenset[Part]) -> list[list[Facts]]:
        with Index.open(isolated_home) as index:
            indexed = index.facts(parts=parts)
        return [all_facts(isolated_home), indexed]

    return read
