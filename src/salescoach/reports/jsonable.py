"""Report rows as plain JSON data: dataclasses and named tuples become objects, dates text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

_PLAIN = (str, int, float, type(None))
"""Values JSON takes as they are (``bool`` is an ``int``): most of a report's, checked first."""


def jsonable(value: Any) -> Any:
    """``value`` with every dataclass, named tuple, tuple and date turned into JSON types."""
    if isinstance(value, _PLAIN):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: jsonable(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: jsonable(item) for key, item in value._asdict().items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))
