"""The strict YAML reader and the writer agree on every value; hostile input is refused fast."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.yamlio import YamlProblems, dump, parse

scalars = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"])),
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
    st.sampled_from(["NO", "yes", "on", "2024-01-05", "---", "", "1e5", "007", "\x85", "~"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(st.characters(exclude_categories=["Cs"]), max_size=8), inner, max_size=4
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_what_is_written_reads_back_equal(value: object) -> None:
    assert parse(dump({"v": value}), "round-trip").value == {"v": value}


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("a: &x [1]\nb: *x\n", (1, 4), "anchor"),
        ("a: 1\na: 2\n", (2, 1), "duplicate key"),
        ("a:\n\t- b\n", (2, 1), "tabs"),
        ("a: b: c\n", (1, 5), "mapping values"),
        ("x: !!python/object:os.system ls\n", (1, 4), "tag"),
    ],
)
def test_problems_are_located(text: str, where: tuple[int, int], what: str) -> None:
    with pytest.raises(YamlProblems) as caught:
        parse(text, "f.yaml")
    first = caught.value.problems[0]
    assert (first.location.line, first.location.column) == where
    assert what in str(first)


def test_yes_no_and_dates_stay_strings() -> None:
    assert parse("a: NO\nb: 2024-13-45\nc: true\nd: 1.5\n", "f").value == {
        "a": "NO",
        "b": "2024-13-45",
        "c": True,
        "d": 1.5,
    }


@pytest.mark.parametrize(
    "text",
    [
        # billion laughs: refused at the first alias, before anything expands
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "a:\n" + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(5_000)),
    ],
    ids=["billion-laughs", "deep-flow", "deep-block"],
)
def test_hostile_documents_are_refused_quickly(text: str) -> None:
    with pytest.raises(YamlProblems) as caught:
        parse(text, "hostile.yaml")
    assert caught.value.problems[0].location.line is not None
