"""``search``'s hits written without Rich's ``print`` come out as ``print`` writes them."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
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


def by_rich(
    stream: object, width: int, terminal: int | None, language: str, reference: None
) -> object:
    """What stands in for the plain writer to compare it with: Rich's ``print`` on the
    program's console."""
    return shown._rich_writer(console.out, language, reference)


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
    monkeypatch.setattr(shown, "_plain_writer", by_rich)
    assert plain == written(monkeypatch, hits, width, color_system=None)
    assert "[bold]name[/bold]" in plain  # user text stays literal


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.integers(8, 130))
def test_any_snippet_at_any_width(snippet: str, width: int) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        plain = written(monkeypatch, [hit(snippet)], width, color_system=None)
        monkeypatch.setattr(shown, "_plain_writer", by_rich)
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
        monkeypatch.setattr(shown, "_plain_writer", by_rich)
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


def test_into_a_pipe_search_imports_no_rich(tmp_path: Path) -> None:
    """The point of the plain writer: hits into a pipe are written without importing Rich."""
    code = (
        "import sys\n"
        "from salescoach.store.search import Hit\n"
        "from salescoach.ui import search\n"
        "hits = [Hit('2026-01-10-acme-discovery', 'prep', 'Acme', 'acme', 'discovery',\n"
        "    '2026-01-10', 'the \\x02unions\\x03 said no', -1.0, 'accounts/acme/x/prep.md')]\n"
        "search.search_results('en', ['unions'], iter(hits), 3)\n"
        "print(sorted(name for name in sys.modules if name.startswith('rich')), file=sys.stderr)"
    )
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    assert done.stdout.splitlines() == [
        "2026-01-10  Acme  prep · discovery  2026-01-10-acme-discovery",
        "  the unions said no",
    ]
    assert done.stderr.splitlines() == ["1 of 3 records shown; --limit 0 shows them all.", "[]"]
