"""Typer's own usage errors are told like every other error, in the rep's language.

Typer words them in English with no translation hook; the edge words them again from the
catalogue's patterns. The errors here are the ones the installed Typer really raises: run
through the app, and raised by a small app of every kind of value Typer checks.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer

from salescoach.cli.app import run
from salescoach.cli.usage_errors import in_language, is_usage_error
from salescoach.messages import CLICK

CASES = [
    (
        ["lsit"],
        "commande inconnue\u00a0: «\u00a0lsit\u00a0». Vouliez-vous dire «\u00a0list\u00a0»\u00a0?",
    ),
    (["report", "nope"], "commande inconnue\u00a0: «\u00a0nope\u00a0»."),
    (["show"], "argument manquant\u00a0: «\u00a0MEETING\u00a0»."),
    (["next", "done"], "argument manquant\u00a0: «\u00a0ID\u00a0»."),
    (["list", "--bogus"], "option inconnue\u00a0: --bogus"),
    (["list", "--kindd", "x"], "option inconnue\u00a0: --kindd (options possibles\u00a0: --kind)"),
    (["list", "--limit"], "l'option «\u00a0--limit\u00a0» attend une valeur."),
    (
        ["list", "--limit", "abc"],
        "valeur non valable pour «\u00a0--limit\u00a0» / «\u00a0-n\u00a0»\u00a0: "
        "«\u00a0abc\u00a0» n'est pas un nombre entier.",
    ),
    (["list", "a", "b"], "arguments en trop\u00a0: a b"),
    (["list", "a"], "argument en trop\u00a0: a"),
    (
        ["agenda", "--days", "-3"],
        "valeur non valable pour «\u00a0--days\u00a0»\u00a0: -3 n'est pas dans l'intervalle x>=0.",
    ),
    (
        ["export", "--format", "xml"],
        "«\u00a0xml\u00a0» ne fait pas partie des choix\u00a0: «\u00a0json\u00a0», "
        "«\u00a0csv\u00a0»",
    ),
]


@pytest.mark.parametrize(("argv", "said"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_usage_error_is_told_in_french_with_its_usage_and_where_help_is(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["--lang", "fr", *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("erreur\u00a0: ") or err.startswith("erreur : "), err
    assert said in err
    assert "Usage" not in err and "Try" not in err and "Error" not in err
    if argv != ["list", "--limit"]:  # click tells a missing option value without its context
        assert "Utilisation\u00a0: salescoach " in err
        assert "Pour l'aide\u00a0: salescoach " in err


def test_the_same_errors_stay_typer_s_own_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--lang", "en", "lsit"]) == 2
    err = capsys.readouterr().err
    assert "error: No such command 'lsit'. Did you mean 'list'?" in err
    assert "Usage: salescoach [OPTIONS] COMMAND [ARGS]..." in err
    assert "Try 'salescoach -h' for help." in err
    assert run(["--lang", "en", "show"]) == 2
    assert "error: Missing argument 'MEETING'." in capsys.readouterr().err


def test_a_group_without_its_command_shows_its_help_in_french(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["--lang", "fr", "report"]) == 2
    shown = capsys.readouterr().out
    assert "Utilisation\u00a0: salescoach report" in shown
    assert "Commandes" in shown and "Rapports sur les enregistrements" in shown
    assert "Commands" not in shown and "Show this message" not in shown


class _Colour(enum.Enum):
    red = "red"
    blue = "blue"


def _checker() -> typer.Typer:
    """An app of every kind of value Typer checks, to make it raise each of its errors."""
    checker = typer.Typer()

    @checker.command()
    def check(
        colour: Annotated[_Colour, typer.Argument()],
        whole: Annotated[int, typer.Option()] = 0,
        ranged: Annotated[int, typer.Option(min=0, max=9)] = 0,
        real: Annotated[float, typer.Option()] = 0.0,
        real_ranged: Annotated[float, typer.Option(min=0.0)] = 0.0,
        flag: Annotated[bool, typer.Option("--flag/--no-flag")] = False,
        ident: Annotated[uuid.UUID | None, typer.Option()] = None,
        when: Annotated[dt.datetime | None, typer.Option()] = None,
        there: Annotated[Path | None, typer.Option(exists=True)] = None,
        folder: Annotated[Path | None, typer.Option(file_okay=False)] = None,
        document: Annotated[Path | None, typer.Option(dir_okay=False)] = None,
        pair: Annotated[tuple[int, int] | None, typer.Option()] = None,
    ) -> None:
        """Never reached: every call here has a bad value."""

    return checker


CHECKER_RUNS = [
    [],
    ["green"],
    ["red", "--whole", "x"],
    ["red", "--ranged", "12"],
    ["red", "--real", "x"],
    ["red", "--real-ranged", "-1"],
    ["red", "--flag=x"],
    ["red", "--ident", "x"],
    ["red", "--when", "x"],
    ["red", "--pair", "1"],
    ["red", "--there", "/no/such/place"],
    ["red", "--folder", __file__],
    ["red", "--document", str(Path(__file__).parent)],
    ["red", "--colour"],
    ["red", "extra", "more"],
]


def _raised(args: list[str]) -> Any:
    command = typer.main.get_command(_checker())
    try:
        command.main(args, prog_name="check", standalone_mode=False)
    except Exception as error:
        assert is_usage_error(error), error
        return error
    raise AssertionError(f"Typer accepted {args}")


@pytest.mark.parametrize("args", CHECKER_RUNS, ids=[" ".join(a) or "nothing" for a in CHECKER_RUNS])
def test_every_error_typer_raises_on_a_value_is_worded_in_french(args: list[str]) -> None:
    english = _raised(args).format_message()
    french = in_language(english, "fr")
    assert french != english
    literals = {
        piece.strip(" .:()?\n\t")
        for pattern in CLICK["fr"]
        for piece in re.split(r"\{[^}]*\}", pattern)
    }
    left = [piece for piece in literals if " " in piece and piece in french]
    assert left == [], (english, french)


def test_a_message_no_pattern_matches_is_kept_as_typer_wrote_it() -> None:
    assert in_language("Something Typer never said.", "fr") == "Something Typer never said."
    assert in_language("No such command 'x'.", "en") == "No such command 'x'."


def test_every_french_pattern_fills_only_the_parts_its_english_has() -> None:
    import string

    for english, french in CLICK["fr"].items():
        fields = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        french_fields = {name for _, name, _, _ in string.Formatter().parse(french) if name}
        assert french_fields <= fields | {"count"}, english
        assert "count" not in french_fields or "args" in fields, english
