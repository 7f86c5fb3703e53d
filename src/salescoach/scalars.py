"""The small core schema of plain (unquoted) YAML scalars, without importing YAML.

:mod:`salescoach.yamlio` reads documents with it, and the fast front-matter and settings
readers (:mod:`salescoach.store.frontmatter`) too, so a command that only reads the config
file loads no YAML library.
"""

from __future__ import annotations

import re
from typing import Any

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUES = {"true", "True", "TRUE"}
_FALSES = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
# A dot is required and an exponent needs its sign, as in YAML 1.1: whatever PyYAML's dumper
# writes unquoted as a string must read back as a string here.
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+][0-9]+)?")
_SPECIAL_FLOATS = {
    **{
        f"{sign}.{inf}": float(f"{sign or '+'}inf")
        for sign in ("", "+", "-")
        for inf in ("inf", "Inf", "INF")
    },
    **{f".{nan}": float("nan") for nan in ("nan", "NaN", "NAN")},
}
MAX_NUMBER = 1.7976931348623157e308
"""The largest number a document may hold: what a float holds (``sys.float_info.max``)."""
_MAX_INT_DIGITS = 310


class NumberTooLarge(ValueError):
    """A number in a document does not fit in a float (see :data:`MAX_NUMBER`)."""


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar under salescoach's small core schema.

    :class:`NumberTooLarge` for a number beyond :data:`MAX_NUMBER`: such a value cannot be
    compared, shown or stored everywhere a number goes (floats, SQLite, ``int()`` on text).
    """
    if text in _NULLS:
        return None
    if text in _TRUES:
        return True
    if text in _FALSES:
        return False
    if _INT.fullmatch(text):
        if len(text.lstrip("+-")) > _MAX_INT_DIGITS or abs(value := int(text)) > MAX_NUMBER:
            raise NumberTooLarge(_too_large_number(text))
        return value
    if _FLOAT.fullmatch(text):
        number = float(text)
        if number in (float("inf"), float("-inf")):
            raise NumberTooLarge(_too_large_number(text))
        return number
    if text in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text]
    return text


def _too_large_number(text: str) -> str:
    shown = text if len(text) <= 24 else f"{text[:12]}…{text[-6:]} ({len(text):,} characters)"
    return f"number too large: {shown}"
