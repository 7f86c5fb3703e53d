"""A home shared through git: ``salescoach init --git`` and ``salescoach sync``.

``sync`` commits what changed in the home with a message naming the meetings, pulls with
rebase, and pushes — through the ``git`` command (:mod:`salescoach.gitcmd`). It refuses to
commit a file holding conflict markers, and each way it can fail (no remote, no network, a
conflict, no identity) is a :class:`~salescoach.gitcmd.GitError` saying what to do. Records
never conflict by construction (meeting ids carry the author in a shared home, account files
hold nothing per machine); two reps editing the same record do, and are told so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from salescoach.gitcmd import GitError, in_work_tree, run
from salescoach.messages import message
from salescoach.store.layout import record_parts

_NETWORK_WORDS = (
    "could not resolve host",
    "unable to access",
    "could not read from remote repository",
    "connection refused",
    "connection timed out",
    "network is unreachable",
    "does not appear to be a git repository",
    "repository not found",
    "no such file or directory",
)


PUSH_ATTEMPTS = 3
"""A push refused because another rep pushed meanwhile is tried again after a new pull."""


class _Rejected(GitError):
    """The remote refused the push: it has commits this clone has not pulled yet."""


@dataclass(frozen=True)
class Synced:
    """What a sync did: the meetings it committed (``kind meeting`` each), the commit, whether
    it pulled and pushed, and the files that came from the others."""

    committed: list[str] = field(default_factory=list)
    commit: str | None = None
    remote: str | None = None
    received: list[str] = field(default_factory=list)
    pushed: bool = False


@dataclass(frozen=True)
class Initialised:
    """What ``init --git`` did: the home, whether it was cloned, the remote."""

    home: Path
    cloned: bool
    remote: str | None


def sync(home: Path, language: str = "en") -> Synced:
    """Commit the home's changes, pull with rebase, push; see the module docstring."""
    home = Path(home).expanduser().absolute()
    if not in_work_tree(home):
        raise GitError(
            message(language, "sync_not_git", home=home),
            hint=message(language, "sync_not_git_hint"),
        )
    _refuse_unfinished(home, language)
    _refuse_conflicts(home, language)
    run(home, "add", "--all", "--", ".")
    staged = run(home, "diff", "--cached", "--name-only", "-z", "--relative", "--", ".").stdout
    changed = [name for name in staged.split("\0") if name]
    committed: list[str] = []
    commit = None
    if changed:
        committed = meetings_named(changed)
        _commit(home, commit_message(changed, committed, language), language)
        commit = run(home, "rev-parse", "--short", "HEAD").stdout.strip()
    remote, branch, upstream = _remote(home, language, commit)
    before = _head(home)
    for attempt in range(1, PUSH_ATTEMPTS + 1):
        if upstream or _remote_has(home, remote, branch, language):
            _pull(home, remote, branch, language)
        try:
            _push(home, remote, branch, upstream, language)
        except _Rejected:
            if attempt == PUSH_ATTEMPTS:
                raise
            continue  # another rep pushed meanwhile: take their changes, push again
        break
    received = _received(home, before)
    if received:
        _index_stale(home)
    return Synced(committed, commit, remote, received, pushed=True)


def sync_if_auto(home: Path, auto: bool, language: str) -> tuple[str | None, GitError | None]:
    """``sync: auto``: share the home after a save when it is a git work tree. The remote it
    was shared with, or why not (the save stands either way); ``(None, None)`` otherwise."""
    if not auto or not in_work_tree(home):
        return None, None
    try:
        return sync(home, language).remote, None
    except GitError as error:
        return None, error


def meetings_named(paths: list[str]) -> list[str]:
    """``kind meeting`` for each record among ``paths`` (relative to the home), sorted."""
    found = set()
    for path in paths:
        parts = record_parts(tuple(path.split("/")))
        if parts is not None:
            found.add(f"{parts[2]} {parts[1]}")
    return sorted(found, key=lambda item: (item.split(" ", 1)[1], item))


def commit_message(paths: list[str], meetings: list[str], language: str = "en") -> str:
    """The commit's message: the meetings in its first line, then every file it holds."""
    if meetings:
        shown = ", ".join(meetings[:3])
        if len(meetings) > 3:
            shown = message(language, "sync_commit_more", shown=shown, count=len(meetings) - 3)
        title = f"salescoach: {shown}"
    else:
        title = "salescoach: " + message(language, "sync_commit_files", count=len(paths))
    return title + "\n\n" + "\n".join(f"- {path}" for path in paths) + "\n"


