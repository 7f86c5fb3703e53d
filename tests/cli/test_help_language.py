"""Help in French: every command's and option's text from the catalogue, chosen like messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from salescoach.cli.app import new_app, register_everything
from salescoach.cli.help_language import help_paths
from salescoach.messages import HELP
from tests.cli.helpers import salescoach


def test_every_command_and_option_has_its_french_help_and_none_is_left_over() -> None:
    real = new_app()
    register_everything(real)
    needed = set(help_paths(typer.main.get_command(real)))
    assert sorted(needed - set(HELP["fr"])) == []  # a new option needs its French
    assert sorted(set(HELP["fr"]) - needed) == []  # a removed one takes its French along


def test_lang_fr_help_is_french_from_top_to_options() -> None:
    top = salescoach("--lang", "fr", "--help")
    assert top.returncode == 0
    assert "Préparer un rendez-vous : objectifs" in top.stdout
    assert "Commandes" in top.stdout and "Afficher cette aide et s'arrêter." in top.stdout
    assert "Prepare a meeting" not in top.stdout and "Show this message" not in top.stdout
    option = salescoach("--lang", "fr", "report", "phases", "--help")
    assert "compte comme bloqué" in " ".join(option.stdout.split())
    assert "[par défaut\u00a0: 90]" in " ".join(option.stdout.split(" "))


def test_help_follows_the_locale_and_the_config_without_lang(tmp_path: Path) -> None:
    by_locale = salescoach("debrief", "--help", env={"LANG": "fr_FR.UTF-8"})
    assert "Enregistrer le débrief d'un rendez-vous préparé, à chaud." in by_locale.stdout
    config = tmp_path / "french.yaml"
    config.write_text("lang: fr\n", encoding="utf-8")
    by_config = salescoach("--help", env={"SALESCOACH_CONFIG": str(config)})
    assert "Commencez par salescoach prep ACME" in " ".join(by_config.stdout.split())
    english = salescoach("--help")
    assert "Start with salescoach prep ACME" in " ".join(english.stdout.split())


@pytest.mark.parametrize("argv", [["--lang", "en", "--help"], ["--help"]])
def test_english_help_is_untouched(argv: list[str]) -> None:
    result = salescoach(*argv)
    assert "Prepare a meeting: objectives" in result.stdout
    assert "Commandes" not in result.stdout
