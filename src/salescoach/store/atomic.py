"""The one way salescoach writes a file: whole or not at all, private, durable.

A write goes to a temporary file in the target's directory (``.<name>.tmp-<random>``), is flushed
and fsync'ed, then renamed over the target (``os.replace``) — or, for an exclusive creation,
hard-linked to it, which fails if the target exists, so nothing is ever overwritten. The directory
is fsync'ed last so the new name survives a power cut. A reader therefore sees the old file or the
new one, never half of one. A process killed mid-write leaves at most a temporary file whose name
says what it is: readers ignore such names, and :func:`clean_stale_temps` removes old ones.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import ParamSpec, TypeVar

from salescoach.errors import StoreError

FILE_MODE = 0o600
SHARED_MODE = 0o644
"""For files meant to be shared and committed (a playbook schema, a completion script)."""
DIR_MODE = 0o700
TEMP_MARK = ".tmp-"
STALE_AFTER_SECONDS = 3600.0
"""A temporary file older than this belongs to no live writer and may be removed."""

_P = ParamSpec("_P")
_T = TypeVar("_T")
_TEMP_NAME = re.compile(r"\..+\.tmp-[0-9a-f]{8}")
# Errors of file systems without hard links (FAT, some network shares): fall back to O_EXCL.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def temp_path(path: Path) -> Path:
    """A fresh temporary name beside ``path``, recognisable by :func:`is_temp_name`."""
    # os.urandom as secrets.token_hex reads it, without importing secrets (base64, random,
    # hmac): every command that opens the index imports this module.
    return path.with_name(f".{path.name}{TEMP_MARK}{os.urandom(4).hex()}")


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of :func:`atomic_write`'s temporary files."""
    return _TEMP_NAME.fullmatch(name) is not None


def atomic_write(
    path: Path,
    data: str | bytes | Iterable[str | bytes],
    *,
    exclusive: bool = False,
    mode: int = FILE_MODE,
) -> None:
    """Write ``data`` (text is UTF-8; pieces of text or bytes are written as they come, so a
    big export is never held whole) to ``path`` atomically, as a 0600 file whatever the umask.

    With ``exclusive=True`` an existing ``path`` is never replaced: ``FileExistsError`` is raised
    and the existing file is left as it was. The parent directory must exist. ``mode``
    :data:`SHARED_MODE` is for files meant to be shared (a schema, a completion script), never
    for a rep's records.
    """
    pieces = _pieces(data)
    temporary = temp_path(path)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, mode)
    try:
        try:
            _fchmod(descriptor, mode)
            for payload in pieces:
                _write_all(descriptor, payload)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if exclusive:
            _link_exclusive(temporary, path)
        else:
            temporary.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    fsync_dir(path.parent)


def write_output(
    path: Path, data: str | bytes | Iterable[str | bytes], *, mode: int = FILE_MODE
) -> Path:
    """Write a file the user named (``export -o``, ``playbook schema -o``) atomically.

    A path that names a folder (``''``, ``.``, ``/tmp``), a folder that does not exist, ``~user``
    of no one, or any writing error is a StoreError naming the path, never a traceback.
    What is no file to replace — a device (``/dev/stdout``, ``/dev/null``), a named pipe, or
    a link to one — is written into as it is: replacing it would leave a plain file in its
    place (``-o /dev/stdout`` made a file of ``/dev/stdout``). A link to a file replaces the
    file it leads to, and stays a link. Returns the path written.
    """
    from salescoach.paths import expand

    target = expand(path).absolute()
    if not str(path) or target.is_dir():
        raise StoreError(
            f"cannot write {str(path) or repr('')}: it is a folder, not a file",
            hint="give a file name, e.g. -o export.csv",
        )
    try:
        kind: int | None = target.stat().st_mode  # through links
    except FileNotFoundError:
        kind = None
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror or error}") from None
    if kind is not None and not stat.S_ISREG(kind):
        try:
            with target.open("wb") as stream:
                for payload in _pieces(data):
                    stream.write(payload)
        except BrokenPipeError:
            raise  # a reader that stopped early, as on standard output
        except OSError as error:
            raise StoreError(f"cannot write {path}: {error.strerror or error}") from None
        return target
    if target.is_symlink():
        target = target.resolve()
    if not target.parent.is_dir():
        raise StoreError(
            f"cannot write {path}: the folder {target.parent} does not exist",
            hint="create it first, or give a path in an existing folder",
        )
    try:
        atomic_write(target, data, mode=mode)
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror or error}") from None
    return target


