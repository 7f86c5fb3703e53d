"""Language choice and the config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from salescoach.settings import ConfigError, Settings, choose_language, load_settings


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
