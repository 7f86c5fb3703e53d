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
    assert err == "1\u00a0enregistrement affiché sur 4 ; --limit 0 les montre tous.\n"


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


def test_every_hit_as_text_or_json(salescoach: Any, home: Path) -> None:
    code, out, err = salescoach("search", "unions", "--limit", "0", "--json")
    assert code == 0 and err == ""
    assert len(json.loads(out)) == 4
    code, out, err = salescoach("search", "unions", "--limit", "0")
    assert code == 0 and err == ""
    assert out.count("  Unions? Not here.") == 1 and out.count("The unions met on") == 3


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


def test_a_snippet_shows_the_ids_it_holds_by_their_labels_in_the_rep_s_language(
    salescoach: Any, isolated_home: Path
) -> None:
    """``partly`` is an objective's result here ("partly reached"), not the "partly" of needs
    confirmed, which another question of the debrief also stores as ``partly``."""
    repo = Repository(isolated_home)
    reached = [{"item": "Meet the budget holder", "answer": {"result": "partly", "note": ""}}]
    save(
        repo,
        "Transports Giraud",
        "2026-12-03",
        {"objectives_result": reached, "phase": "phase-4", "outcome": "ongoing"},
        kind="debrief",
    )
    code, out, _ = salescoach("--lang", "fr", "search", "budget")
    assert code == 0
    assert "Partiellement atteint" in out
    assert "partly" not in out and "phase-4" not in out and "ongoing" not in out
    code, out, _ = salescoach("--lang", "en", "search", "budget")
    assert "Partly reached" in out and "partly" not in out.replace("Partly", "")
    code, out, _ = salescoach("search", "budget", "--json")
    assert "partly" in json.loads(out)[0]["snippet"]  # data for a program: the stored ids


def test_labels_follow_the_question_that_holds_the_id() -> None:
    from salescoach.reports.reference import Reference

    reference = Reference(
        phases=(),
        choices={
            "result": {"partly": "Partly reached"},
            "needs_confirmed": {"partly": "Partly confirmed"},
            "objections": {"price-too-high": "It is too expensive"},
        },
    )
    answers = {"debrief": {"objectives_result": [{"item": "x", "answer": {"result": "partly"}}]}}
    assert reference.labels_in(answers) == {"partly": "Partly reached"}
    assert reference.labels_in({"debrief": {"needs_confirmed": "partly"}}) == {
        "partly": "Partly confirmed"
    }
    handled = {"debrief": {"objection_handling": [{"item": "price-too-high", "answer": 3}]}}
    assert reference.labels_in(handled) == {"price-too-high": "It is too expensive"}
    assert reference.labels_in({"debrief": {"other": "partly"}}) == {}  # two labels: which?
    assert reference.labels_in(None) == {}
