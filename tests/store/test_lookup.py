"""The light account lookup finds what the repository finds, or leaves it to the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from salescoach.errors import SalescoachError
from salescoach.store.lookup import existing_slug
from salescoach.store.repository import Repository

QUERIES = [
    "Acme",
    "acme",
    " ACME  ",
    "acme-2",
    "Acme Inc.",
    "Acme, Inc.",
    "acme-inc",
    "acme-inc-2",
    "Société Générale",
    "societe generale",
    "societe-generale",
    "Broken",
    "broken",
    "Newer",
    "Extra",
    "Elsewhere",
    "Conflicted",
    "Nobody",
    "",
    "   ",
    "A\u200bcme",
]


def _home(repo: Repository) -> Path:
    for name in ("Acme", "ACME.", "Acme Inc.", "Acme, Inc.", "Société Générale"):
        repo.account_ref(name)
    for name, text in {
        "broken": "slug: broken\nname: [unclosed\n",
        "newer": "schema_version: 9\nslug: newer\nname: Newer\n",
        "extra": "slug: extra\nname: Extra\ncolour: red\n",
        "elsewhere": "slug: somewhere-else\nname: Elsewhere\n",
        "conflicted": "slug: conflicted\n<<<<<<< HEAD\nname: Conflicted\n=======\nname: C\n"
        ">>>>>>> theirs\n",
    }.items():
        folder = repo.accounts_dir / name
        folder.mkdir(parents=True)
        (folder / "account.yaml").write_text(text, encoding="utf-8")
    return repo.home


def _repository_answer(repo: Repository, query: str) -> str | None:
    try:
        return repo.find_account(query).slug
    except SalescoachError:
        return None


@pytest.mark.parametrize("query", QUERIES)
def test_the_lookup_agrees_with_the_repository_or_leaves_it_to_it(
    repo: Repository, query: str
) -> None:
    home = _home(repo)
    found = existing_slug(home, query)
    if found is not None:
        assert found == _repository_answer(Repository(home), query)


def test_plain_accounts_are_found_without_the_repository(repo: Repository) -> None:
    home = _home(repo)
    assert existing_slug(home, " ACME  ") == "acme"
    assert existing_slug(home, "ACME.") == "acme-2"
    assert existing_slug(home, "Acme, Inc.") == "acme-inc-2"
    assert existing_slug(home, "SOCIÉTÉ  générale") == "societe-generale"
    assert existing_slug(home, "acme-inc") == "acme-inc"


def test_what_is_out_of_the_ordinary_is_left_to_the_repository(repo: Repository) -> None:
    home = _home(repo)
    for query in ("Broken", "broken", "newer", "Extra", "Elsewhere", "Conflicted", "Nobody", ""):
        assert existing_slug(home, query) is None
    linked = repo.accounts_dir / "linked"
    linked.symlink_to(repo.accounts_dir / "acme")
    assert existing_slug(home, "linked") is None
