"""Lint: warnings about playbooks that load but will not work as the trainer means."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent, indent

from salescoach.playbook.library import Source, search_path
from salescoach.playbook.lint import LintReport, lint_paths

BUILTIN = Path(__file__).resolve().parents[2] / "playbooks"


def lint(*paths: Path, team: Path | None = None) -> LintReport:
    def search(language: str) -> list[Source]:
        return search_path(language, [team] if team else [], environ={})

    return lint_paths(list(paths), search)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text), encoding="utf-8")
    return path


def messages(report: LintReport) -> list[str]:
    return [f"{p.location.line}:{p.location.column} {p.message}" for p in report.warnings]


DEAL = """\
    id: deal
    kind: prep
    title: Deal
    language: {language}
    version: 1
    steps:
      - id: deal
        title: Deal
        questions:
          - id: stage
            type: choice
            prompt: Stage?
            help: Where the deal is.
            example: early
            options:
              - {{value: early, label: Early}}
              - {{value: late, label: Late}}
          - id: big
            type: yesno
            prompt: Big?
            help: Over 100 k€.
            example: true
"""


def test_a_clean_playbook_has_no_warning(tmp_path: Path) -> None:
    report = lint(write(tmp_path / "deal.yaml", DEAL.format(language="en")))
    assert report.errors == [] and report.warnings == []
    assert report.files == 1


def test_missing_help_and_example(tmp_path: Path) -> None:
    text = dedent(DEAL.format(language="en")).replace("        help: Where the deal is.\n", "")
    text = text.replace("        example: true\n", "")
    report = lint(write(tmp_path / "deal.yaml", text))
    assert messages(report) == [
        "10:9 question `stage` has no help",
        "17:9 question `big` has no example",
    ]
    assert all(p.severity == "warning" for p in report.warnings)


def test_conditions_that_can_never_hold(tmp_path: Path) -> None:
    more = """\
          - id: size
            type: number
            prompt: Size?
            help: In k€.
            example: 120
            when: {question: big, equals: yes}
          - id: pitch
            type: text
            prompt: Pitch?
            help: One line.
            example: Faster go-live
            when:
              any:
                - {question: stage, in: [erly]}
                - {question: meeting.type, equals: negociation}
          - id: note
            type: text
            prompt: Note?
            help: Anything.
            example: x
            when:
              not: {question: stage, not_in: [nowhere]}
    """
    text = dedent(DEAL.format(language="en")) + indent(dedent(more), "      ")
    report = lint(write(tmp_path / "deal.yaml", text))
    assert messages(report) == [
        "28:9 this condition can never hold: question `size` is never asked",
        "28:31 `big` can never be `yes`",
        "34:9 this condition can never hold: question `pitch` is never asked",
        "36:33 `stage` can never be `erly`",
        "37:40 `meeting.type` can never be `negociation`",
        "43:9 this condition can never hold: question `note` is never asked",
        "44:34 `stage` can never be `nowhere`",
    ]
    hints = [p.hint for p in report.warnings]
    assert hints[1] == "a yesno answer is true or false, unquoted"
    assert hints[3] == "did you mean `early`? its values: early, late"
    assert hints[4] is not None and hints[4].startswith("did you mean `negotiation`?")


def test_french_and_english_versions_drifting_apart(tmp_path: Path) -> None:
    write(tmp_path / "en" / "deal.yaml", DEAL.format(language="en"))
    french = DEAL.format(language="fr").replace("version: 1", "version: 2")
    french = french.replace("value: late, label: Late", "value: tard, label: Tard")
    french += "          - id: extra\n            type: text\n            prompt: Extra\n"
    french += "            help: h\n            example: x\n"
    write(tmp_path / "fr" / "deal.yaml", french)
    report = lint(tmp_path)
    drift = [m for m in messages(report) if "differs from the en version" in m]
    assert drift == [
        "5:1 differs from the en version: version is 2 here, 1 there",
        "15:9 differs from the en version: `stage`: options `['early', 'tard']` here, "
        "`['early', 'late']` there",
        "23:9 differs from the en version: question `extra` is not there",
    ]
    assert all(p.location.path == tmp_path / "fr" / "deal.yaml" for p in report.warnings)


def test_drift_against_the_builtin_of_the_other_language(tmp_path: Path) -> None:
    original = (BUILTIN / "fr" / "opa.yaml").read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith(("  - id: ", "      - id: "))]
    cut, end = next(  # two questions in a row: cut the first one out
        (a, b)
        for a, b in zip(starts, starts[1:], strict=False)
        if lines[a].startswith("      ") and lines[b].startswith("      ")
    )
    team = tmp_path / "team"
    path = team / "opa.yaml"
    path.parent.mkdir()
    path.write_text("".join(lines[:cut] + lines[end:]), encoding="utf-8")
    report = lint(path, team=team)
    removed = lines[cut].split("id: ")[1].strip()
    assert [p.message for p in report.warnings if "differs" in p.message] == [
        f"differs from the en version: question(s) `{removed}` missing here"
    ]


def test_unused_reference_and_objection_count(tmp_path: Path) -> None:
    write(
        tmp_path / "objections.yaml",
        """\
        id: objections
        kind: reference
        title: Objections
        language: en
        version: 1
        entries:
          - {id: price, label: Too expensive}
        """,
    )
    write(
        tmp_path / "rivals.yaml",
        """\
        id: rivals
        kind: reference
        title: Rivals
        language: en
        version: 1
        entries:
          - {id: routex, label: Routex}
        """,
    )
    report = lint(tmp_path)
    found = messages(report)
    assert "6:1 the objection library holds 1 entry, not the method's top 10" in found
    assert (
        "1:1 nothing uses the reference list `rivals`: no question's choices_from or for_each "
        "names it"
    ) in found
    assert not any("nothing uses the reference list `objections`" in m for m in found)


def test_file_name_and_twice_in_one_directory(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", DEAL.format(language="en"))
    write(tmp_path / "deal.yaml", DEAL.format(language="en"))
    found = messages(lint(tmp_path))
    assert "1:1 the file is named `a.yaml` but the playbook's id is `deal`" in found
    assert f"1:1 `deal` (en) is also defined in {tmp_path / 'a.yaml'}" in found


def test_a_playbook_reading_one_its_flow_never_walks(tmp_path: Path) -> None:
    write(
        tmp_path / "deal.yaml",
        DEAL.format(language="en")
        + "            when: {question: meeting.type, in: [negotiation]}\n",
    )
    write(
        tmp_path / "deal-flow.yaml",
        """\
        id: deal-flow
        kind: flow
        title: Deal flow
        language: en
        version: 1
        record: prep
        flow:
          - playbook: deal
        """,
    )
    found = messages(lint(tmp_path))
    assert (
        "23:16 flow `deal-flow` walks `deal` but not `meeting`: `meeting.type` is never "
        "answered there"
    ) in found


def test_builtins_lint_without_errors() -> None:
    report = lint(BUILTIN)
    assert report.errors == []
    assert not [p for p in report.warnings if "differs from" in p.message]
    assert not [p for p in report.warnings if "never" in p.message]
