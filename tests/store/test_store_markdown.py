"""Record files: front matter + body + notes, written and read back exactly; broken ones refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.errors import RecordError
from salescoach.store.markdown import (
    NOTES_HEADING,
    NOTES_MARKER,
    extract_notes,
    parse_record_file,
    read_record_file,
    render_record_file,
)
from salescoach.store.record import CURRENT_SCHEMA, AccountRef, Record
from tests.store.store_helpers import BODY, make_record

ACME = AccountRef(slug="societe-generale", name="Société Générale")
PATH = Path("/home/rep/accounts/societe-generale/m/prep.md")

TRICKY_TEXTS = [
    "NO",
    "yes",
    "off",
    "~",
    "null",
    "2024-01-05",
    "2024-13-45",
    "12:30",
    "0x1F",
    "007",
    "1e3",
    "---",
    "...",
    "--- \n...",
    "",
    " ",
    "line one\nline two\n",
    "trailing newlines\n\n\n",
    "\n leading newline",
    "  indented\n    more",
    "key: value",
    "- item",
    "# not a comment",
    "&anchor *alias !tag",
    "emoji 🎉 and 👩🏽‍💻",
    "Société Générale, çà et là, Œuvre",
    "\x85",
    "before\x85after",
    "\u2028\u2029",
    "tab\there",
    "\r\n",
    "\ufeffbom inside",
    NOTES_MARKER,
    f"a paragraph\n{NOTES_MARKER}\nthat quotes the marker",
]


def record_with(answers: dict[str, Any], notes: str = "") -> Record:
    meeting = "2026-11-28-societe-generale-negotiation"
    return make_record(ACME, meeting, answers=answers, notes=notes)


def round_trip(record: Record, body: str = BODY) -> Record:
    return parse_record_file(render_record_file(record, body), PATH)


def test_layout() -> None:
    text = render_record_file(record_with({"meeting": {"type": "negotiation"}}, "my notes\n"), BODY)
    assert text.startswith(f"---\nschema_version: {CURRENT_SCHEMA}\nkind: prep\n")
    front, body = text.split("\n---\n", 1)
    assert "notes" not in front
    assert body == f"\n{BODY}\n{NOTES_HEADING}\n{NOTES_MARKER}\nmy notes\n"


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_tricky_answers_round_trip(text: str) -> None:
    answers = {"meeting": {"text": text, "list": [text, text], "nested": [{"x": text}]}}
    record = record_with(answers)
    assert round_trip(record) == record


def test_every_tricky_text_at_once_and_as_keys() -> None:
    answers: dict[str, dict[str, Any]] = {
        "meeting": {f"q{i}": text for i, text in enumerate(TRICKY_TEXTS)},
        "odd keys": {},
    }
    answers["odd keys"] = {text: i for i, text in enumerate(TRICKY_TEXTS) if text}
    record = record_with(answers)
    assert round_trip(record) == record


def test_scalar_types_survive() -> None:
    answers = {
        "meeting": {"phase": 3, "budget": 12.5, "signed": False, "none": None, "big": 10**30}
    }
    assert round_trip(record_with(answers)).answers == answers


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
answer_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1), st.dictionaries(st.text(), answer_values), max_size=3),
    st.text(),
)
def test_any_answers_and_notes_round_trip(answers: dict[str, Any], notes: str) -> None:
    record = record_with(answers, notes)
    assert round_trip(record) == record


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_any_body_leaves_notes_intact(body: str, notes: str) -> None:
    record = record_with({}, notes)
    assert round_trip(record, body).notes == notes


def test_notes_are_kept_byte_for_byte() -> None:
    notes = "  indented\r\nwindows line\n\n---\nnot front matter\n" + NOTES_MARKER + "\nagain"
    text = render_record_file(record_with({}, notes), BODY)
    assert text.endswith(notes)
    assert parse_record_file(text, PATH).notes == notes
    assert extract_notes(text) == notes


def test_a_marker_in_the_body_is_escaped_and_not_taken_for_the_real_one() -> None:
    body = f"intro\n{NOTES_MARKER}\noutro"
    text = render_record_file(record_with({}, "real notes"), body)
    assert f"\\{NOTES_MARKER}" in text
    assert parse_record_file(text, PATH).notes == "real notes"


def test_without_a_marker_there_are_no_notes() -> None:
    text = render_record_file(record_with({}), BODY).replace(NOTES_MARKER, "")
    assert parse_record_file(text, PATH).notes == ""
    assert extract_notes(text) is None


def test_crlf_line_endings_are_read() -> None:
    record = record_with({"meeting": {"type": "closing"}})
    text = render_record_file(record, BODY).replace("\n", "\r\n")
    assert parse_record_file(text, PATH).answers == record.answers


GOOD = render_record_file(record_with({"meeting": {"type": "closing"}}), BODY)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "must start with a line `---`"),
        ("# just markdown\n", "must start with a line `---`"),
        ("\ufeff" + GOOD, "byte-order mark"),
        (GOOD.split("\n---\n", 1)[0] + "\n", "not closed"),
        ("---\n---\nbody\n", "front matter is empty"),
        ("---\n- a\n- b\n---\n", "must be a mapping, found a list"),
        ("---\njust text\n---\n", "must be a mapping, found a str"),
        ("---\nkind: [prep\n---\n", "not valid YAML"),
        ("---\nkind: prep\nkind: debrief\n---\n", "duplicate key"),
        ("---\na: &x 1\nb: *x\n---\n", "anchor"),
        (GOOD.replace("kind: prep", "kind: memo"), "kind"),
        (
            GOOD.replace(f"schema_version: {CURRENT_SCHEMA}", "schema_version: 99"),
            "upgrade salescoach",
        ),
    ],
)
def test_broken_files_are_record_errors_naming_the_file(text: str, problem: str) -> None:
    with pytest.raises(RecordError, match=problem) as caught:
        parse_record_file(text, PATH)
    assert caught.value.path == PATH
    assert str(caught.value).startswith(str(PATH))


def test_yaml_errors_give_the_line_in_the_file() -> None:
    with pytest.raises(RecordError, match="line 3") as caught:
        parse_record_file("---\nkind: prep\nkind: debrief\n---\n", PATH)
    assert "duplicate key" in str(caught.value)


def test_reading_from_disk_refuses_bad_encodings(tmp_path: Path) -> None:
    path = tmp_path / "prep.md"
    path.write_bytes(GOOD.encode("latin-1", "replace").replace(b"schema", b"sch\xe9ma"))
    with pytest.raises(RecordError, match="not valid UTF-8"):
        read_record_file(path)
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    with pytest.raises(RecordError, match="byte-order mark"):
        read_record_file(path)
    path.write_text(GOOD, encoding="utf-8")
    assert read_record_file(path).answers == {"meeting": {"type": "closing"}}
    with pytest.raises(FileNotFoundError):
        read_record_file(tmp_path / "missing.md")
