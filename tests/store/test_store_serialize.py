"""dump_exact: YAML that reads back equal, even where PyYAML's emitter alone would not."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.store.serialize import UnfaithfulYaml, dump_exact, same_data
from salescoach.yamlio import dump, parse


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_yaml_line_breaks_are_written_escaped(char: str) -> None:
    value = {"answer": f"a{char}b"}
    text = dump_exact(value)
    assert char not in text
    assert parse(text, "x").value == value


def test_ordinary_data_keeps_yamlio_layout() -> None:
    value = {"meeting": {"objectives": ["sign", "learn"], "note": "line\nline"}}
    assert dump_exact(value) == dump(value)


def test_data_yaml_cannot_hold_is_refused() -> None:
    with pytest.raises(UnfaithfulYaml):
        dump_exact({"when": (1, 2)})


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (1, 1.0, False),
        (True, 1, False),
        (float("nan"), float("nan"), True),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),
        ([1, [2]], [1, [2]], True),
        ({"a": [1]}, {"a": [1, 2]}, False),
    ],
)
def test_same_data_is_strict(left: Any, right: Any, same: bool) -> None:
    assert same_data(left, right) is same


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), st.text() | st.lists(st.text(), max_size=3), max_size=4))
def test_text_always_reads_back(value: dict[str, Any]) -> None:
    assert same_data(parse(dump_exact(value), "x").value, value)
