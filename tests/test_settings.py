"""Language choice and the config file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from salescoach.errors import UsageError
from salescoach.settings import ConfigError, Settings, choose_depth, choose_language, load_settings


@pytest.mark.parametrize(
    ("explicit", "configured", "lang_env", "expected"),
    [
        ("en", "fr", "fr_FR.UTF-8", "en"),
        (None, "fr", "en_US.UTF-8", "fr"),
        (None, None, "fr_CA.UTF-8", "fr"),
        (None, None, "de_DE.UTF-8", "en"),
        (None, None, "C", "en"),
    ],
)
def test_lang_then_config_then_locale_then_english(
    monkeypatch: pytest.MonkeyPatch,
    explicit: str | None,
    configured: str | None,
    lang_env: str,
    expected: str,
) -> None:
    monkeypatch.setenv("LANG", lang_env)
    assert choose_language(explicit, Settings(lang=configured)) == expected


def test_config_file_is_read_and_checked(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("lang: fr\nplaybooks: [team]\n", encoding="utf-8")
    settings = load_settings(config)
    assert settings.lang == "fr"
    assert settings.playbooks == [(tmp_path / "team").resolve()]
    config.write_text("lang: de\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="config.yaml:1"):
        load_settings(config)


@pytest.mark.parametrize(
    ("quick", "depth", "configured", "expected"),
    [
        (True, None, "full", "quick"),
        (False, "full", "quick", "full"),
        (False, None, "quick", "quick"),
        (False, None, None, "standard"),
        (True, "quick", None, "quick"),
    ],
)
def test_quick_then_depth_then_config_then_standard(
    quick: bool, depth: str | None, configured: Any, expected: str
) -> None:
    assert choose_depth(quick, depth, Settings(depth=configured)) == expected


def test_a_depth_that_cannot_be_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="not both"):
        choose_depth(True, "full", Settings())
    with pytest.raises(UsageError, match="quick, standard or full"):
        choose_depth(False, "deep", Settings())


def test_the_config_file_sets_the_depth_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("depth: quick\n", encoding="utf-8")
    assert load_settings(config).depth == "quick"
    config.write_text("depth: deep\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="config.yaml:1:1: depth: Input should be .quick."):
        load_settings(config)
