"""The recap to send the client: drafted from each example debrief, in both languages.

Snapshots where the exact text is the product: regenerate after an intended change with
``SALESCOACH_UPDATE_SNAPSHOTS=1``, then read the diff as the client would.
"""

from __future__ import annotations

import datetime as dt
import email
import os
import stat
import textwrap
import threading
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from salescoach.errors import PlaybookError
from salescoach.playbook.library import Library, Source, search_path
from salescoach.playbook.template import fill, load_template
from salescoach.recap import as_eml, as_markdown, as_text, recap_of
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from salescoach.workflow import save_debrief, save_prep

SNAPSHOTS = Path(__file__).parent.parent / "snapshots"
TYPES = ["discovery", "negotiation"]


def library(language: str, *extra: Path) -> Library:
    sources = search_path(language) + [Source("option", path) for path in extra]
    return Library.load(language, sources)


def example_meeting(repo: Repository, language: str, meeting_type: str) -> Record:
    """A prep and its debrief from the playbooks' examples, saved as a rep would."""
    books = library(language)
    prep_session = Session(
        books,
        "prep-flow",
        ExamplePrompter(),
        prefill={"meeting": {"account": "ACME", "type": meeting_type}},
    )
    prep_session.run()
    prep = save_prep(
        repo, books, prep_session, account_name="ACME", language=language, today=dt.date.today()
    ).record
    debrief_session = Session(
        books, "debrief-flow", ExamplePrompter(), context={"prep": prep.answers}
    )
    debrief_session.run()
    return save_debrief(repo, books, debrief_session, prep, language=language).record


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("meeting_type", TYPES)
def test_recap_snapshot(isolated_home: Path, language: str, meeting_type: str) -> None:
    repo = Repository(isolated_home)
    record = example_meeting(repo, language, meeting_type)
    recap = recap_of(repo, library, record.meeting)
    for suffix, text in (("txt", as_text(recap)), ("md", as_markdown(recap))):
        snapshot = SNAPSHOTS / f"recap-{meeting_type}-{language}.{suffix}"
        if os.environ.get("SALESCOACH_UPDATE_SNAPSHOTS"):
            snapshot.write_text(text, encoding="utf-8")
        assert text == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_eml_is_a_mail_any_client_reads_back(isolated_home: Path, language: str) -> None:
    repo = Repository(isolated_home)
    record = example_meeting(repo, language, "negotiation")
    recap = recap_of(repo, library, record.meeting)
    data = as_eml(recap)
    message = email.message_from_bytes(data, policy=default)
    assert isinstance(message, EmailMessage)
    assert message["Subject"] == recap.subject
    assert [a.addr_spec for a in message["To"].addresses] == [address for _, address in recap.to]
    assert recap.to and recap.to[0][1].endswith("@acme-logistics.example")
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    body = message.get_content().replace("\r\n", "\n")
    assert body == as_text(recap, subject=False)
    for given in ("Send a delivery-slot", "Share three months") if language == "en" else ():
        assert given in body
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))  # RFC 5322 line limit
    assert message["X-Unsent"] == "1"


def test_both_sides_commitments_and_next_steps_read_as_a_person_writes(
    isolated_home: Path,
) -> None:
    repo = Repository(isolated_home)
    record = example_meeting(repo, "en", "discovery")
    text = as_text(recap_of(repo, library, record.meeting))
    assert text.startswith("Subject: Our meeting of Thursday 3 December: summary and next steps\n")
    assert "Hello Claire," in text
    assert "On my side, as agreed, I will:\n- Send a delivery-slot diagnostic" in text
    assert "On your side, you kindly offered to:\n- Share three months of delivery data" in text
    assert "- Send the delivery-slot diagnostic — me, by Thursday 10 December" in text
    assert "I will get back to you on Thursday 10 December." in text
    assert "phase-4" not in text and "objectives_result" not in text  # no dump of answers


def test_a_team_template_overrides_the_wording(isolated_home: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    builtin = (search_path("en")[0].directory / "recap.yaml").read_text(encoding="utf-8")
    (team / "recap.yaml").write_text(
        builtin.replace('label: "Hello {names},"', 'label: "Dear {names},"').replace(
            "  - id: understood\n", "  - id: understood-gone\n", 0
        ),
        encoding="utf-8",
    )
    repo = Repository(isolated_home)
    record = example_meeting(repo, "en", "discovery")
    text = as_text(recap_of(repo, lambda language: library(language, team), record.meeting))
    assert "Dear Claire," in text and "Hello" not in text


def test_a_broken_template_is_refused_at_its_line(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "recap.yaml").write_text(
        textwrap.dedent(
            """\
            id: recap
            kind: reference
            title: Recap
            language: en
            version: 1
            entries:
              - id: greeting
                label: "Hello {nmae},"
              - id: thanks
                label: "Thanks {date.__class__}"
              - id: signature
                label: "Me"
              - id: next_steps
                label: "Next:"
                details:
                  step: "{action} {"
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError) as caught:
        load_template(library("en", team))
    shown = [str(problem) for problem in caught.value.problems]
    assert len(shown) == 4
    assert shown[0].startswith(f"{team / 'recap.yaml'}:8:")
    assert "entries[0].label: unknown placeholder {nmae}" in shown[0] and "{names}" in shown[0]
    assert "not a plain placeholder" in shown[1]
    assert "unknown part 'signature'" in shown[2]
    assert "entries[3].details.step: broken braces" in shown[3]


def test_placeholders_fill_names_only_and_never_read_values_as_a_template() -> None:
    assert fill("Hello {names}, {{braces}}", {"names": "{date} Claire"}) == (
        "Hello {date} Claire, {braces}"
    )


def test_markdown_shows_the_reps_text_literally(isolated_home: Path) -> None:
    repo = Repository(isolated_home)
    record = example_meeting(repo, "en", "discovery")
    answers: dict[str, Any] = record.answers
    answers["debrief"]["commitments_given"] = ["*Send* the [quote](http://x) <b>now</b>"]
    repo.save(record.model_copy(update={"answers": answers}), "body")
    markdown = as_markdown(recap_of(repo, library, record.meeting))
    assert r"- \*Send\* the \[quote\](http://x) \<b\>now\</b\>" in markdown


def test_the_recap_command(isolated_home: Path, tmp_path: Path, salescoach: Any) -> None:
    repo = Repository(isolated_home)
    record = example_meeting(repo, "fr", "discovery")
    shown = salescoach("recap", record.meeting[:-3])  # a unique part of the id is enough
    assert shown.code == 0, shown.stderr
    assert shown.stdout == (SNAPSHOTS / "recap-discovery-fr.txt").read_text(encoding="utf-8")
    mail = tmp_path / "recap.eml"
    written = salescoach("recap", record.meeting, "--format", "eml", "-o", str(mail))
    assert written.code == 0, written.stderr
    message = email.message_from_bytes(mail.read_bytes(), policy=default)
    assert message["To"] == "Claire Martin <claire.martin@acme-logistics.example>"
    assert (mail.stat().st_mode & 0o777) == 0o600
    markdown = salescoach("recap", record.meeting, "--format", "md")
    assert markdown.stdout.startswith("**Objet :** Notre rendez-vous du jeudi 3 décembre")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_recap_into_a_named_pipe_is_written_into_it(
    isolated_home: Path, tmp_path: Path, salescoach: Any
) -> None:
    record = example_meeting(Repository(isolated_home), "en", "discovery")
    expected = salescoach("recap", record.meeting, "--format", "md").stdout.encode()
    pipe = tmp_path / "recap.md"
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()), daemon=True)
    reader.start()
    written = salescoach("recap", record.meeting, "--format", "md", "-o", str(pipe))
    reader.join(timeout=30)
    assert written.code == 0, written.stderr
    assert read == [expected]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # still the pipe, not a file in its place


def test_a_meeting_without_a_debrief_has_no_recap(isolated_home: Path, salescoach: Any) -> None:
    from tests.reports.homes import prep

    record = prep(Repository(isolated_home), "Acme", "2026-02-01")
    failed = salescoach("recap", record.meeting)
    assert failed.code == 1
    assert "has no debrief yet" in failed.stderr and "salescoach debrief" in failed.stderr


def test_edit_opens_the_editor_and_the_mail_keeps_the_edits(
    isolated_home: Path, tmp_path: Path
) -> None:
    """The installed command, with an "editor" that rewrites the subject and a sentence."""
    from tests.cli.helpers import salescoach as run_installed

    repo = Repository(isolated_home)
    record = example_meeting(repo, "en", "discovery")
    editor = "sed -i -e 's/^Subject: .*/Subject: Thanks, Claire/' -e 's/Hello Claire/Hi Claire/'"
    mail = tmp_path / "out.eml"
    done = run_installed(
        "recap", record.meeting, "-f", "eml", "--edit", "-o", str(mail), env={"VISUAL": editor}
    )
    assert done.returncode == 0, done.stderr
    message = email.message_from_bytes(mail.read_bytes(), policy=default)
    assert message["Subject"] == "Thanks, Claire"
    body = message.get_content()
    assert body.startswith("Hi Claire,") and "Subject" not in body


def test_playbook_validate_checks_a_recap_template(tmp_path: Path, salescoach: Any) -> None:
    team = tmp_path / "team"
    team.mkdir()
    builtin = (search_path("en")[0].directory / "recap.yaml").read_text(encoding="utf-8")
    (team / "recap.yaml").write_text(builtin.replace("{names}", "{nmae}", 1), encoding="utf-8")
    checked = salescoach("--playbooks", str(team), "playbook", "validate", str(team))
    assert checked.code == 1
    line = builtin[: builtin.index("{names}")].count("\n") + 1
    assert f"{team / 'recap.yaml'}:{line}:" in checked.stderr
    assert "entries[1].label: unknown placeholder {nmae}" in checked.stderr


@pytest.mark.parametrize(
    ("language", "written"), [("fr", "mardi 1er décembre"), ("en", "Tuesday 1 December")]
)
def test_the_first_of_the_month_is_written_as_the_language_writes_it(
    language: str, written: str
) -> None:
    from salescoach.recap import _date

    template = load_template(Library.load(language, search_path(language)))
    assert _date(dt.date(2026, 12, 1), template) == written
    assert _date(dt.date(2026, 12, 2), template).split()[1] == "2"
