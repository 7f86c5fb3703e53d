"""The fast front-matter reader: the strict reader's value for what salescoach writes, and a
step aside (UNSURE) for anything else, so no file reads differently through it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.store.frontmatter import _UNSAFE, UNSURE, _has_unsafe, read_plain_block
from salescoach.store.serialize import same_data
from salescoach.yamlio import YamlProblems, dump, parse


def _strict(text: str) -> Any:
    return parse(text, "<test>").value


def _agrees(text: str) -> bool:
    """The fast reader returns the strict reader's value, or steps aside."""
    fast = read_plain_block(text)
    if fast is UNSURE:
        return True
    return same_data(fast, _strict(text))


_keys = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
_scalars = (
    st.text(max_size=160)
    | st.sampled_from(["yes", "NO", "null", "~", "true", "007", "1.5", "-3", "2024-01-05", "a: b"])
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.none()
)
_data = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_keys, _data, min_size=1, max_size=6))
def test_what_dump_writes_reads_as_the_strict_reader_reads_it(value: dict[str, Any]) -> None:
    text = dump(value)
    assert _agrees(text)


def test_a_record_like_front_matter_is_read_fast_and_equal() -> None:
    value = {
        "schema_version": 2,
        "kind": "debrief",
        "account": {"slug": "acme", "name": "Acme Société"},
        "meeting_date": "2026-10-28",
        "playbooks": [{"id": "debrief", "version": 1, "path": None}],
        "answers": {
            "debrief": {
                "objectives_result": [
                    {"item": "Fix the kick-off date", "answer": {"result": "partly"}},
                ],
                "learned_useful": "Claire runs 12 planners and is judged on on-time delivery "
                "(91 %, target 96 %). She thinks the planning tool is fine but the data from "
                "the warehouse arrives too late.",
                "note": "first line\nsecond line\n",
                "quoted": "Budget: 80 k€, it's 'firm'",
                "empty": [],
                "nothing": None,
                "score": 4,
                "ratio": 0.5,
                "done": True,
            }
        },
    }
    text = dump(value)
    fast = read_plain_block(text)
    assert fast is not UNSURE
    assert same_data(fast, value)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1 # a comment\n",
        "# a comment\na: 1\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: {b: 1}\n",
        "a: [1, 2]\n",
        "a: 1\na: 2\n",
        "1: one\n",
        "true: yes\n",
        "a:\tb\n",
        "a: b \n",
        "a: b\n\nc: d\n",
        "a: >\n  folded\n",
        "a: |+\n  kept\n\n",
        "a: |2\n   indented\n",
        'a: "escaped\\tb"\n',
        "a: 'open\n",
        "- a\n- b\n",
        "plain text\n",
        "a:\n  - - nested\n",
        "? complex\n: key\n",
        "a: b: c\n",
        "a: 1.0e+400\n",
        "a: " + "9" * 400 + "\n",
        "a: x\n  b: y\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n--- b\n",
        "a: 1\n...\n",
        "a: |\n  x\n---\n",
        "a:\n- x\n---\n",
        "a: 'x\n---\n  y'\n",
        "a: x\n...\n",
        "%YAML 1.1\na: 1\n",
        "a: 1\n%TAG ! x\n",
        "a: '\n  b'\n",
        "a:\n  b: 1\n c: 2\n",
    ],
)
def test_anything_else_is_left_to_the_strict_reader(text: str) -> None:
    assert read_plain_block(text) is UNSURE


@pytest.mark.parametrize(
    "text",
    [
        "a: one\n  two\n  three\n",
        "a:\n- x\n- y\nb: z\n",
        "a:\n  - x\n  - y\n",
        "a:\n  b:\n    c: 1\n",
        "a:\n- b: 1\n  c:\n  - 2\n- d\n",
        "a: 'it''s\n  folded'\n",
        "a: |\n  one\n\n  two\n    three\nb: x\n",
        "a: |-\n  no break\n",
        "a:\nb: ''\nc: \"q\"\n",
        "a: http://example.com/x#y\n",
        "a: -\n",
        "a:\n-\n- x\n",
        "a: 1e400\n",
        "a: 0x1F\nb: +5\nc: .5\nd: .inf\ne: Null\n",
    ],
)
def test_hand_written_shapes_it_takes_read_the_same(text: str) -> None:
    assert _agrees(text)


