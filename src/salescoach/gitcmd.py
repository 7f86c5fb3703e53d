"""The ``git`` command the user already has, as salescoach calls it.

No git library: a few plumbing commands run with ``subprocess`` (``-C`` the folder, no pager,
no prompt for credentials, English messages to read their cause), each returning its output or
raising :class:`GitError` with what git said. Whether a folder is a git work tree is first
looked up on disk (a ``.git`` in it or above), so a home that is not one costs no process.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from salescoach.errors import SalescoachError

GIT_TIMEOUT_SECONDS = 120.0
"""A pull or a push over a slow network; a local command answers in milliseconds."""


class GitError(SalescoachError):
    """A git command failed; ``output`` is what it wrote."""

    def __init__(self, message: str, *, hint: str | None = None, output: str = "") -> None:
        super().__init__(message, hint=hint)
        self.output = output


@dataclass(frozen=True)
class Done:
    """What a git command printed."""

    stdout: str
    stderr: str


def git_available() -> bool:
    """Whether a ``git`` command is on the PATH."""
    return shutil.which("git") is not None


def run(folder: Path, *arguments: str, check: bool = True, timeout: float | None = None) -> Done:
    """Run ``git -C folder ARGUMENTS``; GitError (with git's words) when it fails and ``check``."""
    if not git_available():
        raise GitError(
            "git is not installed (no `git` command on the PATH)",
            hint="install git (https://git-scm.com), then try again",
        )
    env = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",  # a missing credential is an error, not a hidden prompt
        "GIT_PAGER": "cat",
        "LC_ALL": "C",  # git's own words, to tell a network failure from a conflict
        "LANGUAGE": "C",
    }
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=timeout or GIT_TIMEOUT_SECONDS,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise GitError(
            f"git {arguments[0]} took more than {timeout or GIT_TIMEOUT_SECONDS:.0f} s",
            hint="check the network and the remote, then try again",
        ) from None
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}") from None
    if check and done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        raise GitError(f"git {' '.join(arguments)} failed: {said}", output=said)
    return Done(done.stdout, done.stderr)


def in_work_tree(folder: Path) -> bool:
    """Whether ``folder`` is inside a git work tree (a ``.git`` in it or a parent), from disk."""
    probe = Path(os.path.realpath(folder))
    return any(os.path.lexists(candidate / ".git") for candidate in (probe, *probe.parents))


def top_level(folder: Path) -> Path:
    """The root of the work tree ``folder`` is in."""
    return Path(run(folder, "rev-parse", "--show-toplevel").stdout.strip())


@functools.cache
def head_commit(folder: Path) -> str | None:
    """The commit checked out in the work tree holding ``folder``, or None (not a work tree, no
    commit yet, no git): what a record keeps of the team playbooks it used. Once per folder."""
    if not in_work_tree(folder) or not git_available():
        return None
    try:
        return run(folder, "rev-parse", "--verify", "--quiet", "HEAD").stdout.strip() or None
    except GitError:
        return None


def config_value(folder: Path, name: str) -> str | None:
    """A git setting as seen from ``folder`` (its repository's, else the user's), or None."""
    if not git_available():
        return None
    target = folder if folder.is_dir() else Path.cwd()
    try:
        value = run(target, "config", "--get", name, check=False).stdout.strip()
    except GitError:
        return None
    return value or None
