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


_USUAL = [
    "lang: fr\n",
    "# salescoach settings\nlang: en   # or fr\nplaybooks: [team, ~/more]\n",
    "playbooks:\n- team\n- ~/more  # a comment\n",
    "playbooks:\n  - team\n\n  # between\n  - other\nhome: ~/salescoach\n",
    "author: Ana O'Neil\nemail: ana@example.com\nsync: auto\ndepth: full\n",
    "home:\nlang: null\nplaybooks: []\n",
    "",
    "# only a comment\n",
    "author:\n",
]
_OTHERS = [
    "lang: de\n",
    "lang: 'fr'\n",
    "playbooks:\n",
    "playbooks:\n- a\n  - b\n",
    "playbooks: [a, [b]]\n",
    "playbooks: [a: b]\n",
    "author: 42\n",
    "depth: 1\n",
    "lang: fr\nlang: en\n",
    "langue: fr\n",
    "lang:\tfr\n",
    "lang: fr\r\n",
    "---\nlang: fr\n",
    "  lang: fr\n",
    "lang: fr\n  en\n",
    "playbooks: [a,\n  b]\n",
    "home: ~nosuchuser-here/x\n",
    "sync: auto: yes\n",
]


@pytest.mark.parametrize("text", _USUAL + _OTHERS)
def test_the_quick_reader_gives_the_strict_readers_settings_or_steps_aside(
    tmp_path: Path, text: str
) -> None:
    from salescoach.settings import _load_strictly, _read_plainly

    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    try:
        strict: object = _load_strictly(config)
    except ConfigError as error:
        strict = str(error)
    try:
        read: object = load_settings(config)
    except ConfigError as error:
        read = str(error)
    assert read == strict
    if text in _USUAL:  # taken without the YAML library or pydantic
        assert _read_plainly(config) is not None
