"""Two routes read a record file: the fast front-matter reader (for what salescoach writes) and
the strict YAML reader (for everything else). Generated records, written as salescoach writes
them and then edited as a person might, must give the same verdict through both: the same
record, facts and searchable document, or the same problem in the same words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salescoach.errors import RecordError
from salescoach.store import markdown as markdown_module
from salescoach.store.facts import facts_of
from salescoach.store.frontmatter import UNSURE, read_plain_block
from salescoach.store.index import _document
from salescoach.store.markdown import parse_record_file, render_record_file
from salescoach.store.record import Record

PATH = Path("/home/rep/accounts/acme/2026-11-28-acme-negotiation/debrief.md")


def strict_only(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The verdict of the strict reader alone."""
    with monkeypatch.context() as patched:
        patched.setattr(markdown_module, "read_plain_block", lambda text: UNSURE)
        return verdict(text)


def verdict(text: str) -> Any:
    """What reading ``text`` gives: the record's data, facts and document, or the problem."""
    try:
        record = parse_record_file(text, PATH)
    except RecordError as error:
        return ("refused", str(error))
    return ("read", record.model_dump(), facts_of(record), _document(record))


def same_verdicts(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert verdict(text) == strict_only(text, monkeypatch)


_sentences = st.text(
    st.sampled_from("abcdefghij KLMNOP éàç€'-:,.#0123456789"), min_size=1, max_size=120
).map(str.strip)
"""Texts like a rep's answers (most records take the fast route)."""
_wild = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
_tricky = st.sampled_from(
    [
        "yes",
        "NO",
        "null",
        "~",
        "true",
        "007",
        "1.5",
        "-3",
        ".inf",
        "-.inf",
        ".nan",
        "1e400",
        "2024-01-05",
        "a: b",
        "x #y",
        "it's",
        "'quoted'",
        "line\nbreak",
        "trailing\n",
        "  spaced  ",
        "- dash",
        "[flow]",
        "{flow}",
        "Société 🎉",
    ]
)
_words = st.one_of([_sentences] * 8 + [_wild, _tricky])
_scalars = (
    _words
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.none()
)
_keys = st.one_of(
    [st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)] * 4
    + [st.sampled_from(["true", "1", "null", "a b", "é", "x.y", "-k"])]
)
_answers = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=20,
)
_debrief_space = st.fixed_dictionaries(
    {
        "objectives_result": st.lists(
            st.fixed_dictionaries(
                {
                    "item": _words,
                    "answer": st.fixed_dictionaries(
                        {"result": st.sampled_from(["reached", "partly", "not", "other"])}
                    ),
                }
            ),
            max_size=3,
        ),
        "objections_met": st.lists(st.sampled_from(["price-too-high", "no-budget"]), max_size=2),
        "next_steps": st.lists(
            st.fixed_dictionaries(
                {"action": _words, "owner": _words, "due": st.sampled_from(["2026-12-01", "x"])}
            ),
            max_size=2,
        ),
        "phase": st.sampled_from(["phase-1", "phase-4", 3, None, ""]),
        "learned_necessary": _words,
    },
    optional={"more": _answers},
)


@st.composite
def record_files(draw: st.DrawFn) -> str:
    """A record file as salescoach writes it, of generated data."""
    record = Record.model_validate(
        {
            "kind": "debrief",
            "meeting": "2026-11-28-acme-negotiation",
            "account": {"slug": "acme", "name": draw(_words.filter(bool))},
            "meeting_type": draw(st.sampled_from(["negotiation", None, "Démo"])),
            "meeting_date": "2026-11-28",
            "created": "2026-11-28T09:30:00+01:00",
            "updated": "2026-11-28T10:00:00+01:00",
            "language": "en",
            "playbooks": [{"id": "debrief", "version": 1, "language": "en", "source": "built-in"}],
            "answers": {
                "debrief": draw(_debrief_space),
                "extra": draw(st.dictionaries(_keys, _answers, max_size=2)),
            },
            "tags": draw(st.lists(_words, max_size=2)),
            "notes": draw(_words),
        }
    )
    return render_record_file(record, "# Debrief\n")


