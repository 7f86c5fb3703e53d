"""YAML for stored data that is guaranteed to read back to the same value.

:func:`salescoach.yamlio.dump` is used first. Every dump is then parsed back with the strict
reader and compared; PyYAML's emitter writes a few characters raw inside quoted strings that the
parser then reads as line breaks (NEL ``\\x85``, ``\\u2028``, ``\\u2029``), so when the comparison
fails the data is dumped again with such strings double-quoted and escaped. If even that does not
read back, nothing is written: :class:`UnfaithfulYaml` is raised instead of storing other data.
"""

from __future__ import annotations

import math
from typing import Any

import yaml

from salescoach.yamlio import DEFAULT_MAX_BYTES, YamlProblems, dump, parse

_LINE_BREAKS_READ_BACK_WRONG = ("\x85", "\u2028", "\u2029")


class UnfaithfulYaml(ValueError):
    """The value cannot be written as YAML that reads back equal (should never happen)."""


def dump_exact(value: Any) -> str:
    """Block YAML for plain data (dict, list, str, int, float, bool, None) that reads back equal."""
    text = dump(value)
    if len(text) > DEFAULT_MAX_BYTES:
        raise UnfaithfulYaml(
            f"{len(text):,} characters of YAML, more than the {DEFAULT_MAX_BYTES:,} allowed"
        )
    if _reads_back(text, value):
        return text
    text = str(
        yaml.dump(
            value,
            Dumper=_EscapingDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=100,
        )
    )
    if _reads_back(text, value):
        return text
    raise UnfaithfulYaml("this data cannot be written as YAML that reads back the same")


def same_data(left: Any, right: Any) -> bool:
    """Equality of plain data that also tells ``1`` from ``1.0`` and ``True``, and NaN from NaN."""
    pending: list[tuple[Any, Any]] = [(left, right)]
    while pending:
        a, b = pending.pop()
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            if list(a) != list(b):
                return False
            pending.extend((a[key], b[key]) for key in a)
        elif isinstance(a, list):
            if len(a) != len(b):
                return False
            pending.extend(zip(a, b, strict=True))
        elif isinstance(a, float):
            if not (a == b or (math.isnan(a) and math.isnan(b))):
                return False
        elif a != b:
            return False
    return True


def _reads_back(text: str, value: Any) -> bool:
    try:
        document = parse(text, "<dump>")
    except YamlProblems:
        return False
    return same_data(document.value, value)


class _EscapingDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if any(char in data for char in _LINE_BREAKS_READ_BACK_WRONG):
        style: str | None = '"'
    else:
        style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_EscapingDumper.add_representer(str, _represent_str)
