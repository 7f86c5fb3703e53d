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
    one that answers "none", unless it was imported already.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    import types

    loader = types.ModuleType(name, "No pydantic plugins in salescoach (see salescoach).")
    loader.__dict__["get_plugins"] = _no_pydantic_plugins
    sys.modules[name] = loader


_without_plugin_search()
