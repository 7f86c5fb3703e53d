"""``search``'s hits written without Rich's ``print`` come out as ``print`` writes them."""

from __future__ import annotations

import io
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from salescoach.store.search import MARK_END, MARK_START, Hit
from salescoach.ui import console
from salescoach.ui import search as shown
from salescoach.ui.plain import SINGLE_CELL

SNIPPETS = [
    f"They said {MARK_START}unions{MARK_END} will never accept it.",
    "…" + "long words " * 30 + f"{MARK_START}budget{MARK_END}…",
    "a" * 250 + f" {MARK_START}x{MARK_END}",
    f"Société Générale\n{MARK_START}négociation{MARK_END}\tdure · 交渉は長い 交渉は長い 交渉は長い",
    f"control\x07 and\rcarriage {MARK_START}ret{MARK_END}urns    many   spaces   ",
    f"{MARK_START}ça{MARK_END}" + " 🙂 emoji" * 20,
]


def hit(
    snippet: str, account: str = "Société Générale", meeting_type: str | None = "discovery"
) -> Hit:
    return Hit(
        meeting="2026-01-10-societe-generale-discovery",
        kind="prep",
        account_name=account,
        account_slug="societe-generale",
        meeting_type=meeting_type,
        day="2026-01-10",
        snippet=snippet,
        rank=-1.0,
        path="accounts/societe-generale/2026-01-10-societe-generale-discovery/prep.md",
    )


def written(
    monkeypatch: pytest.MonkeyPatch,
    hits: list[Hit],
    width: int,
    color_system: Literal["standard"] | None,
) -> str:
    out = io.StringIO()
    monkeypatch.setattr(
        console,
        "out",
        Console(file=out, theme=console.THEME, width=width, color_system=color_system),
    )
    shown.search_results("en", ["x"], iter(hits), len(hits))
    return out.getvalue()


@pytest.mark.parametrize("width", [20, 41, 80, 120])
def test_a_pipe_gets_what_rich_print_writes(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    hits = [hit(snippet) for snippet in SNIPPETS]
    hits.append(hit(SNIPPETS[0], account="A [bold]name[/bold] " * 8, meeting_type=None))
    hits.append(hit(SNIPPETS[0], account="Bell\x07 and\rreturn 交渉"))
    plain = written(monkeypatch, hits, width, color_system=None)
    monkeypatch.setattr(shown, "_plain_writer", shown._rich_writer)
    assert plain == written(monkeypatch, hits, width, color_system=None)
    assert "[bold]name[/bold]" in plain  # user text stays literal


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.integers(8, 130))
def test_any_snippet_at_any_width(snippet: str, width: int) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        plain = written(monkeypatch, [hit(snippet)], width, color_system=None)
        monkeypatch.setattr(shown, "_plain_writer", shown._rich_writer)
        assert plain == written(monkeypatch, [hit(snippet)], width, color_system=None)


ONE_CELL = st.sampled_from(sorted(SINGLE_CELL))
SPACES = st.sampled_from([" ", "  ", "\u00a0", "\u202f", " \u202f "])


@given(
    st.lists(st.one_of(ONE_CELL, SPACES, st.just(MARK_START), st.just(MARK_END)), max_size=400),
    st.integers(1, 130),
)
def test_any_latin_snippet_is_cut_as_rich_cuts_it(parts: list[str], width: int) -> None:
    snippet = "".join(parts)
    with pytest.MonkeyPatch.context() as monkeypatch:
        plain = written(monkeypatch, [hit(snippet)], width, color_system=None)
        monkeypatch.setattr(shown, "_plain_writer", shown._rich_writer)
        assert plain == written(monkeypatch, [hit(snippet)], width, color_system=None)


def test_a_terminal_gets_the_matches_highlighted(monkeypatch: pytest.MonkeyPatch) -> None:
    styled = written(monkeypatch, [hit(SNIPPETS[0])], 80, color_system="standard")
    assert "\x1b[1;7munions\x1b[0m" in styled


@pytest.mark.parametrize("color_system", ["standard", None])
def test_in_a_narrow_terminal_the_meeting_id_gets_a_line_of_its_own(
    monkeypatch: pytest.MonkeyPatch, color_system: Literal["standard"] | None
) -> None:
    """The id is what a rep copies into ``show``: the terminal must not cut it mid-word."""
    out = io.StringIO()
    terminal = Console(
        file=out,
        theme=console.THEME,
        width=78,
        color_system=color_system,
        force_terminal=True,
    )
    monkeypatch.setattr(console, "out", terminal)
    shown.search_results("fr", ["x"], iter([hit(SNIPPETS[0]), hit(SNIPPETS[0], account="A")]), 2)
    lines = Text.from_ansi(out.getvalue()).plain.splitlines()
    assert lines[:2] == [
        "2026-01-10  Société Générale  préparation · discovery",
        "2026-01-10-societe-generale-discovery",
    ]
    assert (
        lines[3] == "2026-01-10  A  préparation · discovery  2026-01-10-societe-generale-discovery"
    )


def test_into_a_pipe_a_heading_stays_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    first = written(monkeypatch, [hit(SNIPPETS[0])], 40, color_system=None).splitlines()[0]
    assert first.endswith("discovery  2026-01-10-societe-generale-discovery")