def _edit(text: str, draw: st.DrawFn) -> str:
    """One edit a person (or a merge, or another tool) might make to a record file's text."""
    lines = text.split("\n")
    closing = lines.index("---", 1)
    where = draw(st.integers(1, max(1, closing - 1)))
    line = lines[where]
    kind = draw(
        st.sampled_from(
            [
                "indent",
                "dedent",
                "comment",
                "trailing space",
                "tab",
                "delete line",
                "duplicate line",
                "blank line",
                "insert text",
                "cut line",
                "flow",
                "anchor",
                "quote",
                "crlf",
            ]
        )
    )
    if kind == "indent":
        lines[where] = " " * draw(st.integers(1, 3)) + line
    elif kind == "dedent":
        lines[where] = line[draw(st.integers(1, 3)) :] if line.startswith(" ") else line
    elif kind == "comment":
        lines[where] = line + draw(st.sampled_from([" # note", "#x", " #"]))
    elif kind == "trailing space":
        lines[where] = line + " "
    elif kind == "tab":
        lines[where] = line.replace(" ", "\t", 1)
    elif kind == "delete line":
        del lines[where]
    elif kind == "duplicate line":
        lines.insert(where, line)
    elif kind == "blank line":
        lines.insert(where, "")
    elif kind == "insert text":
        at = draw(st.integers(0, len(line)))
        lines[where] = line[:at] + draw(_words) + line[at:]
    elif kind == "cut line":
        at = draw(st.integers(0, len(line)))
        lines[where : where + 1] = [line[:at], line[at:]]
    elif kind == "flow":
        lines[where] = line + draw(st.sampled_from([" [a, b]", " {a: 1}", ": [x]"]))
    elif kind == "anchor":
        lines[where] = line.replace(": ", ": &a ", 1)
    elif kind == "quote":
        lines[where] = line.replace("'", '"', 2)
    else:
        lines[where] = line + "\r"
    return "\n".join(lines)


@st.composite
def edited_record_files(draw: st.DrawFn) -> str:
    text = draw(record_files())
    for _ in range(draw(st.integers(1, 3))):
        text = _edit(text, draw)
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_files())
def test_a_record_salescoach_writes_reads_the_same_through_both_readers(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        same_verdicts(text, monkeypatch)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_record_files())
def test_an_edited_record_gets_the_same_verdict_through_both_readers(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        same_verdicts(text, monkeypatch)


def test_most_records_salescoach_writes_take_the_fast_route() -> None:
    """Not a speed test: the fast route must really be the one ordinary records take."""
    record = Record.model_validate(
        {
            "kind": "prep",
            "meeting": "2026-11-28-acme-negotiation",
            "account": {"slug": "acme", "name": "Acme"},
            "meeting_date": "2026-11-28",
            "created": "2026-11-28T09:30:00+01:00",
            "updated": "2026-11-28T09:30:00+01:00",
            "language": "fr",
            "answers": {"meeting": {"objectives": ["Signer", "Budget : 80 k€"], "phase": 2}},
        }
    )
    front_matter = render_record_file(record, "").split("---\n")[1]
    assert read_plain_block(front_matter) is not UNSURE


@pytest.mark.parametrize("number", [".inf", "-.inf", "+.inf", ".nan", ".NaN", "1.0e+400"])
def test_an_infinite_number_is_left_to_the_strict_reader_and_refused_the_same(
    number: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "---\nschema_version: 3\nkind: prep\nmeeting: 2026-11-28-acme-negotiation\n"
        "account:\n  slug: acme\n  name: Acme\ncreated: '2026-11-28T09:30:00+01:00'\n"
        f"updated: '2026-11-28T09:30:00+01:00'\nlanguage: en\nanswers:\n  meeting:\n"
        f"    budget: {number}\n---\n"
    )
    assert read_plain_block(text.split("---\n")[1]) is UNSURE
    result = verdict(text)
    assert result[0] == "refused"
    assert result == strict_only(text, monkeypatch)
