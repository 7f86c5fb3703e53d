"""A report's JSON document as text, in one walk over its result.

:func:`indented` writes what ``json.dumps(jsonable(value), ensure_ascii=False, indent=2)``
writes (:func:`salescoach.reports.jsonable.jsonable`), character for character, without first
copying the result into plain dicts and lists: ``json.dumps`` leaves its C encoder for a slower
one as soon as it indents, and the two passes took most of ``agenda --json`` over a big home
(thousands of items). A dataclass's field names are encoded once per indentation level; a
list of dataclasses of one kind that hold only plain scalars (an agenda's items) is written
through one template, its values encoded in one call of the C encoder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import operator
from collections.abc import Callable, Sequence
from itertools import chain
from json.encoder import encode_basestring
from typing import Any

INDENT = "  "
_encoded: Callable[[str], str] = encode_basestring
"""A string as JSON (``ensure_ascii=False``): the C function when the accelerator is there."""


def indented(value: Any) -> str:
    """``value`` (a report's result: dataclasses, named tuples, dates, containers, scalars) as
    ``json.dumps(jsonable(value), ensure_ascii=False, indent=2)`` writes it."""
    parts: list[str] = []
    _write(value, parts, "\n")
    return "".join(parts)


def _write(value: Any, parts: list[str], newline: str) -> None:
    """Append ``value``'s text to ``parts``; ``newline`` starts a line at its indentation."""
    if isinstance(value, str):
        parts.append(_encoded(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _field_names(type(value))
        _object(
            zip(
                _keys(names, newline + INDENT),
                [getattr(value, name) for name in names],
                strict=True,
            ),
            bool(names),
            parts,
            newline,
        )
    elif isinstance(value, tuple) and hasattr(value, "_asdict"):
        items = value._asdict()
        _object(_pairs(items, newline + INDENT), bool(items), parts, newline)
    elif isinstance(value, list | tuple | set | frozenset):
        _array(value, parts, newline)
    elif isinstance(value, dict):
        _object(_pairs(value, newline + INDENT), bool(value), parts, newline)
    elif isinstance(value, dt.date):
        parts.append(_encoded(value.isoformat()))
    else:  # what jsonable leaves as it is: json.dumps says why it cannot be written
        parts.append(json.dumps(value, ensure_ascii=False, indent=2))


def _object(pairs: Any, filled: bool, parts: list[str], newline: str) -> None:
    if not filled:
        parts.append("{}")
        return
    inner = newline + INDENT
    opening = "{"
    for key, item in pairs:
        parts.append(opening)
        parts.append(key)
        _write(item, parts, inner)
        opening = ","
    parts.append(newline)
    parts.append("}")


def _array(values: Any, parts: list[str], newline: str) -> None:
    if not values:
        parts.append("[]")
        return
    inner = newline + INDENT
    if isinstance(values, list | tuple) and _flat_items(values, parts, newline):
        return
    separator = "[" + inner
    for item in values:
        parts.append(separator)
        _write(item, parts, inner)
        separator = "," + inner
    parts.append(newline)
    parts.append("]")


def _flat_items(values: Sequence[Any], parts: list[str], newline: str) -> bool:
    """Append the array ``values`` when its items are dataclasses of one kind whose values are
    all of :data:`_PLAIN` types, and say so (``False``: nothing appended)."""
    kinds = set(map(type, values))
    if len(kinds) != 1:
        return False
    inner = newline + INDENT
    shape = _flat_shape(kinds.pop(), inner)
    if shape is None:
        return False
    fields_of, width, template = shape
    found = (
        list(chain.from_iterable(map(fields_of, values)))
        if width > 1
        else [*map(fields_of, values)]
    )
    if not _PLAIN.issuperset(map(type, found)):
        return False
    texts = _encode_plain(found)[1:-1].split(_SEPARATOR)
    every = ("," + inner).join([template] * len(values))
    parts.append("[" + inner + every % tuple(texts) + newline + "]")
    return True


@functools.cache
def _flat_shape(kind: type, newline: str) -> tuple[Callable[[Any], Any], int, str] | None:
    """For a dataclass ``kind`` written at this indentation: the getter of its values (a tuple
    for more than one), how many there are, and its text with ``%s`` for each; ``None`` for
    anything else."""
    if not dataclasses.is_dataclass(kind):
        return None
    names = _field_names(kind)
    if not names:
        return None
    keys = _keys(names, newline + INDENT)
    template = "{" + ",".join(key.replace("%", "%%") + "%s" for key in keys) + newline + "}"
    return operator.attrgetter(*names), len(names), template


def _plain_encoder() -> Callable[[list[Any]], str]:
    """``json.dumps(values, ensure_ascii=False, separators=(_SEPARATOR, ": "))`` for a list of
    plain scalars, with the C encoder it makes for each call made once (where CPython has it).
    ``_SEPARATOR`` is a control character, which JSON writes escaped inside a string: the
    values' texts are what lies between two."""
    import json.encoder

    encoder = json.JSONEncoder(ensure_ascii=False, separators=(_SEPARATOR, ": "))
    c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
    if c_make_encoder is None:
        return encoder.encode
    made = c_make_encoder(
        None, encoder.default, encode_basestring, None, ": ", _SEPARATOR, False, False, True
    )
    return lambda values: "".join(made(values, 0))


def _pairs(items: dict[Any, Any], inner: str) -> Any:
    """Each key (made text, as jsonable makes it: two keys that read the same are one) with
    its line's start, and its value."""
    if not all(type(key) is str for key in items):
        items = {str(key): item for key, item in items.items()}
    return ((f"{inner}{_encoded(key)}: ", item) for key, item in items.items())


@functools.cache
def _keys(names: tuple[str, ...], inner: str) -> tuple[str, ...]:
    return tuple(f"{inner}{_encoded(name)}: " for name in names)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


_PLAIN = frozenset({str, int, bool, float, type(None)})
"""The types of the values :func:`_flat_items` writes in one call (exactly these: a subclass,
an enum for one, is written as :func:`_write` writes it)."""
_SEPARATOR = "\x00"
_encode_plain = _plain_encoder()
