"""Tables and lines written without Rich into a pipe are what Rich writes there, byte for byte;
anything not plain is left to Rich."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import get_character_cell_size
from rich.console import Console

from salescoach.ui import console, plain, render

PLAIN_CHARACTERS = sorted(plain.SINGLE_CELL)
PLAIN_ALPHABET = st.one_of(st.sampled_from("ab Z9 -·:[]\u00a0"), st.sampled_from(PLAIN_CHARACTERS))
ALPHABET = st.one_of(
    PLAIN_ALPHABET,
    st.characters(blacklist_categories=["Cs"]),  # wide, combining, control: Rich's to lay out
)
TEXT = st.one_of(
    st.text(alphabet=PLAIN_ALPHABET, max_size=14).map(str.strip),
    st.text(alphabet=ALPHABET, max_size=14),
)
NAMES = st.one_of(TEXT, st.sampled_from(["", plain.BAR_COLUMN, "date", "réunion"]))


def rich_output(grid: plain.Grid) -> str:
    """What Rich writes for ``grid`` into a pipe (as :func:`render.show` has it write)."""
    pipe = Console(file=io.StringIO(), theme=console.THEME, highlight=False, soft_wrap=False)
    pipe.width = render.UNCUT
    pipe.print(render._rich_table(grid))
    assert isinstance(pipe.file, io.StringIO)
    return pipe.file.getvalue()


@st.composite
def grids(draw: st.DrawFn) -> plain.Grid:
    names = draw(st.lists(NAMES, min_size=1, max_size=4))
    columns = [
        render.Whole(name) if draw(st.booleans()) and name != plain.BAR_COLUMN else name
        for name in names
    ]
    found = plain.Grid(columns, title=draw(st.one_of(st.none(), TEXT)))
    captions = st.text(alphabet=st.one_of(PLAIN_ALPHABET, st.just("\n")), max_size=60)
    found.caption = draw(st.one_of(st.none(), captions))
    cells = st.one_of(
        st.none(),
        TEXT,
        st.lists(TEXT, min_size=2, max_size=3).map("\n".join),  # a cell of several lines
        st.builds(render.styled, TEXT, st.sampled_from(["bold", "ok", "muted"])),
        st.builds(render.joined, TEXT, st.builds(render.styled, TEXT, st.just("warning"))),
    )
    for _ in range(draw(st.integers(0, 4))):
        found.add_row(*(draw(cells) for _ in columns))
    return found


@settings(max_examples=400, deadline=None)
@given(grids())
def test_a_plain_table_is_laid_out_as_rich_lays_it_out(grid: plain.Grid) -> None:
    lines = plain.grid_lines(grid)
    if lines is not None:
        assert "".join(f"{line}\n" for line in lines) == rich_output(grid)


def test_common_text_is_plain() -> None:
    """Accents, the middle dot, dashes, the narrow no-break space and bars stay on the fast
    path; a wide character, a tab or markup in a column name do not."""
    grid = plain.Grid(["réunion", "phase", plain.BAR_COLUMN], title="Engagements")
    grid.add_row("Société Générale — l’offre", render.styled("3 · Intérêt", "bold"), "████▌")
    grid.caption = "12\u202f345 débriefs · 3 en retard : 2 aujourd’hui"
    assert plain.grid_lines(grid) is not None
    for cell in ("東京", "tab\there", "e\u0301"):
        grid.add_row(cell, "", "")
        assert plain.grid_lines(grid) is None
        grid.rows.pop()
    assert plain.grid_lines(plain.Grid(["[bold]x"])) is None
    assert plain.grid_lines(plain.Grid([":smile:"])) is None


def test_every_plain_character_takes_one_cell() -> None:
    assert all(get_character_cell_size(character) == 1 for character in PLAIN_CHARACTERS)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=100), width=st.integers(10, 90))
def test_a_plain_line_is_written_as_rich_writes_it(text: str, width: int) -> None:
    for stderr, soft_wrap in ((False, False), (True, True)):
        mine = io.StringIO()
        pipe = Console(file=io.StringIO(), width=width, theme=console.THEME, soft_wrap=soft_wrap)
        theirs = Console(file=mine, width=width, theme=console.THEME, soft_wrap=soft_wrap)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(console, "err" if stderr else "out", theirs)
            written = plain.write_line(
                render.styled(text, "ok"), stderr=stderr, wraps=not soft_wrap
            )
        pipe.print(render.literal(text, "ok"), highlight=False)
        assert isinstance(pipe.file, io.StringIO)
        if written:
            assert mine.getvalue() == pipe.file.getvalue()


WORDS = st.text(alphabet=PLAIN_ALPHABET, min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=25), width=st.integers(10, 90))
def test_a_long_plain_line_is_wrapped_as_rich_wraps_it(words: list[str], width: int) -> None:
    """A line longer than the console (a report's list of objections into a pipe) is cut
    between words without Rich, where Rich would cut it."""
    text = " ".join(words).strip() or "x"
    mine = io.StringIO()
    pipe = Console(file=io.StringIO(), width=width, theme=console.THEME, soft_wrap=False)
    theirs = Console(file=mine, width=width, theme=console.THEME, soft_wrap=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(console, "out", theirs)
        written = plain.write_line(render.joined(render.styled(text, "heading"), " ·"))
    pipe.print(render.joined(render.styled(text, "heading"), " ·").rich(), highlight=False)
    assert isinstance(pipe.file, io.StringIO)
    assert written
    assert mine.getvalue() == pipe.file.getvalue()


@pytest.mark.parametrize(
    ("environment", "terminal"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": ""}, False),
     ({"TTY_COMPATIBLE": "1"}, True), ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, False)],
)  # fmt: skip
def test_a_pipe_is_told_from_a_terminal_as_rich_tells_it(
    environment: dict[str, str], terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    stream = io.StringIO()
    assert plain._is_terminal(stream) is terminal
    assert Console(file=stream).is_terminal is terminal


def test_a_piped_listing_imports_no_rich() -> None:
    """The point of it all: ``list`` into a pipe lays its table out without importing Rich."""
    code = (
        "import sys; from salescoach.ui import render; "
        "grid = render.new_table('date', render.Whole('meeting'), render.BAR_COLUMN); "
        "render.add_row(grid, '2026-11-28', render.styled('m-1', 'bold'), '██'); "
        "render.show(grid); render.say('1 of 2 records shown'); "
        "print(sorted(name for name in sys.modules if name.startswith('rich')), file=sys.stderr)"
    )
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    assert done.stdout.splitlines() == [
        "date        meeting " + " " * 21,  # a bar column keeps its 20 cells
        "2026-11-28  m-1      ██" + " " * 18,
    ]
    assert done.stderr.splitlines() == ["1 of 2 records shown", "[]"]
