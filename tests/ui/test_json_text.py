"""The one-walk JSON writer gives what ``json.dumps(jsonable(value), indent=2)`` gives."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.reports.jsonable import jsonable
from salescoach.ui.json_text import indented


class Pair(NamedTuple):
    left: Any
    right: Any = None


@dataclass(frozen=True)
class Item:
    name: Any
    values: Any = None
    more: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class Nothing:
    pass


@dataclass
class Flat:
    """Scalars only (as an agenda's item): written through one template when they are plain."""

    what: Any
    when: Any = None
    count: Any = 0


@dataclass
class One:
    only: Any


def expected(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.dates(),
    st.datetimes(),
)
keys = st.one_of(st.text(), st.integers(), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.frozensets(st.one_of(st.integers(), st.text()), max_size=4),
        st.dictionaries(keys, inner, max_size=4),
        st.builds(Pair, inner, inner),
        st.builds(Item, inner, inner, st.lists(inner, max_size=3)),
        st.just(Nothing()),
        st.builds(Flat, scalars, scalars, scalars),
        st.builds(One, scalars),
        st.builds(Flat, inner),
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(values)
def test_as_json_dumps_writes_it(value: Any) -> None:
    assert indented(value) == expected(value)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        (),
        "",
        {"a": {}, "b": [], "c": [{}], "d": [[]]},
        {1: "one", "1": "the same key once made text"},
        [float("nan"), float("inf"), -float("inf"), -0.0, 1e300],
        {"text": 'quote " backslash \\ tab \t newline \n nul \x00 « é » \u2028'},
        Item("x", Pair(dt.date(2026, 11, 28), {"k": (1, 2)}), [Nothing(), set()]),
        [Flat("50 % off %s", None, True), Flat("", False, -3), Flat("x", 1.5, float("nan"))],
        [One("only"), One(None), One([One(2)])],
        {"items": [Flat("a", "b", 1)], "nested": [[Flat("c", None, 0)]]},
    ],
)
def test_edges(value: Any) -> None:
    assert indented(value) == expected(value)


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        expected(object())
    with pytest.raises(TypeError):
        indented({"a": [object()]})
