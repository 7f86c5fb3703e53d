"""Everything a person reads is in their language: French on a French home, English on English.

One home of records per language, made as a rep would (the playbooks' example answers, one prep
per meeting type, one debrief), the language set in the config file only (no --lang). Then every
command that prints to a person runs on it: each --help, list, show, the sheet of every meeting
type, agenda, account, resume, every report, export, next, recap, drill, config, and the errors
of the CLI edge. The French output must hold no sentence of the English catalogue or of the
English help, and none of a list of common English words; the English output none of the French.
"""

from __future__ import annotations

import json
import re
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from salescoach.cli.app import new_app, register_everything
from salescoach.cli.help_language import help_paths
from salescoach.messages import CATALOGUE, CLICK
from tests.cli.helpers import salescoach

pytestmark = pytest.mark.timeout(1200)  # a hundred runs of the command, on a loaded machine

TYPES = (
    "presentation",
    "proposal-defence",
    "discovery",
    "negotiation",
    "closing",
    "dispute",
    "account-review",
)
ACCOUNT = {"fr": "Transports Giraud", "en": "Acme Logistics"}
ENGLISH_WORDS = [
    "the",
    "and",
    "with",
    "which",
    "your",
    "you",
    "is",
    "are",
    "this",
    "that",
    "from",
    "meetings",
    "record",
    "records",
    "answer",
    "answers",
    "found",
    "missing",
    "required",
    "shown",
    "late",
    "today",
    "reached",
    "partly",
    "none",
    "yet",
    "every",
    "each",
    "for",
    "not",
    "has",
    "have",
    "of",
    "to",
    "in",
    "no",
    "yes",
    "debriefs",
    "step",
    "steps",
    "days",
    "kind",
    "there",
]
FRENCH_WORDS = [
    "le",
    "la",
    "les",
    "des",
    "du",
    "une",
    "et",
    "pour",
    "avec",
    "sur",
    "dans",
    "aucun",
    "aucune",
    "rendez-vous",
    "débrief",
    "débriefs",
    "préparation",
    "réponse",
    "réponses",
    "étape",
    "étapes",
    "compte",
    "jours",
    "est",
    "pas",
]
METHOD_TERMS = ("success story",)
"""English words the French method itself uses (its source literature does)."""
_NOT_PROSE = re.compile(
    r"`[^`]*`"  # a command or a value quoted as code
    r"|«\s?[^»]*\s?»"  # a value the rep gave, quoted
    r"|--?[\w-]+"  # an option
    r"|salescoach(?: [\w|<>.-]+)+"  # a command line
    r"|\S*[/\\]\S*"  # a path
    r"|\b[\w-]+(?:[.:][\w\[\]-]+)+"  # an answer id (meeting.type), a file name, a time
    r"|\b\w+(?:-\w+)+\b"  # an id (price-too-high, 2026-12-03-acme-discovery)
)


def _env(root: Path, language: str) -> dict[str, str]:
    config = root / "config.yaml"
    config.write_text(f"lang: {language}\n", encoding="utf-8")
    return {
        "SALESCOACH_HOME": str(root / "home"),
        "SALESCOACH_CONFIG": str(config),
        "SALESCOACH_CACHE": str(root / "cache"),
        "LANG": "C.UTF-8",
        "COLUMNS": "100",
    }


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return salescoach(*args, env=env)


@pytest.fixture(scope="module", params=["fr", "en"])
def home(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, str]]]:
    """A home of records in one language: a full-depth prep of every type, one debrief."""
    language: str = request.param
    root = tmp_path_factory.mktemp(f"one-language-{language}")
    env = _env(root, language)
    for meeting_type in TYPES:
        example = _run(
            env,
            "prep",
            ACCOUNT[language],
            "--type",
            meeting_type,
            "--depth",
            "full",
            "--example-answers",
        )
        answers = root / f"{meeting_type}.yaml"
        answers.write_text(example.stdout, encoding="utf-8")
        made = _run(env, "prep", ACCOUNT[language], "--answers", str(answers), "--no-input")
        assert made.returncode == 0, made.stderr
    debrief = _run(env, "debrief", "discovery", "--depth", "full", "--example-answers")
    answers = root / "debrief.yaml"
    answers.write_text(debrief.stdout, encoding="utf-8")
    made = _run(env, "debrief", "discovery", "--answers", str(answers), "--no-input")
    assert made.returncode == 0, made.stderr
    env["OUTPUT"] = str(root / "out")
    yield language, env