def init_git(home: Path, remote: str | None, language: str = "en") -> Initialised:
    """Make ``home`` a git repository (its ``.gitignore`` written, the remote added; the first
    ``sync`` commits the records), or, when ``home`` does not exist yet or is empty and a
    remote is given, clone the team's repository into it."""
    from salescoach.store.local import GITIGNORE, missing_ignores, write_gitignore

    home = Path(home).expanduser().absolute()
    empty = not home.exists() or (home.is_dir() and not any(home.iterdir()))
    if remote and empty:
        home.parent.mkdir(parents=True, exist_ok=True)
        try:
            run(home.parent, "clone", "--quiet", remote, str(home))
        except GitError as error:
            raise _network_or(error, remote, language) from None
        home.chmod(0o700)  # git makes it 0755: the records are private
        write_gitignore(home)
        return Initialised(home, cloned=True, remote=remote)
    if in_work_tree(home) and (home / ".git").exists():
        raise GitError(
            message(language, "init_already", home=home),
            hint=message(language, "init_already_hint"),
        )
    from salescoach.store.atomic import private_dir

    private_dir(home)
    if not write_gitignore(home):
        path = home / GITIGNORE
        text = path.read_text(encoding="utf-8", errors="replace")
        lacking = missing_ignores(text)
        if lacking:
            with path.open("a", encoding="utf-8") as out:  # the team's file: added to
                out.write(("" if text.endswith("\n") or not text else "\n") + "\n".join(lacking))
                out.write("\n")
    if not in_work_tree(home):
        run(home, "init", "--quiet")
    if remote:
        run(home, "remote", "add", "origin", remote)
        _follow_remote_branch(home, "origin")
    return Initialised(home, cloned=False, remote=remote)


def _follow_remote_branch(home: Path, remote: str) -> None:
    """A new repository's branch takes the name of the remote's (``main`` where this git would
    say ``master``), so the first sync joins the team's history instead of starting another."""
    if _head(home) is not None:
        return
    try:
        out = run(home, "ls-remote", "--symref", remote, "HEAD").stdout
    except GitError:
        return  # unreachable for now: the first sync says so
    for line in out.splitlines():
        if line.startswith("ref: refs/heads/") and line.endswith("\tHEAD"):
            branch = line.removeprefix("ref: refs/heads/").removesuffix("\tHEAD")
            run(home, "symbolic-ref", "HEAD", f"refs/heads/{branch}")
            return


# --------------------------------------------------------------------------------- the steps


def _git_dir(home: Path) -> Path:
    found = Path(run(home, "rev-parse", "--git-dir").stdout.strip())
    return found if found.is_absolute() else home / found


def _finish_rebase(home: Path, language: str) -> None:
    """A sync that stopped on a conflict goes on once the rep resolved every file: no marker
    left, each file added; otherwise the files still in conflict are named."""
    git_dir = _git_dir(home)
    while (git_dir / "rebase-merge").exists() or (git_dir / "rebase-apply").exists():
        _refuse_conflicts(home, language, rebasing=True)
        run(home, "add", "--all", "--", ".")
        conflicted = _conflicted(home)
        if conflicted:
            raise GitError(
                message(language, "sync_rebasing", files=_listed(conflicted)),
                hint=message(language, "sync_rebasing_hint"),
            )
        try:
            run(home, "-c", "core.editor=true", "rebase", "--continue")
        except GitError as error:
            if not _conflicted(home):
                raise
            raise GitError(
                message(language, "sync_rebasing", files=_listed(_conflicted(home))),
                hint=message(language, "sync_rebasing_hint"),
                output=error.output,
            ) from None


def _refuse_unfinished(home: Path, language: str) -> None:
    """A merge left in progress is the rep's to finish; a stopped sync's rebase goes on."""
    _finish_rebase(home, language)
    git_dir = _git_dir(home)
    if (git_dir / "MERGE_HEAD").exists():
        raise GitError(
            message(language, "sync_merging", files=_listed(_conflicted(home)) or "-"),
            hint=message(language, "sync_merging_hint"),
        )


def _conflicted(home: Path) -> list[str]:
    out = run(home, "diff", "--name-only", "--diff-filter=U", "-z", "--relative", "--", ".")
    return [name for name in out.stdout.split("\0") if name]


