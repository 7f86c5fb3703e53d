"""Help in the rep's language: every command's and option's help text from the catalogue.

Typer's declarations carry the English; :data:`salescoach.messages.HELP` the other languages,
keyed by command path and parameter name. Only a run that shows help imports this module.
"""

from __future__ import annotations

from typing import Any

from salescoach.messages import CATALOGUE, CLICK, HELP

_RICH_UTILS_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help_arguments",
    "OPTIONS_PANEL_TITLE": "help_options",
    "COMMANDS_PANEL_TITLE": "help_commands",
    "ERRORS_PANEL_TITLE": "help_error",
    "DEFAULT_STRING": "help_default",
    "REQUIRED_LONG_STRING": "help_required",
    "ENVVAR_STRING": "help_envvar",
    "RICH_HELP": "help_try",
}
"""Typer's own words around the help (panel titles, ``[default: …]``), by catalogue key."""


def translate(command: Any, language: str) -> None:
    """Put ``language``'s help on ``command`` (a click command tree), and Typer's words."""
    texts = HELP.get(language)
    if texts is None:
        return
    import typer.rich_utils

    words = CATALOGUE[language]
    for name, key in _RICH_UTILS_WORDS.items():
        setattr(typer.rich_utils, name, words[key])  # Typer fills their {} itself
    usage = CLICK[language]["Usage: {usage}"].format(usage="")
    _translate(command, "", texts, words["help_help"], usage)


def _translate(command: Any, path: str, texts: dict[str, str], help_text: str, usage: str) -> None:
    text = texts.get(path)
    if text is not None:
        command.help = text
        command.short_help = None
    for param in command.params:
        param_text = texts.get(f"{path}:{param.name}")
        if param_text is not None:
            param.help = param_text
    _translate_help_option(command, help_text)
    _translate_usage(command, usage)
    for name, sub in getattr(command, "commands", {}).items():
        _translate(sub, f"{path} {name}".strip(), texts, help_text, usage)


def _translate_usage(command: Any, prefix: str) -> None:
    """The usage line's own word ("Usage: "), which click writes as a default argument."""

    def format_usage(ctx: Any, formatter: Any) -> None:
        pieces = command.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    command.format_usage = format_usage


def _translate_help_option(command: Any, help_text: str) -> None:
    """``--help``'s own line: the command builds that option on first use."""
    original = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.help = help_text
        return option

    command.get_help_option = get_help_option


def help_paths(command: Any, path: str = "") -> list[str]:
    """Every key a command tree's help needs: each command's path and each option's."""
    keys = [path]
    keys += [f"{path}:{param.name}" for param in command.params if getattr(param, "help", None)]
    for name, sub in getattr(command, "commands", {}).items():
        keys += help_paths(sub, f"{path} {name}".strip())
    return keys
