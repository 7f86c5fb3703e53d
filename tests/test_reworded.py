"""What the store and the playbook loader find wrong in a file reads in the rep's language.

They word it in English where they find it (it is kept as text in the index); the edge words it
again. The errors here are really raised: records the store cannot read, playbooks that do not
load, a lock another salescoach holds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from salescoach.errors import PlaybookError, RecordError, SalescoachError, StoreError
from salescoach.messages import REWORDED
from salescoach.reworded import Rewording, error_in, problem_in, reworded
from salescoach.store.markdown import parse_record_file

RECORD = """---
schema_version: 3
kind: prep
meeting: 2026-12-03-acme-discovery
account:
  slug: acme
  name: Acme
language: fr
created: '2026-12-01T10:00:00+00:00'
updated: '2026-12-01T10:00:00+00:00'
answers: {}
---

# Préparation
"""
BROKEN_RECORDS = {
    "bad kind": RECORD.replace("kind: prep", "kind: prepp"),
    "missing field": RECORD.replace("meeting: 2026-12-03-acme-discovery\n", ""),
    "bad YAML": RECORD.replace("answers: {}", "answers: [a, b"),
    "empty front matter": "---\n---\n# rien\n",
    "no front matter": "# pas d'en-tête\n",
    "not closed": "---\nkind: prep\n",
    "newer schema": RECORD.replace("schema_version: 3", "schema_version: 99"),
    "no schema": RECORD.replace("schema_version: 3\n", ""),
    "a list": "---\n- a\n- b\n---\n",
    "conflict": RECORD + "<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> other\n",
}
BROKEN_PLAYBOOKS = {
    "unknown field and type": (
        "id: opa\nkind: prep\nlanguage: fr\nversion: 1\ntitle: OPA\nsteps:\n  - id: opa\n"
        "    title: Ouverture\n    questions:\n      - id: goal\n        type: textt\n"
        "        promt: Objectif ?\n"
    ),
    "missing field": (
        "id: opa\nkind: prep\nlanguage: fr\nversion: 1\nsteps:\n  - id: opa\n    title: O\n"
        "    questions:\n      - id: goal\n        type: text\n"
    ),
    "bad YAML": "id: broken\nkind: prep\nsteps: [a, b\n",
    "empty": "",
    "bad id and language": (
        "id: Opa Équipe\nkind: prep\nlanguage: french\nversion: 1\ntitle: OPA\nsteps: []\n"
    ),
    "wrong types": "id: opa\nkind: prep\nlanguage: fr\nversion: 1\ntitle: [a]\nsteps: 3\n",
    "a condition on nothing, an option twice": (
        "id: opa\nkind: prep\nlanguage: fr\nversion: 1\ntitle: OPA\nsteps:\n  - id: opa\n"
        "    title: O\n    questions:\n      - id: goal\n        type: text\n"
        "        prompt: Objectif ?\n        when:\n          question: opa.nothing\n"
        "          equals: x\n      - id: level\n        type: choice\n        prompt: Niveau ?\n"
        "        options:\n          - value: a\n            label: A\n          - value: a\n"
        "            label: B\n"
    ),
}


def _english_left(french: str) -> list[str]:
    """Pieces of the English patterns (three words or more) still in ``french``."""
    pieces = {
        piece.strip(" .:;,()`'")
        for pattern in REWORDED["fr"]
        for piece in re.split(r"\{[^}]*\}", pattern)
    }
    return [piece for piece in pieces if piece.count(" ") >= 2 and piece in french]


@pytest.mark.parametrize("case", BROKEN_RECORDS)
def test_a_record_the_store_cannot_read_is_told_in_french(case: str, tmp_path: Path) -> None:
    path = tmp_path / "prep.md"
    with pytest.raises(RecordError) as raised:
        parse_record_file(BROKEN_RECORDS[case], path)
    text, hint = error_in(raised.value, "fr")
    french = f"{text} {hint or ''}"
    assert str(path) in text
    assert text != raised.value.message
    assert _english_left(french) == [], french


@pytest.mark.parametrize("case", BROKEN_PLAYBOOKS)
def test_a_team_playbook_that_does_not_load_is_told_in_french(case: str) -> None:
    from salescoach.playbook.loader import parse_playbook

    with pytest.raises(PlaybookError) as raised:
        parse_playbook(BROKEN_PLAYBOOKS[case], "equipe/opa.yaml")
    for problem in raised.value.problems:
        french = problem_in(problem, "fr")
        assert french.startswith("equipe/opa.yaml")
        assert french != str(problem) and _english_left(french) == [], french


def test_a_lock_held_by_another_salescoach_is_told_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from salescoach.store import repository
    from salescoach.store.repository import Repository

    monkeypatch.setattr(repository, "LOCK_TIMEOUT_SECONDS", 0.05)
    held = Repository(tmp_path)._lock("held")
    with FileLock(held.path), pytest.raises(StoreError) as raised, held:
        pass  # pragma: no cover - the lock is held above
    text, hint = error_in(raised.value, "fr")
    assert text.startswith("un autre salescoach tient ")
    assert hint == (
        "attendez qu'il ait fini, ou supprimez le fichier de verrou si aucun salescoach ne tourne"
    )


def test_an_unreadable_file_and_what_the_system_said_are_told_in_french() -> None:
    assert reworded("cannot read: Permission denied", "fr") == "illisible\u00a0: permission refusée"
    said = "/h/a/prep.md: cannot read: Is a directory"
    assert reworded(said, "fr") == "/h/a/prep.md\u00a0: illisible\u00a0: c'est un dossier"


def test_english_and_what_no_pattern_knows_are_kept_as_they_are() -> None:
    said = "/h/a/prep.md: invalid record: kind: Input should be 'prep' or 'debrief'"
    assert reworded(said, "en") == said
    assert reworded("Something nobody planned for.", "fr") == "Something nobody planned for."
    error = SalescoachError("cannot read: Permission denied", hint="give the path of a file")
    assert error_in(error, "fr") == (
        "illisible\u00a0: permission refusée",
        "donnez le chemin d'un fichier",
    )


def test_a_part_holding_several_messages_is_worded_message_by_message() -> None:
    said = "invalid record: meeting: Field required; answers: Input should be a valid dictionary"
    assert reworded(said, "fr") == (
        "enregistrement non valable\u00a0: meeting\u00a0: champ obligatoire\u00a0; "
        "answers\u00a0: une table (clé\u00a0: valeur) est attendue"
    )
    counts = Rewording("fr", {"{count} left": "{count:# reste|# restent}"})
    assert counts("1 left") == "1\u00a0reste"
    assert counts("3 left") == "3\u00a0restent"


def test_every_french_pattern_fills_only_the_parts_its_english_has() -> None:
    import string

    for english, french in REWORDED["fr"].items():
        if "{" not in english:
            continue  # said as it is, never filled in ("did not find expected ',' or '}'")
        fields = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        french_fields = {name for _, name, _, _ in string.Formatter().parse(french) if name}
        assert french_fields <= fields, english
