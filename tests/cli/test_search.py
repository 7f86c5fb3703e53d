"""``salescoach search`` as a user runs it: hits on stdout, counts on stderr, ``--json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from salescoach.cli.app import run
from salescoach.store.repository import Repository
from tests.store.test_search import save


@pytest.fixture
def salescoach(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    from rich.console import Console

    from salescoach.ui import console

    monkeypatch.setattr(console, "out", Console(theme=console.THEME, highlight=False, width=1000))

    def invoke(*args: str) -> tuple[int, str, str]:
        code = run(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def home(isolated_home: Path) -> Path:
    repo = Repository(isolated_home)
    for day in ("2026-01-10", "2026-02-10", "2026-03-10"):
        save(repo, "Société Générale", day, {"context": f"The unions met on {day}."})
    save(repo, "Acme", "2026-01-05", {"context": "Pricing only."}, notes="Unions? Not here.")
    return isolated_home


def test_hits_show_date_account_kind_meeting_and_snippet(salescoach: Any, home: Path) -> None:
    code, out, err = salescoach("search", "unions", "--account", "acme")
    assert code == 0
    assert out.splitlines() == [
        "2026-01-05  Acme  prep · Discovery  2026-01-05-acme-discovery",
        "  Unions? Not here.",
    ]
    assert err == ""


def test_limit_says_how_many_more(salescoach: Any, home: Path) -> None:
    code, out, err = salescoach("search", "union*", "met", "-n", "2")
    assert code == 0
    assert out.count("Société Générale") == 2
    assert err == "2 of 3 records shown; --limit 0 shows them all.\n"
    code, out, err = salescoach("--lang", "fr", "search", "unions", "-n", "1")
    assert err == "1 enregistrements affichés sur 4 ; --limit 0 les montre tous.\n"


def test_json(salescoach: Any, home: Path) -> None:
    code, out, _ = salescoach("search", "unions", "--since", "2026-02-01", "--json")
    hits = json.loads(out)
    assert code == 0
    assert [hit["date"] for hit in hits] == ["2026-03-10", "2026-02-10"]  # equal rank: latest first
    first = hits[0]
    assert first["account"] == "Société Générale" and first["kind"] == "prep"
    assert first["snippet"] == "The unions met on 2026-03-10."
    assert first["highlights"] == [[4, 10]]
    assert Path(first["path"]).is_file()


def test_nothing_found_and_bad_input(salescoach: Any, home: Path) -> None:
    assert salescoach("search", "strike") == (0, "", "No record holds: strike\n")
    assert salescoach("search", "strike", "--json") == (0, "[]\n", "")
    code, _, err = salescoach("search", "--", "*")
    assert code == 2 and "nothing to search for" in err
    code, _, err = salescoach("search", "unions", "--since", "March")
    assert code == 2 and "--since takes a date" in err
    code, _, err = salescoach("search", "unions", "--kind", "both")
    assert code == 2 and "--kind" in err


def test_a_new_home(salescoach: Any, isolated_home: Path) -> None:
    assert salescoach("search", "unions") == (0, "", "No record holds: unions\n")
    assert not isolated_home.exists()
