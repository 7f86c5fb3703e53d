"""Typer's help renderer without the parts of Rich this app never asks it to use.

``typer.rich_utils`` imports ``rich.markdown`` (markdown-it) and ``rich.traceback`` (pygments,
through ``rich.syntax``) when it is first imported — a third of the time ``salescoach --help``
takes — for Markdown help (this app's markup mode is ``rich``) and pretty tracebacks (turned
off). :func:`import_help_renderer` imports it with a stand-in for each of those two modules
whose classes load the real module on first use, then takes the stand-ins out of
``sys.modules``, so any later ``import rich.markdown`` (``show`` renders Markdown) gets the real
one. The help text is unchanged: nothing in it is Markdown.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

DEFERRED = {"rich.markdown": ("Markdown",), "rich.traceback": ("Traceback",)}


class _Deferred(type):
    """A class standing in for a real one: using it in any way imports and uses the real one."""

    _module: str
    _name: str

    def _real(cls) -> Any:
        return getattr(importlib.import_module(cls._module), cls._name)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._real()(*args, **kwargs)

    def __getattr__(cls, attribute: str) -> Any:
        return getattr(cls._real(), attribute)

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, cls._real())


def import_help_renderer() -> None:
    """Import ``typer.rich_utils`` without importing the modules of :data:`DEFERRED`."""
    if "typer.rich_utils" in sys.modules:
        return
    planted = [name for name in DEFERRED if name not in sys.modules]
    for name in planted:
        stand_in = types.ModuleType(name)
        for attribute in DEFERRED[name]:
            setattr(
                stand_in, attribute, _Deferred(attribute, (), {"_module": name, "_name": attribute})
            )
        sys.modules[name] = stand_in
    try:
        importlib.import_module("typer.rich_utils")
    finally:
        for name in planted:
            if sys.modules.get(name) is not None and not hasattr(sys.modules[name], "__file__"):
                del sys.modules[name]
