"""Report rows as plain JSON data: dataclasses and named tuples become objects, dates text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any


def jsonable(value: Any) -> Any:
    """``value`` with every dataclass, named tuple, tuple and date turned into JSON types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: jsonable(item) for key, item in value._asdict().items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
