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


class TooLarge(UnfaithfulYaml):
    """The data would make a file larger than its readers accept: refused before writing."""


def dump_exact(value: Any, *, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "a file") -> str:
    """Block YAML for plain data (dict, list, str, int, float, bool, None) that reads back equal.

    ``max_bytes`` is the limit the file's reader applies (UTF-8 bytes, not characters): what is
    written can always be read. :class:`TooLarge` names ``what`` when the text is over it.
    """
    text = dump(value)
    check_size(text, max_bytes, what)
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


def check_size(text: str, max_bytes: int, what: str) -> None:
    """:class:`TooLarge` if ``text`` is more than ``max_bytes`` bytes once encoded."""
    size = len(text) if len(text) * 4 <= max_bytes else len(text.encode("utf-8"))
    if size > max_bytes:
        raise TooLarge(f"{size:,} bytes, more than the {max_bytes:,} bytes {what} may hold")


def _reads_back(text: str, value: Any, max_bytes: int) -> bool:
    try:
        document = parse(text, "<dump>", max_bytes=max_bytes)
    except YamlProblems:
        return False
    return same_data(document.value, value)
