"""The light Markdown renderer shows what Rich's ``Markdown`` shows, character for character and
colour for colour, for every text it takes; it takes every record body salescoach writes, and
leaves anything else to Rich."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.markdown import Markdown

from salescoach.playbook.library import Library, search_path
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.sheet import SheetHeader, render_body
from salescoach.ui import render
from salescoach.ui.console import THEME
from salescoach.ui.light_markdown import light_markdown
from salescoach.ui.plain import HELD
from salescoach.ui.unbroken import NO_BREAK, HeldSpaces
from tests.test_sheet import LANGUAGES, MEETING_TYPES, example_body

WIDTHS = (24, 80, 120)


def _shown(renderable: RenderableType, width: int, colour: bool) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        theme=THEME,
        highlight=False,
        soft_wrap=False,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
    )
    console.print(renderable)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def _held(markup: str) -> str:
    return markup.replace(NO_BREAK, HeldSpaces.HELD)  # as render.markdown gives it to Rich


def assert_shown_as_rich(markup: str, widths: tuple[int, ...] = WIDTHS) -> None:
    """Rich's Markdown and the light one show ``markup`` the same, with and without colour;
    into a pipe, the light one's plain text (when it writes one) is Rich's too."""
    light = light_markdown(_held(markup))
    assert light is not None, "outside the subset"
    for width in widths:
        for colour in (False, True):
            expected = _shown(HeldSpaces(Markdown(_held(markup))), width, colour)
            assert _shown(HeldSpaces(light), width, colour) == expected, (width, colour)
            plain = light.plain(width)
            if not colour and plain is not None:
                assert plain.replace(HELD, NO_BREAK) == expected, ("plain", width)


def example_debrief(language: str, meeting_type: str) -> str:
    """A debrief's body, walked with the debrief flow's examples."""
    library = Library.load(language, search_path(language))
    session = Session(library, "debrief-flow", ExamplePrompter(), prefill={})
    answers: dict[str, Any] = session.run()
    header = SheetHeader("debrief", "ACME", meeting_type, "2026-12-03", language)
    return render_body(header, answers, [e.playbook for e in session.used], library)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_every_prep_body_is_taken_and_shown_as_rich_shows_it(
    language: str, meeting_type: str
) -> None:
    assert_shown_as_rich(example_body(language, meeting_type))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_prep_body_is_written_into_a_pipe_without_rich(language: str) -> None:
    light = light_markdown(_held(example_body(language, "negotiation")))
    assert light is not None
    assert all(light.plain(width) is not None for width in WIDTHS)
    assert light.plain(11) is None  # too narrow for a quote: left to Rich


def test_render_markdown_into_a_pipe_writes_what_rich_writes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    body = example_body("fr", "negotiation")
    render.markdown(body)
    assert capsys.readouterr().out == _shown(HeldSpaces(Markdown(_held(body))), 80, False)


def test_wide_characters_are_left_to_rich() -> None:
    light = light_markdown("## Notes\n\n顧客は価格を気にしている 😀")
    assert light is not None
    assert light.plain(80) is None
    assert_shown_as_rich("## Notes\n\n顧客は価格を気にしている 😀")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_debrief_body_is_taken_and_shown_as_rich_shows_it(language: str) -> None:
    body = example_debrief(language, "negotiation")
    assert "\n> " in body or "\n- " in body  # a real body, with its quotes or lists
    assert_shown_as_rich(body)


NOTES_IN_THE_SUBSET = [
    "## Notes\n\nCalled back on Friday: *the budget is confirmed*, **95 k€** at most.",
    "## Notes\n\nTo do:\n- send the references\n- call **Claire** back\n\n1. first\n2. second",
    "## Notes\n\n> They said it twice.\n>\n> Then left.\n\nA plain line\nfollowed by another.",
    "## Notes\n\n3. starts at three\n\n4. goes on after a blank line\n\n- and then bullets",
    "# Title\n\n### Third\n\n#### Fourth with **strong** and *em*\n\nEscapes: \\*, \\# and \\\\.",
    "## Notes\n\nLine one\n# a heading interrupts\n> so does a quote\n\n- items\n\n- merge",
    "## Notes\n\nR&D costs **95 k€**, (*about*) 10 % more: *là-bas*, «\u00a0**oui**\u00a0».",
    "Inside a word: x*y*z, and **a** **b**.",
]


@pytest.mark.parametrize("notes", NOTES_IN_THE_SUBSET)
def test_notes_in_the_subset_are_shown_as_rich_shows_them(notes: str) -> None:
    assert_shown_as_rich(notes)


OUTSIDE = [
    "a [link](https://example.com)",
    "some `code`",
    "```\nfenced\n```",
    "    indented code",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "_underscore emphasis_",
    "~~struck~~",
    "<b>html</b>",
    "&amp; an entity",
    "a line\n===",
    "a paragraph\n---",
    "- an item\nlazily continued",
    "> a quote\nlazily continued",
    "- an item\n  indented continuation",
    "1) another delimiter",
    "an *open emphasis",
    "***nested** emphasis*",
    "a hard break  \nnext",
    "a backslash break\\\nnext",
    "- - nested list",
    "> > nested quote",
    "text\n2. does not interrupt a paragraph",
    "tab\tinside",
    "5 * 3 is a star that is text",
    "- an item\n1. another kind of list right under it",
]


@pytest.mark.parametrize("markup", OUTSIDE)
def test_anything_outside_the_subset_is_left_to_rich(markup: str) -> None:
    assert light_markdown(markup) is None


def test_render_markdown_shows_text_outside_the_subset_with_rich(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    markup = "## Notes\n\nSee [the deck](https://example.com) and `the code`."
    render.markdown(markup)
    assert capsys.readouterr().out == _shown(HeldSpaces(Markdown(markup)), 80, False)


# --- any text: when taken, shown the same --------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "budget",
        "Société",
        "k€",
        "95",
        "x",
        "été",
        "(ok)",
        "“quote”",
        ":",
        ";",
        "?",
        "!",
        "—",
        ".",
        ",",
        "-",
        "+",
        "#",
        ">",
        "*",
        "**",
        "\\*",
        "\\",
        "1.",
        "R&D",
        NO_BREAK + ":",
        NO_BREAK,
        "très-longmotquinefinitpas" * 3,
    ]
)


@st.composite
def _inline_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=12))
    text = " ".join(words)
    if draw(st.booleans()):
        start = draw(st.integers(0, len(words) - 1))
        stop = draw(st.integers(start, len(words) - 1))
        mark = draw(st.sampled_from(["*", "**"]))
        words[start] = mark + words[start]
        words[stop] = words[stop] + mark
        text = " ".join(words)
    return text


@st.composite
def _line(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["text", "heading", "bullet", "numbered", "quote", "blank"]))
    text = draw(_inline_text())
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + text
    if kind == "bullet":
        return "- " + text
    if kind == "numbered":
        return f"{draw(st.integers(1, 12))}. {text}"
    if kind == "quote":
        return draw(st.sampled_from(["> " + text, ">"]))
    if kind == "blank":
        return ""
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line(), min_size=1, max_size=14))
def test_any_text_taken_is_shown_as_rich_shows_it(lines: list[str]) -> None:
    markup = "\n".join(lines)
    if light_markdown(_held(markup)) is not None:
        assert_shown_as_rich(markup, widths=(24, 80))
