"""An existing account found by slug or name without the repository and its models.

``account NAME`` and ``list --account NAME`` need only the account's folder; the repository's
:meth:`~salescoach.store.repository.Repository.find_account` answers it with the whole store
behind it (pydantic, file locks, the YAML library), most of what those commands cost on a big
home. An account is found the way it finds one — its slug, else the folders its name's slug
can have (``acme``, ``acme-2``…) whose ``account.yaml`` names it — reading each small file with
the store's fast reader. Whenever anything is out of the ordinary (a file that reader is not sure
of, or that the repository's model would refuse, a link, no account at all), :func:`existing_slug`
says ``None``: the repository is then asked, for its answer and its errors.
"""

from __future__ import annotations

import os
from pathlib import Path

from salescoach.store.frontmatter import UNSURE, read_plain_block
from salescoach.store.layout import ACCOUNT_FILE, ACCOUNT_SCHEMA, accounts_dir
from salescoach.store.slug import account_name_key, clean_name, is_slug, slugify, with_suffix

ACCOUNT_FIELDS = frozenset({"schema_version", "slug", "name", "created", "data"})
"""The fields of ``account.yaml`` (the repository's ``Account`` model forbids any other)."""
LARGEST = 65_536
"""A bigger ``account.yaml`` is left to the repository (which has its own limit)."""
_CONFLICT_MARKS = ("<<<<<<<", "=======", ">>>>>>>")


def existing_slug(home: Path, query: str) -> str | None:
    """The folder of the existing account ``query`` names (slug or name), as
    :meth:`~salescoach.store.repository.Repository.find_account` finds it; ``None`` when the
    repository must answer (see the module docstring)."""
    accounts = accounts_dir(home)
    if accounts.is_symlink():
        return None
    if is_slug(query):
        if _name_in(accounts, query) is not None:
            return query
        if os.path.lexists(accounts / query / ACCOUNT_FILE):  # there, but not plainly valid
            return None
    key = account_name_key(query)
    if not key:
        return None
    try:
        entries = {entry.name for entry in os.scandir(accounts)}
    except OSError:
        return None
    base = slugify(clean_name(query))
    for number in range(1, len(entries) + 2):  # the repository's candidates, in its order
        slug = with_suffix(base, number)
        if slug not in entries:
            continue
        name = _name_in(accounts, slug)
        if name is None:
            return None
        if account_name_key(name) == key:
            return slug
    return None


def _name_in(accounts: Path, slug: str) -> str | None:
    """The name in ``accounts/<slug>/account.yaml`` when the file is there, plainly readable
    and what the repository's model accepts for that folder; ``None`` otherwise."""
    folder = accounts / slug
    path = folder / ACCOUNT_FILE
    try:
        if folder.is_symlink() or path.is_symlink() or path.stat().st_size > LARGEST:
            return None
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if text.startswith("\ufeff") or any(mark in text for mark in _CONFLICT_MARKS):
        return None
    value = read_plain_block(text)
    if value is UNSURE or not isinstance(value, dict) or not set(value) <= ACCOUNT_FIELDS:
        return None
    name, version = value.get("name"), value.get("schema_version", ACCOUNT_SCHEMA)
    created, data = value.get("created"), value.get("data", {})
    plain = (
        value.get("slug") == slug
        and type(name) is str
        and type(version) is int
        and version <= ACCOUNT_SCHEMA
        and (created is None or type(created) is str)
        and type(data) is dict
        and all(type(key) is str for key in data)
    )
    return name if plain else None
