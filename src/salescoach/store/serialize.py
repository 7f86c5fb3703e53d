"""YAML for stored data that is guaranteed to read back to the same value.

:func:`salescoach.yamlio.dump` writes it; every dump is then parsed back with the strict reader and
compared (``1`` is not ``1.0``, NaN is NaN). If it does not read back, nothing is written:
:class:`UnfaithfulYaml` is raised instead of storing other data than the rep gave.
"""

from __future__ import annotations

import math
from typing import Any

from salescoach.yamlio import DEFAULT_MAX_BYTES, YamlProblems, dump, parse


class UnfaithfulYaml(ValueError):
    """The value cannot be written as YAML that reads back equal (should never happen)."""


def dump_exact(value: Any, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Block YAML for plain data (dict, list, str, int, float, bool, None) that reads back equal."""
    text = dump(value)
    if len(text) > max_bytes:
        raise UnfaithfulYaml(
            f"{len(text):,} characters of YAML, more than the {max_bytes:,} allowed"
        )
    if _reads_back(text, value, max_bytes):
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


def _reads_back(text: str, value: Any, max_bytes: int) -> bool:
    try:
        document = parse(text, "<dump>", max_bytes=max_bytes)
    except YamlProblems:
        return False
    return same_data(document.value, value)
