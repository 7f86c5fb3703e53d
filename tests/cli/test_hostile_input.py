"""No input crashes the installed command: one bad file is one located problem, never a crashed
home (issue 10). Each case was a traceback once."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.cli.helpers import salescoach

# Each test runs the installed command ten times or more: slow on a loaded machine.
pytestmark = pytest.mark.timeout(600)

READ_COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["agenda"],
    ["account", "Acme"],
    ["report", "objections"],
    ["report", "phases"],
    ["export", "--format", "json"],
    ["resume"],
    ["playbook", "list"],
]


def no_traceback(result: object) -> None:
    """The run ended with a message of ours: no Python traceback, no unexpected exit code."""
    stderr = getattr(result, "stderr", "")
    code = getattr(result, "returncode", None)
    assert "Traceback" not in stderr, stderr
    assert code in (0, 1, 2), (code, stderr)


@pytest.fixture
def saved_home(isolated_home: Path, tmp_path: Path) -> Path:
    """A home with one saved prep of Acme, made by the installed command."""
    answers = tmp_path / "answers.yaml"
    example = salescoach("prep", "Acme", "--type", "discovery", "--example-answers")
    assert example.returncode == 0, example.stderr
    answers.write_text(example.stdout, encoding="utf-8")
    saved = salescoach("prep", "Acme", "--answers", str(answers), "--no-input")
    assert saved.returncode == 0, saved.stderr
    return isolated_home


def _prep_file(home: Path) -> Path:
    [path] = (home / "accounts").glob("*/*/prep.md")
    return path


def _insert_after(path: Path, marker: str, hostile: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert marker in text
    path.write_text(text.replace(marker, marker + hostile, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("marker", "hostile"),
    [
        ("language: ", "\x00"),
        ("language: ", "\x1b[31m"),
        ("schema_version: ", "7" * 5000),
    ],
)
def test_a_raw_control_character_or_a_huge_integer_in_a_record_is_one_located_problem(
    saved_home: Path, marker: str, hostile: str
) -> None:
    path = _prep_file(saved_home)
    _insert_after(path, marker, hostile)
    for command in READ_COMMANDS:
        no_traceback(salescoach(*command))
    listed = salescoach("list")
    assert listed.returncode == 1  # the list leaves a record out: a script must know
    assert f"skipped {path}: front matter is not valid YAML: line " in listed.stderr
    assert "No records yet" not in listed.stderr
    shown = salescoach("show", path.parent.name)
    no_traceback(shown)
    assert shown.returncode == 1
    assert f"{path}: front matter is not valid YAML: line " in shown.stderr


def test_a_control_character_in_account_yaml_is_located(saved_home: Path) -> None:
    account = saved_home / "accounts" / "acme" / "account.yaml"
    _insert_after(account, "name: ", "\x00")
    for command in [*READ_COMMANDS, ["prep", "Acme", "--example-answers"]]:
        result = salescoach(*command)
        no_traceback(result)
    result = salescoach("account", "Acme")
    assert f"{account}:" in result.stderr and "U+0000" in result.stderr


def test_a_control_character_in_a_draft_config_playbook_or_answers_file_is_located(
    saved_home: Path, tmp_path: Path
) -> None:
    drafts = saved_home / "drafts"
    drafts.mkdir()
    (drafts / "20261201-100000-prep-acme.yaml").write_text("id: x\x07\n", encoding="utf-8")
    result = salescoach("resume")
    no_traceback(result)
    assert "U+0007" in result.stderr and "20261201-100000-prep-acme.yaml" in result.stderr

    team = tmp_path / "team"
    team.mkdir()
    (team / "broken.yaml").write_text("id: broken\x00\nkind: prep\n", encoding="utf-8")
    result = salescoach("--playbooks", str(team), "playbook", "list")
    no_traceback(result)
    assert f"{team / 'broken.yaml'}:1:11" in result.stderr + result.stdout

    answers = tmp_path / "bad-answers.yaml"
    answers.write_text("meeting:\n  account: Ac\x02me\n", encoding="utf-8")
    result = salescoach("prep", "Acme", "--answers", str(answers), "--no-input")
    no_traceback(result)
    assert result.returncode == 1
    assert f"{answers}:2:14: raw control character U+0002" in result.stderr

    config = Path(os.environ["SALESCOACH_CONFIG"])
    config.write_text("lang: \x01fr\n", encoding="utf-8")
    for command in READ_COMMANDS:  # those that need the config say where it is broken
        no_traceback(salescoach(*command))
    result = salescoach("playbook", "list")
    assert result.returncode == 1 and f"{config}:1:7: raw control character" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_a_device_given_as_a_file_is_refused_at_once(
    saved_home: Path, tmp_path: Path
) -> None:
    """A FIFO with no writer and /dev/zero used to hold the command until its timeout."""
    fifo = tmp_path / "answers.fifo"
    os.mkfifo(fifo)
    for given in (str(fifo), "/dev/zero", "/dev/urandom"):
        result = salescoach("prep", "Acme", "--answers", given, "--no-input")
        no_traceback(result)
        assert result.returncode in (1, 2) and "regular file" in result.stderr, result.stderr
    path = _prep_file(saved_home)
    path.unlink()
    os.mkfifo(path)
    for command in READ_COMMANDS:
        no_traceback(salescoach(*command))
    shown = salescoach("show", path.parent.name)
    assert shown.returncode == 1 and "not a regular file" in shown.stderr


def test_a_number_too_large_for_a_float_is_refused_before_the_save(tmp_path: Path) -> None:
    """A 400-digit budget used to be accepted, then crash the save while rendering the sheet."""
    team = tmp_path / "team"
    team.mkdir()
    (team / "budget.yaml").write_text(
        "id: budget\nkind: prep\ntitle: Budget\nlanguage: en\nversion: 1\n"
        "steps:\n  - id: money\n    title: Money\n    questions:\n"
        "      - {id: amount, type: number, prompt: How much?, help: Any amount.}\n",
        encoding="utf-8",
    )
    answers = tmp_path / "answers.yaml"
    answers.write_text("budget:\n  amount: '" + "9" * 400 + "'\n", encoding="utf-8")
    result = salescoach(
        "--playbooks", str(team), "prep", "Acme", "--playbook", "budget",
        "--answers", str(answers), "--no-input",
    )  # fmt: skip
    no_traceback(result)
    assert result.returncode == 1
    assert "budget.amount: too large a number" in result.stderr
    assert not (Path(os.environ["SALESCOACH_HOME"]) / "accounts").exists()


def _team_with_a_paragraph(tmp_path: Path) -> Path:
    team = tmp_path / "team"
    team.mkdir()
    (team / "notes.yaml").write_text(
        "id: notes\nkind: prep\ntitle: Notes\nlanguage: en\nversion: 1\n"
        "steps:\n  - id: all\n    title: All\n    questions:\n"
        "      - {id: story, type: paragraph, prompt: The story?, help: All of it.}\n",
        encoding="utf-8",
    )
    return team


def test_a_save_refused_at_the_end_keeps_a_draft_and_leaves_no_meeting_folder(
    tmp_path: Path, isolated_home: Path
) -> None:
    """A record over the 5 MB a reader accepts used to be saved (exit 0) and never read again;
    refused before writing, the answers used to be lost with it."""
    team = _team_with_a_paragraph(tmp_path)
    answers = tmp_path / "answers.yaml"
    answers.write_text("notes:\n  story: '" + "é" * 2_300_000 + "'\n", encoding="utf-8")
    result = salescoach(
        "--playbooks", str(team), "prep", "Acme", "--playbook", "notes",
        "--answers", str(answers), "--no-input",
    )  # fmt: skip
    no_traceback(result)
    assert result.returncode == 1
    assert "more than the 5,000,000 bytes a record may hold" in result.stderr
    assert "shorten the longest answers" in result.stderr
    assert " are kept in draft " in result.stderr and "Nothing is lost: " in result.stderr
    assert "then: salescoach resume " in result.stderr
    assert [path.name for path in (isolated_home / "accounts" / "acme").iterdir()] == [
        "account.yaml"
    ]
    listed = salescoach("resume")
    assert listed.returncode == 0 and "Acme" in listed.stdout
    [draft] = (isolated_home / "drafts").iterdir()
    assert "é" * 1000 in draft.read_text(encoding="utf-8")


def test_answers_no_question_reads_are_errors_with_did_you_mean(tmp_path: Path) -> None:
    """A misspelt id, an unknown playbook, a merge key, a for_each item that matches nothing:
    each used to be dropped without a word."""
    example = salescoach("prep", "ACME", "--type", "negotiation", "--example-answers")
    assert example.returncode == 0, example.stderr
    assert "item: price-too-high" in example.stdout
    misspelt = tmp_path / "misspelt.yaml"
    misspelt.write_text(
        example.stdout.replace("meeting:\n", "meeting:\n  tpye: x\n  <<: {a: 1}\n", 1)
        + "opaa:\n  objectives: [x]\n",
        encoding="utf-8",
    )
    result = salescoach("prep", "ACME", "--answers", str(misspelt), "--no-input")
    no_traceback(result)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(
        line.endswith(
            "meeting.tpye: playbook `meeting` has no question `tpye` (did you mean `type`)"
        )
        for line in lines
    ), lines
    assert any("meeting.<<: YAML merge keys (<<) are not read" in line for line in lines)
    assert any(
        "opaa: no playbook `opaa` is walked here (did you mean `opa`)" in line for line in lines
    )
    assert f"{misspelt}:4:3: meeting.tpye" in result.stderr

    unmatched = tmp_path / "unmatched.yaml"
    unmatched.write_text(
        example.stdout.replace("item: price-too-high", "item: no-such-objection", 1),
        encoding="utf-8",
    )
    result = salescoach("prep", "ACME", "--answers", str(unmatched), "--no-input")
    no_traceback(result)
    assert result.returncode == 1
    assert "`no-such-objection` is not one of the items this question is asked for" in result.stderr
    assert not (Path(os.environ["SALESCOACH_HOME"]) / "accounts").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["prep", "   ", "--no-input"],
        ["account", ""],
        ["list", "--account", "   "],
        ["export", "--account", " "],
        ["show", ""],
        ["debrief", " ", "--no-input"],
    ],
)
def test_blank_names_and_queries_are_usage_errors(saved_home: Path, command: list[str]) -> None:
    """`show ''` used to pick the only meeting; a blank account name raised ValueError."""
    result = salescoach(*command)
    no_traceback(result)
    assert result.returncode == 2
    assert "cannot be blank" in result.stderr


def test_invisible_characters_are_dropped_from_account_names(saved_home: Path) -> None:
    """A bidi override or a zero-width space made one account display as another."""
    result = salescoach("account", "Ac\u200bme\u202e")
    assert result.returncode == 0, result.stderr
    account = saved_home / "accounts" / "acme" / "account.yaml"
    assert "name: Acme\n" in account.read_text(encoding="utf-8")


def test_a_missing_account_yaml_is_rebuilt_rather_than_splitting_the_account(
    saved_home: Path, tmp_path: Path
) -> None:
    account = saved_home / "accounts" / "acme" / "account.yaml"
    account.unlink()
    result = salescoach("account", "Acme")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (saved_home / "accounts").iterdir()) == ["acme"]
    assert "name: Acme\n" in account.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    [
        ["export", "-o", "{missing}/x.json"],
        ["export", "-o", "{folder}"],
        ["export", "-o", ""],
        ["playbook", "schema", "-o", "{missing}/x.json"],
        ["playbook", "schema", "-o", "{folder}"],
        ["playbook", "schema", "-o", ""],
        ["--home", "~nosuchuser/home", "list"],
        ["report", "team", "--home", "{missing}"],
        ["agenda", "--days", "3000000"],
    ],
)
def test_bad_paths_and_far_dates_are_clear_errors(
    saved_home: Path, tmp_path: Path, command: list[str]
) -> None:
    filled = [part.format(missing=tmp_path / "no-such-folder", folder=tmp_path) for part in command]
    result = salescoach(*filled)
    no_traceback(result)
    if command[0] == "agenda":
        assert result.returncode == 0
    else:
        assert result.returncode in (1, 2)
        assert result.stderr.startswith("error: ")
    assert not (tmp_path / "no-such-folder").exists()


def test_a_next_step_due_on_the_last_day_of_the_calendar(saved_home: Path, tmp_path: Path) -> None:
    example = salescoach("debrief", "--last", "--example-answers")
    assert example.returncode == 0, example.stderr
    answers = tmp_path / "debrief.yaml"
    answers.write_text(
        "\n".join(
            "    due: '9999-12-31'" if line.strip().startswith("due:") else line
            for line in example.stdout.splitlines()
        ),
        encoding="utf-8",
    )
    saved = salescoach("debrief", "--last", "--answers", str(answers), "--no-input")
    assert saved.returncode == 0, saved.stderr
    for command in (["agenda", "--days", "3000000"], ["export", "--format", "ics"], ["list"]):
        result = salescoach(*command)
        no_traceback(result)
        assert result.returncode == 0, (command, result.stderr)
    assert "DTEND;VALUE=DATE:99991231" in salescoach("export", "--format", "ics").stdout


def test_config_with_a_symlink_loop_or_an_unknown_user_is_located(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    config = Path(os.environ["SALESCOACH_CONFIG"])
    config.write_text(f"playbooks: [{loop}, ~nosuchuser/team]\n", encoding="utf-8")
    result = salescoach("playbook", "list")
    no_traceback(result)
    assert result.returncode == 1
    assert f"{config}:1:13: playbooks.0: cannot resolve" in result.stderr
    assert "playbooks.1: cannot expand ~nosuchuser/team" in result.stderr


def test_closed_standard_input_is_a_usage_error() -> None:
    """`salescoach prep ACME <&-`: sys.stdin is None, which used to raise AttributeError."""
    import subprocess

    from tests.cli.helpers import SALESCOACH

    result = subprocess.run(
        [str(SALESCOACH), "prep", "ACME"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),
    )
    no_traceback(result)
    assert result.returncode == 2
    assert "standard input is not a terminal" in result.stderr


def test_a_scale_must_have_finite_bounds_and_a_bounded_span(tmp_path: Path) -> None:
    for bound in (".nan", "-.inf", "1000000000"):
        playbook = tmp_path / "scale.yaml"
        playbook.write_text(
            "id: scale\nkind: prep\ntitle: S\nlanguage: en\nversion: 1\n"
            "steps:\n  - id: a\n    title: A\n    questions:\n"
            f"      - {{id: s, type: scale, prompt: How?, help: H., min: 0, max: {bound}}}\n",
            encoding="utf-8",
        )
        result = salescoach("playbook", "validate", str(playbook))
        no_traceback(result)
        assert result.returncode == 1, bound
        assert f"{playbook}:10:" in result.stderr


def test_an_override_with_other_question_types_does_not_crash_preview(tmp_path: Path) -> None:
    import yaml

    from salescoach.paths import builtin_playbooks

    meeting = yaml.safe_load((builtin_playbooks() / "en" / "meeting.yaml").read_text("utf-8"))
    swap = {"list": "yesno", "text": "number", "choices": "number", "scale": "list"}
    for step in meeting["steps"]:
        for question in step["questions"]:
            if question.get("type") in swap:
                question["type"] = swap[question["type"]]
                for key in ("options", "choices_from", "labels", "min", "max", "example"):
                    question.pop(key, None)
                for key in ("min_items", "max_items", "max_length", "default", "for_each"):
                    question.pop(key, None)
    team = tmp_path / "team"
    team.mkdir()
    (team / "meeting.yaml").write_text(yaml.safe_dump(meeting, allow_unicode=True), "utf-8")
    result = salescoach("--playbooks", str(team), "playbook", "preview", "prep-flow")
    no_traceback(result)
    assert result.returncode == 0, result.stderr


def test_answers_meeting_edited_into_a_string_is_one_located_problem(saved_home: Path) -> None:
    path = _prep_file(saved_home)
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  meeting:\n") + 1
    end = text.index("\n  ", text.index("\n", start) + 1)
    while text[end + 3] == " ":
        end = text.index("\n  ", end + 1)
    path.write_text(text[:start] + "  meeting: just some text" + text[end:], encoding="utf-8")
    for command in (["show", path.parent.name], ["prep", "Acme", "--no-input"], ["list"]):
        result = salescoach(*command)
        no_traceback(result)
    shown = salescoach("show", path.parent.name)
    assert shown.returncode == 1
    assert "answers.meeting: Input should be a valid dictionary" in shown.stderr


@contextmanager
def _read_only(home: Path) -> Iterator[None]:
    """``home`` made read-only for this process, whoever it runs as.

    Not root, its folders lose their write bit. Root writes into those anyway, so as root (CI)
    every file and folder is made immutable (``chattr +i``) instead, and put back after.
    """
    folders = [home, *[path for path in home.rglob("*") if path.is_dir()]]
    if os.geteuid() != 0:
        for folder in folders:
            folder.chmod(0o500)
        try:
            yield
        finally:
            for folder in folders:
                folder.chmod(0o700)
        return
    if shutil.which("chattr") is None:
        pytest.skip("root, and no chattr to make the home read-only")
    made = subprocess.run(["chattr", "-R", "+i", str(home)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"root, and chattr +i refused here: {made.stderr.decode().strip()}")
    try:
        assert subprocess.run(["touch", str(home / "probe")], check=False).returncode != 0
        yield
    finally:
        subprocess.run(["chattr", "-R", "-i", str(home)], check=True)


def test_read_only_commands_work_on_a_read_only_home(saved_home: Path) -> None:
    """A manager reading a rep's home they may not write into."""
    meeting = _prep_file(saved_home).parent.name
    salescoach("list")  # the index exists before the home turns read-only
    with _read_only(saved_home):
        for command in (["list"], ["show", meeting], ["account", "Acme"], ["resume"]):
            result = salescoach(*command)
            no_traceback(result)
            assert result.returncode == 0, (command, result.stderr)
        assert meeting in salescoach("list").stdout