def _refuse_conflicts(home: Path, language: str, *, rebasing: bool = False) -> None:
    """Never commit a file that holds conflict markers (or, unless a stopped sync is being
    finished, that git still lists as unmerged)."""
    from salescoach.store.markdown import conflict_line

    status = run(home, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".").stdout
    top = Path(run(home, "rev-parse", "--show-toplevel").stdout.strip())
    marked: list[str] = []
    entries = status.split("\0")
    skip = False
    for entry in entries:
        if skip or len(entry) < 4:
            skip = False
            continue
        state, name = entry[:2], entry[3:]
        if state[0] in "RC":
            skip = True  # the next entry is the rename's source
        path = top / name
        if "D" in state and not path.exists():
            continue
        if not rebasing and ("U" in state or state in ("AA", "DD")):
            marked.append(_shown(path, home))
            continue
        try:
            if path.is_file() and path.stat().st_size <= 20_000_000:
                text = path.read_text(encoding="utf-8", errors="replace")
                if conflict_line(text) is not None:
                    marked.append(_shown(path, home))
        except OSError:
            continue
    if marked:
        raise GitError(
            message(language, "sync_conflict_markers", files=_listed(marked)),
            hint=message(
                language, "sync_rebasing_hint" if rebasing else "sync_conflict_markers_hint"
            ),
        )


def _shown(path: Path, home: Path) -> str:
    try:
        return str(path.relative_to(home))
    except ValueError:
        return str(path)


def _listed(names: list[str]) -> str:
    return "\n".join(f"  {name}" for name in names)


def _commit(home: Path, text: str, language: str) -> None:
    try:
        run(home, "commit", "--quiet", "-m", text, "--", ".")
    except GitError as error:
        said = error.output.lower()
        if "tell me who you are" in said or "user.email" in said or "user.name" in said:
            raise GitError(
                message(language, "sync_no_identity"),
                hint=message(language, "sync_no_identity_hint"),
            ) from None
        raise


def _remote(home: Path, language: str, commit: str | None) -> tuple[str, str, bool]:
    """The remote and branch to sync with, and whether the branch tracks one already."""
    branch = run(home, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip()
    if not branch:
        raise GitError(message(language, "sync_detached"), hint=message(language, "sync_fix_git"))
    upstream = run(
        home, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}", check=False
    ).stdout.strip()
    if upstream and "/" in upstream:
        remote, _, merge = upstream.partition("/")
        return remote, merge, True
    remotes = run(home, "remote").stdout.split()
    if not remotes:
        kept = message(language, "sync_kept_locally", commit=commit) if commit else ""
        raise GitError(
            message(language, "sync_no_remote", kept=kept).strip(),
            hint=message(language, "sync_no_remote_hint"),
        )
    remote = "origin" if "origin" in remotes else remotes[0]
    return remote, branch, False


def _remote_has(home: Path, remote: str, branch: str, language: str) -> bool:
    """Whether the remote has the branch yet (an empty team repository has none)."""
    try:
        out = run(home, "ls-remote", "--heads", remote, branch)
    except GitError as error:
        raise _network_or(error, remote, language) from None
    return bool(out.stdout.strip())


def _head(home: Path) -> str | None:
    return run(home, "rev-parse", "--verify", "--quiet", "HEAD", check=False).stdout.strip() or None


def _pull(home: Path, remote: str, branch: str, language: str) -> None:
    try:
        run(home, "pull", "--rebase", "--autostash", "--quiet", remote, branch)
    except GitError as error:
        conflicted = _conflicted(home)
        if conflicted or "conflict" in error.output.lower():
            raise GitError(
                message(language, "sync_conflict", remote=remote, files=_listed(conflicted)),
                hint=message(language, "sync_rebasing_hint"),
                output=error.output,
            ) from None
        raise _network_or(error, remote, language) from None


def _push(home: Path, remote: str, branch: str, upstream: bool, language: str) -> None:
    arguments = ["push", "--quiet", remote, f"HEAD:{branch}"]
    if not upstream:
        arguments.insert(1, "--set-upstream")
    try:
        run(home, *arguments)
    except GitError as error:
        said = error.output.lower()
        if "rejected" in said or "fetch first" in said or "non-fast-forward" in said:
            raise _Rejected(
                message(language, "sync_push_rejected", remote=remote),
                hint=message(language, "sync_again_hint"),
            ) from None
        raise _network_or(error, remote, language) from None


def _received(home: Path, before: str | None) -> list[str]:
    after = _head(home)
    if before is None or after is None or before == after:
        return []
    out = run(home, "diff", "--name-only", "-z", "--relative", before, after, "--", ".")
    return [name for name in out.stdout.split("\0") if name]


def _network_or(error: GitError, remote: str, language: str) -> GitError:
    said = error.output.lower()
    if any(words in said for words in _NETWORK_WORDS):
        return GitError(
            message(language, "sync_unreachable", remote=remote, said=error.output.strip()),
            hint=message(language, "sync_unreachable_hint"),
        )
    return error


def _index_stale(home: Path) -> None:
    """Files came from the others: the next read stats every record, however big the home."""
    from contextlib import suppress

    from salescoach.store.index import stale_mark

    mark = stale_mark(home)
    with suppress(OSError):
        if mark.parent.is_dir():
            descriptor = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600)
            os.close(descriptor)