def test_it_reads_the_shapes_salescoach_writes() -> None:
    # Not a speed test: the fast path must actually be taken for ordinary records.
    for text in ("a: one\n  two\n", "a:\n- b: 1\n  c: |\n    x\n", "a: 'x: y'\n"):
        assert read_plain_block(text) is not UNSURE


def test_an_item_read_before_reads_the_same_and_apart() -> None:
    """The playbooks of most records are the same items: read once, then taken as read (a
    fresh mapping each time, so changing one record's never changes another's)."""
    entry = "- id: debrief\n  version: 1\n  language: en\n"
    text = f"playbooks:\n{entry}other:\n{entry}"
    first, second = read_plain_block(text), read_plain_block(text)
    assert first == second == _strict(text)
    first["playbooks"][0]["version"] = 2
    assert second["playbooks"][0]["version"] == 1
    assert second["other"][0] is not second["playbooks"][0]
    assert read_plain_block(f"list:\n{entry}- x\n") == {"list": [_strict(entry)[0], "x"]}


@pytest.mark.parametrize(
    "after",
    ["\n    more of the literal\n", "\n- next\n", "  deeper: x\n", "x: 1\n", "- '\n"],
)
def test_an_item_read_before_then_something_else_reads_as_ever(after: str) -> None:
    item = "- note: |\n    first line\n"
    read_plain_block(f"list:\n{item}- x\n")  # remembered
    assert _agrees(f"list:\n{item}{after}")


_line_starts = st.sampled_from(["", "- ", "-", "  ", "    ", "  - ", "    - ", "- - "])
_line_bodies = st.sampled_from(
    [
        "a: b",
        "a:",
        "b: 'q'",
        "c: 'it''s",
        "d: |",
        "d: |-",
        "e: 1",
        "f: -2",
        "g: yes",
        "h: x: y",
        "word",
        "two words",
        "'quoted'",
        "folded'",
        "a: [] ",
        "k: {}",
        "---",
        "...",
        "%x",
        "- x",
        "null: 1",
        "a.b-c: d",
        "a: b #c",
        "",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_line_starts, _line_bodies), min_size=1, max_size=12))
def test_lines_put_together_anyhow_read_as_the_strict_reader_reads_them(
    lines: list[tuple[str, str]],
) -> None:
    """Keys, items, quotes, literals, markers at any indentation: what the fast reader takes,
    it reads as the strict reader does (what the strict reader refuses, it refuses too)."""
    text = "".join(start + body + "\n" for start, body in lines)
    fast = read_plain_block(text)
    if fast is UNSURE:
        return
    try:
        strict = _strict(text)
    except YamlProblems:
        pytest.fail(f"the fast reader read what the strict reader refuses: {text!r}")
    assert same_data(fast, strict), text


_odd_characters = st.sampled_from(
    [
        "\x00",
        "\t",
        "\r",
        "\x1f",
        "\x7f",
        "\x80",
        "\x85",
        "\x9f",
        "\xa0",
        "\u2027",
        "\u2028",
        "\u2029",
        "\u202f",
        "\ud800",
        "\udfff",
        "\ufeff",
        "\ufffd",
        "\ufffe",
        "\uffff",
        "é",
        "€",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(max_size=8) | _odd_characters, max_size=12).map("".join))
def test_the_characters_it_steps_aside_for_are_found_in_the_bytes_as_in_the_text(
    text: str,
) -> None:
    assert _has_unsafe(text) == (_UNSAFE.search(text) is not None)
