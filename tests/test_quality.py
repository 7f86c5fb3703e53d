"""The code's own checks, run by the test command: mypy --strict, ruff, and the import rule."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "salescoach"
CORE = ("playbook", "session", "store", "reports", "drill")
UI_LIBRARIES = ("typer", "rich", "questionary", "prompt_toolkit", "click")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", CORE)
def test_core_never_imports_a_terminal_library(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & set(UI_LIBRARIES))
        for path in (SOURCE / package).rglob("*.py")
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_only_the_prompt_adapter_imports_questionary() -> None:
    users = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if {"questionary", "prompt_toolkit"} & _imports(path)
    ]
    assert users == ["ui/prompts.py"]


LINTED = ("src", "tests", "benchmarks", "tools")
"""What ruff checks and formats."""


LAYERS: dict[str, int] = {
    # the foundations: no other salescoach module
    "__init__": 0,
    "messages": 0,
    "errors": 1,  # an error may be worded by the catalogue, so above messages
    "reworded": 2,  # English said by the store and the loader, worded again from the catalogue
    "paths": 2,  # may raise a user error (an unknown ~user), so above errors
    "flows": 0,
    "typography": 0,
    "closest": 0,  # difflib's close matches, without comparing every possibility
    "signals": 0,
    "scalars": 0,  # YAML's plain scalars, read without the YAML library
    "digest": 0,  # SHA-256 without loading OpenSSL
    "yamlio": 2,
    "gitcmd": 2,  # the git command, run for the store's and the service's callers
    # the core: the language and the store, then what reads them
    "settings_model": 2,  # pydantic's check of a config file, imported by settings when needed
    "settings": 3,
    "playbook": 3,
    "store": 3,
    "session": 4,
    "reports": 4,
    "sheet": 4,
    "library_cache": 4,  # the validated playbooks kept in the user cache (playbook + store.atomic)
    "view_cache": 5,  # what show printed, kept in the user cache (library_cache's stamps)
    "workflow": 5,
    "drill": 5,
    "onboarding": 5,
    "recap": 5,
    # the application layer, the renderer, the commands
    "service": 6,
    "nextsteps": 6,
    "ui": 7,
    "cli": 8,
    "__main__": 9,
}
"""Each package (or top-level module) imports only from layers below its own: the core never
reaches the service, the renderer or the commands, and the store never reaches the reports."""


def _unit(path: Path) -> str:
    parts = path.relative_to(SOURCE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _salescoach_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found.update(name.split(".")[1] for name in names if name.startswith("salescoach."))
    return found


def test_every_package_has_a_layer() -> None:
    units = {_unit(path) for path in SOURCE.rglob("*.py")}
    assert units - set(LAYERS) == set(), "give each new package a layer in LAYERS"


def test_imports_go_down_the_layers_only() -> None:
    wrong: dict[str, list[str]] = {}
    for path in SOURCE.rglob("*.py"):
        unit = _unit(path)
        for target in _salescoach_imports(path) - {unit}:
            if LAYERS.get(target, 99) >= LAYERS.get(unit, -1):
                wrong.setdefault(str(path.relative_to(SOURCE)), []).append(target)
    assert wrong == {}, "an import goes up (or across) the layers, see LAYERS"


COMMAND_BODY_LINES = 40


def test_commands_are_thin() -> None:
    """A command parses, calls the service or a report, renders: its body stays under 40 lines."""
    long: dict[str, int] = {}
    for path in (SOURCE / "cli").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or not node.body:
                continue
            body = node.body
            if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:] or body  # the docstring is not logic
            assert node.end_lineno is not None
            lines = node.end_lineno - body[0].lineno + 1
            if lines > COMMAND_BODY_LINES:
                long[f"{path.name}:{node.name}"] = lines
    assert long == {}


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "format", "--check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr
