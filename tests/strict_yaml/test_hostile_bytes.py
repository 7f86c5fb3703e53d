"""Every YAML reader, fed arbitrary bytes, gives a located problem or a value: never a crash.

A raw control character or an over-long number in one file used to raise an exception no
caller expected, so one bad file took down every command on the home. The readers here are all
of those that read a file a person can edit: a record, ``account.yaml``, a draft, the config, a
playbook, an answers file. Each gets random bytes, and a valid file with something hostile
inserted at a random place (control characters, NUL, huge integers, overflowing floats).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salescoach.errors import Location, NotFoundError, ProblemsError, RecordError, StoreError
from salescoach.paths import builtin_playbooks
from salescoach.playbook.loader import read_playbook
from salescoach.session.answers_file import load_answers
from salescoach.settings import load_settings
from salescoach.store.drafts import Draft, Drafts
from salescoach.store.markdown import read_record_file
from salescoach.store.repository import Repository
from salescoach.yamlio import YamlProblems, load_file, parse
from tests.store.store_helpers import BODY, new_record

CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(
    ["\x7f", "\x85", "\x9b", "\ufeff", "\ufffe", "\uffff", "\u2028"]
)
HOSTILE = st.one_of(
    st.text(CONTROL, min_size=1, max_size=5),
    st.integers(min_value=300, max_value=6_000).map(lambda digits: "8" * digits),
    st.integers(min_value=300, max_value=6_000).map(lambda digits: "-1" + "0" * digits),
    st.sampled_from(["1.5e+400", "-1.0e+309", "9" * 400 + ".5", ".nan", "-.inf", "1e400"]),
    st.text(max_size=8),
)


def _record_text(home: Path) -> bytes:
    repo = Repository(home)
    record = new_record(repo, notes="notes\n")
    return repo.save(record, BODY).read_bytes()


def _account_text(home: Path) -> bytes:
    repo = Repository(home)
    slug = repo.account_slug("Acme")
    return (home / "accounts" / slug / "account.yaml").read_bytes()


def _draft_text(home: Path) -> bytes:
    drafts = Drafts(home)
    draft = Draft(
        id="d-1",
        kind="prep",
        account="Acme",
        language="en",
        answers={"meeting": {"type": "discovery", "phase": 2}},
        created="2026-11-28T09:30:00+01:00",
        updated="2026-11-28T09:30:00+01:00",
    )
    return drafts.save(draft).read_bytes()


CONFIG = b"lang: fr\nplaybooks: [team]\nhome: records\n"
ANSWERS = b"meeting:\n  type: discovery\n  phase: 2\nopa:\n  objectives: [a, b]\n"


def _playbook_text() -> bytes:
    return (builtin_playbooks() / "en" / "meeting.yaml").read_bytes()


Reader = Callable[[Path], object]

READERS: dict[str, tuple[Reader, tuple[type[Exception], ...]]] = {
    "yaml": (load_file, (YamlProblems,)),
    "record": (read_record_file, (RecordError,)),
    "account": (
        lambda path: Repository(path.parents[2]).account(path.parent.name),
        (RecordError, NotFoundError),
    ),
    "draft": (lambda path: Drafts(path.parents[1]).load(path.stem), (RecordError, NotFoundError)),
    "config": (load_settings, (ProblemsError,)),
    "answers": (load_answers, (ProblemsError,)),
    "playbook": (read_playbook, (ProblemsError,)),
}
"""Each reader, and the errors it is allowed to raise: the ones that carry a location."""


@pytest.fixture(scope="module")
def valid_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, bytes]]:
    """For each reader: where its file goes (relative to a scratch folder) and a valid content."""
    home = tmp_path_factory.mktemp("valid") / "home"
    record = _record_text(home)
    return {
        "yaml": ("doc.yaml", ANSWERS),
        "record": ("home/accounts/acme/2026-11-28-acme-negotiation/prep.md", record),
        "account": ("home/accounts/acme/account.yaml", _account_text(home)),
        "draft": ("home/drafts/d-1.yaml", _draft_text(home)),
        "config": ("config.yaml", CONFIG),
        "answers": ("answers.yaml", ANSWERS),
        "playbook": ("meeting.yaml", _playbook_text()),
    }


def _check(reader: str, folder: Path, relative: str, data: bytes) -> None:
    read, expected = READERS[reader]
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        read(path)
    except expected as error:
        problems = getattr(error, "problems", None)
        if problems is not None:
            assert problems, "a ProblemsError with no problem"
            assert all(isinstance(p.location, Location) for p in problems)
        assert str(error)


@pytest.mark.parametrize("reader", sorted(READERS))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_random_bytes_give_a_problem_or_a_value(
    reader: str, data: bytes, valid_files: dict[str, tuple[str, bytes]], tmp_path: Path
) -> None:
    relative, _ = valid_files[reader]
    _check(reader, tmp_path / "random", relative, data)


@pytest.mark.parametrize("reader", sorted(READERS))
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(hostile=HOSTILE, where=st.integers(min_value=0))
def test_a_valid_file_with_hostile_text_inserted_gives_a_problem_or_a_value(
    reader: str,
    hostile: str,
    where: int,
    valid_files: dict[str, tuple[str, bytes]],
    tmp_path: Path,
) -> None:
    relative, valid = valid_files[reader]
    text = valid.decode("utf-8")
    at = where % (len(text) + 1)
    data = (text[:at] + hostile + text[at:]).encode("utf-8", "surrogatepass")
    _check(reader, tmp_path / "inserted", relative, data)


@pytest.mark.parametrize(
    ("text", "line", "column", "what"),
    [
        ("a: b\x00c\n", 1, 5, "U+0000"),
        ("a: 1\nb: [x, \x01]\n", 2, 8, "U+0001"),
        ("éé: \x7f\n", 1, 5, "U+007F"),
        ("a: " + "9" * 5000 + "\n", 1, 4, "number too large"),
        ("a: -" + "9" * 400 + "\n", 1, 4, "number too large"),
        ("a: 1.5e+400\n", 1, 4, "number too large"),
        ("a: !!float 1.0e+999\n", 1, 4, "number too large"),
    ],
)
def test_control_characters_and_huge_numbers_are_located(
    text: str, line: int, column: int, what: str
) -> None:
    with pytest.raises(YamlProblems) as raised:
        parse(text, "f.yaml")
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (line, column)
    assert what in problem.message


def test_the_largest_numbers_a_float_holds_still_read() -> None:
    assert parse("a: " + "9" * 308 + "\n", "f").value == {"a": int("9" * 308)}
    assert parse("a: 1.5e+308\n", "f").value == {"a": 1.5e308}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_fifo_or_a_device_where_a_file_should_be_is_refused_at_once(
    reader: str, valid_files: dict[str, tuple[str, bytes]], tmp_path: Path
) -> None:
    """A FIFO with no writer would block a plain open() forever; /dev/zero never ends."""
    relative, _ = valid_files[reader]
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    assert stat.S_ISFIFO(path.stat().st_mode)
    read, expected = READERS[reader]
    with pytest.raises(expected) as raised:
        read(path)
    assert "not a regular file" in str(raised.value)
    path.unlink()
    path.symlink_to("/dev/zero")
    refusable: tuple[type[Exception], ...] = (*expected, StoreError)
    with pytest.raises(refusable) as refused:
        read(path)
    refusals = ("not a regular file", "symbolic link", "outside the data home")
    assert any(refusal in str(refused.value) for refusal in refusals), refused.value