def private_dir(path: Path, *, exist_ok: bool = True) -> Path:
    """Create ``path`` and its missing parents as 0700 directories whatever the umask.

    Directories that already exist keep their mode. With ``exist_ok=False`` the last component
    is created exclusively: ``FileExistsError`` if it exists (this reserves a name between
    processes). Returns ``path``.
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    if not missing and not exist_ok:
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if directory == path and not exist_ok:
                raise
            continue
        directory.chmod(DIR_MODE)
        fsync_dir(directory.parent)
    return path


def contained(root: Path, path: Path, *, real_root: Path | None = None) -> Path:
    """``path`` itself if, symlinks followed, it stays inside ``root``; StoreError otherwise.

    Every path salescoach writes or opens for writing inside a data home goes through this (or
    :func:`refuse_link`), so a symlink planted in the home never sends a file outside it.
    ``real_root``: ``root`` already resolved (a caller checking thousands of files).
    """
    try:
        real_root = root.resolve() if real_root is None else real_root
        real = path.resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop
        raise StoreError.told("path_unresolvable", path=path, error=error) from None
    if real != real_root and not real.is_relative_to(real_root):
        raise StoreError.told(
            "path_outside_home", "path_outside_home_hint", path=path, root=root, real=real
        )
    return path


def refuse_link(path: Path) -> Path:
    """``path`` itself unless it is a symbolic link (StoreError): for files opened in place,
    such as lock files, where following a link would truncate whatever it points to."""
    if path.is_symlink():
        raise StoreError.told("path_is_link", "path_is_link_hint", path=path)
    return path


def clean_stale_temps(directory: Path, *, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove the temporary files left in ``directory`` by writers that died; return them.

    Only names :func:`is_temp_name` recognises and not modified for ``older_than`` seconds are
    removed, so a write in progress in another process is left alone. A temporary folder (a
    meeting being created, see ``Repository.create_meeting``) goes with the files in it.
    """
    removed: list[Path] = []
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(directory))
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        try:
            stale = entry.stat(follow_symlinks=False).st_mtime < limit
            if stale and entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
            elif stale and entry.is_dir(follow_symlinks=False):
                remove_tree(Path(entry.path))
                removed.append(Path(entry.path))
        except FileNotFoundError:
            continue
    return removed


def remove_tree(directory: Path) -> None:
    """Remove a folder salescoach made and the files in it, without following links."""
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(directory):
            if entry.is_dir(follow_symlinks=False):
                remove_tree(Path(entry.path))
            else:
                with contextlib.suppress(FileNotFoundError):
                    Path(entry.path).unlink()
        directory.rmdir()


def store_errors(method: Callable[_P, _T]) -> Callable[_P, _T]:
    """Decorate a store method so an operating-system error while writing (permission denied,
    disk full, read-only file system, a folder removed meanwhile) becomes a :class:`StoreError`
    naming the file. Only for public methods: the errors the store expects (``FileExistsError``
    when claiming a name) are handled inside them.
    """

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return method(*args, **kwargs)
        except OSError as error:
            where = f" {error.filename}" if error.filename else ""
            raise StoreError(
                f"cannot write{where}: {error.strerror or error}",
                hint="check that the data home is writable and the disk is not full",
            ) from error

    return wrapper


def fsync_dir(directory: Path) -> None:
    """Make a directory's entries (a rename, a new file) durable; a no-op where unsupported."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


_O_BINARY: int = getattr(os, "O_BINARY", 0)


def _pieces(data: str | bytes | Iterable[str | bytes]) -> Iterator[bytes]:
    """``data`` as bytes, a piece at a time (text is UTF-8)."""
    if isinstance(data, str):
        yield data.encode("utf-8")
    elif isinstance(data, bytes):
        yield data
    else:
        for piece in data:
            yield piece.encode("utf-8") if isinstance(piece, str) else piece


def _fchmod(descriptor: int, mode: int = FILE_MODE) -> None:
    # os.open's mode is filtered by the umask; a umask like 0o277 would leave 0400.
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, mode)


def _write_all(descriptor: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _link_exclusive(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        # No hard links here: claim the name with O_EXCL, then move the full content over it.
        # A reader may briefly see an empty file, never a partial one nor a lost existing file.
        claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, FILE_MODE)
        os.close(claim)
        temporary.replace(path)
