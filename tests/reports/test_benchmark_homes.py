"""The benchmarks' synthetic homes: the fast way of writing them gives the files the store's
``new_meeting`` + ``save`` give, and the reports can read them."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from salescoach.reports.phases import phases
from salescoach.reports.reference import Reference
from salescoach.store.facts import facts_of
from salescoach.store.record import Record
from salescoach.store.repository import Repository

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_both_ways_of_writing_give_the_same_files() -> None:
    assert load_generator().check(records=40, accounts=3) == []


def test_a_generated_home_reads_back(tmp_path: Path, reference: Reference) -> None:
    generator = load_generator()
    today = dt.date(2026, 11, 28)
    written = generator.generate(tmp_path / "home", 80, 4, today=today)
    items = list(Repository(tmp_path / "home").scan())
    assert all(isinstance(item, Record) for item in items)
    assert len(items) == written
    assert 70 <= written <= 90
    report = phases([facts_of(r) for r in items if isinstance(r, Record)], reference, today)
    assert report.accounts == 4
    assert report.unknown == 0