@contextmanager
def _full_disk(home: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of ``home`` on a small file system of its own, filled to the last byte.

    Needs root (``mount -t tmpfs``), as CI has; skipped elsewhere.
    """
    mount_point = tmp_path / "full-disk"
    mount_point.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.decode().strip()}")
    try:
        copy = mount_point / "home"
        shutil.copytree(home, copy, ignore=shutil.ignore_patterns(".index*"))
        (mount_point / "cache").mkdir()  # the index's place, full too
        with contextlib.suppress(OSError), (mount_point / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        yield copy
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_read_only_commands_work_on_a_full_disk(saved_home: Path, tmp_path: Path) -> None:
    """No room for the index: every read still answers, from the files, and says nothing odd."""
    meeting = _prep_file(saved_home).parent.name
    with _full_disk(saved_home, tmp_path) as home:
        env = {"SALESCOACH_HOME": str(home), "SALESCOACH_CACHE": str(home.parent / "cache")}
        for command in (
            ["list"],
            ["show", meeting],
            ["account", "Acme"],
            ["agenda"],
            ["search", "budget"],
        ):
            result = salescoach(*command, env=env)
            no_traceback(result)
            assert result.returncode == 0, (command, result.stderr)
        listed = salescoach("list", env=env)
        assert meeting in listed.stdout
        assert listed.stderr == ""  # no room for the index is not the rep's problem