def _commands(env: dict[str, str], meeting: str) -> list[list[str]]:
    home, out = env["SALESCOACH_HOME"], env["OUTPUT"]
    commands = [
        ["list"],
        ["show", meeting],
        ["show", meeting, "--kind", "debrief"],
        *(["show", f"{meeting.rsplit('-', 1)[0]}-{kind}", "--sheet"] for kind in TYPES),
        ["agenda", "--today", "2026-12-20"],
        ["agenda", "--today", "2026-11-01", "--days", "1"],
        ["account", meeting.split("-", 3)[3].rsplit("-", 1)[0]],
        ["resume"],
        ["report", "objections"],
        ["report", "objectives"],
        ["report", "phases"],
        ["report", "funnel"],
        ["report", "team", "--home", home],
        ["next", "--today", "2026-12-20"],
        ["recap", meeting],
        ["export", "--format", "csv", "-o", f"{out}.csv"],
        ["export", "--format", "ics", "-o", f"{out}.ics"],
        ["export", "--format", "json", "-o", f"{out}.json"],
        ["drill", "--due"],
        ["drill", "--stats"],
        ["config", "show"],
        ["playbook", "list"],
        ["playbook", "show", "meeting"],
        ["playbook", "show", "prep-flow"],
        ["playbook", "show", "objections"],
    ]
    errors = [
        ["show", "nosuch"],
        ["show", "  "],
        ["debrief", "nosuch"],
        ["edit", "nosuch"],
        ["recap", "nosuch"],
        ["resume", "nosuch"],
        ["next", "done", "zzzz"],
        ["next", "done", "  "],
        ["next", "move", "zzzz", "2026-13-45"],
        ["next", "--today", "tomorrowish"],
        ["list", "--kind", "bogus"],
        ["account", "nobody"],
        ["prep", "ACME", "--no-input"],
        ["prep", "ACME", "--type", "bogus", "--no-input"],
        ["prep", "ACME", "--quick", "--depth", "full", "--no-input"],
        ["show", meeting, "--json", "--markdown"],
        ["show", meeting, "-o", f"{out}.html"],
        ["search", ""],
        ["report", "team"],
        ["debrief", meeting, "--last"],
        # Typer's own usage errors, and a group's help without its command
        ["lsit"],
        ["report", "nope"],
        ["show"],
        ["list", "--bogus"],
        ["list", "--limit", "abc"],
        ["list", "unexpected", "words"],
        ["agenda", "--days", "-3"],
        ["export", "--format", "xml"],
        ["prep", "ACME", "--answers", f"{out}-none.yaml", "--no-input"],
        ["report"],
    ]
    return commands + errors


def _help_commands() -> list[list[str]]:
    real = new_app()
    register_everything(real)
    paths = [p for p in help_paths(typer.main.get_command(real)) if ":" not in p]
    return [[*path.split(), "--help"] for path in paths]


def _english_sentences() -> set[str]:
    """Pieces of English the French output must never hold: the catalogue's, Typer's own."""
    french = "\n".join(CATALOGUE["fr"].values())
    pieces: set[str] = set()
    for text in [*CATALOGUE["en"].values(), *CLICK["fr"]]:
        for literal, *_ in string.Formatter().parse(text.replace("{}", "")):
            for piece in re.split(r"[\n·:;()]", literal):
                piece = piece.strip(" ,.!?—")
                if len(piece) >= 12 and " " in piece and piece not in french:
                    pieces.add(piece)
    return pieces


def _foreign(text: str, language: str, sentences: set[str]) -> list[str]:
    """What in ``text`` is in the other language: sentences of its catalogue, common words."""
    for term in METHOD_TERMS:
        text = text.replace(term, " ")
    found = [piece for piece in sentences if piece in text]
    prose = _NOT_PROSE.sub(" ", text)
    words = ENGLISH_WORDS if language == "fr" else FRENCH_WORDS
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, words)) + r")(?![\w'’-])")
    found += pattern.findall(prose if language == "en" else prose.lower())
    return found


def _meeting(env: dict[str, str]) -> str:
    listed = json.loads(_run(env, "list", "--json").stdout)
    return next(str(row["meeting"]) for row in listed if row["meeting"].endswith("-discovery"))


def test_every_command_speaks_the_language_of_the_home(home: tuple[str, dict[str, str]]) -> None:
    language, env = home
    sentences = _english_sentences() if language == "fr" else set()
    commands = _commands(env, _meeting(env))
    commands += _help_commands() if language == "fr" else [["--help"], ["prep", "--help"]]
    spoken: dict[str, list[str]] = {}
    for argv in commands:
        result = _run(env, *argv)
        assert result.returncode in (0, 1, 2), (argv, result.stderr)
        assert "Traceback" not in result.stderr
        foreign = _foreign(result.stdout + result.stderr, language, sentences)
        if foreign:
            spoken[" ".join(argv)] = sorted(set(foreign))
    assert spoken == {}


def test_the_check_itself_sees_the_other_language() -> None:
    """The check is not blind: it finds English in English text and French in French text."""
    sentences = _english_sentences()
    assert _foreign("error: no meeting matches 'x'", "fr", sentences)
    assert _foreign("Open next steps", "fr", sentences)
    assert _foreign("aucun rendez-vous ne correspond", "en", set())
    assert not _foreign("Aucun brouillon. salescoach next done|move|drop ID", "fr", sentences)
