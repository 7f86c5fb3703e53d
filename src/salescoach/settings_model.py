"""The pydantic model of the config file: the strict check, with a message for every problem.

Imported only for a config file the quick reader of :mod:`salescoach.settings` did not take (a
problem, an unusual shape): a command reading an ordinary config file loads no pydantic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class SettingsModel(BaseModel):
    """What ``config.yaml`` may hold (the fields of :class:`salescoach.settings.Settings`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str | None = Field(default=None, pattern=r"^(en|fr)$")
    playbooks: list[Path] = Field(default_factory=list)
    home: Path | None = None
    depth: Literal["quick", "standard", "full"] | None = None
    email: str | None = None
    author: str | None = Field(default=None, min_length=1)
    sync: Literal["auto", "manual"] | None = None
