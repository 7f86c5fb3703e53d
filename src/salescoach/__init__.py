"""salescoach: prepare B2B sales meetings and record debriefs in the terminal, with playbooks."""

import sys

__version__ = "0.1.0"


def _no_pydantic_plugins() -> tuple[()]:
    return ()


def _without_plugin_search() -> None:
    """Let pydantic find no plugins without looking for them.

    When it builds its first model, pydantic asks ``importlib.metadata`` for the entry points
    of every installed package, in case one is a pydantic plugin: importing it and reading them
    is about a tenth of a command that reads a record, for plugins salescoach never uses (an
    application, not a library: its models are its own). So the module pydantic asks
    (``pydantic.plugin._loader``, whose ``get_plugins`` is all it imports from it) is given as
    one that answers "none", unless it was imported already. Should a later pydantic ask that
    module for anything else, the real one is imported and answers (:func:`_real_loader`).
    """
    if _LOADER in sys.modules:
        return
    import types

    loader = types.ModuleType(_LOADER, "No pydantic plugins in salescoach (see salescoach).")
    loader.__dict__["get_plugins"] = _no_pydantic_plugins
    loader.__dict__["__getattr__"] = _real_loader
    sys.modules[_LOADER] = loader


_LOADER = "pydantic.plugin._loader"


def _real_loader(name: str) -> object:
    """A name the stand-in does not hold, from pydantic's own loader (imported then); a
    module's own attributes (``__file__``, ``__path__``…) the stand-in simply has not."""
    if name.startswith("__"):
        raise AttributeError(name)
    import importlib

    current = sys.modules.get(_LOADER)
    if current is not None and current.__dict__.get("get_plugins") is _no_pydantic_plugins:
        del sys.modules[_LOADER]
    return getattr(importlib.import_module(_LOADER), name)


_without_plugin_search()
